// @web/test-runner prints its totals after a progress bar, not on a line of
// their own; this reporter writes the per-test counts to a JSON file that
// .ci/scripts/test.mjs adds into the one closing "N passed, N failed" line.
import { writeFileSync } from 'node:fs';

function collect(results, counts, path) {
  if (!results) return;
  for (const test of results.tests ?? []) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else {
      counts.failed += 1;
      counts.failures.push([...path, test.name].join(' › '));
    }
  }
  for (const suite of results.suites ?? []) collect(suite, counts, [...path, suite.name]);
}

export function countingReporter({ file = process.env.UCX_WTR_COUNTS } = {}) {
  return {
    stop({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0, failures: [], sessionErrors: 0 };
      for (const session of sessions) {
        const prefix = [session.browser.name, session.testFile.replace(process.cwd() + '/', '')];
        collect(session.testResults, counts, prefix);
        // A file that failed to load or crashed counts as one failed test.
        const broken =
          (session.errors?.length ?? 0) > 0 || (!session.passed && !session.testResults);
        if (broken) {
          counts.failed += 1;
          counts.sessionErrors += 1;
          counts.failures.push(
            `${prefix.join(' › ')} (did not run: ${session.errors?.[0]?.message ?? 'error'})`,
          );
        }
      }
      if (file) writeFileSync(file, JSON.stringify(counts));
    },
  };
}
