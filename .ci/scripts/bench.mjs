#!/usr/bin/env node
// `npm run bench`: every benchmark in test/bench/, one after another (they measure
// time, so never in parallel and never inside `npm test`). Each prints its own
// table with ratios against the peers its issue names.
// `npm run bench -- filter` runs only the benchmarks whose name contains "filter".
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { findBrowsers } from './browsers.mjs';

const root = new URL('../..', import.meta.url).pathname;
// Names select benchmarks; everything from the first `--option` on is passed to each
// (`filter --parse --sizes=10,100`, `preview --runs 3`).
const args = process.argv.slice(2);
const firstOption = args.findIndex((a) => a.startsWith('--'));
const only = firstOption < 0 ? args : args.slice(0, firstOption);
const options = firstOption < 0 ? [] : args.slice(firstOption);
const benches = readdirSync(join(root, 'test/bench'))
  .filter((f) => /\.bench\.(ts|mjs)$/.test(f))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

// The browser benchmarks use the system's Chromium, found (or installed from Debian's
// packages, as `npm test` does) before any of them starts; the filter benchmark needs none.
const needsChromium = benches.some((f) => !f.startsWith('filter.'));
if (needsChromium) {
  const { chrome } = findBrowsers({ install: true, firefox: false });
  if (!chrome) {
    console.error(
      'The browser benchmarks need Chromium: install it (Debian: apt-get install chromium) or set CHROME_PATH.',
    );
    process.exit(1);
  }
  process.env.CHROME_PATH = chrome;
}

let failed = 0;
for (const file of benches) {
  console.log(`\n━━ test/bench/${file} ${'━'.repeat(Math.max(0, 60 - file.length))}`);
  const result = spawnSync(
    join(root, 'node_modules/.bin/tsx'),
    ['--expose-gc', join('test/bench', file), ...options],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) failed += 1;
}
process.exit(failed ? 1 : 0);
