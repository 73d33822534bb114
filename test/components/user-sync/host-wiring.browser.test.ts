// What a host's page does to the section besides clicks: moves it, points it at another
// collection, calls its methods before adding it, configures links, fails in its hooks.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { integration, scenario, vendorWebex } from '../../fixture-server/fixture.js';
import type { UcxUserSync } from '../../../src/components/user-sync/user-sync.js';
import type { UcxErrorEvent } from '../../../src/events/error.js';
import {
  $,
  deepActive,
  deepText,
  dialogParts,
  fillCreate,
  mount,
  openCreate,
  waitFor,
  type Mounted,
} from './helpers.js';

const settled = (p: Promise<unknown>, ms = 1000) =>
  Promise.race([p.then(() => true), new Promise((r) => setTimeout(() => r(false), ms))]);

/** Waits until the fixture server has the POST (it hangs or is slow there). */
async function postAtServer(m: Mounted): Promise<void> {
  while (!(await m.fx.log()).some((r) => r.method === 'POST')) {
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Points the section at `endpoint` with the create dialog `p` open: it closes, focus goes to
 * + Create (not the page's body), the new list loads; then + Create opens the dialog again.
 */
async function pointElsewhere(
  m: Mounted,
  p: ReturnType<typeof dialogParts>,
  endpoint: string,
): Promise<ReturnType<typeof dialogParts>> {
  m.el.endpoint = endpoint;
  await waitFor(() => !p.dialog.open, 'the dialog closed');
  await waitFor(() => deepActive() === $(m.root, '.create'), 'focus on + Create, not the body');
  await waitFor(() => $(m.root, '.create').getAttribute('aria-disabled') === 'false', 'loaded');
  return openCreate(m);
}

/** The ucx-error details a host's listener on the document receives, until stop(). */
function hostErrors() {
  const details: UcxErrorEvent['detail'][] = [];
  const listen = (e: Event) => details.push((e as UcxErrorEvent).detail);
  document.addEventListener('ucx-error', listen);
  return {
    details,
    stop: () => (document.removeEventListener('ucx-error', listen), details),
  };
}

describe('<ucx-user-sync> in a host page', () => {
  it('says in the console when a page set an object or function property as an attribute (as Vue does before the element is defined)', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    try {
      const fx = await scenario({ items: [integration()] });
      const el = document.createElement('ucx-user-sync') as UcxUserSync;
      el.setAttribute('endpoint', fx.endpoint);
      // What Vue writes for `:request-headers="fn"` and `:scopes="[…]"`: text nothing reads.
      el.setAttribute('request-headers', '() => ({ Authorization: token })');
      el.setAttribute('scopes', 'openid,profile');
      document.body.append(el);
      await el.updateComplete;
      expect(warnings).to.deep.equal([
        '<ucx-user-sync>: the request-headers attribute is not read: set the requestHeaders property (in Vue, .requestHeaders="…").',
        '<ucx-user-sync>: the scopes attribute is not read: set the scopes property (in Vue, .scopes="…").',
      ]);
      // Once: a framework may render the element again and again.
      el.remove();
      document.body.append(el);
      await el.updateComplete;
      expect(warnings.length).to.equal(2);
      el.remove();
      // The filter editor's fields, likewise.
      const editor = document.createElement('ucx-filter-editor');
      editor.setAttribute('fields', '[object Object],[object Object]');
      document.body.append(editor);
      expect(warnings[2]).to.equal(
        '<ucx-filter-editor>: the fields attribute is not read: set the fields property (in Vue, .fields="…").',
      );
      editor.remove();
    } finally {
      console.warn = warn;
    }
  });

  it('moved in the page while its list loads (a portal), loads it again instead of failing', async () => {
    const m = await mount({ items: [integration()], latencyMs: 400 }, { wait: false });
    const elsewhere = document.createElement('div');
    document.body.append(elsewhere);
    await new Promise((r) => setTimeout(r, 100)); // the first GET is in flight
    elsewhere.append(m.el); // disconnect + connect: the move aborts that GET
    const errors: unknown[] = [];
    m.el.addEventListener('ucx-error', (e) => errors.push(e.detail));
    await m.el.updateComplete;
    expect(m.root.querySelector('[part="load-error"]'), 'no error for the move').to.equal(null);
    await waitFor(() => m.root.querySelector('tr[data-id="int-a"]'), 'the list, loaded again');
    expect(m.root.querySelector('[part="load-error"]')).to.equal(null);
    expect(errors).to.deep.equal([]);
    expect((await m.fx.log()).filter((r) => r.method === 'GET').length).to.equal(2);
    elsewhere.remove();
  });

  it('moved in the page while creating: the dialog is modal again, says the request was cut off, and the list shows what the server made', async () => {
    const m = await mount({ items: [], faults: [{ method: 'POST', delayMs: 1200 }] });
    const p = await fillCreate(m, '(department=Sales)');
    p.submit.click();
    await waitFor(() => p.body.getAttribute('aria-busy') === 'true', 'creating');
    await new Promise((r) => setTimeout(r, 200)); // the POST is at the server
    const errors = hostErrors();
    const elsewhere = document.createElement('div');
    document.body.append(elsewhere);
    elsewhere.append(m.el); // disconnect + connect: the move aborts the POST
    await m.create.updateComplete;
    // The host hears of it, as of a timeout, on the document.
    expect(errors.stop().map((d) => [d.stage, d.code])).to.deep.equal([['backend', 'interrupted']]);
    expect(errors.details[0]!.message).to.contain('may or may not have been created');
    expect(p.dialog.open).to.equal(true);
    expect(p.dialog.matches(':modal'), 'modal again (the page behind it inert)').to.equal(true);
    expect(p.body.getAttribute('aria-busy')).to.equal('false');
    expect(p.status.textContent).to.contain('The request was interrupted');
    expect(p.status.textContent).not.to.contain('Creating the integration');
    expect(p.editor.value, 'what was typed is kept').to.equal('(department=Sales)');
    expect(m.create.shadowRoot!.contains(deepActive()), 'focus in the dialog').to.equal(true);
    // The server finished it all the same: the list read again after the move shows it.
    await waitFor(() => m.root.querySelector('tbody tr'), 'the created row', 8000);
    expect(p.dialog.open, 'a late close event of the reopening does not close it').to.equal(true);
    elsewhere.remove();
  });

  it('moved in the page while creating, then closed and opened again: Create sends the same request', async () => {
    const m = await mount({ items: [], faults: [{ method: 'POST', hang: true }] });
    const p = await fillCreate(m, '(department=Sales)');
    p.submit.click();
    await waitFor(() => p.body.getAttribute('aria-busy') === 'true', 'creating');
    await postAtServer(m);
    const elsewhere = document.createElement('div');
    document.body.append(elsewhere);
    elsewhere.append(m.el); // the move aborts the POST: the server may have it
    await m.create.updateComplete;
    p.cancel.click();
    await waitFor(() => !p.dialog.open, 'the dialog to close');
    $(m.root, '.create').click();
    await waitFor(() => p.dialog.open, 'the dialog to open again');
    expect(p.switch!.getAttribute('aria-checked')).to.equal('true');
    p.submit.click();
    await waitFor(() => !p.dialog.open, 'created', 8000);
    const sent = (await m.fx.log()).filter((r) => r.method === 'POST');
    expect(sent).to.have.length(2);
    expect(sent[1]!.idempotencyKey).to.equal(sent[0]!.idempotencyKey);
    expect(m.consent.starts).to.equal(1);
    elsewhere.remove();
  });

  it('moved in the page while deleting: the confirmation is modal again and says the DELETE was cut off', async () => {
    const m = await mount({
      items: [integration()],
      faults: [{ method: 'DELETE', delayMs: 1200 }],
    });
    $(m.root, 'tr[data-id="int-a"] .delete').click();
    const p = dialogParts(m.confirm);
    await waitFor(() => p.dialog.open, 'the confirmation');
    p.submit.click();
    await waitFor(() => p.body.getAttribute('aria-busy') === 'true', 'deleting');
    const errors = hostErrors();
    const elsewhere = document.createElement('div');
    document.body.append(elsewhere);
    elsewhere.append(m.el);
    await m.confirm.updateComplete;
    expect(errors.stop().map((d) => [d.stage, d.code])).to.deep.equal([['backend', 'interrupted']]);
    expect(p.dialog.matches(':modal')).to.equal(true);
    expect(p.body.getAttribute('aria-busy')).to.equal('false');
    const status = m.confirm.shadowRoot!.querySelector('[role="status"]')!.textContent!;
    expect(status).to.contain('may or may not have been deleted');
    await waitFor(() => !m.root.querySelector('tr[data-id="int-a"]'), 'the row gone', 8000);
    elsewhere.remove();
  });

  it('pointed at another collection, drops the old rows: no edit or delete sends their ids there', async () => {
    const m = await mount({ items: [integration()] });
    const other = await scenario({
      faults: [{ method: 'GET', problem: { status: 503, title: 'Unavailable', code: 'down' } }],
    });
    m.el.endpoint = other.endpoint;
    await m.el.updateComplete;
    expect(m.root.querySelector('tr[data-id="int-a"]'), 'old rows gone at once').to.equal(null);
    await waitFor(() => m.root.querySelector('[part="load-error"]'), 'the new load error');
    expect(m.root.querySelector('tr[data-id="int-a"]')).to.equal(null);
    expect(deepText(m.root)).not.to.contain('could not be refreshed');
    expect($(m.root, '.create').getAttribute('aria-disabled')).to.equal('true');
    // An empty endpoint is the same: nothing of the old list stays.
    m.el.endpoint = '';
    await waitFor(() => deepText(m.root).includes('No endpoint is configured'), 'no endpoint');
    expect(m.root.querySelector('table')).to.equal(null);
  });

  it('pointed at another collection with the create dialog open: it closes as Cancel does, focus on + Create, the filter kept', async () => {
    const m = await mount({ items: [integration()] });
    const p = await fillCreate(m, '(department=Typed)');
    const other = await scenario({ items: [] });
    const again = await pointElsewhere(m, p, other.endpoint);
    expect(again.editor.value).to.equal('(department=Typed)');
    expect((await other.log()).filter((r) => r.method === 'POST')).to.have.length(0);
  });

  it('pointed at another collection while a create is at the server: given up as Cancel does, sent again as the same request', async () => {
    const m = await mount({ items: [], faults: [{ method: 'POST', hang: true }] });
    const p = await fillCreate(m, '(department=Sales)');
    p.submit.click();
    await postAtServer(m);
    const other = await scenario({ items: [] });
    const again = await pointElsewhere(m, p, other.endpoint);
    expect(again.body.hasAttribute('inert'), 'not busy any more').to.equal(false);
    again.submit.click();
    await waitFor(() => !again.dialog.open, 'created at the new endpoint', 8000);
    const [first] = (await m.fx.log()).filter((r) => r.method === 'POST');
    const [sent] = (await other.log()).filter((r) => r.method === 'POST');
    expect(sent!.idempotencyKey).to.equal(first!.idempotencyKey);
    expect(m.consent.starts).to.equal(1);
  });

  it('given its endpoint just after it is added (after an await), loads without a false "no endpoint"', async () => {
    const fx = await scenario({ items: [integration()] });
    for (const later of [
      () => Promise.resolve(),
      () => new Promise((r) => setTimeout(r)),
      () => new Promise((r) => setTimeout(r, 300)), // (a host reading its configuration)
    ]) {
      const el = document.createElement('ucx-user-sync') as UcxUserSync;
      const errors: unknown[] = [];
      el.addEventListener('ucx-error', (e) => errors.push(e.detail));
      let saidNone = false;
      const watch = new MutationObserver(() => {
        saidNone ||= deepText(el.shadowRoot!).includes('No endpoint is configured');
      });
      document.body.append(el);
      watch.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
      await later();
      el.endpoint = fx.endpoint;
      await waitFor(() => el.shadowRoot!.querySelector('tr[data-id="int-a"]'), 'the rows');
      watch.disconnect();
      // Before, it said so at once and fired ucx-error (no-endpoint, with a 404 no server gave).
      expect(saidNone, 'no "No endpoint is configured" on the way').to.equal(false);
      expect(errors).to.deep.equal([]);
      el.remove();
    }
    // Taken away again before that moment: nothing is said to the page that took it away.
    {
      const gone = document.createElement('ucx-user-sync') as UcxUserSync;
      const said: unknown[] = [];
      gone.addEventListener('ucx-error', (e) => said.push(e.detail));
      document.body.append(gone);
      await new Promise((r) => setTimeout(r, 200));
      gone.remove();
      await new Promise((r) => setTimeout(r, 1500));
      expect(said, 'no ucx-error from a section no longer in the page').to.deep.equal([]);
    }
    // With none at all, it says so after a moment, as a failure with no HTTP status.
    const el = document.createElement('ucx-user-sync') as UcxUserSync;
    const errors: { code: string; status?: number }[] = [];
    el.addEventListener('ucx-error', (e) => errors.push(e.detail));
    document.body.append(el);
    await waitFor(
      () => deepText(el.shadowRoot!).includes('No endpoint is configured'),
      'no endpoint',
    );
    expect(errors).to.have.length(1);
    expect(errors[0]).to.include({ code: 'no-endpoint' });
    expect(errors[0]).not.to.have.property('status');
    el.remove();
  });

  it('takes its endpoint as a URL object, and a blank one as none', async () => {
    const m = await mount({ items: [integration()] });
    const endpoint = m.el.endpoint;
    m.el.endpoint = '   ';
    await waitFor(() => deepText(m.root).includes('No endpoint is configured'), 'no endpoint');
    m.el.endpoint = new URL(endpoint, location.href) as unknown as string;
    await waitFor(() => m.root.querySelector('tr[data-id="int-a"]'), 'the rows, from the URL');
    expect(deepText(m.root)).not.to.contain("Couldn't reach the server");
  });

  it("openCreateDialog() from a host's button returns focus to that button when the dialog closes", async () => {
    const m = await mount({ items: [] });
    const hostButton = document.createElement('button');
    hostButton.textContent = 'New integration';
    document.body.append(hostButton);
    hostButton.addEventListener('click', () => void m.el.openCreateDialog());
    hostButton.focus();
    await sendKeys({ press: 'Enter' });
    const p = dialogParts(m.create);
    await waitFor(() => p.dialog.open, 'the dialog');
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !p.dialog.open, 'the dialog to close');
    await waitFor(() => document.activeElement === hostButton, "focus back on the host's button");
    // A menu item that hides itself once clicked can't take focus back: + Create does.
    hostButton.addEventListener('click', () => (hostButton.hidden = true));
    await sendKeys({ press: 'Enter' });
    await waitFor(() => p.dialog.open, 'the dialog again');
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !p.dialog.open, 'closed again');
    await waitFor(() => deepActive() === $(m.root, '.create'), 'focus on + Create');
    // Called again while open (a shortcut, with focus in the filter field): not the field.
    hostButton.remove();
    await $(m.root, '.create').click();
    await waitFor(() => p.dialog.open, 'open from + Create');
    p.editor.focus();
    expect(await m.el.openCreateDialog()).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !p.dialog.open, 'closed once more');
    await waitFor(() => deepActive() === $(m.root, '.create'), 'focus on + Create again');
  });

  it('openCreateDialog() and refresh() settle on an element not in the page', async () => {
    const detached = document.createElement('ucx-user-sync') as UcxUserSync;
    const opened = detached.openCreateDialog();
    expect(await settled(opened)).to.equal(true);
    expect(await opened).to.equal(false);
    expect(await settled(detached.refresh())).to.equal(true);
  });

  it('links only to http, https or mailto support URLs (a javascript: URL would run)', async () => {
    const m = await mount(
      { items: [vendorWebex(), integration()] },
      { supportUrl: 'javascript:alert(document.domain)' },
    );
    const links = [...m.root.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).to.deep.equal([]);
    expect($(m.root, '#lock-reason').textContent).to.contain('managed by Imagicle Support');
    m.el.supportUrl = 'mailto:support@example.com';
    await m.el.updateComplete;
    expect(m.root.querySelector('#lock-reason a')?.getAttribute('href')).to.equal(
      'mailto:support@example.com',
    );
    // The error window's contact link too, when the backend refuses a create for the lock.
    const refused = await mount(
      {
        items: [],
        faults: [{ method: 'POST', problem: { status: 409, code: 'vendor-managed-lock' } }],
      },
      // (void, not alert: were it linked and followed, an alert would stall the browser)
      { supportUrl: 'javascript:void(0)' },
    );
    const p = await fillCreate(refused, '(department=Sales)');
    p.submit.click();
    await waitFor(() => p.errorDialog().open, 'the error window');
    expect(deepText(p.errorWindow)).to.contain('managed by Imagicle Support');
    expect(p.errorWindow.shadowRoot!.querySelector('a')).to.equal(null);
  });

  /**
   * Loads the list with `hook` as requestHeaders, catching what the element reports as
   * uncaught (reportError), which the test runner would otherwise count as the test's failure.
   */
  async function loadWithHeaders(
    hook: UcxUserSync['requestHeaders'],
  ): Promise<{ shown: string; reported: unknown[]; sent: unknown[] }> {
    const fx = await scenario({ items: [integration()] });
    const el = document.createElement('ucx-user-sync') as UcxUserSync;
    el.setAttribute('lang', 'en');
    el.endpoint = fx.endpoint;
    el.requestHeaders = hook;
    const reported: unknown[] = [];
    const runnerHandler = window.onerror;
    window.onerror = (_message, _source, _line, _column, error) => {
      reported.push(error);
      return true;
    };
    try {
      document.body.append(el);
      const error = await waitFor(
        () => el.shadowRoot!.querySelector('[part="load-error"]'),
        'error',
      );
      return { shown: error.textContent!, reported, sent: await fx.log() };
    } finally {
      window.onerror = runnerHandler;
      el.remove();
    }
  }

  it('a requestHeaders hook that throws is named as the page’s failure, not the network’s', async () => {
    const bug = new ReferenceError('getCsrfToken is not defined');
    const { shown, reported, sent } = await loadWithHeaders(() => {
      throw bug;
    });
    expect(shown).to.contain('could not prepare the request');
    expect(shown).not.to.contain('reach the server');
    expect(sent).to.deep.equal([]); // nothing was sent
    // The host's developer sees the hook's own error, as an uncaught one (reportError).
    expect(reported).to.deep.equal([bug]);
  });

  it('a header no request can carry is reported without its value (a token stays out of the console)', async () => {
    const { shown, reported, sent } = await loadWithHeaders(() => ({
      Authorization: 'Bearer secret-token\nx',
    }));
    expect(shown).to.contain('could not prepare the request');
    expect(reported).to.have.length(1);
    expect(String(reported[0])).to.contain('requestHeaders');
    expect(String(reported[0])).not.to.contain('secret');
    expect(sent).to.deep.equal([]);
  });

  it('says a slow list load is slow, not that "nothing will be created twice"', async () => {
    const m = await mount({ faults: [{ method: 'GET', hang: true }] }, { timeout: 400 });
    const text = $(m.root, '[part="load-error"]').textContent!;
    expect(text).to.contain('taking too long');
    expect(text).not.to.contain('created');
  });

  it('a slow delete says the change may or may not have been made', async () => {
    const m = await mount(
      { items: [integration()], faults: [{ method: 'DELETE', hang: true }] },
      {
        timeout: 400,
      },
    );
    $(m.root, 'tr[data-id="int-a"] .delete').click();
    const p = dialogParts(m.confirm);
    await waitFor(() => p.dialog.open, 'the confirmation');
    p.submit.click();
    await waitFor(() => p.errorDialog().open, 'the error window');
    const text = deepText(p.errorWindow);
    expect(text).to.contain('may or may not have been made');
    expect(text).not.to.contain('created twice');
  });

  it('says the last outcome in the current language, until the next action starts', async () => {
    const m = await mount({
      items: [integration(), integration({ id: 'int-b', displayName: 'Entra ID — fabrikam.com' })],
    });
    $(m.root, 'tr[data-id="int-b"] .delete').click();
    const p = dialogParts(m.confirm);
    await waitFor(() => p.dialog.open, 'the confirmation');
    p.submit.click();
    const status = $(m.root, '[role="status"]');
    await waitFor(() => status.textContent!.includes('was deleted'), 'the outcome');
    m.el.lang = 'it';
    await waitFor(() => status.textContent!.includes('è stata eliminata'), 'in Italian');
    $(m.root, 'tr[data-id="int-a"] .edit').click();
    await waitFor(() => status.textContent!.trim() === '', 'cleared by the next action');
  });

  it("asks the backend for its texts in the section's language (Accept-Language)", async () => {
    const m = await mount({ items: [integration()] }, { lang: 'it' });
    m.el.lang = 'en-GB';
    await m.el.refresh();
    m.el.requestHeaders = { 'Accept-Language': 'fr' }; // the page's hook has the last word
    await m.el.refresh();
    m.el.requestHeaders = () => ({ 'accept-language': 'de' }); // however it spells the name
    await m.el.refresh();
    const gets = (await m.fx.log()).filter((r) => r.method === 'GET');
    expect(gets.map((r) => r.headers['accept-language'])).to.deep.equal([
      'it',
      'en-GB',
      'fr',
      'de',
    ]);
  });

  it('two sections with different lang on one page ask for the language both show', async () => {
    // One locale a page: the last lang set wins, so both show Italian. The English one asked
    // for English texts, which then sat among Italian words: it reads its list again.
    const languages = async (m: {
      fx: { log(): Promise<{ method: string; headers: Record<string, string> }[]> };
    }) =>
      (await m.fx.log()).filter((r) => r.method === 'GET').map((r) => r.headers['accept-language']);
    const english = await mount({ items: [integration()] }, { lang: 'en' });
    const italian = await mount({ items: [integration()] }, { lang: 'it-CH' });
    await waitFor(() => deepText(english.root).includes('Integrazione'), 'both in Italian');
    for (let i = 0; i < 100 && (await languages(english)).length < 2; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await languages(english)).to.deep.equal(['en', 'it']);
    expect(await languages(italian)).to.deep.equal(['it-CH']); // (its own, region and all)
    english.el.remove();
    italian.el.remove();
  });

  it("keeps its own editor's ucx-filter-change inside (a host hears only its own editors)", async () => {
    const m = await mount({ items: [] });
    const heard: EventTarget[] = [];
    const listen = (e: Event) => heard.push(e.target!);
    document.addEventListener('ucx-filter-change', listen);
    try {
      $(m.root, '.create').click();
      const p = dialogParts(m.create);
      await waitFor(() => p.dialog.open, 'the dialog');
      const editor = p.editor as HTMLElement & { value: string };
      const area = editor.shadowRoot!.querySelector('textarea')!;
      area.focus();
      area.value = '(department=Sales)';
      area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await waitFor(() => m.create.shadowRoot && editor.value === '(department=Sales)', 'typed');
      await new Promise((r) => setTimeout(r, 50));
      expect(heard).to.deep.equal([]);
    } finally {
      document.removeEventListener('ucx-filter-change', listen);
    }
  });
});
