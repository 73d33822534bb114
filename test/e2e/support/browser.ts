// Launches the system's Chromium with playwright-core (never a downloaded browser).

import { chromium, type Browser, type LaunchOptions } from 'playwright-core';
import { CHROMIUM_ARGS as SHARED_CHROMIUM_ARGS } from '../../../.ci/scripts/browsers.mjs';

export const CHROME_PATH = process.env['CHROME_PATH'] ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  ...SHARED_CHROMIUM_ARGS,
  // The loopback identity provider uses a certificate generated at start-up.
  '--ignore-certificate-errors',
];

export interface LaunchChromiumOptions {
  /**
   * Keep Chromium's popup blocker on. Playwright passes --disable-popup-blocking
   * by default; this drops it so that a popup opened outside a user gesture is
   * really blocked.
   */
  popupBlocking?: boolean;
  extraArgs?: string[];
  launch?: LaunchOptions;
}

export async function launchChromium(options: LaunchChromiumOptions = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROME_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, ...(options.extraArgs ?? [])],
    ...(options.popupBlocking ? { ignoreDefaultArgs: ['--disable-popup-blocking'] } : {}),
    ...options.launch,
  });
}
