// Launches the system's Chromium with playwright-core (never a downloaded browser).

import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

export const CHROME_PATH = process.env['CHROME_PATH'] ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
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
