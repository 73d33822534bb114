// Consent through the real @azure/msal-browser 5 and the real provider
// (src/auth/msal-consent.ts) against the local OpenID Connect provider.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalJWKSet, jwtVerify } from 'jose';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { IdentityProvider } from '../../../demo/server/idp/index.js';
import { CONTOSO_TENANT_ID } from '../../../demo/server/idp/index.js';
import { launchChromium } from '../support/browser.js';
import { startPageServer, type PageServer } from '../support/page-server.js';
import { startTestIdp, TEST_CLIENT_ID } from '../support/idp.js';
import {
  clickCreate,
  consentAsAdmin,
  signIn,
  expectNothingStored,
  waitForOutcome,
  waitForPrepared,
} from '../support/consent-page.js';

let server: PageServer;
let idp: IdentityProvider;
let browser: Browser;
let redirectUri: string;

beforeAll(async () => {
  server = await startPageServer({
    optimize: ['@azure/msal-browser', '@azure/msal-browser/redirect-bridge'],
    // The host's duties, as documented: the redirect page without COOP, no-store
    // and a strict CSP; the page's CSP allows connections to the authority only.
    headers: (path): Record<string, string> | undefined => {
      const base =
        "default-src 'none'; script-src 'self'; style-src 'self'; base-uri 'none'; object-src 'none'";
      if (path === '/demo/redirect.html') {
        return {
          'Content-Security-Policy': `${base}; connect-src 'self'; require-trusted-types-for 'script'`,
          'Cache-Control': 'no-store',
        };
      }
      if (path === '/test/e2e/consent/page/index.html') {
        return { 'Content-Security-Policy': `${base}; connect-src 'self' ${idp?.issuer ?? ''}` };
      }
      return undefined;
    },
  });
  redirectUri = server.url('/demo/redirect.html');
  idp = await startTestIdp([{ clientId: TEST_CLIENT_ID, redirectUris: [redirectUri] }]);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await idp?.close();
  await server?.close();
});

function pageUrl(extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({
    clientId: TEST_CLIENT_ID,
    authority: idp.issuer,
    knownAuthority: idp.authorityHost,
    redirectUri,
    scopes: 'https://graph.microsoft.com/.default',
    ...extra,
  });
  return server.url(`/test/e2e/consent/page/index.html?${params}`);
}

async function openPage(
  extra: Record<string, string> = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  const page = await context.newPage();
  await page.goto(pageUrl(extra));
  return { context, page };
}

describe('consent with MSAL against the local identity provider', () => {
  it('grants consent and returns tenant, account, a verifiable ID token and scopes', async () => {
    const { context, page } = await openPage();
    try {
      await waitForPrepared(page);
      const popup = await clickCreate(page);
      await consentAsAdmin(popup);
      const outcome = await waitForOutcome(page, 1);
      expect(outcome.failure).toBeUndefined();
      const result = outcome.result!;
      expect(result.tenantId).toBe(CONTOSO_TENANT_ID);
      expect(result.clientId).toBe(TEST_CLIENT_ID);
      expect(result.username).toBe('admin@contoso.example');
      expect(result.name).toBe('Ada Admin');
      expect(result.scopes).toContain('https://graph.microsoft.com/.default');
      expect(Number.isNaN(Date.parse(result.consentedAt))).toBe(false);
      expect(JSON.stringify(result)).not.toContain('accessToken');

      const { payload } = await jwtVerify(result.idToken, createLocalJWKSet(idp.jwks), {
        issuer: idp.issuer,
        audience: TEST_CLIENT_ID,
      });
      expect(payload['tid']).toBe(CONTOSO_TENANT_ID);
      expect(payload['ver']).toBe('2.0');
      expect(payload['preferred_username']).toBe('admin@contoso.example');

      // The Graph-like access token stays in the page, signed by the same keys.
      const accessToken = await page.evaluate(() => window.consentProvider.getAccessToken());
      expect(accessToken).toBeTruthy();
      const at = await jwtVerify(accessToken!, createLocalJWKSet(idp.jwks), {
        issuer: idp.issuer,
        audience: 'https://graph.microsoft.com',
      });
      expect(at.payload['tid']).toBe(CONTOSO_TENANT_ID);
      expect(String(at.payload['scp'])).toContain('User.Read.All');

      // The redirect page really ran under the strict CSP (with Trusted Types).
      const bridge = await page.request.get(redirectUri);
      expect(bridge.headers()['content-security-policy']).toContain(
        "require-trusted-types-for 'script'",
      );
      expect(bridge.headers()['cross-origin-opener-policy']).toBeUndefined();

      // Nothing of the flow is left in the page origin's storage or cookies.
      await expect.poll(() => popup.isClosed()).toBe(true);
      await expectNothingStored(context, page, server.origin);
    } finally {
      await context.close();
    }
  });

  /** After a failure: the form is intact and a fresh click succeeds. */
  async function retrySucceeds(page: Page, outcomes: number): Promise<void> {
    expect(await page.inputValue('#filter')).toBe('(department=Sales)');
    const popup = await clickCreate(page);
    await consentAsAdmin(popup);
    const outcome = await waitForOutcome(page, outcomes + 1);
    expect(outcome.failure).toBeUndefined();
    expect(outcome.result?.tenantId).toBe(CONTOSO_TENANT_ID);
  }

  /**
   * Each failure the admin can meet, mapped to the provider's failure, then a retry that
   * signs in. `act` leads the test page to the failure; `after` checks what follows a
   * successful retry.
   */
  const failures: {
    title: string;
    options?: Record<string, string>;
    act: (page: Page) => Promise<Page | void>;
    failure: { kind: string; code: string; retryable: boolean };
    waitMs?: number;
    whenFailed?: (popup: Page | void, page: Page, context: BrowserContext) => Promise<void>;
    after?: (context: BrowserContext, page: Page) => Promise<void>;
  }[] = [
    {
      title: 'reports a popup closed by the admin as timed out (short test timeout), then retries',
      options: { popupTimeoutMs: '2500' },
      act: async (page) => {
        const popup = await clickCreate(page);
        await popup.waitForSelector('#username');
        await popup.close();
      },
      failure: { kind: 'timed-out', code: 'timed_out redirect_bridge_timeout', retryable: true },
      waitMs: 15_000,
    },
    {
      title: 'our Cancel abandons the pending sign-in at once and closes the popup; retry works',
      act: async (page) => {
        const popup = await clickCreate(page);
        await popup.waitForSelector('#username');
        await page.click('#cancel');
        return popup;
      },
      failure: { kind: 'cancelled', code: 'cancelled_by_user', retryable: true },
      waitMs: 5_000,
      whenFailed: async (popup, page, context) => {
        await expect.poll(() => (popup as Page).isClosed()).toBe(true);
        // Given up, not just replaced: MSAL's "in progress" flag is not left behind either.
        await expectNothingStored(context, page, server.origin);
      },
      after: async (context, page) => {
        await expectNothingStored(context, page, server.origin);
      },
    },
    {
      title: 'maps a declined consent (Cancel on the consent page) to declined / AADSTS65004',
      act: async (page) => {
        const popup = await clickCreate(page);
        await signIn(popup, 'admin@contoso.example');
        await popup.waitForSelector('#deny');
        // The consent page lists the requested permissions.
        const text = await popup.textContent('ul.permissions');
        expect(text).toContain('Sign you in');
        expect(text).toContain('The permissions configured for this application');
        await popup.click('#deny');
      },
      failure: { kind: 'declined', code: 'access_denied AADSTS65004', retryable: true },
    },
    {
      title: 'maps a non-admin user to admin-approval-required / AADSTS90094',
      act: async (page) => {
        const popup = await clickCreate(page);
        await signIn(popup, 'user@contoso.example');
        await popup.waitForSelector('#return');
        expect(await popup.textContent('h1')).toBe('Need admin approval');
        await popup.click('#return');
      },
      failure: {
        kind: 'admin-approval-required',
        code: 'access_denied AADSTS90094',
        retryable: true,
      },
    },
    {
      title: 'maps a personal account to wrong-account / AADSTS50020',
      act: async (page) => {
        await signIn(await clickCreate(page), 'someone@outlook.example');
      },
      failure: { kind: 'wrong-account', code: 'invalid_request AADSTS50020', retryable: true },
    },
    {
      title: 'answers like Entra when switched (app not in tenant: AADSTS700016, not retryable)',
      act: async (page) => {
        idp.setBehaviour({ nextError: 'AADSTS700016' });
        await clickCreate(page);
      },
      failure: {
        kind: 'app-unavailable',
        code: 'unauthorized_client AADSTS700016',
        retryable: false,
      },
      whenFailed: async () => {
        expect(idp.behaviour.nextError).toBeNull();
      },
    },
  ];

  for (const c of failures) {
    it(c.title, async () => {
      const { context, page } = await openPage(c.options);
      try {
        await waitForPrepared(page);
        const popup = await c.act(page);
        const outcome = await waitForOutcome(page, 1, c.waitMs);
        expect(outcome.failure).toEqual(c.failure);
        await c.whenFailed?.(popup, page, context);
        await retrySucceeds(page, 1);
        await c.after?.(context, page);
      } finally {
        idp.setBehaviour({ nextError: null });
        await context.close();
      }
    });
  }

  it('takes scopes written as one string (space-separated), not as a list of its letters', async () => {
    const { context, page } = await openPage({
      scopesText: 'https://graph.microsoft.com/.default openid',
    });
    try {
      // The scopes the authorization request asks for (the popup's first URL).
      const asked: string[] = [];
      context.on('request', (r) => {
        const scope = new URL(r.url()).searchParams.get('scope');
        if (scope) asked.push(...scope.split(' '));
      });
      await waitForPrepared(page);
      const popup = await clickCreate(page);
      await consentAsAdmin(popup);
      const outcome = await waitForOutcome(page, 1);
      expect(asked).toContain('https://graph.microsoft.com/.default');
      expect(asked).not.toContain('h');
      expect(outcome.failure).toBeUndefined();
      expect(outcome.result!.scopes).toContain('https://graph.microsoft.com/.default');
    } finally {
      await context.close();
    }
  });

  it('a second click while the popup is open overrides it: one popup at a time', async () => {
    const { context, page } = await openPage();
    try {
      await waitForPrepared(page);
      const first = await clickCreate(page);
      await first.waitForSelector('#username');
      const second = await clickCreate(page);
      const superseded = await waitForOutcome(page, 1, 5_000);
      expect(superseded.failure).toEqual({
        kind: 'cancelled',
        code: 'superseded',
        retryable: true,
      });
      await expect.poll(() => first.isClosed()).toBe(true);
      expect(context.pages().filter((p) => p !== page && !p.isClosed())).toHaveLength(1);
      await consentAsAdmin(second);
      const outcome = await waitForOutcome(page, 2);
      expect(outcome.result?.username).toBe('admin@contoso.example');
      await expectNothingStored(context, page, server.origin);
    } finally {
      await context.close();
    }
  });

  it('does not request MSAL before prepare(); a Create clicked too early says "click again"', async () => {
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    try {
      await page.goto(pageUrl({ prepare: 'manual' }), { waitUntil: 'networkidle' });
      const isMsal = (u: string) => /msal-browser|azure_msal/i.test(u);
      expect(requests.length).toBeGreaterThan(0);
      expect(requests.filter(isMsal)).toEqual([]);
      // Create before the dialog prepared MSAL: not-ready at once, no popup, prepare kicked off.
      await page.click('#create');
      const early = await waitForOutcome(page, 1, 5_000);
      expect(early.failure).toEqual({ kind: 'not-ready', code: 'not_ready', retryable: true });
      expect(context.pages()).toHaveLength(1);
      await expect.poll(() => requests.filter(isMsal).length).toBeGreaterThan(0);
      // Once loaded, a click again opens the popup.
      await page.waitForFunction(() => window.consentProvider.ready, undefined, { polling: 100 });
      const popup = await clickCreate(page);
      await consentAsAdmin(popup);
      const ok = await waitForOutcome(page, 2);
      expect(ok.result?.username).toBe('admin@contoso.example');
    } finally {
      await context.close();
    }
  });

  it('a popup really blocked (no user gesture) is popup-blocked; a fresh click then works', async () => {
    const blocking = await launchChromium({ popupBlocking: true });
    const context = await blocking.newContext({ ignoreHTTPSErrors: true });
    try {
      const page = await context.newPage();
      let popups = 0;
      page.on('popup', () => (popups += 1));
      // No evaluation in the page before the outcome: Playwright's evaluations
      // are user gestures and would let the popup through.
      const signal = page.waitForEvent('console', {
        predicate: (m) => m.text().startsWith('[consent] outcome'),
        timeout: 20_000,
      });
      await page.goto(pageUrl({ autostart: '1' }));
      expect((await signal).text()).toBe('[consent] outcome popup-blocked');
      const outcome = await waitForOutcome(page, 1);
      expect(outcome.failure?.kind).toBe('popup-blocked');
      expect(outcome.failure?.code).toMatch(/^popup_window_error|empty_window_error/);
      expect(outcome.failure?.retryable).toBe(true);
      expect(popups).toBe(0);
      const popup = await clickCreate(page);
      await consentAsAdmin(popup);
      const ok = await waitForOutcome(page, 2);
      expect(ok.result?.tenantId).toBe(CONTOSO_TENANT_ID);
    } finally {
      await context.close();
      await blocking.close();
    }
  });
});
