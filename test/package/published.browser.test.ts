// The published build (dist/, after `npm run build`), as a host's page loads it: the other
// browser tests run the TypeScript sources, and the build compiles each module apart (so a
// `const enum` once shipped as a lookup table, and the decorators and lazy chunks are its own).
// One walk through the section with it: the list, + Create, the lazily loaded dialog, an
// invalid filter's message, a create, Italian.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { integration, scenario } from '../fixture-server/fixture.js';
import { deepText, waitFor } from '../support/dom.js';

// (A path in a variable: type-checking doesn't need dist/ to exist.)
const entry = '/dist/ucx-user-sync.js';

const consentResult = {
  tenantId: '11111111-2222-3333-4444-555555555555',
  clientId: 'client-1',
  username: 'admin@contoso.com',
  name: 'Ada Admin',
  idToken: 'eyJhbGciOi.fake.token',
  scopes: ['https://graph.microsoft.com/.default'],
  consentedAt: '2024-05-01T10:00:00Z',
};

describe('the published build (dist/)', () => {
  before(async () => {
    try {
      await import(/* @vite-ignore */ entry);
    } catch (e) {
      throw new Error(`dist/ could not be loaded (run \`npm run build\` first): ${String(e)}`);
    }
  });

  it('lists, validates and creates as the sources do', async () => {
    const fx = await scenario({ items: [integration({ filter: '(department=Sales)' })] });
    const el = document.createElement('ucx-user-sync') as HTMLElement & { consent: unknown };
    el.setAttribute('endpoint', fx.endpoint);
    el.setAttribute('client-id', 'client-1');
    el.setAttribute('lang', 'en');
    el.consent = async () => consentResult;
    const created: Event[] = [];
    el.addEventListener('ucx-integration-created', (e) => created.push(e));
    document.body.append(el);
    try {
      const root = el.shadowRoot!;
      await waitFor(() => root.querySelector('[part~="row"]'), 'the list');
      expect(deepText(root)).to.contain('Users whose department is Sales');

      root.querySelector<HTMLButtonElement>('.create')!.click();
      const dialog = await waitFor(
        () => root.querySelector('ucx-create-dialog.create-dialog')?.shadowRoot,
        'the dialogs, loaded on demand',
      );
      await waitFor(() => dialog.querySelector('dialog')?.open, 'the dialog to open');
      dialog.querySelector<HTMLElement>('[role="switch"]')!.click();
      const editor = dialog.querySelector<HTMLElement & { value: string }>('ucx-filter-editor')!;
      editor.focus();
      await sendKeys({ type: '(department=Marketing' });
      dialog.querySelector<HTMLButtonElement>('.submit')!.click();
      await waitFor(() => deepText(dialog).includes('Invalid LDAP filters'), 'the message');
      expect(deepText(dialog)).to.contain('This ( is never closed');
      const review = await waitFor(
        () =>
          dialog
            .querySelector('ucx-error-window')
            ?.shadowRoot?.querySelector<HTMLElement>('.review'),
        'the error window',
      );
      review.click();
      await waitFor(() => dialog.activeElement || editor.shadowRoot?.activeElement, 'focus back');

      editor.focus();
      await sendKeys({ press: 'End' });
      await sendKeys({ type: ')' });
      dialog.querySelector<HTMLButtonElement>('.submit')!.click();
      await waitFor(() => created.length, 'ucx-integration-created').catch((e: Error) => {
        throw new Error(`${e.message}; the dialog says: ${deepText(dialog)}`);
      });
      const posts = (await fx.log()).filter((r) => r.method === 'POST');
      expect(posts).to.have.length(1);
      expect((posts[0]!.body as { filter: string }).filter).to.equal('(department=Marketing)');
      await waitFor(() => root.querySelectorAll('[part~="row"]').length === 2, 'the new row');

      el.setAttribute('lang', 'it');
      // (The locale's own chunk, loaded on demand from dist/.)
      await waitFor(
        () => deepText(root).includes('Integrazione per la sincronizzazione degli utenti'),
        'the Italian strings',
      );
    } finally {
      el.remove();
    }
  });
});
