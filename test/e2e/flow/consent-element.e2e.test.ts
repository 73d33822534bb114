// Every consent outcome through the REAL element on the demo stack: <ucx-user-sync>,
// real MSAL 5, the local identity provider under /idp and the reference backend.
// For each outcome: what the admin sees, that the form is intact (data source,
// Authorization, the filter typed) and that a retry creates exactly one integration.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { CONTOSO_TENANT_ID } from '../../../demo/server/idp/index.js';
import { launchChromium } from '../support/browser.js';
import { consentAsAdmin, signIn } from '../support/consent-page.js';
import {
  hostEvents,
  openDemo,
  startTestStack,
  type TestStack,
  type Watched,
} from '../support/demo-stack.js';
import {
  createDialog,
  errorText,
  errorWindow,
  filterValue,
  isOpen,
  openCreateForm,
  rowWith,
  statusText,
  submit,
  until,
  waitForList,
  waitOpen,
} from '../support/demo-page.js';
import { withoutGesture } from '../support/no-gesture.js';

// The element's texts (src/internal/failures.ts, create-dialog.ts).
const TITLE = 'Microsoft sign-in didn’t complete';
const WAITING = 'Waiting for Microsoft sign-in…';
const CANCELLED = 'Microsoft sign-in was cancelled.';
const MESSAGES = {
  blocked:
    'The browser blocked the Microsoft sign-in window. Allow pop-ups for this site and click Create again.',
  declined:
    'The permissions were declined. Users’ synchronization can’t run without them: click Create and accept them.',
  adminApproval:
    'An administrator (Global, Privileged Role or Cloud Application Administrator) must grant these permissions for the organization. Ask one to sign in, or sign in with such an account.',
  wrongAccount: 'Sign in with a work account of your organization, not a personal or guest one.',
  appUnavailable: 'This application isn’t available for your organization.',
  notReady: 'Still loading Microsoft sign-in — click Create again.',
} as const;

let t: TestStack;
let browser: Browser;
let w: Watched | undefined;

beforeAll(async () => {
  [t, browser] = await Promise.all([startTestStack(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

beforeEach(() => {
  // One Entra integration per tenant: each test starts without Contoso's.
  for (const i of t.stack.backend.store.list()) {
    if (i.tenantId === CONTOSO_TENANT_ID) t.stack.backend.store.delete(i.id);
  }
  t.stack.idp!.setBehaviour({ nextError: null });
});

afterEach(async () => {
  await w?.close();
  w = undefined;
});

const contosoStored = () =>
  t.stack.backend.store.list().filter((i) => i.tenantId === CONTOSO_TENANT_ID);

/** A fresh context on the demo, the list loaded, the create form filled. */
async function openForm(filter: string, browserToUse: Browser = browser): Promise<Locator> {
  w = await openDemo(browserToUse, t.stack);
  await waitForList(w.page, 3);
  return openCreateForm(w.page, filter);
}

/** Popups of the context that are still open. */
function openPopups(page: Page): Page[] {
  return page
    .context()
    .pages()
    .filter((p) => p !== page && !p.isClosed());
}

/** The form as the admin left it: open, idle, Entra ID, Authorization on, the filter. */
async function expectFormIntact(dialog: Locator, filter: string): Promise<void> {
  expect(await isOpen(dialog)).toBe(true);
  await expect
    .poll(() => dialog.locator('[part="dialog-body"]').getAttribute('aria-busy'))
    .toBe('false');
  expect(await dialog.locator('[part="dialog-body"]').getAttribute('inert')).toBeNull();
  expect(await dialog.locator('select#source').inputValue()).toBe('entra-id');
  expect(await dialog.locator('[part="switch"]').getAttribute('aria-checked')).toBe('true');
  expect(await filterValue(dialog)).toBe(filter);
  expect(await submit(dialog).getAttribute('aria-disabled')).toBe('false');
  expect(contosoStored()).toHaveLength(0);
}

/** The open error window's buttons. */
const retryButton = (dialog: Locator) => errorWindow(dialog).locator('button.retry');
const reviewButton = (dialog: Locator) => errorWindow(dialog).locator('button.review');

async function errorWindowOpen(dialog: Locator): Promise<boolean> {
  return errorWindow(dialog).evaluate((d) => (d as HTMLDialogElement).open);
}

/** Clicks `button` (Create or Try again) and returns the consent popup it opened. */
async function clickForPopup(page: Page, button: Locator): Promise<Page> {
  const [popup] = await Promise.all([
    page.waitForEvent('popup', { timeout: 15_000 }),
    button.click(),
  ]);
  return popup;
}

/** Completes consent in `popup` and checks that exactly one integration was created. */
async function completesOnce(page: Page, dialog: Locator, popup: Page, filter: string) {
  await consentAsAdmin(popup);
  await waitOpen(dialog, false);
  const row = rowWith(page, CONTOSO_TENANT_ID);
  await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
  expect(await row.innerText()).toContain(filter);
  const stored = contosoStored();
  expect(stored).toHaveLength(1);
  expect(stored[0]?.filter).toBe(filter);
  const types = (await hostEvents(page)).map((e) => e.type);
  expect(types.filter((x) => x === 'ucx-integration-created')).toHaveLength(1);
  expect(types.filter((x) => x === 'ucx-consent-granted')).toHaveLength(1);
}

/** The failure is shown in the error window; Try again is there when `retry`. */
async function expectFailureShown(dialog: Locator, message: string, retry = true) {
  const text = await errorText(dialog);
  expect(text).toContain(TITLE);
  expect(text).toContain(message);
  expect(await retryButton(dialog).count()).toBe(retry ? 1 : 0);
}

async function consentErrors(page: Page): Promise<string[]> {
  return (await hostEvents(page))
    .filter((e) => e.type === 'ucx-error')
    .map((e) => {
      const d = e.detail as { stage: string; code: string };
      return `${d.stage}:${d.code}`;
    });
}

describe('consent outcomes through <ucx-user-sync> on the demo stack', () => {
  it('success: the host gets ucx-consent-granted (no access token) then ucx-integration-created', async () => {
    const filter = '(department=Sales)';
    const dialog = await openForm(filter);
    const page = w!.page;
    const popup = await clickForPopup(page, submit(dialog));
    expect(await statusText(dialog)).toBe(WAITING);
    await completesOnce(page, dialog, popup, filter);
    await expect.poll(() => popup.isClosed()).toBe(true);

    const events = await hostEvents(page);
    const types = events.map((e) => e.type);
    const granted = types.indexOf('ucx-consent-granted');
    expect(granted).toBeGreaterThan(types.indexOf('ucx-before-create'));
    expect(types.indexOf('ucx-integration-created')).toBeGreaterThan(granted);
    const detail = events[granted]!.detail as { consent: Record<string, unknown> };
    expect(detail.consent).toMatchObject({
      tenantId: CONTOSO_TENANT_ID,
      username: 'admin@contoso.example',
      name: 'Ada Admin',
    });
    expect(detail.consent['idToken']).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(Object.keys(detail.consent).filter((k) => /access/i.test(k))).toEqual([]);
    // Only one JWT in the whole detail: the ID token (no access token under any name).
    expect(JSON.stringify(detail).match(/eyJ[\w-]+\.[\w-]+\.[\w-]+/g)).toHaveLength(1);
    expect(await consentErrors(page)).toEqual([]);
    expect(await w!.violations()).toEqual([]);
  });

  it('popup closed by the admin: still waiting with its own Cancel; Cancel is quiet; Create again works', async () => {
    const filter = '(department=Engineering)';
    const dialog = await openForm(filter);
    const page = w!.page;
    const popup = await clickForPopup(page, submit(dialog));
    await popup.waitForSelector('#username', { timeout: 15_000 });
    await popup.close();
    // MSAL 5 can't see it: the element keeps waiting, and says so, with its own Cancel.
    await page.waitForTimeout(1_000);
    expect(await statusText(dialog)).toBe(WAITING);
    const cancel = dialog.locator('[part="cancel-button"]');
    expect((await cancel.innerText()).trim()).toBe('Cancel sign-in');
    expect(await dialog.locator('[part="dialog-body"]').getAttribute('aria-busy')).toBe('true');
    expect(await errorWindowOpen(dialog)).toBe(false);

    await cancel.click();
    await expect.poll(() => statusText(dialog)).toBe(CANCELLED);
    expect(await errorWindowOpen(dialog)).toBe(false); // quietly back to the form
    expect((await cancel.innerText()).trim()).toBe('Cancel');
    await expectFormIntact(dialog, filter);
    expect(await consentErrors(page)).toEqual([]);

    const retry = await clickForPopup(page, submit(dialog));
    await completesOnce(page, dialog, retry, filter);
  });

  it('popup closed, then Create again: the new popup replaces the old one (one at a time)', async () => {
    const filter = '(location=Milan)';
    const dialog = await openForm(filter);
    const page = w!.page;
    const first = await clickForPopup(page, submit(dialog));
    await first.waitForSelector('#username', { timeout: 15_000 });
    await first.close();
    expect(await statusText(dialog)).toBe(WAITING);
    // Create stays available while the (forgotten) sign-in is pending.
    expect(await submit(dialog).getAttribute('aria-disabled')).toBe('false');
    const second = await clickForPopup(page, submit(dialog));
    expect(openPopups(page)).toEqual([second]);
    expect(await statusText(dialog)).toBe(WAITING);
    expect(await errorWindowOpen(dialog)).toBe(false); // the superseded sign-in is quiet
    expect(await filterValue(dialog)).toBe(filter);
    await completesOnce(page, dialog, second, filter);
    expect(await consentErrors(page)).toEqual([]);
  });

  it('a second click on Create while the popup is open: still one popup, one integration', async () => {
    const filter = '(department=Marketing)';
    const dialog = await openForm(filter);
    const page = w!.page;
    const first = await clickForPopup(page, submit(dialog));
    await first.waitForSelector('#username', { timeout: 15_000 });
    const second = await clickForPopup(page, submit(dialog));
    await expect.poll(() => first.isClosed()).toBe(true);
    expect(openPopups(page)).toEqual([second]);
    expect(await statusText(dialog)).toBe(WAITING);
    expect(await errorWindowOpen(dialog)).toBe(false);
    await completesOnce(page, dialog, second, filter);
    expect(await consentErrors(page)).toEqual([]);
  });

  it('consent declined (Deny): AADSTS65004 message, form intact, Try again succeeds', async () => {
    const filter = '(department=Support)';
    const dialog = await openForm(filter);
    const page = w!.page;
    const popup = await clickForPopup(page, submit(dialog));
    await signIn(popup, 'admin@contoso.example');
    await popup.waitForSelector('#deny', { timeout: 15_000 });
    await popup.click('#deny');
    await expectFailureShown(dialog, MESSAGES.declined);
    expect(await consentErrors(page)).toEqual(['consent:declined']);
    await expect.poll(() => popup.isClosed()).toBe(true);
    await expectFormIntact(dialog, filter);
    // Try again is a fresh click: the popup opens.
    const retry = await clickForPopup(page, retryButton(dialog));
    await completesOnce(page, dialog, retry, filter);
  });

  it('admin approval required (user@contoso.example): AADSTS90094 message naming the roles', async () => {
    const filter = '(department=Finance)';
    const dialog = await openForm(filter);
    const page = w!.page;
    const popup = await clickForPopup(page, submit(dialog));
    await signIn(popup, 'user@contoso.example');
    await popup.waitForSelector('#return', { timeout: 15_000 });
    expect(await popup.textContent('h1')).toBe('Need admin approval');
    await popup.click('#return');
    await expectFailureShown(dialog, MESSAGES.adminApproval);
    const text = await errorText(dialog);
    for (const role of ['Global', 'Privileged Role', 'Cloud Application Administrator']) {
      expect(text).toContain(role);
    }
    expect(await consentErrors(page)).toEqual(['consent:admin-approval-required']);
    // Close → back to the form, then Create with an administrator.
    await reviewButton(dialog).click();
    await until(async () => !(await errorWindowOpen(dialog)), 'the error window to close');
    await expectFormIntact(dialog, filter);
    const retry = await clickForPopup(page, submit(dialog));
    await completesOnce(page, dialog, retry, filter);
  });

  it('personal account (someone@outlook.example): AADSTS50020 message, retry with a work account', async () => {
    const filter = '(department=Legal)';
    const dialog = await openForm(filter);
    const page = w!.page;
    const popup = await clickForPopup(page, submit(dialog));
    await signIn(popup, 'someone@outlook.example');
    await expectFailureShown(dialog, MESSAGES.wrongAccount);
    expect(await consentErrors(page)).toEqual(['consent:wrong-account']);
    await expectFormIntact(dialog, filter);
    const retry = await clickForPopup(page, retryButton(dialog));
    await completesOnce(page, dialog, retry, filter);
  });

  it('the provider answers like Entra (AADSTS700016): no Try again; Create later works', async () => {
    const filter = '(department=Operations)';
    const dialog = await openForm(filter);
    const page = w!.page;
    t.stack.idp!.setBehaviour({ nextError: 'AADSTS700016' });
    await submit(dialog).click();
    await expectFailureShown(dialog, MESSAGES.appUnavailable, false);
    expect(t.stack.idp!.behaviour.nextError).toBeNull();
    expect(await consentErrors(page)).toEqual(['consent:app-unavailable']);
    await reviewButton(dialog).click();
    await until(async () => !(await errorWindowOpen(dialog)), 'the error window to close');
    await expectFormIntact(dialog, filter);
    const retry = await clickForPopup(page, submit(dialog));
    await completesOnce(page, dialog, retry, filter);
  });

  it('popup really blocked (no user gesture): the blocked message; Try again opens the popup', async () => {
    const filter = '(department=Research)';
    const blocking = await launchChromium({ popupBlocking: true });
    try {
      w = await openDemo(blocking, t.stack);
      const page = w.page;
      let popups = 0;
      page.on('popup', () => (popups += 1));
      // Everything up to the failure runs without a user gesture (a raw CDP
      // evaluation): Playwright's clicks and evaluations would let the popup through.
      const script = await withoutGesture(page);
      const shown = await script.evaluate<string>(blockedPopupScript(filter));
      await script.detach();
      expect(shown.replace(/\s+/g, ' ')).toContain(MESSAGES.blocked);
      expect(popups).toBe(0);
      const dialog = createDialog(page);
      await expectFailureShown(dialog, MESSAGES.blocked);
      expect(await consentErrors(page)).toContain('consent:popup-blocked');
      await expectFormIntact(dialog, filter);
      // Try again is a fresh click: this time the popup opens.
      const popup = await clickForPopup(page, retryButton(dialog));
      await completesOnce(page, dialog, popup, filter);
    } finally {
      await w?.close();
      w = undefined;
      await blocking.close();
    }
  });

  it('MSAL is not requested at page load, only when the create dialog first opens', async () => {
    const atLoad: { url: string; body: Promise<string> }[] = [];
    let loaded = false;
    const later: { url: string; body: Promise<string> }[] = [];
    w = await openDemo(browser, t.stack, '/', {
      beforeGoto: (p) => {
        p.on('response', (r) => {
          if (!/\.js(\?|$)/.test(r.url())) return;
          const entry = { url: r.url(), body: r.text().catch(() => '') };
          (loaded ? later : atLoad).push(entry);
        });
      },
    });
    const page = w.page;
    await waitForList(page, 3);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1_000); // the dialogs warm up when idle: still no MSAL
    loaded = true;
    const isMsal = (body: string) => body.includes('PublicClientApplication');
    expect(atLoad.length).toBeGreaterThan(0);
    const loadBodies = await Promise.all(atLoad.map((e) => e.body));
    expect(atLoad.filter((_, i) => isMsal(loadBodies[i]!)).map((e) => e.url)).toEqual([]);
    expect(atLoad.some((e) => /ucx-user-sync-dialogs/.test(e.url))).toBe(true);

    const filter = '(department=Design)';
    const dialog = await openCreateForm(page, filter);
    await expect
      .poll(async () => (await Promise.all(later.map((e) => e.body))).some(isMsal), {
        timeout: 15_000,
      })
      .toBe(true);
    const popup = await clickForPopup(page, submit(dialog));
    await completesOnce(page, dialog, popup, filter);
  });

  it('a Create clicked before MSAL finished loading says to click again, then opens the popup', async () => {
    const filter = '(department=Quality)';
    const requested = new Set<string>();
    let held = 0;
    let released = 0;
    w = await openDemo(browser, t.stack, '/', {
      beforeGoto: (p) => {
        p.on('request', (r) => requested.add(r.url()));
      },
    });
    const page = w.page;
    await waitForList(page, 3);
    await page.waitForLoadState('networkidle');
    const loadedAtStart = new Set(requested);
    // A slow network for the chunks requested from now on (MSAL's).
    await page.route(/\/assets\/.*\.js$/, async (route) => {
      if (loadedAtStart.has(route.request().url())) return route.continue();
      held += 1;
      await new Promise((r) => setTimeout(r, 2_500));
      released += 1;
      await route.continue();
    });
    const dialog = await openCreateForm(page, filter);
    expect(held).toBeGreaterThan(0);
    expect(released).toBe(0);
    let popups = 0;
    page.on('popup', () => (popups += 1));
    await submit(dialog).click();
    // Never silently nothing: the message says to click again.
    await expectFailureShown(dialog, MESSAGES.notReady);
    expect(popups).toBe(0);
    await expectFormIntact(dialog, filter);

    // Once loaded, Try again (a fresh click) opens the popup; until then it says so again.
    await until(async () => released === held, 'the delayed chunks', 20_000);
    let popup: Page | undefined;
    for (let attempt = 0; attempt < 20 && !popup; attempt += 1) {
      const opened = page.waitForEvent('popup', { timeout: 5_000 }).catch(() => undefined);
      await retryButton(dialog).click();
      const outcome = await Promise.race([
        opened,
        until(() => errorWindowOpen(dialog), 'the error window', 5_000).then(() => 'again'),
      ]);
      if (typeof outcome === 'string') {
        expect(await errorText(dialog)).toContain(MESSAGES.notReady);
        await page.waitForTimeout(250);
      } else {
        if (!outcome) throw new Error('Try again did nothing: no popup and no message');
        popup = outcome;
      }
    }
    expect(popup).toBeDefined();
    await completesOnce(page, dialog, popup!, filter);
  });
});

/**
 * In-page script (run without a user gesture): opens the create dialog through
 * the element's public API, turns Authorization on, types the filter and clicks
 * Create with HTMLElement.click(), until MSAL is loaded (a "still loading" answer
 * is dismissed and Create clicked again). Resolves with the error window's text.
 */
function blockedPopupScript(filter: string): string {
  return `(async () => {
    const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
    const until = async (check, what) => {
      const end = Date.now() + 20000;
      while (!check()) {
        if (Date.now() > end) throw new Error('timed out waiting for ' + what);
        await sleep(50);
      }
    };
    // The demo page creates the element after fetching its config: look it up
    // on every try, not once.
    const find = () => document.querySelector('ucx-user-sync');
    await until(() => find()?.shadowRoot?.querySelector('tr[part="row"]'), 'the list');
    const el = find();
    if (!(await el.openCreateDialog())) throw new Error('the create dialog did not open');
    const dialog = el.shadowRoot.querySelector('ucx-create-dialog.create-dialog');
    const root = dialog.shadowRoot;
    root.querySelector('[part="switch"]').click();
    const editor = root.querySelector('ucx-filter-editor');
    editor.value = ${JSON.stringify(filter)};
    editor.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await dialog.updateComplete;
    const win = () => root.querySelector('ucx-error-window').shadowRoot.querySelector('dialog');
    for (let i = 0; i < 80; i += 1) {
      await sleep(250);
      root.querySelector('button.submit').click();
      await sleep(150);
      const w = win();
      if (w && w.open && w.textContent.includes('Still loading')) {
        w.querySelector('button.review').click();
        await until(() => !win().open, 'the error window to close');
        continue;
      }
      break;
    }
    await until(() => win() && win().open, 'the error window');
    return win().innerText;
  })()`;
}
