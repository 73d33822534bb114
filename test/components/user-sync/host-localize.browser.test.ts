// A host app that configures @lit/localize itself (runtime mode, once per page, before the
// element): the section must still load and render, and follow the host's locale, reading
// the element's translations the host merged into its own (README, "Internationalization").
import { expect } from '@open-wc/testing';
import { configureLocalization } from '@lit/localize';
import { templates as ucxItalian } from '../../../src/i18n/locales/it.js';
import { integration } from '../../fixture-server/fixture.js';
import { mount, waitFor } from './helpers.js';

const host = configureLocalization({
  sourceLocale: 'en',
  targetLocales: ['it'],
  // The host's own strings would be spread in here too.
  loadLocale: () => Promise.resolve({ templates: { ...ucxItalian } }),
});

describe('<ucx-user-sync> in a host that configures @lit/localize itself', () => {
  it('renders its rows (with filter summaries) and follows the host locale', async () => {
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.error);
    window.addEventListener('error', onError);
    try {
      const m = await mount({ items: [integration({ filter: '(department=Sales)' })] });
      expect(m.root.querySelector('tr[data-id="int-a"]')?.textContent).to.contain('Sales');
      expect(m.root.querySelector('.title')?.textContent).to.contain('Users’ Synchronization');
      // The element's lang doesn't fight the host: the host's setLocale switches it.
      await host.setLocale('it');
      await waitFor(
        () =>
          m.root.querySelector('.title')?.textContent?.includes('sincronizzazione degli utenti'),
        'the Italian title',
      );
      expect(m.root.querySelector('.create')?.textContent).to.contain('Crea');
      expect(errors).to.deep.equal([]);
    } finally {
      window.removeEventListener('error', onError);
      await host.setLocale('en');
    }
  });
});
