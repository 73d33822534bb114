import { fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/ucx-user-sync.js';
// Loaded up front so tests don't race the section's on-demand import of the
// dialogs; lazy-dialogs.browser.test.ts covers the on-demand path.
import '../../../src/ucx-user-sync-dialogs.js';
import type { UcxUserSync } from '../../../src/components/user-sync/user-sync.js';
import type { UcxCreateDialog } from '../../../src/components/create-dialog/create-dialog.js';
import type { UcxConfirmDialog } from '../../../src/components/confirm-dialog/confirm-dialog.js';
import type { UcxErrorWindow } from '../../../src/components/error-window/error-window.js';
import {
  ConsentError,
  type ConsentFailure,
  type ConsentProvider,
} from '../../../src/auth/types.js';
import type { ConsentResult } from '../../../src/backend/types.js';
import { scenario, type FixtureSetup } from '../../fixture-server/fixture.js';
import { deepText, waitFor } from '../../support/dom.js';

export { deepText, waitFor };

export const CONSENT: ConsentResult = {
  tenantId: '11111111-2222-3333-4444-555555555555',
  clientId: 'client-1',
  username: 'admin@contoso.com',
  name: 'Ada Admin',
  idToken: 'eyJhbGciOi.fake.token',
  scopes: ['https://graph.microsoft.com/.default'],
  consentedAt: '2024-05-01T10:00:00Z',
};

export interface FakeConsent extends ConsentProvider {
  starts: number;
  cancels: number;
  /** Set to make the next start() fail. */
  failNext: ConsentFailure | undefined;
  /** When true, start() stays pending until resolvePending()/cancel(). */
  hold: boolean;
  resolvePending(): void;
}

/** A ConsentProvider that answers at once (or holds), counting calls. */
export function fakeConsent(): FakeConsent {
  let pending: { resolve: (r: ConsentResult) => void; reject: (e: unknown) => void } | undefined;
  const fake: FakeConsent = {
    starts: 0,
    cancels: 0,
    failNext: undefined,
    hold: false,
    ready: true,
    prepare: async () => undefined,
    start() {
      fake.starts++;
      const failure = fake.failNext;
      fake.failNext = undefined;
      if (failure) return Promise.reject(new ConsentError(failure));
      if (fake.hold) {
        return new Promise<ConsentResult>((resolve, reject) => (pending = { resolve, reject }));
      }
      return Promise.resolve(CONSENT);
    },
    cancel() {
      fake.cancels++;
      pending?.reject(
        new ConsentError({ kind: 'cancelled', code: 'user_cancelled', retryable: true }),
      );
      pending = undefined;
    },
    resolvePending() {
      pending?.resolve(CONSENT);
      pending = undefined;
    },
  };
  return fake;
}

export interface Mounted {
  el: UcxUserSync;
  consent: FakeConsent;
  fx: Awaited<ReturnType<typeof scenario>>;
  root: ShadowRoot;
  create: UcxCreateDialog;
  edit: UcxCreateDialog;
  confirm: UcxConfirmDialog;
}

/** Mounts the section against a fresh fixture scenario and waits for the first load. */
export async function mount(
  setup: FixtureSetup = {},
  options: { lang?: string; wait?: boolean; supportUrl?: string; timeout?: number } = {},
): Promise<Mounted> {
  const fx = await scenario(setup);
  const consent = fakeConsent();
  const el = await fixture<UcxUserSync>(
    html`<ucx-user-sync
      endpoint=${fx.endpoint}
      client-id="client-1"
      support-url=${options.supportUrl ?? 'https://support.example.com/contact'}
      lang=${options.lang ?? 'en'}
      timeout=${options.timeout ?? 3000}
      .consent=${consent}
    ></ucx-user-sync>`,
  );
  const root = el.shadowRoot!;
  if (options.wait !== false) {
    await waitFor(
      () => root.querySelector('table, .empty, .load-error'),
      'the first load to finish',
    );
  }
  // The dialogs' elements are rendered once the list (or its load error) is there.
  const create = root.querySelector<UcxCreateDialog>('ucx-create-dialog.create-dialog')!;
  const edit = root.querySelector<UcxCreateDialog>('ucx-create-dialog.edit-dialog')!;
  const confirm = root.querySelector<UcxConfirmDialog>('ucx-confirm-dialog')!;
  if (create) create.stillWorkingDelay = 400;
  if (edit) edit.stillWorkingDelay = 400;
  return { el, consent, fx, root, create, edit, confirm };
}

export function $(root: ParentNode, selector: string): HTMLElement {
  const found = root.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
}

export function dialogParts(dialog: UcxCreateDialog | UcxConfirmDialog) {
  const r = dialog.shadowRoot!;
  const errorWindow = r.querySelector<UcxErrorWindow>('ucx-error-window')!;
  return {
    dialog: r.querySelector('dialog')!,
    body: r.querySelector<HTMLElement>('.dialog-body')!,
    submit: r.querySelector<HTMLButtonElement>('.submit, .confirm')!,
    cancel: r.querySelector<HTMLButtonElement>('.cancel')!,
    switch: r.querySelector<HTMLButtonElement>('[role="switch"]'),
    source: r.querySelector<HTMLSelectElement>('#source'),
    status: r.querySelector<HTMLElement>('[role="status"]')!,
    footer: r.querySelector<HTMLElement>('.dialog-footer')!,
    editor: r.querySelector<HTMLElement & { value: string }>('ucx-filter-editor')!,
    errorWindow,
    errorDialog: () => errorWindow.shadowRoot!.querySelector('dialog')!,
    text: () => r.textContent ?? '',
  };
}

/** The element that has focus, looking through shadow roots. */
export function deepActive(): Element | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/** Types into the dialog's filter editor as a person does. */
export async function typeFilter(editor: HTMLElement, text: string): Promise<void> {
  editor.focus();
  await sendKeys({ type: text });
  await new Promise((r) => setTimeout(r, 30));
}

/** Opens the create dialog with a click on + Create. */
export async function openCreate(m: Mounted): Promise<ReturnType<typeof dialogParts>> {
  $(m.root, '.create').click();
  const p = dialogParts(m.create);
  await waitFor(() => p.dialog.open, 'the dialog to open');
  return p;
}

/** Opens the edit dialog of the row int-a and types `filter` in place of its own. */
export async function editTyping(
  m: Mounted,
  filter: string,
): Promise<ReturnType<typeof dialogParts>> {
  $(m.root, 'tr[data-id="int-a"] .edit').click();
  const p = dialogParts(m.edit);
  await waitFor(() => p.dialog.open, 'the edit dialog');
  p.editor.value = '';
  await typeFilter(p.editor, filter);
  return p;
}

/** Opens the create dialog with a click, turns Authorization on and optionally types a filter. */
export async function fillCreate(
  m: Mounted,
  filter?: string,
): Promise<ReturnType<typeof dialogParts>> {
  const p = await openCreate(m);
  p.switch!.click();
  await m.create.updateComplete;
  if (filter) {
    p.editor.value = '';
    await typeFilter(p.editor, filter);
  }
  return p;
}

export async function posts(m: Mounted) {
  return (await m.fx.log()).filter((r) => r.method === 'POST');
}
