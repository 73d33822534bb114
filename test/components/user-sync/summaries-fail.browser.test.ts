// A summaries chunk (row-summary.ts) that fails to load costs the rows their plain-language
// summaries, nothing else: no error, no wait, the filter's text as it is.
// (Its own file: a page remembers a chunk it has loaded.)
import { expect } from '@open-wc/testing';
import { gateModules, integration, openModuleGate } from '../../fixture-server/fixture.js';
import { $, mount, waitFor } from './helpers.js';

describe('<ucx-user-sync> with a summaries chunk that fails to load', () => {
  after(openModuleGate);

  it('shows the rows with their filters’ text, and says nothing failed', async () => {
    await gateModules('row-summary', 'fail');
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent | PromiseRejectionEvent) =>
      errors.push('reason' in e ? e.reason : e.message);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onError);
    const failures: Event[] = [];
    const m = await mount(
      { items: [integration({ filter: '(department=Sales)' })] },
      {
        wait: false,
      },
    );
    m.el.addEventListener('ucx-error', (e) => failures.push(e));
    await waitFor(() => m.root.querySelector('[part~="row"]'), 'the row', 5000);
    // Let the failed import settle and any re-render happen.
    await new Promise((r) => setTimeout(r, 300));
    const cell = $(m.root, 'td.filter');
    expect(cell.querySelector('code')?.textContent).to.equal('(department=Sales)');
    expect(cell.querySelector('.sub')).to.equal(null);
    expect($(m.root, '[role="status"]').textContent?.trim()).to.equal('');
    expect(m.root.querySelector('.load-error')).to.equal(null);
    expect(failures).to.have.length(0);
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onError);
    expect(errors.map(String)).to.deep.equal([]);
  });
});
