// The delete confirmation of <ucx-user-sync> (<ucx-confirm-dialog>).
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import { deepText, find, settled, words } from './support/dom.js';
import {
  renderSection,
  dialogArgTypes,
  sectionArgs,
  sectionOf,
  type SectionArgs,
} from './support/section.js';
import { eventsOf, openDeleteDialog } from './support/dialogs.js';

const meta: Meta<SectionArgs> = {
  title: 'Elements/User sync/Delete confirmation',
  component: 'ucx-confirm-dialog',
  parameters: {
    layout: 'fullscreen',
    docs: { story: { inline: false, iframeHeight: 560 } },
  },
  args: sectionArgs(),
  argTypes: dialogArgTypes,
  render: renderSection,
};
export default meta;

type Story = StoryObj<SectionArgs>;

/** Delete clicked: the confirmation names the integration; Cancel is the safe choice. */
export const Confirmation: Story = {
  play: async ({ canvasElement, args }) => {
    const say = words(canvasElement);
    const d = await openDeleteDialog(sectionOf(canvasElement), 'int-entra-all');
    await expect(d.q('h2').textContent).toContain('Contoso — Milan office');
    await expect(d.q('.confirm').textContent).toContain(say('Delete', 'Elimina'));
    await expect(args.onIntegrationDeleted).not.toHaveBeenCalled();
    await settled();
  },
};

/** Deleting: inert, spinner on Delete. */
export const Deleting: Story = {
  args: { backend: 'delete never answers' },
  play: async ({ canvasElement }) => {
    const say = words(canvasElement);
    const d = await openDeleteDialog(sectionOf(canvasElement), 'int-entra-all');
    await userEvent.click(d.q('.confirm'));
    await waitFor(() =>
      expect(d.q('[role="status"]').textContent).toContain(
        say('Deleting', 'Eliminazione in corso'),
      ),
    );
    await expect(d.q('.confirm .spinner')).toBeTruthy();
    await settled();
  },
};

/** Deleted: the row leaves the list and the status line says so. */
export const Deleted: Story = {
  play: async ({ canvasElement, args }) => {
    const el = sectionOf(canvasElement);
    const d = await openDeleteDialog(el, 'int-entra-all');
    await userEvent.click(d.q('.confirm'));
    await waitFor(() => expect(args.onIntegrationDeleted).toHaveBeenCalledTimes(1));
    const table = await find(el, 'table');
    await waitFor(() => expect(table.querySelector('tr[data-id="int-entra-all"]')).toBeNull());
    await expect(d.dialog.open).toBe(false);
    await settled();
  },
};

/**
 * The backend fails while deleting (503): the error window with the reason, the request id
 * and Try again; the row stays in the list.
 */
export const DeleteFailure: Story = {
  args: { backend: 'delete fails (503 + request id)' },
  play: async ({ canvasElement, args }) => {
    const say = words(canvasElement);
    const el = sectionOf(canvasElement);
    const d = await openDeleteDialog(el, 'int-entra-all');
    await userEvent.click(d.q('.confirm'));
    const alert = await find<HTMLDialogElement>(d.q('ucx-error-window'), 'dialog');
    await waitFor(() => expect(alert.open).toBe(true));
    await expect(deepText(alert)).toContain('req-c90d3f18-delete');
    await expect(deepText(alert)).toContain(say('Try again', 'Riprova'));
    await expect(deepText(alert)).not.toContain(
      say('review the entered data', 'Controlla i dati inseriti'),
    );
    await expect(eventsOf(args.onUcxError).at(-1)?.detail).toMatchObject({ status: 503 });
    await expect(args.onIntegrationDeleted).not.toHaveBeenCalled();
    const table = await find(el, 'table');
    await expect(table.querySelector('tr[data-id="int-entra-all"]')).toBeTruthy();
    await settled();
  },
};
