// Storybook for the package's elements: web components on Vite, autodocs from
// custom-elements.json (see preview.ts), axe through addon-a11y, and story
// tests through addon-vitest (vitest.storybook.config.ts).
// Works offline: telemetry, crash reports and update checks are off.
import type { StorybookConfig } from '@storybook/web-components-vite';

process.env.STORYBOOK_DISABLE_TELEMETRY ??= '1';

/**
 * Browser-side modules the stories import. Listed up front so Vite's
 * dependency optimizer never discovers one mid-run and reloads the page
 * ("optimized dependencies changed"), which would fail a story test run.
 */
export const browserDependencies = [
  'lit',
  'lit/decorators.js',
  'lit/directives/live.js',
  'lit/directives/class-map.js',
  'lit/directives/repeat.js',
  'lit/directives/style-map.js',
  'lit/directives/if-defined.js',
  '@lit/localize',
  '@lit/task',
  '@storybook/web-components-vite',
  'storybook/test',
  'storybook/actions',
  'storybook/preview-api',
];

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: {
    disableTelemetry: true,
    enableCrashReports: false,
    disableWhatsNewNotifications: true,
  },
  docs: { defaultName: 'Docs' },
  async viteFinal(viteConfig) {
    const { mergeConfig } = await import('vite');
    return mergeConfig(viteConfig, {
      optimizeDeps: { include: browserDependencies },
      // The element lazily imports MSAL and the Graph client; stories inject a
      // fake consent provider, so those chunks are built but never fetched.
      build: { chunkSizeWarningLimit: 2048 },
    });
  },
};

export default config;
