// Drives the consent test page (test/e2e/consent/page/) and the identity
// provider's pages inside the popup.

import { expect } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { ConsentFailure, ConsentResult } from '../../../src/auth/types.js';

export interface Outcome {
  ok: boolean;
  result?: ConsentResult;
  failure?: ConsentFailure;
}

interface ConsentLog {
  outcomes: Outcome[];
  prepared: boolean;
  prepareFailure?: ConsentFailure;
}

declare global {
  interface Window {
    consentLog: ConsentLog;
    consentProvider: {
      getAccessToken(): string | undefined;
      readonly pending: boolean;
      readonly ready: boolean;
    };
  }
}

export async function waitForPrepared(page: Page): Promise<void> {
  await page.waitForFunction(() => window.consentLog?.prepared === true, undefined, {
    timeout: 20_000,
    polling: 100,
  });
}

/** Waits until the page has recorded `count` outcomes and returns the last one. */
export async function waitForOutcome(
  page: Page,
  count: number,
  timeout = 30_000,
): Promise<Outcome> {
  await page.waitForFunction((n) => window.consentLog.outcomes.length >= n, count, {
    timeout,
    polling: 100,
  });
  const outcomes = await page.evaluate(() => window.consentLog.outcomes);
  const last = outcomes[count - 1];
  if (!last) throw new Error('no outcome');
  return last;
}

/** Clicks Create (a real user gesture) and returns the popup it opened. */
export async function clickCreate(page: Page): Promise<Page> {
  const [popup] = await Promise.all([
    page.waitForEvent('popup', { timeout: 15_000 }),
    page.click('#create'),
  ]);
  return popup;
}

export async function signIn(popup: Page, username: string): Promise<void> {
  await popup.waitForSelector('#username', { timeout: 15_000 });
  await popup.fill('#username', username);
  await popup.fill('#password', 'any password');
  await popup.click('#sign-in');
}

export async function acceptConsent(popup: Page): Promise<void> {
  await popup.waitForSelector('#accept', { timeout: 15_000 });
  await popup.click('#accept');
}

/** The full happy path in the popup. */
export async function consentAsAdmin(
  popup: Page,
  username = 'admin@contoso.example',
): Promise<void> {
  await signIn(popup, username);
  await acceptConsent(popup);
}

/** What the page origin keeps in storage and cookies. */
async function storageSnapshot(
  context: BrowserContext,
  page: Page,
  origin: string,
): Promise<{
  localStorage: string[];
  sessionStorage: string[];
  documentCookie: string;
  cookies: string[];
}> {
  const inPage = await page.evaluate(() => ({
    localStorage: Object.keys(localStorage),
    sessionStorage: Object.keys(sessionStorage),
    documentCookie: document.cookie,
  }));
  const cookies = (await context.cookies(origin)).map((c) => c.name);
  return { ...inPage, cookies };
}

/** Asserts that the page's origin keeps nothing: no storage keys, no cookies. */
export async function expectNothingStored(
  context: BrowserContext,
  page: Page,
  origin: string,
): Promise<void> {
  expect(await storageSnapshot(context, page, origin)).toEqual({
    localStorage: [],
    sessionStorage: [],
    documentCookie: '',
    cookies: [],
  });
}
