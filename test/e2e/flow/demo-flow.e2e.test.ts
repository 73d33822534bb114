// The whole flow on the one-origin demo stack (the same one `npm start` runs):
// the real element, real MSAL, the local identity provider mounted under /idp
// and the reference backend, in headless Chromium, under the demo's strict CSP
// with Trusted Types.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { CONTOSO_TENANT_ID } from '../../../demo/server/idp/index.js';
import { launchChromium } from '../support/browser.js';
import { consentAsAdmin, expectNothingStored } from '../support/consent-page.js';
import {
  hostEvents,
  openDemo,
  startTestStack,
  type TestStack,
  type Watched,
} from '../support/demo-stack.js';
import {
  chooseInErrorWindow,
  confirmDialog,
  createButton,
  createDialog,
  dialogText,
  editDialog,
  errorText,
  filterValue,
  openCreateForm,
  rowWith,
  rows,
  section,
  setFilter,
  submit,
  submitWithConsent,
  waitForList,
  waitOpen,
} from '../support/demo-page.js';

let t: TestStack;
let browser: Browser;
let w: Watched;

beforeAll(async () => {
  [t, browser] = await Promise.all([startTestStack(), launchChromium()]);
  w = await openDemo(browser, t.stack);
});

afterAll(async () => {
  await w?.close();
  await browser?.close();
  await t?.close();
});

describe('the demo, end to end', () => {
  it('serves the page and the redirect page with the strict CSP, one origin', async () => {
    const page = await w.context.request.get(t.stack.url);
    const csp = page.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("require-trusted-types-for 'script'");
    expect(csp).toContain('trusted-types lit-html');
    const redirect = await w.context.request.get(`${t.stack.origin}/redirect.html`);
    expect(redirect.status()).toBe(200);
    expect(redirect.headers()['cache-control']).toBe('no-store');
    expect(redirect.headers()['cross-origin-opener-policy']).toBeUndefined();
    expect(redirect.headers()['content-security-policy']).toBe(csp);
    const config = (await (
      await w.context.request.get(`${t.stack.origin}/demo/config.json`)
    ).json()) as Record<string, unknown>;
    expect(config).toMatchObject({
      authority: `${t.stack.origin}/idp`,
      redirectUri: `${t.stack.origin}/redirect.html`,
      endpoint: `${t.stack.origin}/api/user-sync/integrations`,
      msalConfig: { auth: { knownAuthorities: [`localhost:${t.stack.port}`] } },
    });
    const discovery = (await (
      await w.context.request.get(`${t.stack.origin}/idp/.well-known/openid-configuration`)
    ).json()) as Record<string, string>;
    expect(discovery['issuer']).toBe(`${t.stack.origin}/idp`);
    expect(discovery['authorization_endpoint']).toBe(`${t.stack.origin}/idp/auth`);
  });

  it('lists the seeded integrations', async () => {
    await waitForList(w.page, 3);
    await expect.poll(() => rowWith(w.page, 'northwind.example').count()).toBe(1);
    expect(await createButton(w.page).getAttribute('aria-disabled')).toBe('false');
  });

  it('+ Create → invalid filter → fix → consent popup → created → in the list', async () => {
    const page = w.page;
    const before = await rows(page).count();
    const dialog = await openCreateForm(page, '(department=Engineering');
    let popups = 0;
    const countPopup = () => (popups += 1);
    page.on('popup', countPopup);
    await submit(dialog).click();
    await expect
      .poll(async () => (await dialogText(dialog)).includes('Invalid LDAP filters'), {
        timeout: 5_000,
      })
      .toBe(true);
    expect(popups).toBe(0); // no sign-in for an invalid filter
    expect(await filterValue(dialog)).toBe('(department=Engineering'); // nothing lost
    page.off('popup', countPopup);
    // The host page renders again, as a framework does, passing new but equal scopes and MSAL
    // configuration (React's `scopes={[…]}`): the sign-in the dialog prepared still opens.
    await section(page).evaluate((el: HTMLElement & { scopes: unknown; msalConfig: unknown }) => {
      el.scopes = JSON.parse(JSON.stringify(el.scopes)) as unknown;
      el.msalConfig = JSON.parse(JSON.stringify(el.msalConfig)) as unknown;
    });

    await setFilter(dialog, '(&(department=Engineering)(location=Milan))');
    await submitWithConsent(page, dialog);
    await waitOpen(dialog, false);
    await expect.poll(() => rows(page).count(), { timeout: 15_000 }).toBe(before + 1);
    const row = rowWith(page, '(&(department=Engineering)(location=Milan))');
    expect(await row.count()).toBe(1);
    expect(await row.innerText()).toContain(CONTOSO_TENANT_ID);
    expect(await section(page).locator('[part="announcer"]').innerText()).toContain('was created');

    const events = await hostEvents(page);
    const types = events.map((e) => e.type);
    expect(types).toContain('ucx-before-create');
    expect(types).toContain('ucx-consent-granted');
    expect(types).toContain('ucx-integration-created');
    const granted = events.find((e) => e.type === 'ucx-consent-granted')?.detail as {
      consent: { tenantId: string; username: string };
    };
    expect(granted.consent).toMatchObject({
      tenantId: CONTOSO_TENANT_ID,
      username: 'admin@contoso.example',
    });
    // The backend has it, once.
    const stored = t.stack.backend.store.list().filter((i) => i.tenantId === CONTOSO_TENANT_ID);
    expect(stored).toHaveLength(1);
  });

  it('leaves no token in localStorage, sessionStorage or cookies', async () => {
    await expectNothingStored(w.context, w.page, t.stack.origin);
    // The identity provider's own session cookies live under /idp, httpOnly, and hold no JWT.
    for (const cookie of await w.context.cookies()) {
      expect(cookie.path.startsWith('/idp')).toBe(true);
      expect(cookie.httpOnly).toBe(true);
      expect(cookie.value).not.toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
    }
  });

  it('edits the filter of the created integration', async () => {
    const page = w.page;
    const row = rowWith(page, '(&(department=Engineering)(location=Milan))');
    await row.locator('button.edit').click();
    const dialog = editDialog(page);
    await waitOpen(dialog);
    expect(await filterValue(dialog)).toBe('(&(department=Engineering)(location=Milan))');
    await setFilter(dialog, '(department=Research)');
    await submit(dialog).click();
    await waitOpen(dialog, false);
    await expect.poll(() => rowWith(page, '(department=Research)').count()).toBe(1);
    expect((await hostEvents(page)).map((e) => e.type)).toContain('ucx-integration-updated');
    const stored = t.stack.backend.store.list().find((i) => i.tenantId === CONTOSO_TENANT_ID);
    expect(stored?.filter).toBe('(department=Research)');
  });

  it('survives a backend restart (SQLite on disk)', async () => {
    await t.stack.restartBackend();
    await w.page.reload();
    await waitForList(w.page, 4);
    expect(await rowWith(w.page, '(department=Research)').count()).toBe(1);
  });

  it('deletes with confirmation', async () => {
    const page = w.page;
    const before = await rows(page).count();
    await rowWith(page, '(department=Research)').locator('button.delete').click();
    const confirm = confirmDialog(page);
    await waitOpen(confirm);
    // Cancel first: nothing happens.
    await confirm.locator('button.cancel').click();
    await waitOpen(confirm, false);
    expect(await rows(page).count()).toBe(before);
    await rowWith(page, '(department=Research)').locator('button.delete').click();
    await waitOpen(confirm);
    await confirm.locator('button.confirm').click();
    await waitOpen(confirm, false);
    await expect.poll(() => rows(page).count()).toBe(before - 1);
    expect(await rowWith(page, '(department=Research)').count()).toBe(0);
    expect((await hostEvents(page)).map((e) => e.type)).toContain('ucx-integration-deleted');
    expect(t.stack.backend.store.list().some((i) => i.tenantId === CONTOSO_TENANT_ID)).toBe(false);
  });

  it('the vendor lock switch locks and unlocks the section', async () => {
    const page = w.page;
    const lock = page.locator('#vendor-lock');
    expect(await lock.isChecked()).toBe(false);
    await lock.check();
    await expect
      .poll(() => createButton(page).getAttribute('aria-disabled'), { timeout: 10_000 })
      .toBe('true');
    const notice = section(page).locator('[part="lock-notice"]');
    expect(await notice.innerText()).toMatch(/Imagicle Support/);
    // What a screen reader hears on + Create: the reason, then the contact, as two sentences
    // (Chromium dropped the space between them: "…integrations.Contact Imagicle Support").
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: {
        role?: { value: string };
        name?: { value: string };
        description?: { value: string };
      }[];
    };
    const create = nodes.find((n) => n.role?.value === 'button' && n.name?.value === 'Create');
    expect(create?.description?.value).toBe(
      'Users’ synchronization is managed by Imagicle Support: only they can add integrations. Contact Imagicle Support',
    );
    await cdp.detach();
    // Create does nothing while locked; the vendor-managed row is read-only.
    await createButton(page).click({ force: true }); // aria-disabled: a click does nothing
    expect(await createDialog(page).count()).toBe(1);
    await expect.poll(() => waitOpenState(page)).toBe(false);
    expect(await rowWith(page, 'Webex').locator('button.edit').count()).toBe(0);

    await lock.uncheck();
    await expect
      .poll(() => createButton(page).getAttribute('aria-disabled'), { timeout: 10_000 })
      .toBe('false');
    expect(await section(page).locator('[part="lock-notice"]').count()).toBe(0);
  });

  it('the Italian switch puts the whole console in Italian, the section included, and back', async () => {
    const page = w.page;
    const italian = page.locator('#lang-it');
    const title = section(page).locator('h2.title');
    await italian.check();
    await expect.poll(() => title.innerText()).toMatch(/sincronizzazione degli utenti/);
    expect(await page.locator('main h1').innerText()).toBe('Integrazioni');
    expect(await page.getAttribute('html', 'lang')).toBe('it');
    // The demo's own controls stay English, and say so to a screen reader.
    expect(await page.getAttribute('aside.devtools', 'lang')).toBe('en');
    await italian.uncheck();
    await expect.poll(() => title.innerText()).toMatch(/Users’ Synchronization Integration/);
    expect(await page.locator('main h1').innerText()).toBe('Integrations');
  });

  it('Preview signs in once and lists matching users from the Graph stand-in under /graph', async () => {
    const page = w.page;
    const dialog = await openCreateForm(page, '(department=Sales)');
    const [popup] = await Promise.all([
      page.waitForEvent('popup', { timeout: 15_000 }),
      dialog.locator('[part~="preview-button"]').click(),
    ]);
    await consentAsAdmin(popup);
    // The preview lives in a nested element's shadow root; text locators pierce it.
    await dialog
      .getByText(/\d[\d,]* users match the filters/)
      .first()
      .waitFor({ timeout: 15_000 });
    expect(await dialog.getByText(/@contoso\.com/).count()).toBeGreaterThan(0);
    // A filter Graph can't express is read page by page (999 users each, following
    // @odata.nextLink): the next pages are asked for under /graph too (they were not).
    const count = dialog.locator('[part="preview-count"]');
    const first = await count.innerText();
    await dialog.locator('ucx-filter-editor textarea').fill('(department=*ale*)');
    await dialog.locator('[part~="preview-button"]').click();
    await expect
      .poll(async () => ((await count.innerText()) !== first ? await count.innerText() : ''), {
        timeout: 30_000,
      })
      .toMatch(/^\d[\d,]* users match the filters\.$/);
    expect(await dialog.locator('[part="preview-error"]').count()).toBe(0);
    await page.keyboard.press('Escape');
    await waitOpen(dialog, false);
  });

  it("Preview while editing the seeded Northwind row says the sign-in is another organization's", async () => {
    const page = w.page;
    await rowWith(page, 'northwind.example').locator('button.edit').click();
    const dialog = editDialog(page);
    await waitOpen(dialog);
    const [popup] = await Promise.all([
      page.waitForEvent('popup', { timeout: 15_000 }),
      dialog.locator('[part~="preview-button"]').click(),
    ]);
    await consentAsAdmin(popup);
    const text = await errorText(dialog);
    expect(text).toContain('Signed in to another organization');
    expect(text).toContain(
      `You signed in as admin@contoso.example (organization ${CONTOSO_TENANT_ID}), but “Entra ID — northwind.example” imports users from organization`,
    );
    await chooseInErrorWindow(dialog, 'review'); // (labelled Close here)
    await page.keyboard.press('Escape');
    await waitOpen(dialog, false);
  });

  it('ran under the strict CSP and Trusted Types with no violation and no console error', async () => {
    expect(await w.violations()).toEqual([]);
    expect(
      w.consoleErrors.filter((e) => /Content Security Policy|TrustedHTML|Trusted Type/i.test(e)),
    ).toEqual([]);
    expect(w.consoleErrors).toEqual([]);
  });
});

async function waitOpenState(page: import('playwright-core').Page): Promise<boolean> {
  return createDialog(page).evaluate((d) => Boolean(d.shadowRoot?.querySelector('dialog')?.open));
}
