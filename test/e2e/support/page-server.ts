// A Vite dev server started programmatically (no config file) that serves test
// pages and the sources they import. Pages are served from http://127.0.0.1:PORT
// (a secure context), a different site from the identity provider on
// https://localhost:PORT, so that cookies of the two never mix.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { createServer, type ViteDevServer } from 'vite';

export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

export interface PageServerOptions {
  /** Folder served as the web root; default the repository root. */
  root?: string;
  /** Bare imports to pre-bundle at start-up (avoids mid-test reloads). */
  optimize?: string[];
  port?: number;
  /** Extra response headers per request path (e.g. a strict CSP for the redirect page). */
  headers?: (path: string) => Record<string, string> | undefined;
}

export interface PageServer {
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  readonly vite: ViteDevServer;
  url(path: string): string;
  close(): Promise<void>;
}

export async function startPageServer(options: PageServerOptions = {}): Promise<PageServer> {
  const root = options.root ?? REPO_ROOT;
  const cacheDir = await mkdtemp(join(tmpdir(), 'ucx-vite-'));
  const vite = await createServer({
    configFile: false,
    root,
    cacheDir,
    logLevel: 'error',
    clearScreen: false,
    server: {
      host: '127.0.0.1',
      port: options.port ?? 0,
      strictPort: false,
      hmr: false,
      ws: false,
      fs: { allow: [REPO_ROOT] },
    },
    optimizeDeps: {
      include: options.optimize ?? [],
      // Never discover new dependencies while a test runs (that reloads the page).
      noDiscovery: true,
    },
    esbuild: { target: 'es2022' },
    plugins: options.headers
      ? [
          {
            name: 'test-headers',
            configureServer(server) {
              const headersFor = options.headers!;
              server.middlewares.use((req, res, next) => {
                const path = (req.url ?? '/').split('?')[0] ?? '/';
                for (const [name, value] of Object.entries(headersFor(path) ?? {})) {
                  res.setHeader(name, value);
                }
                next();
              });
            },
          },
        ]
      : [],
  });
  await vite.listen();
  const address = vite.httpServer?.address() as AddressInfo | null;
  if (!address) throw new Error('vite did not start');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    vite,
    url: (path: string) => new URL(path, origin).href,
    async close() {
      await vite.close();
      await rm(cacheDir, { recursive: true, force: true });
    },
  };
}
