import { expect } from '@open-wc/testing';
import { integration } from '../../fixture-server/fixture.js';
import { deepText, dialogParts, editTyping, typeFilter, waitFor } from '../user-sync/helpers.js';
import { expectedCount, graphControl, mountWithGraph, previewParts } from './helpers.js';

const patches = async (m: Awaited<ReturnType<typeof mountWithGraph>>) =>
  (await m.fx.log()).filter((r) => r.method === 'PATCH');

describe('<ucx-user-sync> preview when editing: impact and removal confirmation', () => {
  beforeEach(async () => {
    await graphControl.reset();
  });
  after(async () => {
    await graphControl.reset();
  });

  it('says none for a side with nobody (not “−0 removed”)', async () => {
    const impactOf = async (saved: string, edited: string) => {
      const m = await mountWithGraph({ items: [integration({ filter: saved })] });
      await editTyping(m, edited);
      const pv = previewParts(m.edit);
      pv.button.click();
      const impact = await pv.impacted();
      return impact.textContent!.replace(/\s+/g, ' ').trim();
    };
    const marketing = expectedCount('(department=Marketing)');
    expect(
      await impactOf('(|(department=Sales)(department=Marketing))', '(department=Sales)'),
    ).to.equal(`None added, −${marketing} users will be removed, compared with the saved filters.`);
    expect(
      await impactOf('(department=Sales)', '(&(department=Sales)(department=Sales))'),
    ).to.equal('The same users as with the saved filters: none added, none removed.');
  });

  it('shows “+X users will be added, −Y removed” against the saved filter', async () => {
    const m = await mountWithGraph({ items: [integration({ filter: '(department=Sales)' })] });
    await editTyping(m, '(|(department=Sales)(department=Marketing))');
    const pv = previewParts(m.edit);
    pv.button.click();
    const impact = await pv.impacted();
    const added = expectedCount('(department=Marketing)');
    expect(impact.dataset.added).to.equal(String(added));
    expect(impact.dataset.removed).to.equal('0');
    expect(impact.textContent).to.contain(`+${added} users will be added, none removed`);
    expect(pv.count()!.dataset.count).to.equal(
      String(expectedCount('(|(department=Sales)(department=Marketing))')),
    );
    expect(m.consent.starts).to.equal(1);
    await expect(m.el).to.be.accessible();
    // Nothing removed: Save goes straight through.
    dialogParts(m.edit).submit.click();
    await waitFor(() => !dialogParts(m.edit).dialog.open, 'the dialog to close');
    expect(await patches(m)).to.have.length(1);
  });

  it('a declined sign-in from Preview says to press Preview again (an edit has no Create)', async () => {
    const m = await mountWithGraph({ items: [integration({ filter: '(department=Sales)' })] });
    const p = await editTyping(m, '(department=Marketing)');
    m.consent.failNext = { kind: 'declined', code: 'AADSTS65004', retryable: true };
    previewParts(m.edit).button.click();
    await waitFor(() => p.errorDialog().open, 'the error window');
    const text = deepText(p.errorWindow);
    expect(text).to.contain('click Preview and accept them');
    expect(text).not.to.contain('Create');
    // Try again signs in for Preview again: it saves nothing.
    p.errorWindow.shadowRoot!.querySelector<HTMLButtonElement>('button.retry')!.click();
    await waitFor(() => m.consent.starts === 2, 'a second sign-in, for Preview');
    await waitFor(() => previewParts(m.edit).count()?.dataset.count, 'the count');
    expect(await patches(m)).to.have.length(0);
    expect(p.dialog.open).to.equal(true);
  });

  it('refuses to count users of another organization than the integration’s', async () => {
    const other = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
    const m = await mountWithGraph({
      items: [integration({ filter: '(department=Sales)', tenantId: other })],
    });
    const errors: string[] = [];
    m.el.addEventListener('ucx-error', (e) => errors.push(e.detail.code));
    let granted = 0;
    m.el.addEventListener('ucx-consent-granted', () => granted++);
    const p = await editTyping(m, '(department=Marketing)');
    const pv = previewParts(m.edit);
    pv.button.click();
    await waitFor(() => p.errorDialog().open, 'the error window');
    const text = deepText(p.errorWindow);
    expect(text).to.contain('Signed in to another organization');
    // Named by the account and the integration, with both tenant ids.
    expect(text).to.match(
      new RegExp(
        `You signed in as \\S+@\\S+ \\(organization [0-9a-f-]{36}\\), but “[^”]+” imports users from organization ${other}\\.`,
      ),
    );
    expect(text).to.not.contain('review the entered data');
    expect(errors).to.deep.equal(['other-tenant']);
    expect(granted, 'no consent announced for the wrong organization').to.equal(0);
    expect(await graphControl.requests()).to.have.length(0);
    expect(pv.preview().hidden).to.equal(true);
    // Saving is not blocked by a removal check made in the wrong directory; the next
    // Preview signs in again.
    p.errorWindow.shadowRoot!.querySelector<HTMLButtonElement>('.review')!.click();
    await waitFor(() => !p.errorDialog().open, 'the error window to close');
    pv.button.click();
    await waitFor(() => m.consent.starts === 2, 'a second sign-in');
  });

  it('asks before saving a filter that removes more users than the threshold, naming the number', async () => {
    const m = await mountWithGraph({ items: [integration({ filter: '(department=Sales)' })] });
    const p = await editTyping(m, '(department=Marketing)');
    const pv = previewParts(m.edit);
    pv.button.click();
    const impact = await pv.impacted();
    const removed = expectedCount('(department=Sales)');
    expect(removed).to.be.greaterThan(50);
    expect(impact.dataset.removed).to.equal(String(removed));
    expect(impact.textContent).to.contain(`−${removed} removed`);
    p.submit.click();
    const confirm = await waitFor(() => pv.removal(), 'the confirmation');
    expect(confirm.textContent).to.contain(`removes ${removed} users`);
    expect(await patches(m)).to.have.length(0);
    await expect(m.el).to.be.accessible();
    // Keep editing: nothing sent.
    confirm.querySelector<HTMLButtonElement>('.removal-back')!.click();
    await m.edit.updateComplete;
    expect(pv.removal()).to.equal(null);
    expect(await patches(m)).to.have.length(0);
    // Save again, then confirm: one PATCH.
    p.submit.click();
    const again = await waitFor(() => pv.removal(), 'the confirmation again');
    const save = again.querySelector<HTMLButtonElement>('.removal-save')!;
    expect(save.textContent).to.contain(`Remove ${removed} users and save`);
    save.click();
    await waitFor(() => !p.dialog.open, 'the dialog to close');
    const sent = await patches(m);
    expect(sent).to.have.length(1);
    expect(sent[0]!.body).to.deep.equal({ filter: '(department=Marketing)' });
  });

  it('writes thousands in the confirmation as the preview beside it does (1,234)', async () => {
    const m = await mountWithGraph({ items: [integration({ filter: '(!(department=Sales))' })] });
    const p = await editTyping(m, '(department=Sales)');
    const pv = previewParts(m.edit);
    pv.button.click();
    await pv.impacted();
    const removed = expectedCount('(!(department=Sales))');
    expect(removed).to.be.greaterThan(999);
    const written = removed.toLocaleString('en');
    expect(pv.impact()!.textContent).to.contain(`−${written} removed`);
    p.submit.click();
    const confirm = await waitFor(() => pv.removal(), 'the confirmation');
    expect(confirm.textContent).to.contain(`removes ${written} users`);
    expect(confirm.querySelector('.removal-save')!.textContent).to.contain(
      `Remove ${written} users and save`,
    );
  });

  it('checks the impact on Save once signed in, even for a filter not previewed yet', async () => {
    const m = await mountWithGraph({ items: [integration({ filter: '(department=Sales)' })] });
    const p = await editTyping(m, '(|(department=Sales)(department=Marketing))');
    const pv = previewParts(m.edit);
    pv.button.click();
    await pv.impacted();
    const weight = (el: HTMLElement | null) => getComputedStyle(el!).fontWeight;
    expect([weight(pv.count()), weight(pv.impact())]).to.deep.equal(['600', '600']);
    p.editor.value = '';
    await typeFilter(p.editor, '(department=Marketing)');
    await waitFor(() => pv.text().includes('The filters changed'), 'the stale note');
    // The old figures stay, muted: not read as the new filters' (bold is for a current one).
    expect([weight(pv.count()), weight(pv.impact())]).to.deep.equal(['400', '400']);
    expect(getComputedStyle(pv.count()!).color).to.equal(
      getComputedStyle(pv.preview().shadowRoot!.querySelector('.muted')!).color,
    );
    p.submit.click();
    const confirm = await waitFor(() => pv.removal(), 'the confirmation');
    expect(confirm.textContent).to.contain(`removes ${expectedCount('(department=Sales)')} users`);
    expect(m.consent.starts).to.equal(1);
    expect(await patches(m)).to.have.length(0);
  });

  it('a comparison cancelled part way does not let Save remove users unasked; focus goes back to Preview', async () => {
    const m = await mountWithGraph({ items: [integration({ filter: '(department=Sales)' })] });
    const p = await editTyping(m, '(department=Marketing)');
    const pv = previewParts(m.edit);
    pv.button.click();
    await pv.impacted(); // signed in; the next comparison is slow enough to cancel
    await graphControl.latency(1500);
    p.editor.value = '';
    await typeFilter(p.editor, '(department=Marketing)');
    pv.button.click();
    const cancel = await waitFor(() => pv.cancel(), 'Cancel preview');
    cancel.focus();
    cancel.click();
    await waitFor(() => pv.impact()?.dataset.partial === 'true', 'the partial impact');
    await waitFor(() => m.edit.shadowRoot!.activeElement === pv.button, 'focus on Preview');
    expect(pv.impact()!.getAttribute('role'), 'the impact is heard').to.equal('status');
    await graphControl.latency(0);
    p.submit.click();
    // The full comparison runs first, and finds the 700-odd removals worth asking about.
    const confirm = await waitFor(() => pv.removal(), 'the confirmation', 15000);
    expect(confirm.textContent).to.contain(`removes ${expectedCount('(department=Sales)')} users`);
    expect(await patches(m)).to.have.length(0);
  });

  it('honours removal-confirm-threshold', async () => {
    const m = await mountWithGraph(
      { items: [integration({ filter: '(department=Sales)' })] },
      { threshold: 5000 },
    );
    const p = await editTyping(m, '(department=Marketing)');
    const pv = previewParts(m.edit);
    pv.button.click();
    await pv.impacted();
    p.submit.click();
    await waitFor(() => !p.dialog.open, 'the dialog to close');
    expect(pv.removal()).to.equal(null);
    expect(await patches(m)).to.have.length(1);
  });

  it('a threshold that is not a number of users (NaN from a typo, negative) is the default, in words too', async () => {
    const removed = expectedCount('(department=Sales)');
    for (const threshold of [NaN, -1]) {
      const m = await mountWithGraph(
        { items: [integration({ filter: '(department=Sales)' })] },
        { threshold },
      );
      const p = await editTyping(m, '(department=Marketing)');
      const pv = previewParts(m.edit);
      pv.button.click();
      await pv.impacted();
      p.submit.click();
      const confirm = await waitFor(() => pv.removal(), 'the confirmation');
      const text = confirm.textContent!.replace(/\s+/g, ' ');
      expect(text, String(threshold)).to.contain(`removes ${removed} users`);
      expect(text, String(threshold)).to.contain('(more than 50)');
      expect(text).not.to.match(/NaN|-1/);
    }
  });

  it('a residual impact (browser-side) is computed too', async () => {
    const m = await mountWithGraph({ items: [integration({ filter: '(department=*ale*)' })] });
    await editTyping(m, '(department=*arket*)');
    const pv = previewParts(m.edit);
    pv.button.click();
    const impact = await pv.impacted(15000);
    expect(impact.dataset.added).to.equal(
      String(expectedCount('(&(department=*arket*)(!(department=*ale*)))')),
    );
    expect(impact.dataset.removed).to.equal(
      String(expectedCount('(&(department=*ale*)(!(department=*arket*)))')),
    );
  });
});
