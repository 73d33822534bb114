// The whole demo on ONE HTTPS origin (https://localhost:PORT), so that a person
// accepts at most one certificate warning: the demo page and the MSAL redirect
// page, the reference backend under /api/user-sync/integrations, the local
// identity provider under /idp, the Graph stand-in under /graph and
// /demo/config.json. Used by `npm start` (main.ts) and by the end-to-end tests.
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { getRequestListener, type HttpBindings } from '@hono/node-server';
import {
  createBackendApp,
  type BackendApp,
  type BackendOptions,
  type RequestLogEntry,
} from '../backend/index.js';
import { generateDirectory, type DirectoryUser } from '../graph/directory.js';
import { graphUserToRecord, matchesFilter, parseFilter } from '../../../src/filter/index.js';
import {
  createIdentityProvider,
  makeCertificate,
  type MountedIdentityProvider,
} from '../idp/index.js';
import {
  API_BASE_PATH,
  ENTRA_ISSUER_TEMPLATE,
  ENTRA_JWKS_URL,
  GRAPH_PATH,
  IDP_PATH,
  MICROSOFT_GRAPH,
  LOCAL_CLIENT_ID,
  entraConfig,
  entraFromEnv,
  localConfig,
  type DemoConfig,
  type EntraSettings,
} from './config.js';
import {
  createBuiltPages,
  createDevPages,
  DEMO_ROOT,
  type Pages,
  type PagesMode,
} from './pages.js';
import { contentSecurityPolicy, pageHeaders, REDIRECT_PAGE_HEADERS } from './security.js';

export const DEFAULT_PORT = 8443;
export const DEFAULT_DATA_DIR = resolve(DEMO_ROOT, 'server/.data');

export interface DemoStackOptions {
  /** Default 8443; 0 picks a free port. */
  port?: number;
  /** Loopback only; default 127.0.0.1. */
  host?: string;
  /** The backend's SQLite folder; default demo/server/.data. */
  dataDir?: string;
  /** The backend's fault injection (tests only). Default false. */
  faults?: boolean;
  /** 'build' (default): a production build of demo/; 'dev': Vite with HMR. */
  mode?: PagesMode;
  /** UCX_CLIENT_ID / UCX_AUTHORITY / UCX_REDIRECT_URI switch to a real Entra tenant. */
  env?: Record<string, string | undefined>;
  /** Backend pending → active delay, ms (default 3000). */
  firstSyncDelayMs?: number;
  /** Serve the Graph stand-in under /graph (default true). */
  graph?: boolean;
  /** One line per notable event (never tokens). */
  log?: (line: string) => void;
}

export interface DemoStack {
  /** `https://localhost:PORT/`: the one URL a person opens. */
  readonly url: string;
  /** `https://localhost:PORT` */
  readonly origin: string;
  readonly port: number;
  /** What /demo/config.json answers. */
  readonly config: DemoConfig;
  /** The local identity provider (undefined in Entra mode). */
  readonly idp: MountedIdentityProvider | undefined;
  /** The running backend app (replaced by restartBackend()). */
  readonly backend: BackendApp;
  readonly pagesMode: PagesMode;
  /** The self-signed certificate (PEM) of the origin. */
  readonly certificate: string;
  /** Closes the backend (and its database) and opens it again on the same data folder. */
  restartBackend(): Promise<void>;
  close(): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(JSON.stringify(body));
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

export async function startDemoStack(options: DemoStackOptions = {}): Promise<DemoStack> {
  const host = options.host ?? '127.0.0.1';
  if (!['127.0.0.1', 'localhost', '::1'].includes(host)) {
    throw new Error(`the demo listens on loopback only (got host ${host})`);
  }
  const log = options.log ?? (() => {});
  const mode = options.mode ?? 'build';
  // The production build runs while the certificate and the provider are made.
  const built = mode === 'build' ? createBuiltPages() : undefined;
  built?.catch(() => {});
  let cert: string;
  let key: string;
  try {
    ({ key, cert } = await makeCertificate());
  } catch (err) {
    await built?.then((p) => p.close()).catch(() => {});
    throw err;
  }

  let route: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) =>
    sendText(res, 503, 'Starting…');
  const server: Server = createServer({ key, cert }, (req, res) => route(req, res));
  // A socket the backend's `drop` fault destroys must not take the process down.
  server.on('clientError', (_err, socket) => socket.destroy());
  try {
    await new Promise<void>((resolveListen, reject) => {
      server.once('error', (err: NodeJS.ErrnoException) => {
        reject(
          err.code === 'EADDRINUSE'
            ? new Error(`port ${options.port ?? DEFAULT_PORT} is in use: set PORT to another one`)
            : err,
        );
      });
      server.listen(options.port ?? DEFAULT_PORT, host, () => resolveListen());
    });
  } catch (err) {
    await built?.then((p) => p.close()).catch(() => {});
    throw err;
  }
  const port = (server.address() as AddressInfo).port;
  const origin = `https://localhost:${port}`;
  const expectedHost = `localhost:${port}`;

  const closeServer = async () => {
    await new Promise<void>((done) => {
      server.close(() => done());
      server.closeAllConnections();
    });
  };

  try {
    const entra: EntraSettings | undefined = entraFromEnv(options.env ?? {}, origin);
    const idp = entra
      ? undefined
      : await createIdentityProvider({
          issuer: `${origin}${IDP_PATH}`,
          clients: [
            {
              clientId: LOCAL_CLIENT_ID,
              redirectUris: [`${origin}/redirect.html`],
              name: 'Acme UC user synchronization (demo)',
            },
          ],
          log,
        });
    const config = entra ? entraConfig(origin, entra) : localConfig(origin);

    // The Graph stand-in's directory, made on first use, shared with the backend's simulated
    // synchronizations: a new row's user count is what Preview showed for its filters.
    let directory: DirectoryUser[] | undefined;
    const users = (): DirectoryUser[] => (directory ??= generateDirectory({ count: 5_000 }));
    const countUsers = (filter: string | null): number => {
      const parsed = filter === null ? undefined : parseFilter(filter);
      if (parsed && !parsed.ok) return 0;
      return users().filter((u) => !parsed || matchesFilter(parsed.filter, graphUserToRecord(u)))
        .length;
    };

    const backendOptions: BackendOptions = {
      dataDir: options.dataDir ?? DEFAULT_DATA_DIR,
      basePath: API_BASE_PATH,
      clientId: config.clientId,
      ...(idp
        ? { issuer: idp.issuer, jwks: idp.jwks }
        : { issuer: ENTRA_ISSUER_TEMPLATE, jwksUrl: ENTRA_JWKS_URL }),
      demoControls: true,
      faults: options.faults === true,
      ...(!entra && options.graph !== false ? { countUsers } : {}),
      ...(options.firstSyncDelayMs !== undefined
        ? { firstSyncDelayMs: options.firstSyncDelayMs }
        : {}),
      log: (e: RequestLogEntry) =>
        log(
          `${e.method} ${e.path} ${e.status} ${e.ms}ms id=${e.requestId}${e.fault ? ` fault=${JSON.stringify(e.fault)}` : ''}`,
        ),
    };
    let backend = createBackendApp(backendOptions);
    const backendListener = getRequestListener((request, env) =>
      backend.fetch(request, env as Partial<HttpBindings>),
    );

    let graphListener: ReturnType<typeof getRequestListener> | undefined;
    const graph = async (req: IncomingMessage, res: ServerResponse) => {
      if (!graphListener) {
        const mod = await import('../graph/index.js');
        const app = mod.createGraphApp({
          users: users(),
          corsOrigin: origin,
          basePath: GRAPH_PATH,
          ...(idp
            ? {
                verifyAccessToken: mod.jwksAccessTokenVerifier({
                  jwks: idp.jwks,
                  issuer: idp.issuer,
                }),
              }
            : {}),
        });
        graphListener = getRequestListener(app.fetch);
      }
      req.url = (req.url ?? '/').slice(GRAPH_PATH.length) || '/';
      await graphListener(req, res);
    };

    const csp = contentSecurityPolicy({
      ...(entra
        ? { connect: [new URL(entra.authority).origin, new URL(MICROSOFT_GRAPH).origin] }
        : {}),
      ...(mode === 'dev' ? { websocket: `wss://${expectedHost}` } : {}),
    });
    const headers = pageHeaders(csp);
    const pages: Pages = built ? await built : await createDevPages(server);

    route = (req, res) => {
      const url = req.url ?? '/';
      const path = url.split('?')[0] ?? '/';
      // One origin: everything (cookies, the issuer, the redirect URI) is on
      // https://localhost:PORT. Other host names are sent there (and DNS
      // rebinding gets nowhere).
      if (req.headers.host !== expectedHost) {
        if (req.method === 'GET' || req.method === 'HEAD') {
          res.writeHead(308, { Location: `${origin}${url}` }).end();
        } else {
          sendText(res, 421, `Use ${origin}`);
        }
        return;
      }
      if (idp?.handles(path)) return idp.handler(req, res);
      if (path === '/demo/config.json') return sendJson(res, 200, config);
      if (path === '/favicon.ico') return void res.writeHead(204).end();
      if (path === API_BASE_PATH || path.startsWith(`${API_BASE_PATH}/`)) {
        void backendListener(req, res);
        return;
      }
      if (backendOptions.faults && path === '/__faults') {
        void backendListener(req, res);
        return;
      }
      if (options.graph !== false && (path === GRAPH_PATH || path.startsWith(`${GRAPH_PATH}/`))) {
        graph(req, res).catch((err: unknown) => {
          log(`graph stand-in failed: ${err instanceof Error ? err.message : String(err)}`);
          if (!res.headersSent) sendJson(res, 503, { error: { code: 'ServiceUnavailable' } });
        });
        return;
      }
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      if (path === '/redirect.html') {
        for (const [name, value] of Object.entries(REDIRECT_PAGE_HEADERS)) {
          res.setHeader(name, value);
        }
      }
      pages.handle(req, res, () => sendText(res, 404, 'Not found'));
    };

    let closing: Promise<void> | undefined;
    return {
      url: `${origin}/`,
      origin,
      port,
      config,
      idp,
      get backend() {
        return backend;
      },
      pagesMode: pages.mode,
      certificate: cert,
      async restartBackend() {
        backend.close();
        backend = createBackendApp(backendOptions);
      },
      close() {
        closing ??= (async () => {
          await closeServer();
          backend.close();
          await pages.close();
        })();
        return closing;
      },
    };
  } catch (err) {
    await closeServer();
    await built?.then((p) => p.close()).catch(() => {});
    throw err;
  }
}
