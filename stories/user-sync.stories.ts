// <ucx-user-sync>: the section itself, in every state of its list, and under
// the toolbar's themes, directions and languages.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import { deep, deepText, find, settled, words } from './support/dom.js';
import {
  renderSection,
  sectionArgTypes,
  sectionArgs,
  sectionOf,
  type SectionArgs,
} from './support/section.js';

const meta: Meta<SectionArgs> = {
  title: 'Elements/User sync',
  component: 'ucx-user-sync',
  parameters: {
    layout: 'fullscreen',
    docs: {
      description: {
        component:
          "The *Users' Synchronization Integration* section of an admin console. In Storybook its `fetch` property is a small in-browser fake of the host backend and its `consent` property a fake of Microsoft's consent popup (pick their behaviour in the *Storybook fixture* controls); a real host points `endpoint` at its backend and lets the element load MSAL.",
      },
    },
  },
  args: sectionArgs(),
  argTypes: sectionArgTypes,
  render: renderSection,
};
export default meta;

type Story = StoryObj<SectionArgs>;

/** Three customer integrations: active, pending, error. */
export const Populated: Story = {
  play: async ({ canvasElement, step }) => {
    const el = sectionOf(canvasElement);
    const table = await find(el, 'table[part~="list"]');
    await step('one row per integration, with status and summary', async () => {
      await expect(table.querySelectorAll('tbody tr').length).toBe(3);
      await expect(table.textContent).toContain('Contoso — Sales and Marketing');
      await expect(table.textContent).toContain('(|(department=Sales)(department=Marketing))');
      await expect(table.querySelectorAll('[part~="status"]').length).toBe(3);
    });
    await step('customer integrations can be edited and deleted', async () => {
      await expect(table.querySelectorAll('[part~="edit-button"]').length).toBe(3);
      await expect(table.querySelectorAll('[part~="delete-button"]').length).toBe(3);
    });
    await step('Create is available', async () => {
      const create = deep(el, '[part~="create-button"]')!;
      await expect(create).toHaveAttribute('aria-disabled', 'false');
    });
    await settled();
  },
};

/** No integration yet: the empty state explains what to do. */
export const Empty: Story = {
  args: { backend: 'empty' },
  play: async ({ canvasElement }) => {
    const el = sectionOf(canvasElement);
    const say = words(canvasElement);
    const empty = await find(el, '[part~="empty"]');
    await expect(empty.textContent).toContain(say('No integrations yet', 'Nessuna integrazione'));
    await expect(deep(el, '[part~="create-button"]')).toHaveAttribute('aria-disabled', 'false');
    await settled();
  },
};

/** The list request never answers: skeleton and a "Loading…" status; Create waits. */
export const Loading: Story = {
  args: { backend: 'loading' },
  play: async ({ canvasElement }) => {
    const el = sectionOf(canvasElement);
    await find(el, '[part~="loading"]');
    const status = await find(el, '[role="status"][part~="announcer"]');
    const say = words(canvasElement);
    // (The text goes in a frame after the region, so it is announced.)
    await waitFor(() =>
      expect(status.textContent).toContain(
        say('Loading integrations', 'Caricamento delle integrazioni'),
      ),
    );
    await expect(deep(el, '[part~="create-button"]')).toHaveAttribute('aria-disabled', 'true');
    await settled();
  },
};

/** The list request failed with 500 problem+json: message, request id and Retry. */
export const LoadError: Story = {
  args: { backend: 'load error (500)' },
  play: async ({ canvasElement, args }) => {
    const el = sectionOf(canvasElement);
    const error = await find(el, '[part~="load-error"]');
    await expect(error).toHaveAttribute('role', 'alert');
    await expect(error.textContent).toContain('req-7f3c9a12-load');
    await expect(error.querySelector('button')?.textContent).toContain(
      words(canvasElement)('Retry', 'Riprova'),
    );
    await waitFor(() => expect(args.onUcxError).toHaveBeenCalled());
    const detail = (args.onUcxError as unknown as { mock: { calls: [CustomEvent][] } }).mock
      .calls[0]?.[0].detail as { stage: string; status?: number };
    await expect(detail.stage).toBe('load');
    await expect(detail.status).toBe(500);
    await settled();
  },
};

/** A vendor-managed Webex integration locks the section: why, and whom to contact. */
export const VendorLocked: Story = {
  args: { backend: 'vendor-locked' },
  play: async ({ canvasElement }) => {
    const el = sectionOf(canvasElement);
    const notice = await find(el, '[part~="lock-notice"]');
    await expect(notice.textContent).toContain('Imagicle Support');
    await expect(notice.querySelector('a[part~="contact-link"]')).toHaveAttribute(
      'href',
      'https://support.example.com/contact',
    );
    const create = deep<HTMLButtonElement>(el, '[part~="create-button"]')!;
    await expect(create).toHaveAttribute('aria-disabled', 'true');
    await expect(create.getAttribute('aria-describedby')).toBe('lock-reason');
    const vendorRow = deep(el, 'tr[data-id="int-webex-vendor"]')!;
    await expect(vendorRow.querySelector('[part~="edit-button"]')).toBeNull();
    await expect(vendorRow.querySelector('[part~="delete-button"]')).toBeNull();
    await userEvent.click(create);
    const dialog = deep<HTMLDialogElement>(el, 'ucx-create-dialog.create-dialog', 'dialog');
    await expect(dialog?.open).toBe(false);
    await settled();
  },
};

/** Dark: the elements' dark defaults (`color-scheme: dark` on the element, as a host sets it). */
export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const el = sectionOf(canvasElement);
    const base = await find(el, '[part~="base"]');
    await expect(getComputedStyle(base).backgroundColor).toBe('rgb(22, 27, 34)');
    await settled();
  },
};

/**
 * A narrow column, such as a phone's (360 px): each integration is a card, with the column
 * names over its cells, so nothing scrolls sideways and Edit and Delete stay in view.
 */
export const Narrow: Story = {
  decorators: [(story) => html`<div style="max-inline-size: 360px">${story()}</div>`],
  play: async ({ canvasElement }) => {
    const el = sectionOf(canvasElement);
    const row = await find(el, 'tr[part~="row"]');
    await expect(getComputedStyle(row).display).toBe('block');
    const wrap = deep(el, '.table-wrap')!;
    await expect(wrap.scrollWidth).toBeLessThanOrEqual(wrap.clientWidth + 1);
    await settled();
  },
};

/**
 * Long values: an unbroken name and message wrap inside their columns (Edit and Delete stay
 * in view), an unreadable date is shown as it came, a 300-condition filter scrolls in its box.
 */
export const LongValues: Story = {
  args: { backend: 'long values' },
  play: async ({ canvasElement }) => {
    const el = sectionOf(canvasElement);
    const table = await find(el, 'table[part~="list"]');
    const wrap = deep(el, '.table-wrap')!;
    await expect(wrap.scrollWidth).toBeLessThanOrEqual(wrap.clientWidth + 1);
    await expect(table.textContent).toContain('2016-12-31T23:59:60Z');
    const code = deep<HTMLElement>(el, 'tr[data-id="int-long-filter"] td.filter code')!;
    await expect(code.scrollHeight).toBeGreaterThan(code.clientHeight);
    await expect(code.tabIndex).toBe(0);
    await settled();
  },
};

/** Right to left: the layout mirrors (logical properties). */
export const RightToLeft: Story = {
  globals: { dir: 'rtl' },
  play: async ({ canvasElement }) => {
    const el = sectionOf(canvasElement);
    const base = await find(el, '[part~="base"]');
    await expect(getComputedStyle(base).direction).toBe('rtl');
    await settled();
  },
};

/** Italian: the element follows the page's `lang`. */
export const Italian: Story = {
  globals: { locale: 'it' },
  play: async ({ canvasElement }) => {
    const el = sectionOf(canvasElement);
    await find(el, 'table');
    await waitFor(() =>
      expect(deep(el, '[part~="title"]')?.textContent).toContain(
        'Integrazione per la sincronizzazione degli utenti',
      ),
    );
    // The backend's texts in Italian too (the section asks in its language).
    await waitFor(() => expect(deepText(el)).toContain('In attesa della prima sincronizzazione.'));
    await expect(deepText(el)).not.toContain('Waiting for the first synchronization');
    await settled();
  },
};

/** Italian with the dialog open. */
export const ItalianCreateDialog: Story = {
  globals: { locale: 'it' },
  play: async ({ canvasElement }) => {
    const el = sectionOf(canvasElement);
    await find(el, 'table');
    await userEvent.click(deep(el, '[part~="create-button"]')!);
    const dialog = await find<HTMLDialogElement>(el, 'ucx-create-dialog.create-dialog', 'dialog');
    await waitFor(() => expect(dialog.open).toBe(true));
    await expect(deepText(dialog)).not.toContain('Create integration');
    await settled();
  },
};

/** Host theme "Contoso" (src/themes/contoso.css): custom properties and `::part()` rules. */
export const HostThemeContoso: Story = {
  globals: { theme: 'contoso' },
  play: async ({ canvasElement }) => {
    const el = sectionOf(canvasElement);
    await find(el, 'table');
    const create = await find(el, '[part~="create-button"]');
    await expect(getComputedStyle(create).textTransform).toBe('uppercase');
    await expect(getComputedStyle(create).backgroundColor).toBe('rgb(0, 109, 119)');
    const base = deep(el, '[part~="base"]')!;
    await expect(getComputedStyle(base).borderInlineStartWidth).toBe('4px');
    await settled();
  },
};

/** Host theme "Fabrikam" (src/themes/fabrikam.css): a dark brand theme. */
export const HostThemeFabrikam: Story = {
  globals: { theme: 'fabrikam' },
  play: async ({ canvasElement }) => {
    const el = sectionOf(canvasElement);
    const create = await find(el, '[part~="create-button"]');
    await expect(getComputedStyle(create).borderTopLeftRadius).toBe('999px');
    const base = deep(el, '[part~="base"]')!;
    await expect(getComputedStyle(base).backgroundColor).toBe('rgb(28, 24, 48)');
    await settled();
  },
};
