import { expect } from '@open-wc/testing';
import { scenario } from '../../fixture-server/fixture.js';
import { mount, waitFor } from './helpers.js';

// The documented defaults (src/internal/styles.ts, the editor's styles).
const LIGHT = { surface: 'rgb(255, 255, 255)', text: 'rgb(31, 35, 40)' };
const DARK = { surface: 'rgb(22, 27, 34)', text: 'rgb(230, 237, 243)' };

/** What `colours()` reads when everything has the palette's colours, the select `scheme`. */
const all = (palette: typeof LIGHT, scheme: string) => ({
  section: palette.surface,
  dialog: palette.surface,
  dialogText: palette.text,
  field: palette.surface,
  label: palette.text,
  select: scheme,
});

const shadow = (el: Element, selector: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(selector)!;

/** What the admin sees of the section and of its create dialog (opened here with a click). */
async function colours(section: HTMLElement) {
  const win = section.ownerDocument.defaultView!;
  const root = section.shadowRoot!;
  const base = await waitFor(() => root.querySelector('table, .empty') && shadow(section, '.base'));
  root.querySelector<HTMLElement>('.create')!.click();
  const create = await waitFor(() => root.querySelector('ucx-create-dialog.create-dialog'));
  const dialog = await waitFor(() => create.shadowRoot?.querySelector('dialog[open]'));
  const editor = shadow(create, 'ucx-filter-editor');
  await waitFor(() => editor.shadowRoot?.querySelector('.field'));
  const style = (el: Element) => win.getComputedStyle(el);
  return {
    section: style(base).backgroundColor,
    dialog: style(dialog).backgroundColor,
    dialogText: style(dialog).color,
    field: style(shadow(editor, '.field')).backgroundColor,
    label: style(shadow(editor, '[part~="label"]')).color,
    select: style(shadow(create, '#source')).colorScheme,
  };
}

/**
 * A frame whose element has color-scheme: dark: inside it prefers-color-scheme is dark (in
 * both browsers), as on an operating system set to dark, while the host page stays white.
 */
async function darkOsFrame(body: string): Promise<{ win: Window; remove(): void }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'color-scheme: dark; width: 900px; height: 700px';
  frame.srcdoc = `<!doctype html><body style="background: #fff; color: #000">${body}
    <script type="module">import '/src/ucx-user-sync.ts'; import '/src/ucx-user-sync-dialogs.ts';</script>`;
  const loaded = new Promise((resolve) => (frame.onload = resolve));
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow!;
  expect(win.matchMedia('(prefers-color-scheme: dark)').matches, 'OS dark').to.equal(true);
  await waitFor(() => win.customElements.get('ucx-create-dialog'), 'the elements defined');
  return { win, remove: () => frame.remove() };
}

describe('<ucx-user-sync> light and dark', () => {
  it('follows a dark OS by default: section, dialog and filter editor all dark', async () => {
    const fx = await scenario({ items: [] });
    const frame = await darkOsFrame(
      `<ucx-user-sync endpoint="${fx.endpoint}" client-id="c" lang="en"></ucx-user-sync>`,
    );
    try {
      const c = await colours(frame.win.document.querySelector('ucx-user-sync')!);
      expect(c).to.deep.equal(all(DARK, 'light dark'));
    } finally {
      frame.remove();
    }
  });

  it('color-scheme: light on the element keeps it all light on a dark OS (a console with no dark theme)', async () => {
    const fx = await scenario({ items: [] });
    const frame = await darkOsFrame(
      `<ucx-user-sync style="color-scheme: light" endpoint="${fx.endpoint}" client-id="c" lang="en"></ucx-user-sync>
       <ucx-filter-editor style="color-scheme: light" label="Filter"></ucx-filter-editor>`,
    );
    try {
      const doc = frame.win.document;
      const c = await colours(doc.querySelector('ucx-user-sync')!);
      expect(c).to.deep.equal(all(LIGHT, 'light'));
      // The editor on its own: light field and text, and none of the dark surface it paints
      // behind itself when dark.
      const editor = doc.querySelector('ucx-filter-editor')!;
      await waitFor(() => editor.shadowRoot?.querySelector('.field'));
      const style = frame.win.getComputedStyle.bind(frame.win);
      expect(style(editor).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
      expect(style(shadow(editor, '.field')).backgroundColor).to.equal(LIGHT.surface);
      expect(style(shadow(editor, '[part~="label"]')).color).to.equal(LIGHT.text);
    } finally {
      frame.remove();
    }
  });

  it('color-scheme: dark on the element gives the dark defaults on a light OS (a console’s own dark mode)', async () => {
    expect(matchMedia('(prefers-color-scheme: dark)').matches, 'OS light').to.equal(false);
    const m = await mount({ items: [] });
    m.el.style.colorScheme = 'dark';
    const c = await colours(m.el);
    expect(c).to.deep.equal(all(DARK, 'dark'));
  });
});
