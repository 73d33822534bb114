import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { integration } from '../../fixture-server/fixture.js';
import { chord } from '../filter-editor/define.js';
import {
  deepActive,
  fillCreate,
  mount,
  openCreate,
  typeFilter,
  waitFor,
  type Mounted,
} from './helpers.js';

/** True when the point at the middle of `el` shows `el` (nothing covers it, it is in view). */
function visibleAtItsCentre(el: HTMLElement): boolean {
  const r = el.getBoundingClientRect();
  const x = r.left + r.width / 2;
  const y = r.top + r.height / 2;
  if (y < 0 || y > window.innerHeight) return false;
  const hit = (el.getRootNode() as ShadowRoot).elementFromPoint(x, y);
  return hit === el || el.contains(hit);
}

const nextFrame = () => new Promise((r) => requestAnimationFrame(r));

/** Shift+Tab from Cancel to the last field, Preview; returns it once focus has scrolled. */
async function shiftTabFromCancelToPreview(
  m: Mounted,
  p: Awaited<ReturnType<typeof openCreate>>,
): Promise<HTMLElement> {
  p.cancel.focus();
  await chord('Shift', 'Tab');
  const preview = m.create.shadowRoot!.querySelector<HTMLElement>('.preview-button')!;
  expect(deepActive()).to.equal(preview);
  await nextFrame();
  return preview;
}

describe('<ucx-user-sync> dialog layout', () => {
  afterEach(async () => {
    document.documentElement.style.fontSize = '';
    await setViewport({ width: 800, height: 600 });
  });

  it('on a phone, in Italian, the builder fits the dialog: nothing scrolls sideways', async () => {
    await setViewport({ width: 400, height: 800 });
    const m = await mount({ items: [] }, { lang: 'it' });
    const p = await fillCreate(m, '(&(department=Sales)(|(location=Milan)(location=NYC)))');
    const editor = p.editor;
    editor
      .shadowRoot!.querySelector<HTMLInputElement>('[part~="mode-switch"] input[value="builder"]')!
      .click();
    const builder = await waitFor(
      () => editor.shadowRoot!.querySelector<HTMLElement>('[part~="builder"], .builder'),
      'the builder',
    );
    await nextFrame();
    expect(p.dialog.scrollWidth, 'the dialog').to.be.at.most(p.dialog.clientWidth);
    const edge = p.body.getBoundingClientRect().right + 1;
    for (const control of builder.querySelectorAll<HTMLElement>('select, input, button')) {
      expect(control.getBoundingClientRect().right, control.outerHTML.slice(0, 80)).to.be.at.most(
        edge,
      );
    }
  });

  it('on a short screen, keeps the title in view too, and never hides a focused field under it', async () => {
    await setViewport({ width: 900, height: 480 });
    const m = await mount({ items: [] });
    const p = await openCreate(m);
    const title = m.create.shadowRoot!.querySelector<HTMLElement>('#title')!;
    p.dialog.scrollTop = p.dialog.scrollHeight;
    await nextFrame();
    expect(p.dialog.scrollTop, 'scrolled').to.be.greaterThan(0);
    expect(visibleAtItsCentre(title), 'title in view at the bottom').to.equal(true);
    // Back to the first field (it had focus when the dialog opened: move it away first),
    // which scrolls it below the title, not under it.
    p.cancel.focus();
    await nextFrame();
    p.source!.focus();
    await nextFrame();
    const header = title.closest<HTMLElement>('.dialog-header')!.getBoundingClientRect();
    expect(p.source!.getBoundingClientRect().top).to.be.at.least(header.bottom - 1);
    expect(visibleAtItsCentre(p.source!), 'the select in view').to.equal(true);
    // The filter field scrolled under the title: the title stays on top (and takes clicks).
    await setViewport({ width: 900, height: 330 });
    await nextFrame();
    const field = p.editor.shadowRoot!.querySelector('textarea')!;
    const top = title.closest<HTMLElement>('.dialog-header')!.getBoundingClientRect().top;
    p.dialog.scrollTop += field.getBoundingClientRect().top - top;
    await nextFrame();
    expect(visibleAtItsCentre(title), 'title above the filter field').to.equal(true);
  });

  it('keeps the edited integration in view with the title', async () => {
    await setViewport({ width: 900, height: 480 });
    const m = await mount({ items: [integration()] });
    m.root.querySelector<HTMLButtonElement>('tr[data-id="int-a"] .edit')!.click();
    await waitFor(() => m.edit.shadowRoot?.querySelector('dialog')?.open, 'the edit dialog');
    const dialog = m.edit.shadowRoot!.querySelector('dialog')!;
    const target = m.edit.shadowRoot!.querySelector<HTMLElement>('#target')!;
    expect(dialog.getAttribute('aria-describedby')).to.equal('target');
    dialog.scrollTop = dialog.scrollHeight;
    await nextFrame();
    expect(dialog.scrollTop, 'scrolled').to.be.greaterThan(0);
    expect(visibleAtItsCentre(target), 'the integration in view').to.equal(true);
  });

  it('on a short screen, keeps Cancel and Create in view while the fields scroll, and never hides a focused field under them', async () => {
    await setViewport({ width: 900, height: 480 });
    const m = await mount({ items: [] });
    const p = await openCreate(m);
    // The fields are taller than the screen: the dialog scrolls.
    expect(p.dialog.scrollHeight).to.be.greaterThan(p.dialog.clientHeight);
    expect(visibleAtItsCentre(p.submit), 'Create in view').to.equal(true);
    expect(visibleAtItsCentre(p.cancel), 'Cancel in view').to.equal(true);
    // Shift+Tab from Cancel reaches the last field, Preview: scrolled into view, above the
    // buttons, not under them.
    const preview = await shiftTabFromCancelToPreview(m, p);
    expect(visibleAtItsCentre(preview), 'Preview in view').to.equal(true);
    expect(preview.getBoundingClientRect().bottom).to.be.at.most(
      p.footer.getBoundingClientRect().top,
    );
  });

  it('stays in place while it grows or shrinks as the admin types', async () => {
    await setViewport({ width: 900, height: 800 });
    const m = await mount({ items: [] });
    const p = await openCreate(m);
    const top = () => p.dialog.getBoundingClientRect().top;
    const height = () => p.dialog.getBoundingClientRect().height;
    const before = { top: top(), height: height() };
    // An unclosed parenthesis: the error message appears under the field.
    await typeFilter(p.editor, '(&(department=Sales)');
    await waitFor(() => height() > before.height, 'the dialog to grow');
    expect(top()).to.be.closeTo(before.top, 0.5);
    const grown = height();
    await typeFilter(p.editor, ')');
    await waitFor(() => height() < grown - 1, 'the message to go');
    expect(top()).to.be.closeTo(before.top, 0.5);
  });

  it("writes a failure's request id on one line, in the error window and in the section, on a laptop and a phone", async () => {
    const id = '168fc713-a195-470d-95a6-ffae6d4831f4';
    /** The lines the text of `code` takes (the tops of its text's boxes; a <wbr> has none). */
    const lines = (code: HTMLElement) => {
      const range = document.createRange();
      range.selectNodeContents(code);
      const boxes = Array.from(range.getClientRects()).filter((r) => r.width > 0);
      return new Set(boxes.map((r) => Math.round(r.top))).size;
    };
    /** Whether the id fits its paragraph's width on one line (on a phone it may not). */
    const fits = (code: HTMLElement) => {
      code.style.whiteSpace = 'nowrap';
      const wide = code.getBoundingClientRect().width;
      code.style.whiteSpace = '';
      return wide <= (code.parentElement as HTMLElement).clientWidth;
    };
    const expectOneLineWhereItFits = (code: HTMLElement, where: string) => {
      if (fits(code)) expect(lines(code), where).to.equal(1);
      else expect(lines(code), where).to.be.at.most(2);
    };
    for (const width of [1280, 390]) {
      await setViewport({ width, height: 800 });
      const m = await mount({
        items: [],
        faults: [
          {
            method: 'POST',
            problem: { status: 500, code: 'internal', title: 'Internal', requestId: id },
          },
        ],
      });
      const p = await fillCreate(m, '(department=Sales)');
      p.submit.click();
      await waitFor(() => p.errorDialog().open, 'the error window', 8000);
      const inWindow = p.errorWindow.shadowRoot!.querySelector<HTMLElement>('.request-id code')!;
      expect(inWindow.textContent).to.equal(id);
      // Before, it broke at a hyphen ('168fc713-a195-470d-95a6-' over 'ffae6d4831f4') where
      // it fits on the line under its label.
      if (width === 1280) expect(fits(inWindow)).to.equal(true);
      expectOneLineWhereItFits(inWindow, `the error window at ${width} px`);
      m.el.remove();
      // The section's own failure (its list can't be read) writes it the same way.
      const s = await mount({
        items: [],
        faults: [
          {
            method: 'GET',
            problem: { status: 503, code: 'unavailable', title: 'Down', requestId: id },
          },
        ],
      });
      const inSection = await waitFor(
        () => s.el.shadowRoot!.querySelector<HTMLElement>('.request-id code'),
        'the load error',
        8000,
      );
      expect(inSection.textContent).to.equal(id);
      expectOneLineWhereItFits(inSection, `the section at ${width} px`);
      s.el.remove();
    }
  });

  it('writes the footer status on one line, beside the buttons or above them', async () => {
    await setViewport({ width: 900, height: 800 });
    const m = await mount({ items: [] });
    m.el.style.fontFamily = 'system-ui, sans-serif'; // a console's font, as in the demo
    m.consent.hold = true;
    const p = await fillCreate(m, '(department=Sales)');
    p.submit.click();
    await waitFor(
      () => p.status.textContent?.includes('Waiting for Microsoft sign-in…'),
      'waiting for sign-in',
    );
    const range = document.createRange();
    range.selectNodeContents(p.status);
    const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
    expect(lines.size, '"sign-" and "in…" on separate lines').to.equal(1);
    // The two buttons stay side by side.
    expect(p.cancel.getBoundingClientRect().top).to.be.closeTo(
      p.submit.getBoundingClientRect().top,
      1,
    );
    m.consent.cancel();
  });

  it('scrolls a field that takes focus out from under the footer, whatever the footer holds', async () => {
    await setViewport({ width: 900, height: 480 });
    document.documentElement.style.fontSize = '10px'; // a host page with a 62.5% root font
    const m = await mount({ items: [] });
    const p = await openCreate(m);
    const preview = m.create.shadowRoot!.querySelector<HTMLElement>('.preview-button')!;
    // Scroll so that Preview sits under the footer: inside the dialog's box, but covered.
    p.dialog.scrollTop +=
      preview.getBoundingClientRect().top - p.footer.getBoundingClientRect().top - 2;
    await nextFrame();
    expect(visibleAtItsCentre(preview), 'Preview covered to begin with').to.equal(false);
    await shiftTabFromCancelToPreview(m, p);
    expect(preview.getBoundingClientRect().bottom).to.be.at.most(
      p.footer.getBoundingClientRect().top,
    );
  });
});
