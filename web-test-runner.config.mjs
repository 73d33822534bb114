// Browser tests for the elements, in the system's Chromium and Firefox ESR.
// Browsers are located (or installed) by .ci/scripts/browsers.mjs, which sets
// CHROME_PATH and FIREFOX_PATH before this config is loaded; we never let a
// tool download a browser of its own.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import * as puppeteerCore from 'puppeteer-core';
import { CHROMIUM_ARGS, findBrowsers } from './.ci/scripts/browsers.mjs';
import { countingReporter } from './.ci/scripts/wtr-counting-reporter.mjs';
import { defaultReporter } from '@web/test-runner';
import { fixtureServerPlugin } from './test/fixture-server/wtr-plugin.mjs';
import { reactEsmPlugin } from './test/react/react-esm-plugin.mjs';

const { chrome, firefox } = findBrowsers({ install: false });
const only = process.env.UCX_BROWSERS?.split(',') ?? ['chromium', 'firefox'];

const browsers = [];
if (only.includes('chromium') && chrome) {
  browsers.push(
    chromeLauncher({
      launchOptions: { executablePath: chrome, headless: true, args: CHROMIUM_ARGS },
    }),
  );
}
if (only.includes('firefox') && firefox) {
  browsers.push(
    chromeLauncher({
      puppeteer: puppeteerCore,
      launchOptions: {
        browser: 'firefox',
        executablePath: firefox,
        headless: true,
        protocol: 'webDriverBiDi',
      },
    }),
  );
}

export default {
  files: ['test/**/*.browser.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    fixtureServerPlugin(),
    reactEsmPlugin(),
  ],
  browsers,
  // Our module runs before the framework's (module scripts run in document order).
  testRunnerHtml: (testFramework) =>
    `<!DOCTYPE html><html><head></head><body>` +
    `<script type="module" src="/test/support/readable-assertion-errors.ts"></script>` +
    `<script type="module" src="${testFramework}"></script></body></html>`,
  concurrency: 1,
  concurrentBrowsers: 1,
  browserStartTimeout: 120_000,
  testsStartTimeout: 120_000,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 20_000 } },
  reporters: [defaultReporter(), countingReporter()],
};
