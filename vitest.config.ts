import { defineConfig } from 'vitest/config';

// Node-side tests: the filter engine, the reference backend, the identity
// provider, and end-to-end flows that drive the system's Chromium through
// playwright-core. Browser component tests run in @web/test-runner instead
// (web-test-runner.config.mjs), in Chromium and Firefox.
export default defineConfig({
  test: {
    include: ['test/**/*.node.test.ts', 'test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
