// The dialogs are not part of the first paint: only <ucx-user-sync> is defined
// when the section renders, and + Create still opens the dialog at once by
// loading them on demand (this file deliberately does not import them).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/ucx-user-sync.js';
import type { UcxUserSync } from '../../../src/index.js';
import { scenario } from '../../fixture-server/fixture.js';

describe('<ucx-user-sync> loads its dialogs on demand', () => {
  it('renders the list before the dialogs exist, then + Create opens the dialog', async () => {
    const s = await scenario({ items: [], faults: [{ method: 'GET', delayMs: 300 }] });
    expect(customElements.get('ucx-create-dialog')).to.equal(undefined);
    // Rendering the list beside dialog elements not yet upgraded throws nothing.
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent | PromiseRejectionEvent) =>
      errors.push('reason' in e ? e.reason : e.message);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onError);
    const el = await fixture<UcxUserSync>(
      html`<ucx-user-sync endpoint=${s.endpoint} client-id="test-client"></ucx-user-sync>`,
    );
    const create = () =>
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="create-button"]')!;
    // The loading shell has no dialog elements; they arrive with the list.
    expect(el.shadowRoot!.querySelector('[part="loading"]')).to.not.equal(null);
    expect(el.shadowRoot!.querySelectorAll('ucx-create-dialog, ucx-confirm-dialog')).to.have.length(
      0,
    );
    await waitUntil(() => create().getAttribute('aria-disabled') === 'false', 'list loaded');
    expect(el.shadowRoot!.querySelectorAll('ucx-create-dialog, ucx-confirm-dialog')).to.have.length(
      3,
    );
    create().focus();
    create().click();
    // (The chunk's modules are compiled by the test server on first request: on a busy
    // 2-core machine Firefox waited over waitUntil's default second for them, once in CI.)
    const loading = { timeout: 10_000 };
    await waitUntil(
      () => customElements.get('ucx-create-dialog'),
      'dialogs defined on demand',
      loading,
    );
    const dialog = () =>
      el.shadowRoot!.querySelector('ucx-create-dialog')!.shadowRoot?.querySelector('dialog');
    await waitUntil(() => dialog()?.open, 'the create dialog opened', loading);
    expect(customElements.get('ucx-filter-editor')).to.not.equal(undefined);
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onError);
    expect(errors.map(String)).to.deep.equal([]);
  });
});
