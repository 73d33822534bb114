// Each backend failure the element explains (timeouts, problem+json, 2xx with a bad body…), through the real element, MSAL and
// the reference backend's fault injection: the right message, nothing the admin
// typed lost, no second consent popup, and a retry that creates exactly one
// integration.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { FaultSpec } from '../../../demo/server/backend/index.js';
import { CONTOSO_TENANT_ID } from '../../../demo/server/idp/index.js';
import { launchChromium } from '../support/browser.js';
import {
  hostEvents,
  openDemo,
  startTestStack,
  type TestStack,
  type Watched,
} from '../support/demo-stack.js';
import {
  chooseInErrorWindow,
  createDialog,
  errorText,
  errorWindow,
  filterValue,
  openCreateForm,
  rowWith,
  section,
  setFilter,
  statusText,
  submit,
  submitWithConsent,
  waitForList,
  waitOpen,
} from '../support/demo-page.js';

const FILTER = '(&(department=Support)(location=Turin))';

let t: TestStack;
let browser: Browser;
let w: Watched;
let page: Page;
let popups = 0;

beforeAll(async () => {
  [t, browser] = await Promise.all([startTestStack({ faults: true }), launchChromium()]);
  w = await openDemo(browser, t.stack);
  page = w.page;
  w.context.on('page', () => (popups += 1));
  await waitForList(page, 3);
});

afterAll(async () => {
  await w?.close();
  await browser?.close();
  await t?.close();
});

afterEach(async () => {
  // Back to a clean state: no queued fault, no Contoso integration, default timeout.
  t.stack.backend.faults?.clear();
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  for (const i of created()) t.stack.backend.store.delete(i.id);
  await page.evaluate(async () => {
    const el = document.querySelector('ucx-user-sync')!;
    el.timeout = 30_000;
    await el.refresh();
  });
  const dialog = createDialog(page);
  if (await dialog.evaluate((d) => Boolean(d.shadowRoot?.querySelector('dialog')?.open))) {
    await page.keyboard.press('Escape');
  }
});

function created() {
  return t.stack.backend.store.list().filter((i) => i.tenantId === CONTOSO_TENANT_ID);
}

function fault(...specs: FaultSpec[]): void {
  t.stack.backend.faults!.push(specs.map((s) => ({ method: 'POST', ...s })));
}

/** Opens the form, signs in once (one popup), returns the dialog after the first answer. */
async function createWithConsent(filter = FILTER): Promise<Locator> {
  popups = 0;
  const dialog = await openCreateForm(page, filter);
  await submitWithConsent(page, dialog);
  return dialog;
}

/** Retry from the error window (or Review + Create when it offers no retry): no new popup. */
async function retry(dialog: Locator): Promise<void> {
  const retryButton = errorWindow(dialog).locator('button.retry');
  if ((await retryButton.count()) > 0) {
    await chooseInErrorWindow(dialog, 'retry');
  } else {
    await chooseInErrorWindow(dialog, 'review');
    await submit(dialog).click();
  }
}

async function expectCreatedOnce(dialog: Locator): Promise<void> {
  await waitOpen(dialog, false);
  await expect.poll(() => rowWith(page, FILTER).count(), { timeout: 10_000 }).toBe(1);
  expect(created()).toHaveLength(1);
  expect(popups).toBe(1); // the retry reused the consent: no second popup
}

async function expectFormIntact(dialog: Locator, filter = FILTER): Promise<void> {
  expect(await filterValue(dialog)).toBe(filter);
  expect(await dialog.locator('[part="switch"]').getAttribute('aria-checked')).toBe('true');
}

describe('backend failures on create', () => {
  // Chromium resends a request when a reused keep-alive connection closes without
  // an answer (once per pooled connection), so the network failure is queued
  // several times and cleared once the admin sees it.
  it('network down (connection dropped): "couldn’t reach the server", retry creates one', async () => {
    fault(...Array.from({ length: 8 }, () => ({ kind: 'drop' as const })));
    const dialog = await createWithConsent();
    expect(await errorText(dialog)).toMatch(/Couldn’t reach the server/);
    t.stack.backend.faults?.clear();
    await chooseInErrorWindow(dialog, 'review');
    await expectFormIntact(dialog);
    expect(created()).toHaveLength(0);
    await submit(dialog).click();
    await expectCreatedOnce(dialog);
  });

  it('the answer is lost after the create committed: the retry gets the same one, not a second', async () => {
    fault(...Array.from({ length: 8 }, () => ({ kind: 'drop' as const, when: 'after' as const })));
    const dialog = await createWithConsent();
    const text = await errorText(dialog);
    expect(text).toMatch(/Couldn’t reach the server, or the connection broke before it answered/);
    // It did happen on the server: the window doesn't say it didn't.
    expect(text).toMatch(/may not have been created/);
    expect(text).not.toMatch(/was not created/);
    t.stack.backend.faults?.clear();
    expect(created()).toHaveLength(1);
    await retry(dialog);
    await expectCreatedOnce(dialog);
  });

  it('timeout: "taking too long", retry with the same Idempotency-Key creates one', async () => {
    await page.evaluate(() => {
      document.querySelector('ucx-user-sync')!.timeout = 1_500;
    });
    fault({ latencyMs: 4_000 });
    const dialog = await createWithConsent();
    expect(await errorText(dialog)).toMatch(/taking too long/);
    await expectFormIntactAfterReview(dialog);
    await submit(dialog).click();
    await expectCreatedOnce(dialog);
  });

  it('400 with a field error on the filter: shown on the filter, fixed, created once', async () => {
    let answered = false;
    await page.route('**/api/user-sync/integrations', async (route) => {
      if (route.request().method() !== 'POST' || answered) return route.fallback();
      answered = true;
      await route.fulfill({
        status: 400,
        contentType: 'application/problem+json',
        headers: { 'X-Request-Id': 'req-400-filter-0001' },
        body: JSON.stringify({
          type: 'about:blank',
          title: 'Invalid filter',
          status: 400,
          code: 'invalid-filter',
          detail: 'The filter is not accepted.',
          errors: [
            {
              field: 'filter',
              code: 'unsupported-field',
              message: 'This server does not synchronize by location.',
            },
          ],
        }),
      });
    });
    const dialog = await createWithConsent();
    expect(await errorText(dialog)).toMatch(/problem in the filters/);
    await chooseInErrorWindow(dialog, 'review');
    const fieldError = dialog.locator('[part="filter-error"]');
    expect(await fieldError.innerText()).toMatch(/does not synchronize by location/);
    await expectFormIntact(dialog);
    // The filter field takes focus.
    await expect
      .poll(() => dialog.evaluate((d) => d.shadowRoot?.activeElement?.localName))
      .toBe('ucx-filter-editor');
    expect(created()).toHaveLength(0);
    await setFilter(dialog, '(department=Sales)');
    await submit(dialog).click();
    await waitOpen(dialog, false);
    await expect.poll(() => created().length).toBe(1);
    expect(created()[0]?.filter).toBe('(department=Sales)');
    expect(popups).toBe(1);
  });

  it('409 already exists: says so; after removing the other one, Create makes exactly one', async () => {
    const first = await createWithConsent();
    await expectCreatedOnce(first);
    const dialog = await createWithConsent();
    expect(await errorText(dialog)).toMatch(/already exists/);
    await chooseInErrorWindow(dialog, 'review');
    await expectFormIntact(dialog);
    for (const i of created()) t.stack.backend.store.delete(i.id);
    await submit(dialog).click();
    await waitOpen(dialog, false);
    await expect.poll(() => created().length).toBe(1);
    expect(popups).toBe(1);
  });

  it('409 vendor-managed lock (switched on meanwhile): says who to contact, refreshes the list', async () => {
    const dialog = await openCreateForm(page, FILTER);
    popups = 0;
    await page.evaluate(async () => {
      await fetch('/api/user-sync/integrations/_demo/vendor-lock', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ active: true }),
      });
    });
    await submitWithConsent(page, dialog);
    expect(await errorText(dialog)).toMatch(/Imagicle Support/);
    await chooseInErrorWindow(dialog, 'review');
    await expectFormIntact(dialog);
    await page.keyboard.press('Escape');
    await expect
      .poll(() => section(page).locator('[part="lock-notice"]').count(), { timeout: 10_000 })
      .toBe(1);
    expect(created()).toHaveLength(0);
    await page.evaluate(async () => {
      await fetch('/api/user-sync/integrations/_demo/vendor-lock', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ active: false }),
      });
      await document.querySelector('ucx-user-sync')!.refresh();
    });
    await expect.poll(() => section(page).locator('[part="lock-notice"]').count()).toBe(0);
  });

  it('5xx: shows the request id; retry creates one', async () => {
    fault({ kind: 'server-error', status: 503 });
    const dialog = await createWithConsent();
    const text = await errorText(dialog);
    expect(text).toMatch(/HTTP 503/);
    const error = (await hostEvents(page)).filter((e) => e.type === 'ucx-error').at(-1)?.detail as {
      stage: string;
      requestId?: string;
      status?: number;
    };
    expect(error).toMatchObject({ stage: 'backend', status: 503 });
    expect(error.requestId).toMatch(/^[\w-]{8,}$/);
    expect(text).toContain(error.requestId);
    await retry(dialog);
    await expectCreatedOnce(dialog);
  });

  it('malformed 2xx (an HTML sign-in page): a failure, never a success; retry creates one', async () => {
    fault({ kind: 'malformed-html' });
    const createdEventsBefore = (await hostEvents(page)).filter(
      (e) => e.type === 'ucx-integration-created',
    ).length;
    const dialog = await createWithConsent();
    expect(await errorText(dialog)).toMatch(/can’t read/);
    expect(created()).toHaveLength(0);
    expect(
      (await hostEvents(page)).filter((e) => e.type === 'ucx-integration-created').length,
    ).toBe(createdEventsBefore);
    await retry(dialog);
    await expectCreatedOnce(dialog);
  });

  it('malformed 2xx JSON after the create committed: retry returns the same one', async () => {
    fault({ kind: 'malformed-json', when: 'after' });
    const dialog = await createWithConsent();
    expect(await errorText(dialog)).toMatch(/can’t read/);
    expect(created()).toHaveLength(1);
    await retry(dialog);
    await expectCreatedOnce(dialog);
  });

  it('slow, then cancel: busy at once, "still working", cancel keeps the form; Create again makes one', async () => {
    await page.evaluate(() => {
      const host = document.querySelector('ucx-user-sync')!;
      const dialog = host.shadowRoot!.querySelector(
        'ucx-create-dialog.create-dialog',
      ) as HTMLElement & {
        stillWorkingDelay: number;
      };
      dialog.stillWorkingDelay = 500;
    });
    fault({ latencyMs: 5_000 });
    const dialog = await createWithConsent();
    const body = dialog.locator('[part="dialog-body"]');
    await expect.poll(() => body.getAttribute('aria-busy')).toBe('true');
    await expect.poll(() => statusText(dialog), { timeout: 5_000 }).toMatch(/Still working/);
    await dialog.locator('button.cancel').click();
    await expect.poll(() => statusText(dialog)).toMatch(/Cancelled/);
    expect(await body.getAttribute('aria-busy')).toBe('false');
    await expectFormIntact(dialog);
    await new Promise((r) => setTimeout(r, 300));
    expect(created()).toHaveLength(0); // the server abandoned the request
    await submit(dialog).click();
    await expectCreatedOnce(dialog);
  });

  it('429 with Retry-After: waits and retries once by itself, creates one', async () => {
    fault({ kind: 'rate-limit', retryAfter: 1 });
    const started = Date.now();
    const dialog = await createWithConsent();
    await expectCreatedOnce(dialog);
    expect(Date.now() - started).toBeGreaterThan(1_000);
  });

  it('429 twice: "the server is busy"; retry creates one', async () => {
    fault({ kind: 'rate-limit', retryAfter: 1 }, { kind: 'rate-limit', retryAfter: 1 });
    const dialog = await createWithConsent();
    expect(await errorText(dialog)).toMatch(/server is busy/);
    expect(created()).toHaveLength(0);
    await retry(dialog);
    await expectCreatedOnce(dialog);
  });

  it('reported nothing to the CSP and logged only the expected network errors', async () => {
    expect(await w.violations()).toEqual([]);
    const unexpected = w.consoleErrors.filter(
      (e) => !/Failed to load resource|net::ERR_|ERR_EMPTY_RESPONSE/.test(e),
    );
    expect(unexpected).toEqual([]);
  });
});

async function expectFormIntactAfterReview(dialog: Locator): Promise<void> {
  await chooseInErrorWindow(dialog, 'review');
  await expectFormIntact(dialog);
}
