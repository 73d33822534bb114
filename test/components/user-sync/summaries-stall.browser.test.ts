// The rows' plain-language summaries come in their own chunk (row-summary.ts), asked for once
// the shell is painted. A chunk that stalls must not hold the list: the rows show their
// filter's text after at most a second, and their summaries follow when it comes.
// (Its own file: once the chunk has loaded in a page, nothing can stall it again.)
import { expect } from '@open-wc/testing';
import { gateModules, integration, openModuleGate } from '../../fixture-server/fixture.js';
import { $, mount, waitFor } from './helpers.js';

describe('<ucx-user-sync> with a summaries chunk that stalls', () => {
  after(openModuleGate);

  it('shows the rows without summaries, then adds them when the chunk arrives', async () => {
    await gateModules('row-summary', 'hang');
    const started = performance.now();
    const m = await mount({ items: [integration({ filter: '(department=Sales)' })] });
    await waitFor(() => m.root.querySelector('[part~="row"]'), 'the row', 5000);
    // Within the wait (1 s) and a margin for a busy machine, not held until the chunk comes.
    expect(performance.now() - started).to.be.below(4000);
    const cell = () => $(m.root, 'td.filter');
    expect(cell().querySelector('code')?.textContent).to.equal('(department=Sales)');
    expect(cell().querySelector('.sub'), 'no summary yet').to.equal(null);
    // Nothing blames the server: the list loaded.
    expect($(m.root, '[role="status"]').textContent?.trim()).to.equal('');
    expect(m.root.querySelector('.load-error')).to.equal(null);

    await openModuleGate();
    const summary = await waitFor(() => cell().querySelector('.sub'), 'the summary', 5000);
    expect(summary.textContent).to.contain('Sales');
    expect(cell().querySelector('code')?.textContent, 'the filter stays').to.equal(
      '(department=Sales)',
    );
  });
});
