import { expectAccessible } from '../../support/a11y.js';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { integration, scenario, vendorWebex } from '../../fixture-server/fixture.js';
import {
  $,
  deepActive,
  deepText,
  dialogParts,
  editTyping,
  mount,
  typeFilter,
  waitFor,
} from './helpers.js';

describe('<ucx-user-sync> edit and delete', () => {
  it('edits the filter: prefilled editor, PATCH, row updated, event, focus back on Edit', async () => {
    const m = await mount({ items: [integration()] });
    let updated: unknown;
    m.el.addEventListener('ucx-integration-updated', (e) => (updated = e.detail.integration));
    const editButton = $(m.root, 'tr[data-id="int-a"] .edit');
    expect(editButton.getAttribute('aria-label')).to.equal(
      'Edit filters of Entra ID — contoso.com',
    );
    editButton.click();
    const p = dialogParts(m.edit);
    await waitFor(() => p.dialog.open, 'the edit dialog');
    expect(p.editor.value).to.equal('(department=Sales)');
    expect(p.text()).to.contain('Edit filters');
    expect(p.text()).to.contain('Entra ID — contoso.com');
    await expectAccessible(m.el);
    p.editor.value = '';
    await typeFilter(p.editor, '(|(department=Sales)(department=Marketing))');
    p.submit.click();
    await waitFor(() => !p.dialog.open, 'the dialog to close');
    const patch = (await m.fx.log()).filter((r) => r.method === 'PATCH');
    expect(patch).to.have.length(1);
    expect(patch[0]!.path).to.equal('/integrations/int-a');
    expect(patch[0]!.body).to.deep.equal({ filter: '(|(department=Sales)(department=Marketing))' });
    expect(updated).to.include({ filter: '(|(department=Sales)(department=Marketing))' });
    await waitFor(
      () =>
        m.root
          .querySelector('tr[data-id="int-a"]')!
          .textContent!.includes('(department=Marketing)'),
      'the updated row',
    );
    await waitFor(() => deepActive() === $(m.root, 'tr[data-id="int-a"] .edit'), 'focus on Edit');
    // Saved: nothing is said to be unsaved.
    expect($(m.root, '[role="status"]').textContent).not.to.contain('not saved');
  });

  it('an edit closed with changes says they were not saved; opened again it shows the saved filter', async () => {
    const m = await mount({ items: [integration()] });
    const status = $(m.root, '[role="status"]');
    const edit = $(m.root, 'tr[data-id="int-a"] .edit');
    const p = dialogParts(m.edit);
    // Closed unchanged: nothing to say.
    edit.click();
    await waitFor(() => p.dialog.open, 'the edit dialog');
    p.cancel.click();
    await waitFor(() => !p.dialog.open, 'closed');
    expect(status.textContent?.trim()).to.equal('');
    // Changed, then Escape (as a keyboard user meaning to close the suggestions may).
    edit.click();
    await waitFor(() => p.dialog.open, 'the edit dialog again');
    p.editor.value = '';
    await typeFilter(p.editor, '(department=Marketing)');
    await sendKeys({ press: 'Escape' });
    await m.edit.updateComplete;
    if (p.dialog.open) await sendKeys({ press: 'Escape' }); // (the first closed the suggestions)
    await waitFor(() => !p.dialog.open, 'closed by Escape');
    await waitFor(
      () =>
        status.textContent?.trim() ===
        'Changes to the filters of “Entra ID — contoso.com” were not saved.',
      'said',
    );
    expect((await m.fx.log()).filter((r) => r.method === 'PATCH')).to.have.length(0);
    edit.click();
    await waitFor(() => p.dialog.open, 'the edit dialog a third time');
    expect(p.editor.value).to.equal('(department=Sales)');
  });

  it('an edit whose Save was cancelled once sent is not called unsaved when closed (the server may have it)', async () => {
    const m = await mount({
      items: [integration()],
      faults: [{ method: 'PATCH', delayMs: 1500 }],
    });
    const status = $(m.root, '[role="status"]');
    const p = await editTyping(m, '(department=Marketing)');
    p.submit.click();
    await waitFor(() => (m.edit as unknown as { busy: boolean }).busy, 'saving');
    await waitFor(async () => (await m.fx.log()).some((r) => r.method === 'PATCH'), 'sent');
    p.cancel.click(); // Cancel request: the server may finish it
    await waitFor(() => !(m.edit as unknown as { busy: boolean }).busy, 'cancelled');
    p.cancel.click();
    await waitFor(() => !p.dialog.open, 'closed');
    await m.el.updateComplete;
    expect(status.textContent).not.to.contain('not saved');
  });

  it('refuses an invalid edited filter without sending anything', async () => {
    const m = await mount({ items: [integration()] });
    const p = await editTyping(m, '(title=x)');
    p.submit.click();
    await m.edit.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    expect(p.dialog.open).to.equal(true);
    expect(deepText(p.dialog)).to.contain('Invalid LDAP filters');
    expect((await m.fx.log()).filter((r) => r.method === 'PATCH')).to.have.length(0);
  });

  it('shows an edit failure in the error window and keeps the text; Try again saves', async () => {
    const m = await mount({
      items: [integration()],
      faults: [
        { method: 'PATCH', problem: { status: 500, title: 'Boom', requestId: 'req-edit-1' } },
      ],
    });
    const p = await editTyping(m, '(location=NYC)');
    p.submit.click();
    await waitFor(() => p.errorDialog().open, 'the error window');
    const text = deepText(p.errorWindow);
    expect(text).to.contain('The filters were not saved');
    expect(text).to.contain('req-edit-1');
    expect(p.editor.value).to.equal('(location=NYC)');
    p.errorWindow.shadowRoot!.querySelector<HTMLButtonElement>('.retry')!.click();
    await waitFor(() => !p.dialog.open, 'saved after retry');
    expect((await m.fx.items())[0]!.filter).to.equal('(location=NYC)');
  });

  it('an edit of an integration deleted meanwhile says so, without a retry, and closes', async () => {
    const m = await mount({ items: [integration()] });
    $(m.root, 'tr[data-id="int-a"] .edit').click();
    const p = dialogParts(m.edit);
    await waitFor(() => p.dialog.open, 'the edit dialog');
    await m.fx.setItems([]);
    p.editor.value = '';
    await typeFilter(p.editor, '(location=NYC)');
    p.submit.click();
    await waitFor(() => p.errorDialog().open, 'the error window');
    const text = deepText(p.errorWindow);
    expect(text).to.contain('This integration no longer exists.');
    expect(text).not.to.contain('review the entered data');
    expect(p.errorWindow.shadowRoot!.querySelector('.retry')).to.equal(null);
    await waitFor(() => !m.root.querySelector('tr[data-id="int-a"]'), 'the list read again');
    p.errorWindow.shadowRoot!.querySelector<HTMLButtonElement>('.review')!.click();
    await waitFor(() => !p.dialog.open, 'the edit dialog to close');
    await waitFor(() => deepActive() === $(m.root, '.create'), 'focus on + Create');
  });

  it('asks for confirmation naming the integration; Cancel sends nothing and returns focus', async () => {
    const m = await mount({ items: [integration()] });
    const del = $(m.root, 'tr[data-id="int-a"] .delete');
    del.click();
    const p = dialogParts(m.confirm);
    await waitFor(() => p.dialog.open, 'the confirmation');
    expect(
      p.dialog.querySelector('h2')?.textContent ??
        m.confirm.shadowRoot!.querySelector('h2')!.textContent,
    ).to.contain('Delete “Entra ID — contoso.com”?');
    // An alert dialog (a question that interrupts), described by what deleting does.
    expect(p.dialog.getAttribute('role')).to.equal('alertdialog');
    const described = m.confirm.shadowRoot!.getElementById(
      p.dialog.getAttribute('aria-describedby')!,
    );
    expect(described?.textContent).to.contain('no longer synchronized');
    expect(deepActive()).to.equal(p.cancel);
    await expectAccessible(m.el);
    await sendKeys({ press: 'Enter' });
    await waitFor(() => !p.dialog.open, 'closed');
    await waitFor(() => deepActive() === del, 'focus on Delete');
    expect((await m.fx.log()).filter((r) => r.method === 'DELETE')).to.have.length(0);
  });

  it('deletes after confirmation: DELETE, row gone, event', async () => {
    const m = await mount({
      items: [integration(), integration({ id: 'int-b', displayName: 'Entra ID — fabrikam.com' })],
    });
    let deleted: unknown;
    m.el.addEventListener('ucx-integration-deleted', (e) => (deleted = e.detail.integration));
    $(m.root, 'tr[data-id="int-a"] .delete').click();
    const p = dialogParts(m.confirm);
    await waitFor(() => p.dialog.open, 'the confirmation');
    p.submit.click();
    await waitFor(() => !p.dialog.open, 'closed');
    await waitFor(() => !m.root.querySelector('tr[data-id="int-a"]'), 'row removed');
    expect(deleted).to.include({ id: 'int-a' });
    const dels = (await m.fx.log()).filter((r) => r.method === 'DELETE');
    expect(dels.map((r) => r.path)).to.deep.equal(['/integrations/int-a']);
    const status = $(m.root, '[role="status"]');
    expect(status.textContent).to.contain('was deleted');
    expect(status.getBoundingClientRect().height).to.be.greaterThan(10); // shown, not only announced
    await waitFor(() => deepActive() === $(m.root, '.create'), 'focus on + Create');
  });

  it('a retried delete whose first answer was lost (404: already gone) ends as deleted', async () => {
    const other = integration({ id: 'int-b', displayName: 'Entra ID — fabrikam.com' });
    const m = await mount({
      items: [integration(), other],
      // (Several: a browser sends an idempotent request again by itself on a reset connection.)
      faults: [{ method: 'DELETE', drop: true, times: 50 }],
    });
    const deleted: string[] = [];
    const errors: string[] = [];
    m.el.addEventListener('ucx-integration-deleted', (e) => deleted.push(e.detail.integration.id));
    m.el.addEventListener('ucx-error', (e) => errors.push(e.detail.code));
    $(m.root, 'tr[data-id="int-a"] .delete').click();
    const p = dialogParts(m.confirm);
    await waitFor(() => p.dialog.open, 'the confirmation');
    p.submit.click();
    await waitFor(() => p.errorDialog().open, 'the error window');
    // The first DELETE went through on the server; only its answer was lost.
    await m.fx.clearFaults();
    await m.fx.setItems([other]);
    p.errorWindow.shadowRoot!.querySelector<HTMLButtonElement>('.retry')!.click();
    await waitFor(() => !p.dialog.open, 'the confirmation to close');
    await waitFor(() => !m.root.querySelector('tr[data-id="int-a"]'), 'row removed');
    expect(p.errorDialog().open).to.equal(false);
    expect(deleted).to.deep.equal(['int-a']);
    expect(errors).to.deep.equal(['network']); // the lost answer only, not the 404
    expect($(m.root, '[role="status"]').textContent).to.contain('was deleted');
    await waitFor(() => deepActive() === $(m.root, '.create'), 'focus on + Create');
  });

  it('a first DELETE answered 404 (deleted meanwhile) says so, reads the list again and closes', async () => {
    const m = await mount({ items: [integration()] });
    let deleted = false;
    m.el.addEventListener('ucx-integration-deleted', () => (deleted = true));
    $(m.root, 'tr[data-id="int-a"] .delete').click();
    const p = dialogParts(m.confirm);
    await waitFor(() => p.dialog.open, 'the confirmation');
    // Another admin deleted it meanwhile: the server answers 404 not-found.
    await m.fx.setItems([]);
    p.submit.click();
    await waitFor(() => p.errorDialog().open, 'the error window');
    expect(deepText(p.errorWindow)).to.contain('This integration no longer exists.');
    expect(deepText(p.errorWindow)).not.to.contain('review the entered data');
    expect(p.errorWindow.shadowRoot!.querySelector('.retry')).to.equal(null);
    expect(deleted).to.equal(false);
    await waitFor(() => !m.root.querySelector('tr[data-id="int-a"]'), 'the list read again');
    // Nothing left to delete: closing the error window closes the confirmation too, and focus
    // goes to + Create (the row's Delete is gone with the row).
    p.errorWindow.shadowRoot!.querySelector<HTMLButtonElement>('.review')!.click();
    await waitFor(() => !p.dialog.open, 'the confirmation to close');
    await waitFor(() => deepActive() === $(m.root, '.create'), 'focus on + Create');
  });

  for (const action of ['edit', 'delete'] as const) {
    it(`${action}: when the row leaves the list while its dialog is open, closing it focuses + Create`, async () => {
      const other = integration({ id: 'int-b', displayName: 'Entra ID — fabrikam.com' });
      const m = await mount({ items: [integration(), other] });
      $(m.root, `tr[data-id="int-a"] .${action}`).click();
      const p = dialogParts(action === 'edit' ? m.edit : m.confirm);
      await waitFor(() => p.dialog.open, 'the dialog');
      // Another admin deleted it; a refresh (or a poll) reads the list without it.
      await m.fx.setItems([other]);
      await m.el.refresh();
      await waitFor(() => !m.root.querySelector('tr[data-id="int-a"]'), 'the row gone');
      p.cancel.click();
      await waitFor(() => !p.dialog.open, 'closed');
      await waitFor(() => deepActive() === $(m.root, '.create'), 'focus on + Create, not the body');
    });
  }

  for (const op of ['edit', 'delete'] as const) {
    it(`sends no ${op === 'edit' ? 'PATCH' : 'DELETE'} for a row the vendor took over while its dialog was open`, async () => {
      const m = await mount({ items: [integration()] });
      $(m.root, `tr[data-id="int-a"] .${op}`).click();
      const p = dialogParts(op === 'edit' ? m.edit : m.confirm);
      await waitFor(() => p.dialog.open, 'the dialog');
      if (op === 'edit') {
        p.editor.value = '';
        await typeFilter(p.editor, '(department=Marketing)');
      }
      // A list read while the dialog is open: the vendor manages that row now.
      await m.fx.setItems([integration({ managedBy: 'vendor' })]);
      await m.el.refresh();
      await waitFor(() => !m.root.querySelector('tr[data-id="int-a"] .edit'), 'the row read-only');
      p.submit.click();
      await waitFor(() => p.errorDialog().open, 'the error window');
      expect(deepText(p.errorWindow)).to.contain(
        'This integration is managed by Imagicle Support: only they can change or delete it.',
      );
      expect(deepText(p.errorWindow)).not.to.contain('HTTP');
      const sent = (await m.fx.log()).filter((r) => r.method === 'PATCH' || r.method === 'DELETE');
      expect(sent).to.have.length(0);
      if (op === 'edit') expect(p.editor.value).to.equal('(department=Marketing)');
    });
  }

  it('a delete failure shows the error window; busy while waiting', async () => {
    const m = await mount({
      items: [integration()],
      faults: [
        {
          method: 'DELETE',
          delayMs: 300,
          problem: { status: 423, code: 'vendor-managed-lock', title: 'Locked' },
        },
      ],
    });
    $(m.root, 'tr[data-id="int-a"] .delete').click();
    const p = dialogParts(m.confirm);
    await waitFor(() => p.dialog.open, 'the confirmation');
    p.submit.click();
    await waitFor(() => p.body.hasAttribute('inert'), 'busy');
    expect(p.submit.getAttribute('aria-disabled')).to.equal('true');
    await waitFor(() => p.errorDialog().open, 'the error window');
    expect(deepText(p.errorWindow)).to.contain(
      'This integration is managed by Imagicle Support: only they can change or delete it.',
    );
    // Nothing was typed: no advice to review data, and the button just closes.
    expect(deepText(p.errorWindow)).not.to.contain('review the entered data');
    expect(p.errorWindow.shadowRoot!.querySelector('.review')!.textContent!.trim()).to.equal(
      'Close',
    );
    await expectAccessible(m.el);
  });

  it('a slow delete is busy at once (aria-busy) and says it is still working; Cancel request stops it', async () => {
    const m = await mount({
      items: [integration()],
      faults: [{ method: 'DELETE', delayMs: 3000, times: 5 }],
    });
    m.confirm.stillWorkingDelay = 300;
    $(m.root, 'tr[data-id="int-a"] .delete').click();
    const p = dialogParts(m.confirm);
    await waitFor(() => p.dialog.open, 'the confirmation');
    p.submit.click();
    await waitFor(() => p.body.getAttribute('aria-busy') === 'true', 'aria-busy');
    const status = () => m.confirm.shadowRoot!.querySelector('[role="status"]')!.textContent!;
    expect(status()).to.contain('Deleting…');
    await waitFor(
      () => status().includes('Still working… You can wait or cancel.'),
      'still working',
    );
    expect(p.cancel.textContent!.trim()).to.equal('Cancel request');
    p.cancel.click();
    await waitFor(() => p.body.getAttribute('aria-busy') === 'false', 'not busy');
    expect(status()).to.contain('Cancelled.');
    expect(p.dialog.open).to.equal(true);
    // Cancelled before the delay: no "still working" comes late (its timer is stopped).
    p.submit.click();
    await waitFor(() => p.body.getAttribute('aria-busy') === 'true', 'busy again');
    p.cancel.click();
    await new Promise((r) => setTimeout(r, 500));
    expect(status()).to.contain('Cancelled.');
    expect(status()).not.to.contain('Still working');
  });

  it('a delete cancelled after the server had it: Delete again finds it gone and counts it as deleted', async () => {
    const m = await mount({ items: [integration()], faults: [{ method: 'DELETE', delayMs: 800 }] });
    $(m.root, 'tr[data-id="int-a"] .delete').click();
    const p = dialogParts(m.confirm);
    await waitFor(() => p.dialog.open, 'the confirmation');
    p.submit.click();
    await waitFor(() => p.body.getAttribute('aria-busy') === 'true', 'deleting');
    p.cancel.click();
    await waitFor(() => p.body.getAttribute('aria-busy') === 'false', 'cancelled');
    await new Promise((r) => setTimeout(r, 1200)); // the server finishes the DELETE
    expect(await m.fx.items()).to.have.length(0);
    p.submit.click(); // 404 not-found: the earlier one went through
    await waitFor(() => !p.dialog.open, 'closed as deleted');
    expect(p.errorDialog().open).to.equal(false);
    await waitFor(() => !m.root.querySelector('tr[data-id="int-a"]'), 'the row gone');
  });

  it('a delete a gateway answered for (502): "may not have been deleted"; Try again finds it gone and counts it as deleted', async () => {
    const m = await mount({
      items: [integration()],
      faults: [{ method: 'DELETE', status: 502, raw: '<h1>Bad Gateway</h1>' }],
    });
    $(m.root, 'tr[data-id="int-a"] .delete').click();
    const p = dialogParts(m.confirm);
    await waitFor(() => p.dialog.open, 'the confirmation');
    p.submit.click();
    await waitFor(() => p.errorDialog().open, 'the error window', 8000);
    expect(deepText(p.errorWindow)).to.contain('The integration may not have been deleted');
    await m.fx.setItems([]); // the backend behind the gateway did delete it
    p.errorWindow.shadowRoot!.querySelector<HTMLButtonElement>('.retry')!.click();
    await waitFor(() => !p.dialog.open, 'closed as deleted', 8000);
    expect(p.errorDialog().open).to.equal(false);
    await waitFor(() => !m.root.querySelector('tr[data-id="int-a"]'), 'the row gone');
  });

  it('never sends PATCH or DELETE for the vendor-managed row, whatever else happens', async () => {
    const m = await mount({ items: [vendorWebex(), integration()] });
    expect(
      m.root.querySelector('tr[data-id="int-webex"] .edit, tr[data-id="int-webex"] .delete'),
    ).to.equal(null);
    $(m.root, 'tr[data-id="int-a"] .delete').click();
    const p = dialogParts(m.confirm);
    await waitFor(() => p.dialog.open, 'the confirmation');
    p.submit.click();
    await waitFor(() => !m.root.querySelector('tr[data-id="int-a"]'), 'row removed');
    const changes = (await m.fx.log()).filter((r) => r.method === 'PATCH' || r.method === 'DELETE');
    expect(changes.every((r) => !r.path.includes('int-webex'))).to.equal(true);
    // Tab through the whole section: no control for the vendor row other than its link.
    const row = m.root.querySelector('tr[data-id="int-webex"]')!;
    expect([...row.querySelectorAll('button, input, select, [tabindex]')]).to.have.length(0);
  });
});

describe('<ucx-user-sync> in Italian', () => {
  it('renders the section and the dialog in Italian with lang="it"', async () => {
    const m = await mount({ items: [] }, { lang: 'it' });
    await waitFor(() => m.root.textContent!.includes('Integrazione'), 'Italian text');
    expect(deepText(m.root)).to.contain('Crea');
    $(m.root, '.create').click();
    const p = dialogParts(m.create);
    await waitFor(() => p.dialog.open, 'the dialog');
    expect(p.text()).to.contain('Autorizzazione');
    expect(p.text()).to.contain('Attiva l’autorizzazione per continuare.');
    await expectAccessible(m.el);
    // Back to English for the other tests (the runtime locale is page-wide).
    m.el.setAttribute('lang', 'en');
    await waitFor(() => m.root.textContent!.includes('Users’ Synchronization'), 'English again');
  });

  it('follows the language of the page when it has no lang, row summaries included', async () => {
    const fx = await scenario({ items: [integration()] });
    const host = await fixture<HTMLDivElement>(
      html`<div lang="it">
        <ucx-user-sync endpoint=${fx.endpoint} client-id="client-1"></ucx-user-sync>
      </div>`,
    );
    const el = host.querySelector('ucx-user-sync')!;
    const root = el.shadowRoot!;
    await waitFor(() => root.querySelector('[part~="filter"] .sub'), 'the row');
    await waitFor(() => deepText(root).includes('Integrazione'), 'Italian text');
    const summary = () => root.querySelector('[part~="filter"] .sub')!.textContent!;
    await waitFor(() => summary().includes('uguale a Sales'), 'the summary in Italian');
    // Switching the page back to English re-renders the summary in English.
    host.setAttribute('lang', 'en');
    el.setAttribute('lang', 'en');
    await waitFor(() => summary().includes('whose department is Sales'), 'the summary in English');
  });

  it('reads the list again in a new language, quietly, so the server texts follow', async () => {
    const m = await mount({ items: [integration()] }, { lang: 'en' });
    const errors: unknown[] = [];
    m.el.addEventListener('ucx-error', (e) => errors.push(e));
    const gets = async () =>
      (await m.fx.log()).filter((r) => r.method === 'GET').map((r) => r.headers['accept-language']);
    expect(await gets()).to.deep.equal(['en']);
    m.el.lang = 'it';
    for (let i = 0; i < 100 && !(await gets()).includes('it'); i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    await waitFor(() => deepText(m.root).includes('Integrazione'), 'Italian');
    expect(m.root.querySelector('tr[data-id="int-a"]'), 'the rows stay meanwhile').to.exist;
    expect(m.root.querySelector('[part="loading"], [part="load-error"]')).to.equal(null);
    expect(await gets()).to.deep.equal(['en', 'it']); // once, not on every update
    expect(errors).to.deep.equal([]);
  });

  it('follows a change of the page language (<html lang>) while connected', async () => {
    const fx = await scenario({ items: [integration()] });
    const page = document.documentElement;
    const before = page.getAttribute('lang');
    const el = await fixture<HTMLElement>(
      html`<ucx-user-sync endpoint=${fx.endpoint} client-id="client-1"></ucx-user-sync>`,
    );
    const root = el.shadowRoot!;
    try {
      page.setAttribute('lang', 'en');
      await waitFor(() => deepText(root).includes('Users’ Synchronization'), 'English text');
      page.setAttribute('lang', 'it');
      await waitFor(() => deepText(root).includes('Integrazione'), 'Italian after <html lang=it>');
      page.setAttribute('lang', 'en');
      await waitFor(() => deepText(root).includes('Users’ Synchronization'), 'English again');
    } finally {
      if (before === null) page.removeAttribute('lang');
      else page.setAttribute('lang', before);
    }
  });
});
