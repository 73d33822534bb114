// <ucx-filter-editor> on its own: the LDAP filter field of the create dialog.
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import type { UcxFilterEditor } from '../src/components/filter-editor/filter-editor.js';
import { getLocale } from '../src/i18n/localization.js';
import { deep, deepText, find, settled, words } from './support/dom.js';

interface Args {
  value: string;
  label: string | undefined;
  lang: string;
  mode: 'text' | 'builder';
  name: string;
  maxLength: number;
  required: boolean;
  disabled: boolean;
  readonly: boolean;
  onFilterChange: (e: Event) => void;
}

function editorOf(canvas: HTMLElement): UcxFilterEditor {
  const el = canvas.querySelector('ucx-filter-editor');
  if (!el) throw new Error('no <ucx-filter-editor>');
  return el;
}

const meta: Meta<Args> = {
  title: 'Elements/Filter editor',
  component: 'ucx-filter-editor',
  parameters: {
    docs: {
      description: {
        component:
          'The *Data source filters* field: LDAP (RFC 4515) text with highlighting, live validation, autocomplete, Format and help, or a builder of conditions. Form-associated. Used inside the create and edit dialogs of `<ucx-user-sync>`.',
      },
    },
  },
  args: {
    value: '(&(department=Sales)(location=NYC))',
    label: undefined,
    mode: 'text',
    lang: '',
    name: 'filter',
    maxLength: 8192,
    required: false,
    disabled: false,
    readonly: false,
    onFilterChange: fn(),
  },
  argTypes: {
    // Set from script by a host (a form's reset value, its own fields): documented, with no
    // control here (one would change nothing). (Manifest rows: not in Args.)
    ...({ defaultValue: { control: false }, fields: { control: false } } as object),
    value: { control: 'text', description: 'The filter text. Blank means "all users".' },
    // (Filed under properties: the manifest also has a CSS part named `label`.)
    label: {
      control: 'text',
      description: 'Visible label (default: "Data source filters").',
      table: { category: 'properties' },
    },
    lang: {
      control: 'select',
      options: ['', 'en', 'it'],
      description: "UI language; empty follows the page (the toolbar's Locale).",
    },
    mode: { control: 'inline-radio', options: ['text', 'builder'] },
    name: { control: 'text', description: 'Form field name.' },
    maxLength: { control: { type: 'number', min: 16, step: 1 }, name: 'max-length' },
    required: { control: 'boolean' },
    disabled: { control: 'boolean' },
    readonly: { control: 'boolean' },
    onFilterChange: { action: 'ucx-filter-change', table: { category: 'Events' } },
  },
  render: (args) =>
    html`<div style="max-inline-size: 46rem">
      <ucx-filter-editor
        .value=${args.value}
        label=${ifDefined(args.label)}
        lang=${ifDefined(args.lang || undefined)}
        mode=${args.mode}
        name=${args.name}
        max-length=${args.maxLength}
        ?required=${args.required}
        ?disabled=${args.disabled}
        ?readonly=${args.readonly}
        @ucx-filter-change=${args.onFilterChange}
      ></ucx-filter-editor>
    </div>`,
};
export default meta;

type Story = StoryObj<Args>;

/** A valid filter in text mode: highlighted tokens and a plain-language summary. */
export const Text: Story = {
  play: async ({ canvasElement, args, step }) => {
    const editor = editorOf(canvasElement);
    const textarea = await find<HTMLTextAreaElement>(editor, 'textarea');
    await step('the filter is valid and summarized', async () => {
      await expect(textarea).toHaveAttribute('aria-invalid', 'false');
      await expect(deep(editor, '[part~="token-field"]')).toBeTruthy();
      await expect(deep(editor, '#summary')?.textContent?.trim()).not.toBe('');
    });
    await step('typing reports a change', async () => {
      await userEvent.click(textarea);
      await userEvent.keyboard('{Control>}a{/Control}{Backspace}(department=Sales)');
      await expect(editor.value).toBe('(department=Sales)');
      await expect(args.onFilterChange).toHaveBeenCalled();
      await expect(editor.canonicalValue).toBe('(department=Sales)');
    });
    await settled();
  },
};

/** Empty: valid, means "all users". */
export const Empty: Story = {
  args: { value: '' },
  play: async ({ canvasElement }) => {
    const editor = editorOf(canvasElement);
    const textarea = await find<HTMLTextAreaElement>(editor, 'textarea');
    await expect(textarea).toHaveAttribute('aria-invalid', 'false');
    await expect(editor.canonicalValue).toBe('');
    await settled();
  },
};

/** An invalid filter: the error says what and where, and the wrong token is underlined. */
export const Invalid: Story = {
  args: { value: '(&(department=Sales)(title=Engineer)' },
  play: async ({ canvasElement }) => {
    const editor = editorOf(canvasElement);
    const textarea = await find<HTMLTextAreaElement>(editor, 'textarea');
    await expect(textarea).toHaveAttribute('aria-invalid', 'true');
    const error = await find(editor, '#error');
    await expect(error.textContent?.trim()).not.toBe('');
    await expect(textarea.getAttribute('aria-describedby')).toContain('error');
    await expect(deep(editor, '[part~="error-range"]')).toBeTruthy();
    await expect(editor.canonicalValue).toBeNull();
    await settled();
  },
};

/** After Create found it invalid: the prominent "Invalid LDAP filters" message and focus. */
export const InvalidShown: Story = {
  args: { value: '(department=Sales' },
  play: async ({ canvasElement }) => {
    const say = words(canvasElement);
    const editor = editorOf(canvasElement);
    await find(editor, 'textarea');
    editor.showError();
    await waitFor(() =>
      expect(deepText(editor)).toContain(say('Invalid LDAP filters', 'Filtri LDAP non validi')),
    );
    await settled();
  },
};

/** The builder: rows of conditions grouped with AND / OR. */
export const Builder: Story = {
  args: { mode: 'builder', value: '(&(department=Sales)(!(location=NYC)))' },
  play: async ({ canvasElement, args }) => {
    const editor = editorOf(canvasElement);
    await find(editor, '[part~="builder"]');
    const rows = editor.shadowRoot!.querySelectorAll('[part~="builder-row"]');
    await expect(rows.length).toBe(2);
    const add = deep<HTMLButtonElement>(editor, '[part~="builder-add-row"]')!;
    await userEvent.click(add);
    await waitFor(() =>
      expect(editor.shadowRoot!.querySelectorAll('[part~="builder-row"]').length).toBe(3),
    );
    const combinator = deep<HTMLSelectElement>(editor, '[part~="builder-combinator"]')!;
    await userEvent.selectOptions(combinator, 'or');
    await waitFor(() => expect(args.onFilterChange).toHaveBeenCalled());
    await waitFor(() => expect(editor.value.startsWith('(|')).toBe(true));
    // The new row, left without a value, is marked.
    await expect(editor.shadowRoot!.querySelectorAll('.row.incomplete').length).toBe(1);
    await settled();
  },
};

/**
 * A condition just added, without a value: a hint in the muted colour, not an error. It is
 * marked in the danger colour once the admin leaves it empty (the Builder story's third row).
 */
export const BuilderNewCondition: Story = {
  args: { mode: 'builder', value: '' },
  play: async ({ canvasElement }) => {
    const say = words(canvasElement);
    const editor = editorOf(canvasElement);
    const row = await find(editor, '[part~="builder-row"]');
    await waitFor(() =>
      expect(row.textContent).toContain(say('left out of the filter', 'resta fuori dal filtro')),
    );
    await expect(row.classList.contains('incomplete')).toBe(false);
    await expect(editor.value).toBe('');
    await settled();
  },
};

/** Switching from text to builder with the mode radios. */
export const SwitchToBuilder: Story = {
  args: { value: '(|(department=Sales)(department=Marketing))' },
  play: async ({ canvasElement }) => {
    const editor = editorOf(canvasElement);
    const builderRadio = await find<HTMLInputElement>(editor, 'input[value="builder"]');
    await userEvent.click(builderRadio);
    await waitFor(() => expect(editor.mode).toBe('builder'));
    await find(editor, '[part~="builder-row"]');
    await settled();
  },
};

/** Valid text the builder can't represent (a * in the middle): it says why and stays text. */
export const BuilderCannotShow: Story = {
  args: { value: '(email=a*b*c)' },
  play: async ({ canvasElement }) => {
    const say = words(canvasElement);
    const editor = editorOf(canvasElement);
    const builderRadio = await find<HTMLInputElement>(editor, 'input[value="builder"]');
    await userEvent.click(builderRadio);
    await waitFor(() =>
      expect(deepText(editor)).toContain(say('has a * in the middle', 'ha un * nel mezzo')),
    );
    await expect(editor.mode).toBe('text');
    await expect(builderRadio.checked).toBe(false);
    await expect(editor.value).toBe('(email=a*b*c)');
    await settled();
  },
};

/** Autocomplete open where a field goes (after "(&("): the fields, each with what it means. */
export const AutocompleteOpen: Story = {
  args: { value: '' },
  play: async ({ canvasElement }) => {
    const editor = editorOf(canvasElement);
    const textarea = await find<HTMLTextAreaElement>(editor, 'textarea');
    await userEvent.click(textarea);
    await userEvent.keyboard('(&(');
    const list = await find(editor, '[role="listbox"]');
    await waitFor(() => expect(list.textContent).toContain('officeLocation'));
    await expect(list.textContent).toContain('phoneNumber');
    await expect(textarea).toHaveAttribute('aria-activedescendant');
    await settled();
  },
};

/** The help disclosure, open: fields, operators and clickable examples. */
export const HelpOpen: Story = {
  args: { value: '' },
  play: async ({ canvasElement }) => {
    const editor = editorOf(canvasElement);
    const toggle = await find(editor, '[part~="help-toggle"]');
    await userEvent.click(toggle);
    const help = deep<HTMLDetailsElement>(editor, '[part~="help"]')!;
    await waitFor(() => expect(help.open).toBe(true));
    const example = deep<HTMLButtonElement>(editor, '[part~="example"]')!;
    await userEvent.click(example);
    await waitFor(() => expect(editor.value).not.toBe(''));
    await settled();
  },
};

/** Disabled (as while the dialog is busy). */
export const Disabled: Story = {
  args: { disabled: true },
  play: async ({ canvasElement }) => {
    const editor = editorOf(canvasElement);
    const textarea = await find<HTMLTextAreaElement>(editor, 'textarea');
    await expect(textarea).toBeDisabled();
    await settled();
  },
};

/** Dark: the editor's dark defaults (`color-scheme: dark` on the element). */
export const Dark: Story = {
  globals: { theme: 'dark' },
};

/** Right to left: the layout mirrors, the filter text stays left to right. */
export const RightToLeft: Story = {
  globals: { dir: 'rtl' },
  play: async ({ canvasElement }) => {
    const editor = editorOf(canvasElement);
    const textarea = await find<HTMLTextAreaElement>(editor, 'textarea');
    await expect(textarea.getAttribute('dir')).toBe('ltr');
    await settled();
  },
};

/** Italian (the runtime locale follows the page's language). */
export const Italian: Story = {
  globals: { locale: 'it' },
  args: { value: '(department=Sales' },
  play: async ({ canvasElement }) => {
    const editor = editorOf(canvasElement);
    await find(editor, 'textarea');
    await expect(getLocale()).toBe('it');
    await settled();
  },
};
