// A local OpenID Connect provider that behaves enough like Microsoft Entra ID
// for MSAL.js to use it as an authority: oidc-provider 9 on 127.0.0.1 over HTTPS
// with a self-signed certificate generated at start-up (no key is committed),
// Entra-shaped claims, real sign-in / consent pages, JWT access tokens for a
// Graph-like resource and switches that answer like Entra's failures.
//
// Point MSAL at it only through public configuration:
//   authority: idp.issuer,
//   msalConfig: { auth: { knownAuthorities: [idp.authorityHost] },
//                 system: { protocolMode: 'OIDC' } }

import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import Provider, { errors as oidcErrors, type InteractionDetails } from 'oidc-provider';
import { generate } from 'selfsigned';
import { DEFAULT_ACCOUNTS, type IdpAccount } from './accounts.js';
import { entraError, type EntraErrorCode } from './errors.js';
import { adminApprovalPage, consentPage, errorPage, signInPage } from './views.js';

export { CONSUMER_TENANT_ID, CONTOSO_TENANT_ID, DEFAULT_ACCOUNTS } from './accounts.js';
export type { AccountKind, IdpAccount } from './accounts.js';
export { ENTRA_ERROR_CODES, entraError } from './errors.js';
export type { EntraErrorCode } from './errors.js';

/** The Graph-like resource whose access tokens the provider issues as JWTs. */
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';
/** Scopes of the Graph-like resource (Entra accepts both spellings). */
export const GRAPH_SCOPES = [
  'https://graph.microsoft.com/.default',
  'https://graph.microsoft.com/User.Read.All',
  'https://graph.microsoft.com/User.Read',
  'User.Read.All',
  'User.Read',
] as const;

const OIDC_SCOPES = ['openid', 'profile', 'email', 'offline_access'];

export interface IdpClient {
  clientId: string;
  /** Exact redirect URIs (the SPA redirect page). */
  redirectUris: string[];
  /** Shown on the sign-in and consent pages. */
  name?: string;
  /** Extra origins allowed to call the token endpoint (the redirect URIs' origins always are). */
  corsOrigins?: string[];
}

export interface IdpBehaviour {
  /** Answer the next authorization request with this Entra error (then reset to null). */
  nextError: EntraErrorCode | null;
  /**
   * Skip the pages and sign in + consent as this username at once (benchmarks,
   * quick demos). null shows the real pages.
   */
  autoApproveAs: string | null;
}

export interface IdentityProviderOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  clients: IdpClient[];
  accounts?: readonly IdpAccount[];
  /** Access and ID token lifetime in seconds (default 3600). */
  tokenTtlSeconds?: number;
  /** Receives one line per notable event (never tokens or codes). */
  log?: (line: string) => void;
}

/** Options of a provider mounted inside another HTTPS server (see createIdentityProvider). */
export interface MountedIdentityProviderOptions extends Omit<
  IdentityProviderOptions,
  'port' | 'host'
> {
  /**
   * The issuer, e.g. `https://localhost:8443/idp`: its path is the mount path, and
   * the host server must hand every request under it to `handler` (full URL, path
   * included). Must be HTTPS (MSAL refuses anything else).
   */
  issuer: string;
}

/** A provider without its own server: its request handler and its public facts. */
export interface MountedIdentityProvider {
  /** As given, without a trailing slash; also the MSAL authority. */
  readonly issuer: string;
  readonly jwksUri: string;
  /** `host:port` of the issuer, for MSAL's `knownAuthorities`. */
  readonly authorityHost: string;
  /** The issuer's path (`/idp`), or '' at the root. */
  readonly basePath: string;
  readonly jwks: { keys: JWK[] };
  readonly stats: IdentityProviderStats;
  readonly behaviour: Readonly<IdpBehaviour>;
  setBehaviour(change: Partial<IdpBehaviour>): void;
  /** True for a path the handler serves (`basePath` and below). */
  handles(path: string): boolean;
  /** Node request handler; expects the full path (mount path included). */
  handler(req: IncomingMessage, res: ServerResponse): void;
}

export interface IdentityProviderStats {
  authorizationRequests: number;
  tokenRequests: number;
  interactions: number;
}

export interface IdentityProvider {
  /** `https://localhost:PORT` (no trailing slash); also the MSAL authority. */
  readonly issuer: string;
  readonly jwksUri: string;
  /** `localhost:PORT`, for MSAL's `knownAuthorities`. */
  readonly authorityHost: string;
  readonly port: number;
  /** PEM of the self-signed certificate (for clients that want to trust it). */
  readonly certificate: string;
  /** The public signing keys (what jwksUri serves). */
  readonly jwks: { keys: JWK[] };
  readonly stats: IdentityProviderStats;
  readonly behaviour: Readonly<IdpBehaviour>;
  setBehaviour(change: Partial<IdpBehaviour>): void;
  close(): Promise<void>;
}

interface InteractionState {
  account?: IdpAccount;
}

function readBody(req: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > 64 * 1024) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Security-Policy':
      // (img-src: Firefox asks for /favicon.ico even with no icon declared; the CSP refused it
      // with a console error on every page.)
      "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; frame-ancestors 'none'",
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(html);
}

function requestedScopes(details: InteractionDetails): string[] {
  return String(details.params.scope ?? '')
    .split(' ')
    .filter((s) => s.length > 0);
}

function wantsGraph(scope: unknown): boolean {
  return String(scope ?? '')
    .split(' ')
    .some((s) => (GRAPH_SCOPES as readonly string[]).includes(s));
}

/** A self-signed certificate for localhost and 127.0.0.1, valid a week (generated, never stored). */
export async function makeCertificate(): Promise<{ key: string; cert: string }> {
  const now = new Date();
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 60_000),
    notAfterDate: new Date(now.getTime() + 7 * 24 * 3600_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}

export async function startIdentityProvider(
  options: IdentityProviderOptions,
): Promise<IdentityProvider> {
  const host = options.host ?? '127.0.0.1';
  const { key, cert } = await makeCertificate();

  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => {
    res.writeHead(503).end();
  };
  const server: Server = createServer({ key, cert }, (req, res) => handler(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const mounted = await createIdentityProvider({
    ...options,
    issuer: `https://localhost:${port}`,
  });
  handler = mounted.handler;

  return {
    issuer: mounted.issuer,
    jwksUri: mounted.jwksUri,
    authorityHost: mounted.authorityHost,
    port,
    certificate: cert,
    jwks: mounted.jwks,
    stats: mounted.stats,
    behaviour: mounted.behaviour,
    setBehaviour: mounted.setBehaviour,
    close() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/**
 * The provider without a server of its own, to mount under a path of another
 * HTTPS server on the same origin as the page (the one-command demo serves it at
 * `https://localhost:8443/idp`). Requests under the issuer's path go to `handler`.
 */
export async function createIdentityProvider(
  options: MountedIdentityProviderOptions,
): Promise<MountedIdentityProvider> {
  const issuerUrl = new URL(options.issuer);
  if (issuerUrl.protocol !== 'https:') throw new Error('the issuer must be an https URL');
  const issuer = issuerUrl.href.replace(/\/+$/, '');
  const basePath = issuerUrl.pathname.replace(/\/+$/, '');
  const accounts = options.accounts ?? DEFAULT_ACCOUNTS;
  const ttl = options.tokenTtlSeconds ?? 3600;
  const log = options.log ?? (() => {});
  const behaviour: IdpBehaviour = { nextError: null, autoApproveAs: null };
  const stats: IdentityProviderStats = {
    authorizationRequests: 0,
    tokenRequests: 0,
    interactions: 0,
  };
  const interactions = new Map<string, InteractionState>();

  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomBytes(8).toString('hex');
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };

  const allowedOrigins = new Set<string>();
  for (const client of options.clients) {
    for (const uri of client.redirectUris) allowedOrigins.add(new URL(uri).origin);
    for (const origin of client.corsOrigins ?? []) allowedOrigins.add(origin);
  }
  const accountBySub = (sub: string): IdpAccount | undefined => accounts.find((a) => a.sub === sub);

  const provider = new Provider(issuer, {
    clients: options.clients.map((c) => ({
      client_id: c.clientId,
      client_name: c.name ?? 'User synchronization',
      redirect_uris: c.redirectUris,
      response_types: ['code'],
      grant_types: ['authorization_code', 'refresh_token'],
      token_endpoint_auth_method: 'none',
      application_type: 'web',
    })),
    jwks: { keys: [privateJwk] },
    cookies: {
      keys: [randomBytes(32).toString('base64url')],
      // Mounted under a path of the page's origin: keep the session cookie there.
      long: { httpOnly: true, sameSite: 'lax', path: basePath || '/' },
    },
    conformIdTokenClaims: false,
    scopes: OIDC_SCOPES,
    claims: {
      openid: ['sub', 'tid', 'oid', 'ver'],
      profile: ['name', 'preferred_username'],
      email: ['email'],
    },
    findAccount: (_ctx: unknown, sub: string) => {
      const account = accountBySub(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: () => ({
          sub,
          tid: account.tid,
          oid: account.oid,
          ver: '2.0',
          name: account.name,
          preferred_username: account.username,
          email: account.username,
        }),
      };
    },
    pkce: { required: () => true },
    responseTypes: ['code'],
    clientBasedCORS: (_ctx: unknown, origin: string) => allowedOrigins.has(origin),
    ttl: {
      AccessToken: ttl,
      IdToken: ttl,
      AuthorizationCode: 120,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
      RefreshToken: 3600,
    },
    interactions: {
      url: (_ctx: unknown, interaction: { uid: string }) =>
        `${basePath}/interaction/${interaction.uid}`,
    },
    features: {
      devInteractions: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: (
          ctx: { oidc?: { params?: { scope?: unknown } } },
          _client: unknown,
          oneOf?: string,
        ) => oneOf ?? (wantsGraph(ctx.oidc?.params?.scope) ? GRAPH_RESOURCE : undefined),
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx: unknown, indicator: string) => {
          if (indicator !== GRAPH_RESOURCE) throw new oidcErrors.InvalidTarget!();
          return {
            scope: GRAPH_SCOPES.join(' '),
            audience: GRAPH_RESOURCE,
            accessTokenTTL: ttl,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    extraTokenClaims: (
      _ctx: unknown,
      token: { kind?: string; accountId?: string; scope?: string },
    ) => {
      if (token.kind !== 'AccessToken' || !token.accountId) return undefined;
      const account = accountBySub(token.accountId);
      if (!account) return undefined;
      const scp = String(token.scope ?? '')
        .split(' ')
        .filter((s) => s.startsWith(`${GRAPH_RESOURCE}/`) && !s.endsWith('/.default'))
        .map((s) => s.slice(GRAPH_RESOURCE.length + 1));
      return {
        tid: account.tid,
        oid: account.oid,
        preferred_username: account.username,
        name: account.name,
        ver: '2.0',
        scp: [...new Set([...scp, 'User.Read.All'])].join(' '),
      };
    },
    renderError: (ctx: { type: string; body: string }, out: { error?: string }) => {
      ctx.type = 'html';
      ctx.body = errorPage(
        'Sorry, but we’re having trouble signing you in.',
        String(out.error ?? 'error'),
      );
    },
  });

  provider.on('authorization.accepted', () => {
    stats.authorizationRequests += 1;
  });
  provider.on('grant.success', () => {
    stats.tokenRequests += 1;
  });
  provider.on('server_error', (...args: unknown[]) => {
    const err = args[1] as Error | undefined;
    log(`idp server_error: ${err?.message ?? 'unknown'}`);
  });

  const appName = async (details: InteractionDetails): Promise<string> => {
    const client = await provider.Client.find(String(details.params.client_id ?? ''));
    return client?.clientName ?? client?.clientId ?? 'Application';
  };

  const finishWithError = async (
    req: IncomingMessage,
    res: ServerResponse,
    code: EntraErrorCode,
  ): Promise<void> => {
    log(`idp answers ${code}`);
    await provider.interactionFinished(
      req,
      res,
      { ...entraError(code) },
      { mergeWithLastSubmission: false },
    );
  };

  const finishWithConsent = async (
    req: IncomingMessage,
    res: ServerResponse,
    details: InteractionDetails,
    account: IdpAccount,
  ): Promise<void> => {
    const clientId = String(details.params.client_id ?? '');
    const grant =
      (details.grantId ? await provider.Grant.find(details.grantId) : undefined) ??
      new provider.Grant({ accountId: account.sub, clientId });
    const scopes = requestedScopes(details);
    const oidc = scopes.filter((s) => OIDC_SCOPES.includes(s));
    if (oidc.length) grant.addOIDCScope(oidc.join(' '));
    const graph = scopes.filter((s) => (GRAPH_SCOPES as readonly string[]).includes(s));
    if (graph.length) grant.addResourceScope(GRAPH_RESOURCE, graph.join(' '));
    const grantId = await grant.save();
    log(`idp consent granted by ${account.kind}`);
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: account.sub }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  };

  const interaction = async (req: IncomingMessage, res: ServerResponse, path: string) => {
    const match = /^\/interaction\/([^/]+)(?:\/(login|confirm|deny|return))?$/.exec(path);
    if (!match) return false;
    const action = match[2];
    const details = await provider.interactionDetails(req, res);
    const uid = details.uid;
    const state = interactions.get(uid) ?? {};
    interactions.set(uid, state);
    const name = await appName(details);
    const scopes = requestedScopes(details);

    if (req.method === 'GET' && !action) {
      stats.interactions += 1;
      if (behaviour.nextError) {
        const code = behaviour.nextError;
        behaviour.nextError = null;
        await finishWithError(req, res, code);
        return true;
      }
      if (behaviour.autoApproveAs) {
        const auto = accounts.find((a) => a.username === behaviour.autoApproveAs);
        if (auto) {
          await finishWithConsent(req, res, details, auto);
          return true;
        }
      }
      if (!state.account) {
        sendHtml(res, 200, signInPage({ uid, base: basePath, appName: name, accounts }));
      } else if (state.account.kind === 'user') {
        sendHtml(
          res,
          200,
          adminApprovalPage({
            uid,
            base: basePath,
            appName: name,
            account: state.account,
            scopes,
          }),
        );
      } else {
        sendHtml(
          res,
          200,
          consentPage({
            uid,
            base: basePath,
            appName: name,
            account: state.account,
            scopes,
          }),
        );
      }
      return true;
    }
    if (req.method !== 'POST') {
      res.writeHead(405).end();
      return true;
    }
    const body = await readBody(req);
    switch (action) {
      case 'login': {
        const username = (body.get('username') ?? '').trim().toLowerCase();
        const account = accounts.find((a) => a.username.toLowerCase() === username);
        if (!account) {
          sendHtml(
            res,
            200,
            signInPage({
              uid,
              base: basePath,
              appName: name,
              accounts,
              error: "We couldn't find an account with that username.",
            }),
          );
          return true;
        }
        if (account.kind === 'personal') {
          await finishWithError(req, res, 'AADSTS50020');
          return true;
        }
        state.account = account;
        res
          .writeHead(303, { Location: `${basePath}/interaction/${encodeURIComponent(uid)}` })
          .end();
        return true;
      }
      case 'confirm':
        if (!state.account || state.account.kind !== 'admin') {
          res
            .writeHead(303, { Location: `${basePath}/interaction/${encodeURIComponent(uid)}` })
            .end();
          return true;
        }
        await finishWithConsent(req, res, details, state.account);
        return true;
      case 'deny':
        await finishWithError(req, res, 'AADSTS65004');
        return true;
      case 'return':
        await finishWithError(req, res, 'AADSTS90094');
        return true;
      default:
        res.writeHead(404).end();
        return true;
    }
  };

  const oidcCallback = provider.callback();
  const handles = (path: string): boolean =>
    basePath === '' || path === basePath || path.startsWith(`${basePath}/`);
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const url = req.url ?? '/';
    if (basePath !== '') {
      // The mount: oidc-provider reads the mount path from originalUrl (see its docs
      // on mounting in a sub-path); the routes see the path below it.
      (req as IncomingMessage & { originalUrl?: string }).originalUrl = url;
      req.url = url.slice(basePath.length) || '/';
      if (!req.url.startsWith('/')) req.url = `/${req.url}`;
    }
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path.startsWith('/interaction/')) {
      interaction(req, res, path).catch((err: unknown) => {
        log(`idp interaction error: ${err instanceof Error ? err.name : 'unknown'}`);
        if (!res.headersSent) {
          sendHtml(
            res,
            400,
            errorPage('Sign-in session expired', 'Close this window and try again.'),
          );
        } else {
          res.end();
        }
      });
      return;
    }
    oidcCallback(req, res);
  };

  return {
    issuer,
    jwksUri: `${issuer}/jwks`,
    authorityHost: issuerUrl.host,
    basePath,
    jwks: { keys: [publicJwk] },
    stats,
    behaviour,
    setBehaviour(change) {
      Object.assign(behaviour, change);
    },
    handles,
    handler,
  };
}
