// The create and edit dialogs of <ucx-user-sync> (<ucx-create-dialog>), in
// every state a designer reviews. They are internal to the section, so each
// story renders the section and opens the dialog as an admin would.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import { deep, deepActive, deepText, find, settled, words } from './support/dom.js';
import { WEBEX_VENDOR } from './support/fake-backend.js';
import {
  currentBackend,
  renderSection,
  dialogArgTypes,
  sectionArgs,
  sectionOf,
  type SectionArgs,
} from './support/section.js';
import {
  authorize,
  eventsOf,
  openCreateDialog,
  openEditDialog,
  typeFilter,
} from './support/dialogs.js';

const meta: Meta<SectionArgs> = {
  title: 'Elements/User sync/Create and edit dialog',
  component: 'ucx-create-dialog',
  parameters: {
    layout: 'fullscreen',
    docs: {
      description: {
        component:
          'The modal dialog behind **+ Create** (and, in edit mode, behind **Edit**): *Data source*, the *Authorization* switch, *Data source filters*, Cancel and Create. The stories render `<ucx-user-sync>` with a fake backend and a fake consent provider and drive the dialog in their play functions.',
      },
      story: { inline: false, iframeHeight: 720 },
    },
  },
  args: sectionArgs(),
  argTypes: dialogArgTypes,
  render: renderSection,
};
export default meta;

type Story = StoryObj<SectionArgs>;

/** Just opened: focus on *Data source*, Create unavailable until Authorization is on. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const say = words(canvasElement);
    const d = await openCreateDialog(sectionOf(canvasElement));
    await expect(d.dialog.getAttribute('aria-labelledby')).toBe('title');
    await expect(d.q('#title').textContent).toContain(
      say('Create integration', 'Crea integrazione'),
    );
    await waitFor(() => expect(deepActive()?.id).toBe('source'));
    await expect(d.q('[role="switch"]')).toHaveAttribute('aria-checked', 'false');
    await expect(d.q('.submit')).toHaveAttribute('aria-disabled', 'true');
    await expect(d.q('#reason').textContent).toContain(say('Authorization', 'autorizzazione'));
    await settled();
  },
};

/** Create with an invalid filter: "Invalid LDAP filters", the field marked and focused. */
export const InvalidFilter: Story = {
  play: async ({ canvasElement, args }) => {
    const say = words(canvasElement);
    const d = await openCreateDialog(sectionOf(canvasElement));
    await authorize(d);
    await typeFilter(d, '(&(department=Sales)(title=Engineer)');
    await userEvent.click(d.q('.submit'));
    const editor = d.q('ucx-filter-editor');
    await waitFor(() =>
      expect(deepText(d.dialog)).toContain(say('Invalid LDAP filters', 'Filtri LDAP non validi')),
    );
    await expect(deep(editor, 'textarea')).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(deepActive()?.localName).toBe('textarea'));
    const errors = eventsOf(args.onUcxError);
    await expect(errors.at(-1)?.detail.stage).toBe('validation');
    await expect(args.onBeforeCreate).not.toHaveBeenCalled();
    await settled();
  },
};

/** The filter written with the builder instead of text. */
export const BuilderMode: Story = {
  play: async ({ canvasElement }) => {
    const d = await openCreateDialog(sectionOf(canvasElement));
    await authorize(d);
    const editor = d.q<HTMLElement & { mode: string; value: string }>('ucx-filter-editor');
    await userEvent.click(await find(editor, 'input[value="builder"]'));
    await waitFor(() => expect(editor.mode).toBe('builder'));
    // Two conditions, as an admin builds them: department is Sales AND location starts with NY.
    const nth = <T extends Element>(part: string, n: number) =>
      editor.shadowRoot!.querySelectorAll<T>(`[part~="${part}"]`)[n]!;
    await userEvent.selectOptions(await find(editor, '[part~="builder-field"]'), 'department');
    await userEvent.type(nth<HTMLInputElement>('builder-value', 0), 'Sales');
    await userEvent.click(await find(editor, '[part~="builder-add-row"]'));
    await waitFor(() => expect(nth('builder-field', 1)).toBeTruthy());
    await userEvent.selectOptions(nth('builder-field', 1), 'location');
    await userEvent.selectOptions(nth('builder-condition', 1), 'startsWith');
    await userEvent.type(nth<HTMLInputElement>('builder-value', 1), 'NY');
    await waitFor(() =>
      expect(editor.value.replace(/\s+/g, '')).toBe('(&(department=Sales)(location=NY*))'),
    );
    await settled();
  },
};

/**
 * The host page vetoed the creation (`preventDefault()` on `ucx-before-create`): no popup,
 * nothing sent, and the dialog says so instead of seeming to do nothing.
 */
export const Vetoed: Story = {
  play: async ({ canvasElement, args }) => {
    const say = words(canvasElement);
    const section = sectionOf(canvasElement);
    section.addEventListener('ucx-before-create', (e) => e.preventDefault(), { once: true });
    const d = await openCreateDialog(section);
    await authorize(d);
    await typeFilter(d, '(department=Sales)');
    await userEvent.click(d.q('.submit'));
    await waitFor(() =>
      expect(d.q('#footer-error').textContent).toContain(
        say('This page stopped the creation', 'Questa pagina ha fermato la creazione'),
      ),
    );
    await expect(d.q('.submit')).toHaveAttribute('aria-describedby', 'footer-error');
    await expect(args.onBeforeCreate).toHaveBeenCalledTimes(1);
    await expect(d.dialog.open).toBe(true);
    await settled();
  },
};

/**
 * The vendor took over while the dialog was open (a list read since shows its Webex
 * integration): Create and Preview wait, saying why as + Create does; the filter stays.
 */
export const LockedWhileOpen: Story = {
  play: async ({ canvasElement }) => {
    const say = words(canvasElement);
    const section = sectionOf(canvasElement);
    const d = await openCreateDialog(section);
    await authorize(d);
    await typeFilter(d, '(department=Sales)');
    currentBackend!.items.push(structuredClone(WEBEX_VENDOR));
    await section.refresh();
    await waitFor(() => expect(d.q('.submit')).toHaveAttribute('aria-disabled', 'true'));
    await expect(d.q('.submit')).toHaveAttribute('aria-describedby', 'lock-reason');
    await expect(d.q('#lock-reason').textContent).toContain(
      say('only they can add integrations', 'può aggiungere integrazioni'),
    );
    await expect(d.dialog.open).toBe(true);
    await settled();
  },
};

/** Create clicked: Microsoft's sign-in is open; the form is inert, Cancel sign-in offered. */
export const ConsentInProgress: Story = {
  args: { consentFlow: 'popup stays open' },
  play: async ({ canvasElement, args }) => {
    const say = words(canvasElement);
    const d = await openCreateDialog(sectionOf(canvasElement));
    await authorize(d);
    await userEvent.click(d.q('.submit'));
    await waitFor(() =>
      expect(d.q('[role="status"]').textContent).toContain(
        say('Microsoft sign-in', 'accesso Microsoft'),
      ),
    );
    await expect(d.q('.dialog-body')).toHaveAttribute('inert');
    await expect(d.q('.dialog-body')).toHaveAttribute('aria-busy', 'true');
    await expect(d.q('.cancel').textContent).toContain(say('Cancel sign-in', 'Annulla accesso'));
    // Create stays available: clicked again, it replaces a forgotten popup.
    await expect(d.q('.submit')).toHaveAttribute('aria-disabled', 'false');
    await expect(args.onBeforeCreate).toHaveBeenCalledTimes(1);
    await settled();
  },
};

/** Consent granted, the backend is creating: greyed form, spinner on Create. */
export const Creating: Story = {
  args: { backend: 'create never answers' },
  play: async ({ canvasElement, args }) => {
    const say = words(canvasElement);
    const d = await openCreateDialog(sectionOf(canvasElement));
    await authorize(d);
    await typeFilter(d, '(department=Sales)');
    await userEvent.click(d.q('.submit'));
    await waitFor(() =>
      expect(d.q('[role="status"]').textContent).toContain(say('Creating', 'Creazione')),
    );
    await expect(d.q('.submit .spinner')).toBeTruthy();
    await expect(d.q('.dialog-body')).toHaveAttribute('inert');
    await expect(d.q('.cancel').textContent).toContain(say('Cancel request', 'Annulla richiesta'));
    await expect(args.onConsentGranted).toHaveBeenCalledTimes(1);
    await settled();
  },
};

/** A slow backend: "Still working…" after a while, with a way to cancel. */
export const SlowCreate: Story = {
  args: { backend: 'slow create (25 s)' },
  play: async ({ canvasElement }) => {
    const say = words(canvasElement);
    const d = await openCreateDialog(sectionOf(canvasElement));
    d.host.stillWorkingDelay = 1000;
    await authorize(d);
    await userEvent.click(d.q('.submit'));
    await waitFor(
      () =>
        expect(d.q('[role="status"]').textContent).toContain(
          say('Still working', 'Ancora in corso'),
        ),
      {
        timeout: 3000,
      },
    );
    await expect(d.q('.cancel').textContent).toContain(say('Cancel request', 'Annulla richiesta'));
    await settled();
  },
};

/** The backend failed (502 problem+json): the error window with the request id. */
export const Failure: Story = {
  args: { backend: 'create fails (502 + request id)' },
  play: async ({ canvasElement, args }) => {
    const say = words(canvasElement);
    const d = await openCreateDialog(sectionOf(canvasElement));
    await authorize(d);
    await typeFilter(d, '(department=Sales)');
    await userEvent.click(d.q('.submit'));
    const errorWindow = d.q('ucx-error-window');
    const alert = await find<HTMLDialogElement>(errorWindow, 'dialog');
    await waitFor(() => expect(alert.open).toBe(true));
    await expect(alert).toHaveAttribute('role', 'alertdialog');
    await expect(deepText(alert)).toContain('req-b41d0e77-create');
    await expect(deepText(alert)).toContain(
      say('Microsoft Graph did not confirm', 'Microsoft Graph non ha confermato'),
    );
    const error = eventsOf(args.onUcxError).at(-1);
    await expect(error?.detail).toMatchObject({ stage: 'backend', status: 502 });
    await expect(args.onIntegrationCreated).not.toHaveBeenCalled();
    await settled();
  },
};

/** Create clicked, the consent provider fails: the error window, open, reported as consent. */
async function consentFailureWindow(
  canvasElement: HTMLElement,
  args: SectionArgs,
): Promise<HTMLDialogElement> {
  const d = await openCreateDialog(sectionOf(canvasElement));
  await authorize(d);
  await userEvent.click(d.q('.submit'));
  const alert = await find<HTMLDialogElement>(d.q('ucx-error-window'), 'dialog');
  await waitFor(() => expect(alert.open).toBe(true));
  await expect(eventsOf(args.onUcxError).at(-1)?.detail.stage).toBe('consent');
  return alert;
}

/** Consent declined by the admin (AADSTS65004): what it means and how to retry. */
export const ConsentDeclined: Story = {
  args: { consentFlow: 'admin declines (AADSTS65004)' },
  play: async ({ canvasElement, args }) => {
    await consentFailureWindow(canvasElement, args);
    await settled();
  },
};

/** The browser blocked Microsoft's sign-in window: what to allow, and a way to try again. */
export const PopupBlocked: Story = {
  args: { consentFlow: 'popup blocked' },
  play: async ({ canvasElement, args }) => {
    const say = words(canvasElement);
    const alert = await consentFailureWindow(canvasElement, args);
    await expect(deepText(alert).toLowerCase()).toContain('pop-up');
    await expect(deepText(alert)).toContain(say('Try again', 'Riprova'));
    await settled();
  },
};

/** Created: the dialog closes, the list shows the new integration, the status line says so. */
export const Success: Story = {
  play: async ({ canvasElement, args }) => {
    const say = words(canvasElement);
    const el = sectionOf(canvasElement);
    const d = await openCreateDialog(el);
    await authorize(d);
    await typeFilter(d, '(email=*@contoso.example)');
    await userEvent.click(d.q('.submit'));
    await waitFor(() => expect(d.dialog.open).toBe(false));
    await waitFor(() => expect(args.onIntegrationCreated).toHaveBeenCalledTimes(1));
    const table = await find(el, 'table');
    await waitFor(() => expect(table.querySelectorAll('tbody tr').length).toBe(4));
    await expect(table.textContent).toContain('(email=*@contoso.example)');
    await expect(deep(el, '[part~="announcer"]')?.textContent).toContain(
      say('was created', 'è stata creata'),
    );
    await settled();
  },
};

/**
 * Edit, just opened: the integration named, its filter prefilled and summarized, Save
 * available (no Authorization switch: the integration already has its consent).
 */
export const EditOpen: Story = {
  play: async ({ canvasElement }) => {
    const say = words(canvasElement);
    const d = await openEditDialog(sectionOf(canvasElement), 'int-entra-sales');
    await expect(d.q('#title').textContent).toContain(say('Edit filters', 'Modifica filtri'));
    await expect(d.q('#target').textContent).toContain('Contoso — Sales and Marketing');
    const editor = d.q<HTMLElement & { value: string }>('ucx-filter-editor');
    await expect(editor.value).toBe('(|(department=Sales)(department=Marketing))');
    await expect(deep(editor, '#summary')?.textContent ?? '').toMatch(/\S/);
    await expect(d.dialog.querySelector('[role="switch"]')).toBeNull();
    await expect(d.q('.submit')).toHaveAttribute('aria-disabled', 'false');
    await settled();
  },
};

/** Edit the filter of an existing integration: prefilled, summarized, saved. */
export const Edit: Story = {
  play: async ({ canvasElement, args }) => {
    const say = words(canvasElement);
    const el = sectionOf(canvasElement);
    const d = await openEditDialog(el, 'int-entra-sales');
    await expect(d.q('#title').textContent).toContain(say('Edit filters', 'Modifica filtri'));
    await expect(d.q('#target').textContent).toContain('Contoso — Sales and Marketing');
    const editor = d.q<HTMLElement & { value: string }>('ucx-filter-editor');
    await expect(editor.value).toBe('(|(department=Sales)(department=Marketing))');
    await expect(deep(editor, '#summary')?.textContent?.trim()).not.toBe('');
    await typeFilter(d, '(department=Sales)');
    await userEvent.click(d.q('.submit'));
    await waitFor(() => expect(args.onIntegrationUpdated).toHaveBeenCalledTimes(1));
    await expect(d.dialog.open).toBe(false);
    await settled();
  },
};

/**
 * Edit with impact: Preview shows how many users the new filter matches and
 * "+X users will be added, −Y removed" against the saved filter, before saving.
 */
export const EditWithImpact: Story = {
  play: async ({ canvasElement }) => {
    const d = await openEditDialog(sectionOf(canvasElement), 'int-entra-sales');
    await typeFilter(d, '(|(department=Sales)(department=Support))');
    await userEvent.click(d.q('[part~="preview-button"]'));
    const impact = () => deep(d.host, 'ucx-user-preview', '[part~="impact"]');
    await waitFor(() => expect(impact()?.dataset.added).toBeDefined(), { timeout: 8000 });
    await expect(Number(impact()!.dataset.added)).toBeGreaterThan(0);
    await expect(Number(impact()!.dataset.removed)).toBeGreaterThan(0);
    await expect(deep(d.host, 'ucx-user-preview', '[part~="preview-table"]')).toBeTruthy();
    await settled();
  },
};

/**
 * Edit's Preview signed in to another organization than the integration's (here, the
 * Fabrikam row, while the sign-in is Contoso's): no counts from the wrong directory, the
 * error window names the account, the integration and both tenant ids, and offers Close.
 */
export const EditOtherOrganization: Story = {
  play: async ({ canvasElement }) => {
    const say = words(canvasElement);
    const d = await openEditDialog(sectionOf(canvasElement), 'int-entra-error');
    await userEvent.click(d.q('[part~="preview-button"]'));
    const alert = await find<HTMLDialogElement>(d.q('ucx-error-window'), 'dialog');
    await waitFor(() => expect(alert.open).toBe(true), { timeout: 8000 });
    await expect(deepText(alert)).toContain(
      say('Signed in to another organization', 'Accesso a un’altra organizzazione'),
    );
    await expect(deepText(alert)).toMatch(
      new RegExp(
        say(
          'You signed in as \\S+@\\S+ \\(organization ',
          'Hai effettuato l’accesso come \\S+@\\S+ \\(organizzazione ',
        ),
      ),
    );
    await expect(deepText(alert)).not.toContain(
      say('review the entered data', 'Controlla i dati inseriti'),
    );
    await expect(deep(d.host, 'ucx-user-preview', '[part~="preview-count"]')).toBeFalsy();
    await settled();
  },
};

/** Edit while the backend is saving: inert form, spinner on Save. */
export const EditSaving: Story = {
  args: { backend: 'save never answers' },
  play: async ({ canvasElement }) => {
    const say = words(canvasElement);
    const d = await openEditDialog(sectionOf(canvasElement), 'int-entra-sales');
    await typeFilter(d, '(department=Marketing)');
    await userEvent.click(d.q('.submit'));
    await waitFor(() =>
      expect(d.q('[role="status"]').textContent).toContain(say('Saving', 'Salvataggio')),
    );
    await expect(d.q('.submit .spinner')).toBeTruthy();
    await settled();
  },
};

/**
 * Edit rejected by the backend (400, the error on the filter): the error window says so with
 * the request id; closing it puts the server's reason under the field, the text kept, the
 * place the server named (`department`) underlined, and focus back in the field.
 */
export const EditRejected: Story = {
  args: { backend: 'save rejects the filter (400)' },
  play: async ({ canvasElement, args }) => {
    const say = words(canvasElement);
    const d = await openEditDialog(sectionOf(canvasElement), 'int-entra-sales');
    await typeFilter(d, '(department=Marketing)');
    await userEvent.click(d.q('.submit'));
    const alert = await find<HTMLDialogElement>(d.q('ucx-error-window'), 'dialog');
    await waitFor(() => expect(alert.open).toBe(true));
    await expect(deepText(alert)).toContain(say('problem in the filters', 'problema nei filtri'));
    await expect(deepText(alert)).toContain('req-5e2a61c4-save');
    await expect(eventsOf(args.onUcxError).at(-1)?.detail).toMatchObject({ status: 400 });
    await userEvent.click(alert.querySelector<HTMLElement>('.review')!);
    await waitFor(() => expect(alert.open).toBe(false));
    await expect(d.dialog.open).toBe(true);
    await expect(d.q('[part~="filter-error"]').textContent).toContain(
      say('does not allow filtering', 'non consente di filtrare'),
    );
    await expect(d.q<HTMLElement & { value: string }>('ucx-filter-editor').value).toBe(
      '(department=Marketing)',
    );
    await waitFor(() => expect(deepActive()?.tagName).toBe('TEXTAREA'));
    const editor = d.q('ucx-filter-editor');
    const underlined = [...editor.shadowRoot!.querySelectorAll('[part~="error-range"]')];
    await expect(underlined.map((t) => t.textContent).join('')).toBe('department');
    await expect(args.onIntegrationUpdated).not.toHaveBeenCalled();
    await settled();
  },
};

/** The dialog in the dark defaults (the section's `color-scheme: dark`), with an invalid filter. */
export const DarkInvalid: Story = {
  globals: { theme: 'dark' },
  play: InvalidFilter.play!,
};

/** The dialog right to left. */
export const RightToLeft: Story = {
  globals: { dir: 'rtl' },
  play: async ({ canvasElement }) => {
    const d = await openCreateDialog(sectionOf(canvasElement));
    await expect(getComputedStyle(d.dialog).direction).toBe('rtl');
    await settled();
  },
};

/** The dialog under the Contoso host theme. */
export const HostTheme: Story = {
  globals: { theme: 'contoso' },
  play: async ({ canvasElement }) => {
    const d = await openCreateDialog(sectionOf(canvasElement));
    await expect(getComputedStyle(d.dialog).borderTopWidth).toBe('4px');
    await settled();
  },
};
