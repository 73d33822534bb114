// Per-keystroke cost of the filter editor on a 1 KB filter, in headless
// Chromium. Issue 3's goal is validation ≤ 1 ms per keystroke; the whole
// keystroke (validation, highlight re-render, style and layout) is reported too.
import { build } from 'esbuild';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFilter } from '../src/filter/index.js';
import { launchChromium } from '../test/e2e/support/browser.js';

const root = new URL('..', import.meta.url).pathname;
const out = mkdtempSync(join(tmpdir(), 'ucx-keystroke-'));
await build({
  entryPoints: { page: join(root, 'bench/first-render/keystroke-page.ts') },
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
  if (url === '/') {
    res
      .writeHead(200, { 'Content-Type': 'text/html' })
      .end('<!doctype html><meta charset="utf-8"><script type="module" src="/page.js"></script>');
    return;
  }
  try {
    const body = readFileSync(join(out, url.slice(1)));
    res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const browser = await launchChromium();
const page = await browser.newPage();
await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
const handle = await page.waitForFunction(
  () => (window as unknown as { __result?: unknown }).__result,
  undefined,
  { timeout: 60_000 },
);
const browserResult = (await handle.jsonValue()) as {
  length: number;
  median: number;
  p95: number;
  validation: number;
};
await browser.close();
server.close();
rmSync(out, { recursive: true, force: true });

// parseFilter alone, on the same kind of 1 KB text.
let text = '(|';
for (let i = 0; text.length < 1000; i++) {
  text += `(&(department=Sales)(location=City${i})(!(email=*@temp.example)))`;
}
text += ')';
for (let i = 0; i < 2000; i++) parseFilter(text);
const runs = 5000;
const t0 = process.hrtime.bigint();
for (let i = 0; i < runs; i++) parseFilter(text);
const parseUs = Number(process.hrtime.bigint() - t0) / runs / 1000;

console.log(`Per keystroke on a ${browserResult.length}-character filter:`);
console.log(
  `  validation (parseFilter) in Chromium: ${(browserResult.validation * 1000).toFixed(1)} µs (goal ≤ 1 ms)`,
);
console.log(
  `  editor in Chromium (whole keystroke: validated, highlighted, laid out): median ${browserResult.median.toFixed(3)} ms, p95 ${browserResult.p95.toFixed(3)} ms`,
);
console.log(`  parseFilter alone in Node: ${parseUs.toFixed(1)} µs`);
