// Windows High Contrast (forced colors): every background is painted as Canvas, so a state
// shown by a background alone disappears. Chromium emulates it; these check that the
// Authorization switch, the editing mode, the selected suggestion, an unavailable button and
// an invalid filter still show their state, and that the suggestions sit under the caret.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { startPageServer, type PageServer } from '../support/page-server.js';

let server: PageServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startPageServer({ optimize: ['lit', '@lit/task', '@lit/localize'] });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // (Reduced motion: no transition, so a colour read right after a click is the final one.)
  await page.emulateMedia({ forcedColors: 'active', reducedMotion: 'reduce' });
  await page.goto(server.url('/test/e2e/forced-colors/page/index.html'));
  await page.locator('ucx-user-sync [part~="empty"]').waitFor();
  await page.locator('ucx-user-sync [part~="create-button"]').click();
  await page.locator('ucx-create-dialog [part~="dialog"]').first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Computed styles of elements inside the create dialog (selectors pierce shadow roots). */
function styleOf(selector: string, property: string): Promise<string> {
  return page
    .locator(`ucx-create-dialog.create-dialog ${selector}`)
    .first()
    .evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);
}

const systemColor = (id: string, property: string) =>
  page.locator(`#${id}`).evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);

describe('forced colors', () => {
  it('is emulated', async () => {
    expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
  });

  it('shows Create as unavailable (GrayText) while Authorization is off', async () => {
    const gray = await systemColor('gray', 'color');
    expect(await styleOf('[part~="submit-button"]', 'color')).toBe(gray);
    expect(await styleOf('[part~="cancel-button"]', 'color')).not.toBe(gray);
  });

  it('tells the Authorization switch on from off', async () => {
    const off = {
      track: await styleOf('.track', 'background-color'),
      thumb: await styleOf('.thumb', 'background-color'),
    };
    expect(off.thumb, 'the thumb is seen on its track').not.toBe(off.track);
    await page.locator('ucx-create-dialog.create-dialog [role="switch"]').click();
    await page
      .locator('ucx-create-dialog.create-dialog [role="switch"][aria-checked="true"]')
      .waitFor();
    const on = {
      track: await styleOf('.track', 'background-color'),
      thumb: await styleOf('.thumb', 'background-color'),
    };
    expect(on.thumb).not.toBe(on.track);
    expect(on.track, 'on and off look different').not.toBe(off.track);
    expect(await styleOf('[part~="submit-button"]', 'color')).not.toBe(
      await systemColor('gray', 'color'),
    );
  });

  it('marks the selected editing mode', async () => {
    const label = (mode: string) => `[part~="mode-switch"] label:has(input[value="${mode}"])`;
    const highlight = await systemColor('highlight', 'background-color');
    expect(await styleOf(label('text'), 'background-color')).toBe(highlight);
    expect(await styleOf(label('builder'), 'background-color')).not.toBe(highlight);
  });

  it('opens the suggestions under the caret and marks the selected one', async () => {
    const textarea = page.locator('ucx-create-dialog.create-dialog textarea');
    await textarea.click();
    await page.keyboard.type('(&(');
    const list = page.locator('ucx-create-dialog.create-dialog [role="listbox"]');
    await list.waitFor();
    const field = (await textarea.boundingBox())!;
    const popup = (await list.boundingBox())!;
    // Below the first line of the text, inside the field's width (it was at the top-left
    // corner of the page's box, over the label, when the hidden mirror gave it no caret).
    expect(popup.y).toBeGreaterThan(field.y + 10);
    expect(popup.x).toBeGreaterThanOrEqual(field.x);
    await page.keyboard.press('ArrowDown');
    const highlight = await systemColor('highlight', 'background-color');
    expect(await styleOf('[role="option"][aria-selected="true"]', 'background-color')).toBe(
      highlight,
    );
    expect(await styleOf('[role="option"][aria-selected="false"]', 'background-color')).not.toBe(
      highlight,
    );
  });

  it('rings the focused, selected mode in HighlightText (on its Highlight background)', async () => {
    const radio = page.locator(
      'ucx-create-dialog.create-dialog [part~="mode-switch"] input:checked',
    );
    await page.keyboard.press('Escape'); // the suggestions, if still open
    await radio.focus();
    expect(await radio.evaluate((el) => el.matches(':focus-visible'))).toBe(true);
    const ring = await styleOf('[part~="mode-switch"] label:has(input:checked)', 'outline-color');
    expect(ring).toBe(await systemColor('highlight', 'color'));
  });

  it("underlines an error's place in a system colour and dashes the invalid field's border", async () => {
    const textarea = page.locator('ucx-create-dialog.create-dialog textarea');
    await textarea.fill('(department=Sales');
    const range = page.locator('ucx-create-dialog.create-dialog .error-range');
    await range.waitFor({ state: 'attached' });
    // Drawn (the mirror was hidden: the place showed nowhere), its text left to the textarea.
    expect(await range.evaluate((el) => el.checkVisibility({ visibilityProperty: true }))).toBe(
      true,
    );
    expect(await styleOf('.error-range', 'color')).toBe('rgba(0, 0, 0, 0)');
    expect(await styleOf('.error-range', 'text-decoration-line')).toBe('underline');
    expect(await styleOf('.error-range', 'text-decoration-color')).toBe(
      await systemColor('highlight', 'background-color'),
    );
    expect(await styleOf('[part~="field"]', 'border-top-style')).toBe('dashed');
    await textarea.fill('(department=Sales)');
    expect(await styleOf('[part~="field"]', 'border-top-style')).toBe('solid');
  });
});
