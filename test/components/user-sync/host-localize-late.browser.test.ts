// A host app that configures @lit/localize after the section has rendered its rows in
// English (a lazily loaded shell): its configuration must not fail, and the section then
// follows its locale, row summaries included (README, "Internationalization").
import { expect } from '@open-wc/testing';
import { configureLocalization } from '@lit/localize';
import { templates as ucxItalian } from '../../../src/i18n/locales/it.js';
import { integration } from '../../fixture-server/fixture.js';
import { mount, waitFor } from './helpers.js';

describe('<ucx-user-sync> before the host configures @lit/localize', () => {
  it('lets the host configure it later, then follows the host locale', async () => {
    const m = await mount({ items: [integration({ filter: '(department=Sales)' })] });
    const summary = () => m.root.querySelector('[part~="filter"] .sub')?.textContent ?? '';
    await waitFor(() => summary().includes('whose department is Sales'), 'the English summary');
    const host = configureLocalization({
      sourceLocale: 'en',
      targetLocales: ['it'],
      loadLocale: () => Promise.resolve({ templates: { ...ucxItalian } }),
    });
    try {
      await host.setLocale('it');
      await waitFor(() => summary().includes('uguale a Sales'), 'the summary in Italian');
      expect(m.root.querySelector('.create')?.textContent).to.contain('Crea');
    } finally {
      await host.setLocale('en');
    }
  });
});
