// Per-keystroke cost of the filter editor on a 1 KB filter, in headless
// Chromium. Issue 3's goal is validation ≤ 1 ms per keystroke; the whole
// keystroke (validation, highlight re-render, style and layout) is reported too.
import { parseFilter } from '../../src/filter/index.js';
import { launchChromium } from '../e2e/support/browser.js';
import { servePages } from './support/pages.js';

const pages = await servePages({ page: 'test/bench/first-render/keystroke-page.ts' });
const browser = await launchChromium();
const page = await browser.newPage();
await page.goto(`${pages.base}/page`);
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
pages.close();

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
