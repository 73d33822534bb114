// The edit dialog's impact line when the admin cancelled the comparison part way: lower
// bounds in words, "none so far" for a side with nobody (never "+0" / "−0"), and a
// comparison cancelled before any user was compared says so, rather than "at least +0".
import { expect } from '@open-wc/testing';
import { render } from 'lit';
import {
  renderPreview,
  type PreviewViewState,
} from '../../../src/components/preview/preview-view.js';
import type { UserPreviewImpact } from '../../../src/components/preview/preview.js';
import { useLocale } from '../../../src/i18n/localization.js';

function impactText(impact: Partial<UserPreviewImpact>): string {
  const state: PreviewViewState = {
    phase: 'done',
    waiting: '',
    waitingQuiet: false,
    filter: '(department=Sales)',
    clauses: undefined,
    progress: undefined,
    impactProgress: undefined,
    result: undefined,
    impactResult: {
      added: 0,
      removed: 0,
      currentCount: 0,
      nextCount: 0,
      exact: false,
      cancelled: true,
      filter: '(department=Sales)',
      current: '(department=Marketing)',
      ...impact,
    },
    editing: true,
    error: undefined,
    impactError: undefined,
    stale: false,
    lang: 'en',
    cancel: () => {},
  };
  const host = document.createElement('div');
  render(renderPreview(state), host);
  return host.querySelector('[part="impact"]')!.textContent!.replace(/\s+/g, ' ').trim();
}

describe('preview: the comparison in words (complete or cancelled)', () => {
  after(() => useLocale('en'));

  it('says which side has nobody so far, and never +0 or −0', () => {
    expect(impactText({ added: 4, removed: 0, scanned: 300 })).to.equal(
      'Partial (cancelled): at least +4 users will be added; none removed so far, compared with the saved filters.',
    );
    expect(impactText({ added: 0, removed: 7, scanned: 300 })).to.equal(
      'Partial (cancelled): none added so far; at least −7 users will be removed, compared with the saved filters.',
    );
    expect(impactText({ added: 0, removed: 0, scanned: 300 })).to.equal(
      'Partial (cancelled): no difference from the saved filters among the users compared so far.',
    );
    expect(impactText({ added: 2, removed: 3, scanned: 300 })).to.equal(
      'Partial (cancelled): at least +2 users will be added, −3 removed, compared with the saved filters.',
    );
  });

  it('a complete comparison says one user as one', () => {
    const done = { cancelled: false, scanned: 300 };
    expect(impactText({ ...done, added: 1, removed: 0 })).to.equal(
      '+1 user will be added, none removed, compared with the saved filters.',
    );
    expect(impactText({ ...done, added: 0, removed: 1 })).to.equal(
      'None added, −1 user will be removed, compared with the saved filters.',
    );
    expect(impactText({ ...done, added: 1, removed: 5 })).to.equal(
      '+1 user will be added, −5 removed, compared with the saved filters.',
    );
    expect(impactText({ ...done, added: 2, removed: 0 })).to.equal(
      '+2 users will be added, none removed, compared with the saved filters.',
    );
  });

  it('says when nothing was compared before the cancel', () => {
    expect(impactText({})).to.equal('Comparison cancelled before any user was compared.');
  });

  it('in Italian too', async () => {
    await useLocale('it');
    expect(impactText({ added: 0, removed: 7, scanned: 300 })).to.equal(
      'Parziale (annullato): nessuno aggiunto finora; almeno −7 utenti verranno rimossi, rispetto ai filtri salvati.',
    );
    expect(impactText({})).to.equal(
      'Confronto annullato prima che fosse confrontato alcun utente.',
    );
    expect(impactText({ cancelled: false, added: 0, removed: 1 })).to.equal(
      'Nessuno aggiunto, −1 utente verrà rimosso, rispetto ai filtri salvati.',
    );
  });
});
