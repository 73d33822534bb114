// The consent round trip: our wrapper (createMsalConsent) vs raw MSAL
// (PublicClientApplication.loginPopup) against the same local identity provider,
// auto-approving as the tenant admin, in headless Chromium. Interleaved, N each;
// medians and the difference. Goal: the wrapper adds ≤ 50 ms at the median.
//
//   npx tsx test/bench/consent.bench.ts        (part of `npm run bench`)
//   UCX_BENCH_N=25 npx tsx test/bench/consent.bench.ts
import type { Page } from 'playwright-core';
import { launchChromium } from '../e2e/support/browser.js';
import { startTestIdp, TEST_CLIENT_ID } from '../e2e/support/idp.js';
import { startPageServer } from '../e2e/support/page-server.js';

const N = Number(process.env['UCX_BENCH_N'] ?? 15);
const WARMUP = 2;
const GOAL_MS = 50;

interface Sample {
  kind: 'wrapper' | 'raw';
  ms: number;
  ok: boolean;
  code?: string;
}

declare global {
  interface Window {
    benchLog: { ready: boolean; samples: Sample[] };
  }
}

const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return s[lo]! + (s[hi]! - s[lo]!) * (i - lo);
};

async function once(page: Page, kind: 'wrapper' | 'raw'): Promise<Sample> {
  const before = await page.evaluate(() => window.benchLog.samples.length);
  const popup = page.waitForEvent('popup', { timeout: 15_000 });
  await page.click(`#${kind}`);
  const win = await popup;
  await page.waitForFunction((n) => window.benchLog.samples.length > n, before, {
    timeout: 30_000,
    polling: 10,
  });
  await win.waitForEvent('close', { timeout: 5_000 }).catch(() => undefined);
  const sample = (await page.evaluate((n) => window.benchLog.samples[n], before))!;
  if (!sample.ok) throw new Error(`${kind} consent failed: ${sample.code ?? 'unknown'}`);
  return sample;
}

const server = await startPageServer({
  optimize: ['@azure/msal-browser', '@azure/msal-browser/redirect-bridge'],
});
const redirectUri = server.url('/demo/redirect.html');
const idp = await startTestIdp([{ clientId: TEST_CLIENT_ID, redirectUris: [redirectUri] }]);
idp.setBehaviour({ autoApproveAs: 'admin@contoso.example' });
const browser = await launchChromium();
try {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  const page = await context.newPage();
  const params = new URLSearchParams({
    clientId: TEST_CLIENT_ID,
    authority: idp.issuer,
    redirectUri,
    knownAuthority: idp.authorityHost,
  });
  await page.goto(server.url(`/test/e2e/support/consent-bench-page/index.html?${params}`));
  await page.waitForFunction(() => window.benchLog?.ready === true, undefined, { timeout: 30_000 });

  for (let i = 0; i < WARMUP; i++) {
    await once(page, 'wrapper');
    await once(page, 'raw');
  }
  const results: Record<'wrapper' | 'raw', number[]> = { wrapper: [], raw: [] };
  for (let i = 0; i < N; i++) {
    // Interleaved, alternating which goes first.
    const order: ('wrapper' | 'raw')[] = i % 2 === 0 ? ['wrapper', 'raw'] : ['raw', 'wrapper'];
    for (const kind of order) results[kind].push((await once(page, kind)).ms);
  }

  const row = (name: string, xs: number[]) =>
    `${name.padEnd(40)} ${quantile(xs, 0.5).toFixed(1).padStart(8)} ${quantile(xs, 0.1)
      .toFixed(1)
      .padStart(8)} ${quantile(xs, 0.9).toFixed(1).padStart(8)}`;
  const added = quantile(results.wrapper, 0.5) - quantile(results.raw, 0.5);
  const pairs = results.wrapper.map((w, i) => w - (results.raw[i] ?? w));
  console.log(`consent round trip, local provider auto-approving, N=${N} each (interleaved), ms`);
  console.log(`${''.padEnd(40)} ${'median'.padStart(8)} ${'p10'.padStart(8)} ${'p90'.padStart(8)}`);
  console.log(row('createMsalConsent().start()', results.wrapper));
  console.log(row('raw PublicClientApplication.loginPopup', results.raw));
  console.log(
    `added by the wrapper at the median: ${added.toFixed(1)} ms (median of paired differences ${quantile(pairs, 0.5).toFixed(1)} ms); goal ≤ ${GOAL_MS} ms: ${added <= GOAL_MS ? 'met' : 'MISSED'}`,
  );
  if (added > GOAL_MS) process.exitCode = 1;
} finally {
  await browser.close();
  await idp.close();
  await server.close();
}
