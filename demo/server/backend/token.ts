// Verification of the ID token the element sends in `consent.idToken`
// (signature, issuer, audience, expiry and tenant checked; the token never logged).
import { request as httpsRequest } from 'node:https';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  customFetch,
  errors as joseErrors,
  jwtVerify,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { ProblemError } from './problem.js';

/** Personal Microsoft accounts (MSA) all share this tenant id. */
export const CONSUMER_TENANT_ID = '9188040d-6c67-4c5b-b112-36a304b66dad';

export interface TokenVerifierOptions {
  /** The application (client) id: the token's required `aud`. */
  clientId: string;
  /**
   * Accepted `iss`. A string may contain `{tenantid}`, replaced by the token's
   * `tid` (Entra's v2 issuer is `https://login.microsoftonline.com/{tenantid}/v2.0`).
   * An array accepts any of them; a function decides.
   */
  issuer: string | readonly string[] | ((iss: string, tid: string) => boolean);
  /** JWKS address of the identity provider (fetched and cached by jose). */
  jwksUrl?: string | URL;
  /** PEM certificate(s) to trust for an HTTPS `jwksUrl` with a private CA (local provider). */
  jwksCa?: string | Buffer | Array<string | Buffer>;
  /** A key set given inline (tests). */
  jwks?: JSONWebKeySet;
  /** Any jose key resolver (takes precedence over `jwks` and `jwksUrl`). */
  getKey?: JWTVerifyGetKey;
  /** Accepted signature algorithms. Default: the asymmetric ones Entra and oidc-provider use. */
  algorithms?: string[];
  /** Clock skew tolerated for `exp`/`nbf`/`iat`, seconds. Default 60. */
  clockToleranceSeconds?: number;
}

export interface VerifiedIdentity {
  tenantId: string;
  /** `oid` or `sub`. */
  subject: string;
  username?: string;
  name?: string;
  claims: JWTPayload;
}

const DEFAULT_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
];

function consentInvalid(
  status: 401 | 403,
  detail: string,
  field = 'consent.idToken',
): ProblemError {
  return new ProblemError({
    status,
    code: 'consent-invalid',
    title: status === 401 ? 'Consent could not be verified' : 'Consent not accepted',
    detail,
    errors: [{ field, code: 'consent-invalid', message: detail }],
  });
}

/** A jose `customFetch` over node:https that trusts the given CA (for the local HTTPS provider). */
function fetchWithCa(ca: NonNullable<TokenVerifierOptions['jwksCa']>) {
  return (url: string, options: { headers: Headers; method: string; signal: AbortSignal }) =>
    new Promise<Response>((resolve, reject) => {
      const headers: Record<string, string> = {};
      options.headers.forEach((v, k) => (headers[k] = v));
      const req = httpsRequest(
        url,
        { method: options.method, headers, ca, signal: options.signal },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const h = new Headers();
            for (const [k, v] of Object.entries(res.headers)) {
              if (typeof v === 'string') h.set(k, v);
            }
            resolve(
              new Response(Buffer.concat(chunks), { status: res.statusCode ?? 500, headers: h }),
            );
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
}

export function createTokenVerifier(options: TokenVerifierOptions) {
  let getKey: JWTVerifyGetKey;
  if (options.getKey) getKey = options.getKey;
  else if (options.jwks) getKey = createLocalJWKSet(options.jwks);
  else if (options.jwksUrl) {
    const url = new URL(options.jwksUrl);
    getKey = createRemoteJWKSet(
      url,
      options.jwksCa ? { [customFetch]: fetchWithCa(options.jwksCa) } : {},
    );
  } else throw new Error('token verification needs getKey, jwks or jwksUrl');

  const issuerOk = (iss: string, tid: string): boolean => {
    const { issuer } = options;
    if (typeof issuer === 'function') return issuer(iss, tid);
    const list = typeof issuer === 'string' ? [issuer] : issuer;
    return list.some((i) => i.replace(/\{tenantid\}/gi, tid) === iss);
  };

  /** Verifies the token and the body's tenant; throws a `consent-invalid` ProblemError. */
  return async function verify(idToken: string, bodyTenantId: string): Promise<VerifiedIdentity> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(idToken, getKey, {
        audience: options.clientId,
        algorithms: options.algorithms ?? DEFAULT_ALGORITHMS,
        clockTolerance: options.clockToleranceSeconds ?? 60,
        requiredClaims: ['exp', 'iat', 'iss', 'aud'],
      }));
    } catch (err) {
      if (isKeySourceFailure(err)) {
        // Our problem, not the admin's: the keys could not be fetched.
        throw new ProblemError({
          status: 503,
          code: 'server-error',
          title: 'Identity provider unavailable',
          detail: "The identity provider's signing keys could not be fetched. Try again later.",
        });
      }
      throw consentInvalid(401, describeJoseError(err));
    }
    const tid = payload['tid'];
    if (typeof tid !== 'string' || tid === '') {
      throw consentInvalid(401, 'The ID token has no tenant (tid claim).');
    }
    // iss checked after signature and with the token's tid (multi-tenant issuers).
    if (typeof payload.iss !== 'string' || !issuerOk(payload.iss, tid)) {
      throw consentInvalid(
        401,
        'The ID token was issued by an identity provider this backend does not trust.',
      );
    }
    if (tid.toLowerCase() === CONSUMER_TENANT_ID) {
      throw consentInvalid(
        403,
        'Personal Microsoft accounts cannot be used: sign in with a work or school account of the organization.',
      );
    }
    if (bodyTenantId.toLowerCase() !== tid.toLowerCase()) {
      throw consentInvalid(
        403,
        'The tenant in the request differs from the tenant that granted consent.',
        'consent.tenantId',
      );
    }
    const str = (v: unknown): string | undefined =>
      typeof v === 'string' && v !== '' ? v : undefined;
    const identity: VerifiedIdentity = {
      tenantId: tid.toLowerCase(),
      subject: str(payload['oid']) ?? str(payload.sub) ?? '',
      claims: payload,
    };
    const username =
      str(payload['preferred_username']) ?? str(payload['upn']) ?? str(payload['email']);
    if (username !== undefined) identity.username = username;
    const name = str(payload['name']);
    if (name !== undefined) identity.name = name;
    return identity;
  };
}

export type TokenVerifier = ReturnType<typeof createTokenVerifier>;

function isKeySourceFailure(err: unknown): boolean {
  if (err instanceof joseErrors.JWKSTimeout || err instanceof joseErrors.JWKSInvalid) return true;
  // Network errors of the JWKS fetch surface as plain errors (TypeError, ECONNREFUSED…).
  return !(err instanceof joseErrors.JOSEError);
}

function describeJoseError(err: unknown): string {
  if (err instanceof joseErrors.JWTExpired) return 'The ID token has expired: sign in again.';
  if (err instanceof joseErrors.JWTClaimValidationFailed) {
    if (err.claim === 'aud') return 'The ID token was issued for another application (audience).';
    // (A missing iat is not a token from the future: it gets the general message.)
    if ((err.claim === 'nbf' || err.claim === 'iat') && err.reason === 'check_failed') {
      return 'The ID token is not valid yet.';
    }
    return `The ID token's "${err.claim}" claim is invalid.`;
  }
  if (err instanceof joseErrors.JWSSignatureVerificationFailed) {
    return 'The ID token signature is invalid.';
  }
  if (err instanceof joseErrors.JWKSNoMatchingKey) {
    return 'The ID token was signed with a key the identity provider does not publish.';
  }
  if (err instanceof joseErrors.JOSEAlgNotAllowed)
    return 'The ID token uses an unaccepted algorithm.';
  return 'The ID token is malformed or could not be verified.';
}
