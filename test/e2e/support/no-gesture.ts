// Runs script in a page WITHOUT a user gesture. Playwright's evaluate() (and
// every locator action) runs with `userGesture: true`, which gives the page
// transient activation and lets popups through; a raw CDP Runtime.evaluate
// does not. Used to provoke a real popup block in a Chromium launched with its
// popup blocker on (launchChromium({ popupBlocking: true })).

import type { CDPSession, Page } from 'playwright-core';

export interface NoGesture {
  /** Evaluates `expression` (awaiting a promise result) and returns its value. */
  evaluate<T>(expression: string): Promise<T>;
  detach(): Promise<void>;
}

export async function withoutGesture(page: Page): Promise<NoGesture> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  return {
    async evaluate<T>(expression: string): Promise<T> {
      const r = await cdp.send('Runtime.evaluate', {
        expression,
        awaitPromise: true,
        returnByValue: true,
        userGesture: false,
      });
      if (r.exceptionDetails) {
        throw new Error(
          r.exceptionDetails.exception?.description ?? r.exceptionDetails.text ?? 'script failed',
        );
      }
      return r.result.value as T;
    },
    detach: () => cdp.detach(),
  };
}
