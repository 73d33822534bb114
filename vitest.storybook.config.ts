// Story tests: every story in stories/ renders in the system's Chromium
// (vitest 4 browser mode, playwright provider, headless), runs its play
// function, then axe (addon-a11y, `a11y.test: 'error'` in .storybook/preview.ts).
// `npm run test:stories`; `npm test` adds `--reporter=json --outputFile.json=…`.
import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { browserDependencies } from './.storybook/main.js';
import { CHROMIUM_ARGS } from './.ci/scripts/browsers.mjs';

process.env.STORYBOOK_DISABLE_TELEMETRY ??= '1';

const chromium = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  plugins: [storybookTest({ configDir: '.storybook' })],
  optimizeDeps: {
    include: [...browserDependencies, 'storybook/internal/preview/runtime', 'axe-core'],
  },
  test: {
    name: 'storybook',
    reporters: ['default'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    browser: {
      enabled: true,
      headless: true,
      screenshotFailures: false,
      provider: playwright({
        launchOptions: { executablePath: chromium, args: [...CHROMIUM_ARGS] },
      }),
      instances: [{ browser: 'chromium' }],
    },
  },
});
