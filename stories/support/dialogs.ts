// Play-function steps shared by the dialog stories.
import { expect, userEvent, waitFor } from 'storybook/test';
import type { UcxUserSync } from '../../src/components/user-sync/user-sync.js';
import type { UcxCreateDialog } from '../../src/components/create-dialog/create-dialog.js';
import type { UcxConfirmDialog } from '../../src/components/confirm-dialog/confirm-dialog.js';
import { deep, find } from './dom.js';

export interface OpenDialog<T extends HTMLElement> {
  host: T;
  dialog: HTMLDialogElement;
  q: <E extends Element = HTMLElement>(selector: string) => E;
}

function opened<T extends HTMLElement>(host: T, dialog: HTMLDialogElement): OpenDialog<T> {
  return {
    host,
    dialog,
    q: <E extends Element = HTMLElement>(selector: string) => {
      const found = host.shadowRoot?.querySelector<E>(selector);
      if (!found) throw new Error(`no ${selector} in <${host.localName}>`);
      return found;
    },
  };
}

/** Waits for the list, clicks + Create, and waits for the modal dialog. */
export async function openCreateDialog(el: UcxUserSync): Promise<OpenDialog<UcxCreateDialog>> {
  await find(el, 'table, [part~="empty"]');
  await userEvent.click(deep(el, '[part~="create-button"]')!);
  const host = await find<UcxCreateDialog>(el, 'ucx-create-dialog.create-dialog');
  const dialog = await find<HTMLDialogElement>(host, 'dialog');
  await waitFor(() => expect(dialog.open).toBe(true));
  return opened(host, dialog);
}

/** Turns the Authorization switch on. */
export async function authorize(d: OpenDialog<UcxCreateDialog>): Promise<void> {
  const sw = d.q('[role="switch"]');
  await userEvent.click(sw);
  await waitFor(() => expect(sw).toHaveAttribute('aria-checked', 'true'));
}

/** Types into the dialog's filter editor (replacing what is there). */
export async function typeFilter(d: OpenDialog<UcxCreateDialog>, text: string): Promise<void> {
  const editor = d.q<HTMLElement & { value: string }>('ucx-filter-editor');
  const textarea = await find<HTMLTextAreaElement>(editor, 'textarea');
  await userEvent.click(textarea);
  await userEvent.keyboard('{Control>}a{/Control}{Backspace}');
  // user-event reads `[` and `{` as key descriptors; LDAP filters use neither.
  await userEvent.keyboard(text);
  await waitFor(() => expect(editor.value).toBe(text));
}

/** Clicks Edit on a row, waits for the edit dialog. */
export async function openEditDialog(
  el: UcxUserSync,
  id: string,
): Promise<OpenDialog<UcxCreateDialog>> {
  const row = await find(el, `tr[data-id="${id}"]`);
  await userEvent.click(row.querySelector<HTMLElement>('[part~="edit-button"]')!);
  const host = await find<UcxCreateDialog>(el, 'ucx-create-dialog.edit-dialog');
  const dialog = await find<HTMLDialogElement>(host, 'dialog');
  await waitFor(() => expect(dialog.open).toBe(true));
  return opened(host, dialog);
}

/** Clicks Delete on a row, waits for the confirmation. */
export async function openDeleteDialog(
  el: UcxUserSync,
  id: string,
): Promise<OpenDialog<UcxConfirmDialog>> {
  const row = await find(el, `tr[data-id="${id}"]`);
  await userEvent.click(row.querySelector<HTMLElement>('[part~="delete-button"]')!);
  const host = await find<UcxConfirmDialog>(el, 'ucx-confirm-dialog');
  const dialog = await find<HTMLDialogElement>(host, 'dialog');
  await waitFor(() => expect(dialog.open).toBe(true));
  return opened(host, dialog);
}

/** Calls recorded by an action arg (`fn()`), as events. */
export function eventsOf(action: unknown): CustomEvent[] {
  const mock = (action as { mock?: { calls: unknown[][] } }).mock;
  return (mock?.calls ?? []).map((c) => c[0] as CustomEvent);
}
