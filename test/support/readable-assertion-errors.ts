// Loaded before the test framework on every browser test page (web-test-runner.config.mjs).
//
// An assertion that fails with a DOM node as its actual or expected value, such as
// expect(root.querySelector('.sub')).to.equal(null), must fail like any other. Left alone it
// does not: @web/test-runner sends the error's `actual` and `expected` to the runner as they
// are, and serializing a node walks everything it reaches, so the page never reports and the
// file ends 300 s later as "did not finish", naming no assertion (seen in CI). Here such a
// value becomes its markup, which the runner prints.
//
// The chai that @open-wc/testing re-exports, imported directly: importing @open-wc/testing
// here, before mocha has set its globals, would skip its afterEach(fixtureCleanup), and every
// test's fixture would stay in the page.
import { Assertion, AssertionError } from '@esm-bundle/chai';

function readable(value: unknown): unknown {
  if (!(value instanceof Node)) return value;
  const markup = value instanceof Element ? value.outerHTML : (value.textContent ?? '');
  const text = `${value.nodeName}: ${markup}`;
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}

const assert = Assertion.prototype.assert;
Assertion.prototype.assert = function (
  this: Chai.AssertionStatic,
  ...args: Parameters<typeof assert>
) {
  try {
    assert.apply(this, args);
  } catch (error) {
    if (error instanceof AssertionError) {
      const failure = error as Chai.AssertionError & { actual?: unknown; expected?: unknown };
      failure.actual = readable(failure.actual);
      failure.expected = readable(failure.expected);
    }
    throw error;
  }
} as typeof assert;
