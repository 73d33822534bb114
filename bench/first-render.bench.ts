// First render of <ucx-user-sync> in headless Chromium, side by side with a
// minimal Lit page that opens a dialog (issue 3: goal ≤ 1.2× that page).
// Both pages are production bundles (esbuild, minified), served from one
// loopback server with the same list response; each run is a fresh page load
// in a fresh browser context, interleaved, and we report medians.
import { build } from 'esbuild';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../test/e2e/support/browser.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 25);
const root = new URL('..', import.meta.url).pathname;
const out = mkdtempSync(join(tmpdir(), 'ucx-first-render-'));

await build({
  entryPoints: {
    ucx: join(root, 'bench/first-render/ucx-page.ts'),
    lit: join(root, 'bench/first-render/lit-page.ts'),
  },
  bundle: true,
  splitting: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  outdir: out,
  logLevel: 'error',
  conditions: ['browser', 'production'],
});

const now = new Date().toISOString();
const list = JSON.stringify({
  items: [
    {
      id: 'a',
      source: 'entra-id',
      displayName: 'Entra ID — contoso.com',
      filter: '(&(department=Sales)(location=NYC))',
      status: 'active',
      managedBy: 'customer',
      createdAt: now,
      updatedAt: now,
      lastSyncAt: now,
      userCount: 1234,
    },
  ],
});

const server = createServer((req, res) => {
  const url = req.url ?? '/';
  if (url.startsWith('/api/')) {
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(list);
  } else if (url === '/ucx' || url === '/lit') {
    res
      .writeHead(200, { 'Content-Type': 'text/html' })
      .end(
        `<!doctype html><meta charset="utf-8"><script type="module" src="/${url.slice(1)}.js"></script>`,
      );
  } else if (url.endsWith('.js')) {
    try {
      const body = readFileSync(join(out, url.slice(1)));
      res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  } else res.writeHead(404).end();
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const browser = await launchChromium();
const samples: Record<string, number[]> = { ucxShell: [], ucxList: [], lit: [] };
async function measure(path: string): Promise<{ shell: number; list?: number }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}${path}`);
  const result = (
    await page.waitForFunction(
      () => (window as unknown as { __result?: unknown }).__result,
      undefined,
      {
        timeout: 30_000,
      },
    )
  ).jsonValue() as Promise<{ shell: number; list?: number }>;
  const value = await result;
  await context.close();
  return value;
}
for (let i = 0; i < 3; i++) {
  await measure('/ucx');
  await measure('/lit');
}
for (let i = 0; i < RUNS; i++) {
  const ucx = await measure('/ucx');
  const lit = await measure('/lit');
  samples.ucxShell!.push(ucx.shell);
  samples.ucxList!.push(ucx.list ?? NaN);
  samples.lit!.push(lit.shell);
}
await browser.close();
server.close();
rmSync(out, { recursive: true, force: true });

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
const lit = median(samples.lit!);
const shell = median(samples.ucxShell!);
const listed = median(samples.ucxList!);
const row = (name: string, ms: number, ratio?: string) =>
  console.log(`  ${name.padEnd(52)} ${ms.toFixed(1).padStart(7)} ms${ratio ? `   ${ratio}` : ''}`);
console.log(
  `First render in headless Chromium, median of ${RUNS} fresh page loads (script start → rendered, styled, laid out):`,
);
row('minimal Lit page that opens a <dialog> (baseline)', lit);
row('<ucx-user-sync> section shell', shell, `${(shell / lit).toFixed(2)}× baseline (goal ≤ 1.20×)`);
row(
  '<ucx-user-sync> with the list loaded and rendered',
  listed,
  `${(listed / lit).toFixed(2)}× baseline`,
);
