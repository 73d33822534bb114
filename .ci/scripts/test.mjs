#!/usr/bin/env node
// `npm test`: everything that proves the package works, in one command.
// Static checks (format, lint, types, lit-analyzer, manifest freshness, build,
// size budgets) count as one test each; the Node suites (vitest) and the
// browser suites (@web/test-runner in Chromium and Firefox) count per test.
// The last line is always "N passed, N failed[, N skipped]", and the exit code
// is non-zero when anything failed.
//
// UCX_TEST_STEPS=lint,unit limits the run to some steps while developing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findBrowsers } from './browsers.mjs';

const root = new URL('../..', import.meta.url).pathname;
const bin = (name) => join(root, 'node_modules', '.bin', name);
const onlySteps = process.env.UCX_TEST_STEPS?.split(',').map((s) => s.trim());
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function heading(title) {
  console.log(`\n━━ ${title} ${'━'.repeat(Math.max(0, 70 - title.length))}`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1', ...options.env },
  });
  if (result.error) console.error(result.error.message);
  return result.status === 0;
}

function record(name, ok) {
  if (ok) totals.passed += 1;
  else {
    totals.failed += 1;
    failures.push(name);
  }
}

function wanted(step) {
  return !onlySteps || onlySteps.includes(step);
}

/** A check that counts as one test. */
function check(step, title, fn) {
  if (!wanted(step)) return;
  heading(title);
  let ok = false;
  try {
    ok = fn();
  } catch (error) {
    console.error(error);
  }
  console.log(ok ? `✔ ${title}` : `✘ ${title}`);
  record(title, ok);
}

const scratch = mkdtempSync(join(tmpdir(), 'ucx-test-'));

// 1. Browsers: found, or installed from Debian's packages, or a clear message.
const browsers = findBrowsers({ install: true });
if (browsers.chrome) process.env.CHROME_PATH = browsers.chrome;
if (browsers.firefox) process.env.FIREFOX_PATH = browsers.firefox;

check('format', 'format (prettier --check)', () =>
  run(bin('prettier'), ['--check', '.', '--log-level', 'warn']),
);
check('lint', 'lint (eslint)', () => run(bin('eslint'), ['.', '--max-warnings', '0']));
check('types', 'type check (tsc --noEmit)', () =>
  run(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']),
);
check('lit-analyzer', 'lit-analyzer (templates, bindings, a11y)', () =>
  run(bin('lit-analyzer'), ['src', '--strict', '--quiet']),
);
check('manifest', 'custom-elements.json is fresh', () => {
  // The analyzer resolves --outdir against the working directory: use a
  // git-ignored folder of the checkout.
  const relative = '.tmp/manifest-check';
  const outdir = join(root, relative);
  rmSync(outdir, { recursive: true, force: true });
  // The config reads UCX_CEM_OUTDIR (and then leaves package.json alone).
  const analyze = ['analyze', '--config', 'custom-elements-manifest.config.mjs'];
  if (!run(bin('cem'), analyze, { env: { UCX_CEM_OUTDIR: relative } })) return false;
  const fresh = readFileSync(join(outdir, 'custom-elements.json'), 'utf8');
  const committed = existsSync(join(root, 'custom-elements.json'))
    ? readFileSync(join(root, 'custom-elements.json'), 'utf8')
    : '';
  if (fresh.trim() !== committed.trim()) {
    console.error('custom-elements.json is stale: run `npm run analyze` and commit the result.');
    return false;
  }
  return true;
});
check('docs', 'src/docs/theming.md and src/docs/api.md are fresh', () =>
  run(process.execPath, [join(root, '.ci/scripts/generate-docs.mjs'), '--check']),
);
check('framework-types', 'framework types (JSX, VS Code custom data) are fresh', () =>
  run(process.execPath, [join(root, '.ci/scripts/generate-framework-types.mjs'), '--check']),
);
check('build', 'library build (vite + declarations)', () =>
  run('npm', ['run', '--silent', 'build']),
);
check('size', 'size budgets (first paint, filter module, lazy MSAL)', () =>
  run(process.execPath, [join(root, '.ci/scripts/size.mjs')]),
);

// Node suites: filter engine, reference backend, identity provider, end to end.
if (wanted('unit')) {
  heading('Node and end-to-end tests (vitest)');
  vitestSuite('node', 'vitest.config.ts');
}

/** Runs a vitest config with a JSON report and adds its counts to the totals. */
function vitestSuite(label, config) {
  const report = join(scratch, `${label}.json`);
  run(bin('vitest'), [
    'run',
    '--config',
    config,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  if (!existsSync(report)) {
    record(`${label}: vitest did not report`, false);
    return;
  }
  const json = JSON.parse(readFileSync(report, 'utf8'));
  totals.passed += json.numPassedTests ?? 0;
  totals.failed += json.numFailedTests ?? 0;
  totals.skipped += (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  // A file that fails to load has no tests; count it so it can't hide.
  for (const file of json.testResults ?? []) {
    if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) {
      totals.failed += 1;
      failures.push(`${label}: ${file.name} did not load`);
    }
  }
  if ((json.numFailedTests ?? 0) > 0) failures.push(`${label} suites`);
  if ((json.numTotalTests ?? 0) === 0) record(`${label}: no tests ran`, false);
}

// Storybook: every story's play function and axe, in the system's Chromium.
if (wanted('stories')) {
  heading('Storybook stories (play functions + axe, vitest browser mode)');
  vitestSuite('stories', 'vitest.storybook.config.ts');
}
check('storybook-build', 'Storybook builds (npm run build-storybook)', () =>
  run('npm', ['run', '--silent', 'build-storybook']),
);

// Browser suites in Chromium and Firefox.
if (wanted('browser')) {
  heading('Browser tests (@web/test-runner: Chromium, Firefox)');
  if (browsers.missing.length > 0) {
    console.error(`Cannot run the browser tests. Install: ${browsers.missing.join('; ')}.`);
    record('browsers missing', false);
  } else {
    const counts = join(scratch, 'wtr.json');
    const ok = run(bin('web-test-runner'), ['--config', 'web-test-runner.config.mjs'], {
      env: { UCX_WTR_COUNTS: counts },
    });
    if (existsSync(counts)) {
      const json = JSON.parse(readFileSync(counts, 'utf8'));
      totals.passed += json.passed;
      totals.failed += json.failed;
      totals.skipped += json.skipped;
      for (const name of json.failures) failures.push(name);
      if (!ok && json.failed === 0) record('web-test-runner exited with an error', false);
    } else {
      record('web-test-runner did not report', false);
    }
  }
}

rmSync(scratch, { recursive: true, force: true });
if (failures.length > 0) {
  console.log('\nFailed:');
  for (const name of failures) console.log(`  ✘ ${name}`);
}
const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
console.log(`\n${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(totals.failed > 0 ? 1 : 0);
