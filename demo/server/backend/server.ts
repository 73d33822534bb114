// Starts the reference backend on a Node HTTP server (@hono/node-server).
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createBackendApp, type BackendApp, type BackendOptions } from './app.js';

export interface StartBackendOptions extends BackendOptions {
  /** Default 0: an ephemeral port. */
  port?: number;
  /** Default `127.0.0.1` (loopback only). */
  host?: string;
}

export interface RunningBackend {
  /** Origin, e.g. `http://127.0.0.1:54321` (no trailing slash). */
  url: string;
  /** `url` + base path: what the element's `endpoint` points at (directly or through a proxy). */
  endpoint: string;
  port: number;
  backend: BackendApp;
  /** Stops accepting, drops open connections, closes the database. */
  close(): Promise<void>;
}

export async function startBackend(options: StartBackendOptions): Promise<RunningBackend> {
  const backend = createBackendApp(options);
  const host = options.host ?? '127.0.0.1';
  let server: Server;
  try {
    server = await new Promise<Server>((resolve, reject) => {
      const s = serve({ fetch: backend.app.fetch, port: options.port ?? 0, hostname: host }, () =>
        resolve(s as Server),
      ) as Server;
      s.once('error', reject);
    });
  } catch (err) {
    backend.close();
    throw err;
  }
  // A socket destroyed by the `drop` fault must not take the process down.
  server.on('clientError', (_err, socket) => socket.destroy());
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  let closed: Promise<void> | undefined;
  return {
    url,
    endpoint: `${url}${backend.basePath}`,
    port,
    backend,
    close() {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => {
          backend.close();
          resolve();
        });
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
