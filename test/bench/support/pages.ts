// Benchmark pages built as a host's production build would (esbuild: bundled, minified,
// split) and served from one loopback server: `/<name>` is a page that runs `<name>.js`;
// `json` answers any other path it knows (the element's backend), everything else is 404.
import { build } from 'esbuild';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../../..', import.meta.url).pathname;

/** How late `/slow/…` answers. */
export const SLOW_MS = 150;

export interface PageServer {
  /** `http://127.0.0.1:PORT` */
  base: string;
  close(): void;
}

export async function servePages(
  entries: Record<string, string>,
  json: (path: string) => string | undefined = () => undefined,
): Promise<PageServer> {
  const out = mkdtempSync(join(tmpdir(), 'ucx-bench-pages-'));
  await build({
    entryPoints: Object.fromEntries(
      Object.entries(entries).map(([name, file]) => [name, join(root, file)]),
    ),
    bundle: true,
    splitting: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    outdir: out,
    logLevel: 'error',
    conditions: ['browser', 'production'],
  });
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    // `/slow/…` answers as `/…` does, 150 ms later: a backend on a real network.
    if (url.startsWith('/slow/')) {
      setTimeout(() => {
        const body = json(url.slice(5));
        if (body === undefined) res.writeHead(404).end();
        else res.writeHead(200, { 'Content-Type': 'application/json' }).end(body);
      }, SLOW_MS);
      return;
    }
    const path = url;
    const name = path.slice(1);
    const body = json(path);
    if (body !== undefined) {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(body);
    } else if (name in entries) {
      res
        .writeHead(200, { 'Content-Type': 'text/html' })
        .end(
          `<!doctype html><meta charset="utf-8"><script type="module" src="/${name}.js"></script>`,
        );
    } else {
      try {
        const script = readFileSync(join(out, name));
        res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(script);
      } catch {
        res.writeHead(404).end();
      }
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close() {
      server.close();
      rmSync(out, { recursive: true, force: true });
    },
  };
}
