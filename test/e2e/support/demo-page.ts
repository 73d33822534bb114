// Drives the demo page (<ucx-user-sync> inside the host page) as a person does.
// Playwright's CSS locators pierce the element's open shadow roots.
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { consentAsAdmin } from './consent-page.js';

export const section = (page: Page): Locator => page.locator('ucx-user-sync');
export const rows = (page: Page): Locator => page.locator('ucx-user-sync tr[part="row"]');
export const createButton = (page: Page): Locator =>
  page.locator('ucx-user-sync button[part="create-button"]');
export const createDialog = (page: Page): Locator =>
  page.locator('ucx-user-sync ucx-create-dialog.create-dialog');
export const editDialog = (page: Page): Locator =>
  page.locator('ucx-user-sync ucx-create-dialog.edit-dialog');
export const confirmDialog = (page: Page): Locator =>
  page.locator('ucx-user-sync ucx-confirm-dialog');
export const errorWindow = (dialog: Locator): Locator =>
  dialog.locator('ucx-error-window [part="error-window"]');

export function rowWith(page: Page, text: string): Locator {
  return rows(page).filter({ hasText: text });
}

/** Waits for the list (the seeded integrations). */
export async function waitForList(page: Page, atLeast = 1): Promise<void> {
  await rows(page)
    .nth(atLeast - 1)
    .waitFor({ state: 'attached', timeout: 20_000 });
}

export async function isOpen(dialog: Locator): Promise<boolean> {
  return dialog.evaluate((d) => Boolean(d.shadowRoot?.querySelector('dialog')?.open));
}

/** Polls until `check` is true (usable outside a test too, e.g. by the screenshot script). */
export async function until(
  check: () => Promise<boolean>,
  what: string,
  timeout = 15_000,
): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function waitOpen(dialog: Locator, open = true): Promise<void> {
  await until(async () => (await isOpen(dialog)) === open, `dialog ${open ? 'open' : 'closed'}`);
}

/** + Create → the dialog, Authorization on, the filter typed. */
export async function openCreateForm(page: Page, filter: string): Promise<Locator> {
  await createButton(page).click();
  const dialog = createDialog(page);
  await waitOpen(dialog);
  await dialog.locator('[part="switch"]').click();
  await until(
    async () => (await dialog.locator('[part="switch"]').getAttribute('aria-checked')) === 'true',
    'Authorization on',
  );
  await setFilter(dialog, filter);
  return dialog;
}

export async function setFilter(dialog: Locator, filter: string): Promise<void> {
  await dialog.locator('textarea').fill(filter);
}

export async function filterValue(dialog: Locator): Promise<string> {
  return dialog.locator('textarea').inputValue();
}

export const submit = (dialog: Locator): Locator => dialog.locator('button.submit');

/** Clicks Create and completes the consent popup as the tenant admin. */
export async function submitWithConsent(page: Page, dialog: Locator): Promise<void> {
  const [popup] = await Promise.all([
    page.waitForEvent('popup', { timeout: 15_000 }),
    submit(dialog).click(),
  ]);
  await consentAsAdmin(popup);
}

/** The error window's text once it is open. */
export async function errorText(dialog: Locator): Promise<string> {
  const win = errorWindow(dialog);
  await expect
    .poll(() => win.evaluate((d) => (d as HTMLDialogElement).open), {
      timeout: 20_000,
      interval: 50,
    })
    .toBe(true);
  return (await win.innerText()).replace(/\s+/g, ' ');
}

/** Clicks a button of the open error window ('retry' or 'review'). */
export async function chooseInErrorWindow(
  dialog: Locator,
  choice: 'retry' | 'review',
): Promise<void> {
  await errorWindow(dialog).locator(`button.${choice}`).click();
}

export async function statusText(dialog: Locator): Promise<string> {
  return (await dialog.locator('[part="dialog-status"]').innerText()).trim();
}

/** The visible text of a dialog element's own <dialog> (its shadow root). */
export async function dialogText(dialog: Locator): Promise<string> {
  return (await dialog.locator('dialog[part~="dialog"]').first().innerText()).replace(/\s+/g, ' ');
}
