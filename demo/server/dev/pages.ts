// The demo page and the redirect page, two ways:
// - 'build' (default): a production `vite build` of demo/ into a temporary
//   folder, served as static files. No inline script, no HMR client: exactly
//   what a host ships, under the strict CSP.
// - 'dev': Vite in middleware mode on the same HTTPS server, with HMR over the
//   same port (for working on the demo or the element; also CSP-clean).
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ViteDevServer } from 'vite';

export type PagesMode = 'build' | 'dev';

export const DEMO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const REPO_ROOT = resolve(DEMO_ROOT, '..');

export interface Pages {
  readonly mode: PagesMode;
  /** Serves the request or calls `next()`. */
  handle(req: IncomingMessage, res: ServerResponse, next: () => void): void;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

const INPUTS = {
  index: join(DEMO_ROOT, 'index.html'),
  redirect: join(DEMO_ROOT, 'redirect.html'),
};

/** Builds demo/ (about 2 s with Vite 8) into a temporary folder removed by close(). */
export async function createBuiltPages(): Promise<Pages> {
  const { build } = await import('vite');
  const outDir = await mkdtemp(join(tmpdir(), 'ucx-demo-www-'));
  await build({
    configFile: false,
    root: DEMO_ROOT,
    logLevel: 'warn',
    clearScreen: false,
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: true,
      reportCompressedSize: false,
      rolldownOptions: { input: INPUTS },
    },
  });
  const root = outDir + sep;
  return {
    mode: 'build',
    handle(req, res, next) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return next();
      const pathname = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
      const relative = pathname === '/' ? 'index.html' : pathname.slice(1);
      const file = normalize(join(outDir, relative));
      if (!file.startsWith(root)) return next();
      void serveFile(req, res, file).then((served) => {
        if (!served) next();
      });
    },
    close: () => rm(outDir, { recursive: true, force: true }),
  };
}

async function serveFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
): Promise<boolean> {
  try {
    if (!(await stat(file)).isFile()) return false;
    const body = await readFile(file);
    const hashed = file.includes(`${sep}assets${sep}`);
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': body.length,
      ...(hashed ? { 'Cache-Control': 'public, max-age=31536000, immutable' } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  } catch {
    return false;
  }
}

/** Vite in middleware mode; HMR's WebSocket upgrades on the same HTTPS server. */
export async function createDevPages(server: HttpsServer): Promise<Pages> {
  const { createServer } = await import('vite');
  const vite: ViteDevServer = await createServer({
    configFile: false,
    root: DEMO_ROOT,
    appType: 'spa',
    logLevel: 'warn',
    clearScreen: false,
    server: {
      middlewareMode: true,
      // HMR's WebSocket upgrades on the same HTTPS server and port.
      hmr: { server },
      ws: { server },
      fs: { allow: [REPO_ROOT] },
    },
    optimizeDeps: {
      // Pre-bundle what the page imports lazily, so the optimizer never reloads
      // the page in the middle of a sign-in.
      include: [
        'lit',
        '@lit/localize',
        '@lit/task',
        '@azure/msal-browser',
        '@azure/msal-browser/redirect-bridge',
      ],
    },
  });
  return {
    mode: 'dev',
    handle(req, res, next) {
      vite.middlewares(req, res, next);
    },
    close: () => vite.close(),
  };
}
