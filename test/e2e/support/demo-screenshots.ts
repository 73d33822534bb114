// Screenshots of the demo as a person sees it (list, create dialog with an
// invalid filter, the consent popup's sign-in and consent pages, success):
//   npx tsx test/e2e/support/demo-screenshots.ts [outDir=/tmp/ucx-shots]
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { launchChromium } from './browser.js';
import { consentAsAdmin } from './consent-page.js';
import {
  editDialog,
  openCreateForm,
  rows,
  setFilter,
  submit,
  until,
  waitOpen,
} from './demo-page.js';
import { openDemo, startTestStack } from './demo-stack.js';

const outDir = process.argv[2] ?? '/tmp/ucx-shots';
await mkdir(outDir, { recursive: true });
const shot = (name: string) => join(outDir, `demo-${name}.png`);

const t = await startTestStack({ firstSyncDelayMs: 3000 });
const browser = await launchChromium();
try {
  const w = await openDemo(browser, t.stack);
  const { page } = w;
  await rows(page).nth(2).waitFor({ state: 'attached', timeout: 20_000 });
  await page.screenshot({ path: shot('1-list'), fullPage: true });

  const dialog = await openCreateForm(page, '(department=Sales');
  await submit(dialog).click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: shot('2-dialog-invalid') });
  await setFilter(dialog, '(&(department=Sales)(location=Milan))');
  await page.waitForTimeout(200);
  await page.screenshot({ path: shot('3-dialog-valid') });

  const [popup] = await Promise.all([page.waitForEvent('popup'), submit(dialog).click()]);
  await popup.setViewportSize({ width: 520, height: 640 });
  await popup.waitForSelector('#username');
  await page.screenshot({ path: shot('4-waiting-for-sign-in') });
  await popup.screenshot({ path: shot('5-popup-sign-in') });
  await popup.fill('#username', 'admin@contoso.example');
  await popup.fill('#password', 'any');
  await popup.click('#sign-in');
  await popup.waitForSelector('#accept');
  await popup.screenshot({ path: shot('6-popup-consent') });
  await popup.click('#accept');
  await waitOpen(dialog, false);
  await page.waitForTimeout(300);
  await page.screenshot({ path: shot('7-created'), fullPage: true });

  // Edit the new integration: a filter over several lines, then Preview (which signs in).
  await rows(page).last().locator('button[part="edit-button"]').click();
  const edit = editDialog(page);
  await waitOpen(edit);
  await setFilter(
    edit,
    '(|\n  (department=Sales)\n  (department=Marketing)\n  (location=Milan)\n  (email=*@contoso.example))',
  );
  const [previewPopup] = await Promise.all([
    page.waitForEvent('popup'),
    edit.locator('[part="preview-button"]').click(),
  ]);
  await consentAsAdmin(previewPopup);
  await until(
    async () => (await edit.locator('[part="preview-table"]').count()) > 0,
    'the preview table',
  );
  await edit.locator('[part="preview-table"]').scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  await page.screenshot({ path: shot('8-edit-preview') });
  await edit.locator('[part="cancel-button"]').click();
  await waitOpen(edit, false);

  await page.locator('#vendor-lock').check();
  await page.waitForTimeout(800);
  await page.screenshot({ path: shot('9-vendor-lock'), fullPage: true });
  await page.locator('#vendor-lock').uncheck();
  console.log(`screenshots in ${outDir}; CSP violations: ${(await w.violations()).length}`);
  await w.close();
} finally {
  await browser.close();
  await t.close();
}
