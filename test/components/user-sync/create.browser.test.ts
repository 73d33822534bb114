import { expectAccessible } from '../../support/a11y.js';
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CreateIntegration } from '../../../src/backend/types.js';
import { integration } from '../../fixture-server/fixture.js';
import {
  $,
  CONSENT,
  deepActive,
  deepText,
  dialogParts,
  fillCreate,
  mount,
  posts,
  typeFilter,
  waitFor,
} from './helpers.js';

describe('<ucx-user-sync> create dialog', () => {
  it('opens a labelled modal dialog with focus inside; Escape closes it and focus returns to + Create', async () => {
    const m = await mount({ items: [] });
    const trigger = $(m.root, '.create');
    trigger.click();
    const p = dialogParts(m.create);
    await waitFor(() => p.dialog.open, 'the dialog');
    expect(p.dialog.matches(':modal')).to.equal(true);
    const labelledBy = p.dialog.getAttribute('aria-labelledby')!;
    expect(m.create.shadowRoot!.getElementById(labelledBy)!.textContent).to.contain(
      'Create integration',
    );
    expect(deepActive()).to.equal(p.source);
    expect([...p.source!.options].map((o) => o.textContent?.trim())).to.deep.equal([
      'Microsoft Entra ID',
    ]);
    expect(p.switch!.getAttribute('role')).to.equal('switch');
    expect(p.switch!.getAttribute('aria-checked')).to.equal('false');
    expect(p.switch!.textContent).to.contain('Authorization');
    expect(p.submit.getAttribute('aria-disabled')).to.equal('true');
    expect(p.text()).to.contain('Turn on Authorization to continue.');
    expect(deepText(p.editor)).to.contain('Data source filters');
    await expectAccessible(m.el);
    // Create while Authorization is off does nothing but point at the switch.
    p.submit.click();
    await m.create.updateComplete;
    expect(m.consent.starts).to.equal(0);
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !p.dialog.open, 'the dialog to close');
    await waitFor(() => deepActive() === trigger, 'focus back on + Create');
  });

  it('toggles Authorization with Space and keeps its label', async () => {
    const m = await mount({ items: [] });
    $(m.root, '.create').click();
    const p = dialogParts(m.create);
    await waitFor(() => p.dialog.open, 'the dialog');
    p.switch!.focus();
    await sendKeys({ press: ' ' });
    await m.create.updateComplete;
    expect(p.switch!.getAttribute('aria-checked')).to.equal('true');
    expect(p.submit.getAttribute('aria-disabled')).to.equal('false');
    expect(p.text()).not.to.contain('Turn on Authorization to continue.');
    await sendKeys({ press: ' ' });
    await m.create.updateComplete;
    expect(p.switch!.getAttribute('aria-checked')).to.equal('false');
    expect(p.switch!.textContent).to.contain('Authorization');
  });

  it('keeps the dialog open on an invalid filter, says "Invalid LDAP filters" with the place and focuses the field', async () => {
    const m = await mount({ items: [] });
    const errors: CustomEvent[] = [];
    m.el.addEventListener('ucx-error', (e) => errors.push(e));
    const p = await fillCreate(m, '(department=Sales');
    p.submit.click();
    await m.create.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    expect(p.dialog.open).to.equal(true);
    const text = deepText(p.dialog);
    expect(text).to.contain('Invalid LDAP filters');
    expect(text).to.match(/never closed/);
    expect(p.editor.contains(deepActive()) || p.editor.shadowRoot!.contains(deepActive())).to.equal(
      true,
    );
    expect(errors[0]?.detail).to.include({ stage: 'validation', code: 'unclosed-paren' });
    expect(m.consent.starts).to.equal(0);
    await expectAccessible(m.el);
    expect(await posts(m)).to.have.length(0);
  });

  it('creates: consent in the click, one POST with the canonical filter, list updated, events fired, focus back', async () => {
    const m = await mount({ items: [integration({ id: 'existing' })] });
    const seen: string[] = [];
    let created: unknown;
    let before: CreateIntegration | undefined;
    m.el.addEventListener('ucx-before-create', (e) => {
      seen.push(e.type);
      before = e.detail.body as CreateIntegration;
    });
    m.el.addEventListener('ucx-consent-granted', (e) =>
      seen.push(`${e.type}:${e.detail.consent.tenantId}`),
    );
    m.el.addEventListener('ucx-integration-created', (e) => {
      seen.push(e.type);
      created = e.detail.integration;
    });
    const p = await fillCreate(m, '(Department=Sales)');
    p.submit.click();
    // consent.start() ran synchronously inside the click handler
    expect(m.consent.starts).to.equal(1);
    expect(before).to.deep.include({
      source: 'entra-id',
      authorized: true,
      filter: '(department=Sales)',
    });
    await waitFor(() => !p.dialog.open, 'the dialog to close');
    await waitFor(() => m.root.querySelectorAll('tr[part="row"]').length === 2, 'the new row');
    expect(seen).to.deep.equal([
      'ucx-before-create',
      `ucx-consent-granted:${CONSENT.tenantId}`,
      'ucx-integration-created',
    ]);
    expect(created).to.include({
      displayName: 'Entra ID — contoso.com',
      filter: '(department=Sales)',
    });
    const sent = await posts(m);
    expect(sent).to.have.length(1);
    expect(sent[0]!.idempotencyKey).to.match(/^[0-9a-f-]{32,36}$/);
    expect(sent[0]!.body).to.deep.equal({
      source: 'entra-id',
      authorized: true,
      filter: '(department=Sales)',
      consent: CONSENT,
    });
    expect($(m.root, '[role="status"]').textContent).to.contain('was created');
    await waitFor(() => deepActive() === $(m.root, '.create'), 'focus back on + Create');
  });

  it('takes a plain function as consent: called in the click, its result sent and reused on retry', async () => {
    const m = await mount({ items: [], faults: [{ method: 'POST', status: 503, times: 1 }] });
    let calls = 0;
    m.el.consent = async () => {
      calls++;
      return CONSENT;
    };
    const p = await fillCreate(m, '(department=Sales)');
    p.submit.click();
    expect(calls, 'called synchronously in the click').to.equal(1);
    expect(m.consent.starts, 'the provider it replaced').to.equal(0);
    await waitFor(() => p.errorDialog().open, 'the error window (503)');
    p.errorWindow.shadowRoot!.querySelector<HTMLButtonElement>('.review')!.click();
    await waitFor(() => !p.errorDialog().open, 'the error window to close');
    p.submit.click();
    await waitFor(() => !p.dialog.open, 'the dialog to close');
    const sent = await posts(m);
    expect(sent).to.have.length(2);
    expect(sent[1]!.body).to.deep.include({ consent: CONSENT, filter: '(department=Sales)' });
    expect(calls, 'the consent result reused on retry').to.equal(1);
  });

  it("sends and announces only the consent's documented fields (never a host's access token)", async () => {
    const m = await mount({ items: [] });
    const granted: unknown[] = [];
    m.el.addEventListener('ucx-consent-granted', (e) => {
      granted.push({ ...e.detail.consent });
      // A listener that edits what it got (drops the token before logging it) changes nothing sent.
      (e.detail.consent as Partial<typeof CONSENT>).idToken = undefined;
    });
    m.el.consent = async () => ({
      ...CONSENT,
      accessToken: 'SECRET-GRAPH-TOKEN',
      account: { homeAccountId: 'x' },
    });
    const p = await fillCreate(m, '(department=Sales)');
    p.submit.click();
    await waitFor(() => !p.dialog.open, 'the dialog to close');
    const sent = await posts(m);
    expect(sent).to.have.length(1);
    expect((sent[0]!.body as CreateIntegration).consent).to.deep.equal(CONSENT);
    expect(JSON.stringify(sent[0]!.body)).not.to.contain('SECRET');
    expect(granted).to.deep.equal([CONSENT]);
  });

  // Only the three required fields, and no cast: the types say the rest may be left out; or
  // some given as undefined (a host's optional chaining, say).
  const { tenantId, clientId, idToken } = CONSENT;
  for (const [what, given, expected] of [
    [
      'left out',
      { tenantId, clientId, idToken },
      { tenantId, clientId, idToken, username: '', name: '', scopes: [] },
    ],
    [
      'undefined',
      { ...CONSENT, name: undefined, scopes: undefined, consentedAt: undefined },
      { ...CONSENT, name: '', scopes: [], consentedAt: undefined },
    ],
  ] as const) {
    it(`fills what a host's consent result may leave out (${what}), as MSAL's own provider does`, async () => {
      const m = await mount({ items: [] });
      m.el.consent = async () => given;
      const p = await fillCreate(m, '(department=Sales)');
      p.submit.click();
      await waitFor(() => !p.dialog.open, 'the dialog to close');
      const sent = (await posts(m))[0]!.body as CreateIntegration;
      const { consentedAt, ...filled } = sent.consent;
      const { consentedAt: _, ...rest } = expected;
      expect(filled).to.deep.equal(rest);
      expect(Date.parse(consentedAt)).to.be.closeTo(Date.now(), 60_000);
    });
  }

  for (const [what, result] of [
    ['nothing', undefined],
    ['null', null],
    ['a string', 'eyJ.token'],
    ['no ID token', { ...CONSENT, idToken: '' }],
    ['scopes that are not a list', { ...CONSENT, scopes: 'openid' }],
  ] as const) {
    it(`says sign-in is misconfigured when a host's consent function resolves with ${what}; nothing sent`, async () => {
      const m = await mount({ items: [] });
      const errors: CustomEvent[] = [];
      const granted: unknown[] = [];
      m.el.addEventListener('ucx-error', (e) => errors.push(e));
      m.el.addEventListener('ucx-consent-granted', (e) => granted.push(e));
      m.el.consent = async () => result as never;
      const p = await fillCreate(m, '(department=Sales)');
      p.submit.click();
      await waitFor(() => p.errorDialog().open, 'the error window');
      expect(deepText(p.errorWindow)).to.contain(
        'Microsoft sign-in is not configured correctly (invalid-consent-result)',
      );
      // Trying again can't help: the page's consent gives what can't be used.
      expect(p.errorWindow.shadowRoot!.querySelector('.retry')).to.equal(null);
      expect(errors.map((e) => e.detail)).to.deep.include({
        stage: 'consent',
        code: 'misconfigured',
        message: errors[0]!.detail.message,
      });
      expect(granted).to.have.length(0);
      expect(await posts(m)).to.have.length(0);
      p.errorWindow.shadowRoot!.querySelector<HTMLButtonElement>('.review')!.click();
      await waitFor(() => !p.errorDialog().open, 'the error window to close');
      // Back to the form, as it was, and not stuck waiting for the sign-in.
      expect(p.dialog.open).to.equal(true);
      expect(p.body.hasAttribute('inert')).to.equal(false);
      expect(p.editor.value).to.equal('(department=Sales)');
      expect(p.status.textContent).not.to.contain('Waiting');
    });
  }

  it('types over the = an accepted completion inserted, inside the dialog too', async () => {
    const m = await mount({ items: [] });
    const p = await fillCreate(m);
    await typeFilter(p.editor, '(dep');
    await sendKeys({ press: 'Enter' });
    await typeFilter(p.editor, '=Sales)');
    expect((p.editor as HTMLElement & { value: string }).value).to.equal('(department=Sales)');
  });

  it('sends filter null when the filter is left empty', async () => {
    const m = await mount({ items: [] });
    const p = await fillCreate(m);
    p.submit.click();
    await waitFor(() => !p.dialog.open, 'the dialog to close');
    expect((await posts(m))[0]!.body).to.include({ filter: null });
    await waitFor(() => m.root.querySelector('table'), 'the list');
  });

  it('lets the host veto with ucx-before-create: no popup, nothing sent', async () => {
    const m = await mount({ items: [] });
    m.el.addEventListener('ucx-before-create', (e) => e.preventDefault());
    const p = await fillCreate(m, '(department=Sales)');
    p.submit.click();
    await new Promise((r) => setTimeout(r, 100));
    expect(m.consent.starts).to.equal(0);
    expect(p.dialog.open).to.equal(true);
    expect(await posts(m)).to.have.length(0);
    // Create doesn't seem to do nothing: the dialog says the page stopped it.
    expect(p.text()).to.contain('This page stopped the creation: nothing was sent.');
    expect(p.submit.getAttribute('aria-describedby')).to.equal('footer-error');
  });

  it('is busy while creating: fields inert and greyed, spinner, status, still working, Create focusable', async () => {
    const m = await mount({ items: [], faults: [{ method: 'POST', delayMs: 1500 }] });
    const p = await fillCreate(m, '(department=Sales)');
    p.submit.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => p.body.hasAttribute('inert'), 'the busy state');
    expect(p.body.getAttribute('aria-busy')).to.equal('true');
    await waitFor(() => getComputedStyle(p.body).opacity !== '1', 'the greyed fields');
    expect(p.submit.getAttribute('aria-disabled')).to.equal('true');
    expect(p.submit.querySelector('.spinner')).to.exist;
    expect(deepActive()).to.equal(p.submit);
    expect(p.status.textContent).to.contain('Creating the integration…');
    await expectAccessible(m.el);
    // a second press while busy sends nothing more
    await sendKeys({ press: 'Enter' });
    await waitFor(() => p.status.textContent?.includes('Still working…'), 'still working');
    expect(p.cancel.textContent).to.contain('Cancel request');
    await waitFor(() => !p.dialog.open, 'the dialog to close', 5000);
    expect(await posts(m)).to.have.length(1);
  });

  it('waits for Microsoft sign-in with its own Cancel, then returns quietly to the form', async () => {
    const m = await mount({ items: [] });
    m.consent.hold = true;
    const p = await fillCreate(m, '(department=Sales)');
    p.submit.click();
    await waitFor(
      () => p.status.textContent?.includes('Waiting for Microsoft sign-in…'),
      'waiting text',
    );
    expect(p.cancel.textContent).to.contain('Cancel sign-in');
    p.cancel.click();
    await m.create.updateComplete;
    expect(m.consent.cancels).to.equal(1);
    expect(p.dialog.open).to.equal(true);
    expect(p.body.hasAttribute('inert')).to.equal(false);
    expect(p.editor.value).to.equal('(department=Sales)');
    expect(p.errorDialog().open).to.equal(false);
    expect(await posts(m)).to.have.length(0);
  });

  it('abandons the sign-in when Escape closes the dialog while it waits: no consent event, nothing sent', async () => {
    const m = await mount({ items: [] });
    m.consent.hold = true;
    const events: string[] = [];
    for (const type of ['ucx-consent-granted', 'ucx-integration-created', 'ucx-error']) {
      m.el.addEventListener(type, () => events.push(type));
    }
    const p = await fillCreate(m, '(department=Sales)');
    p.submit.click();
    await waitFor(
      () => p.status.textContent?.includes('Waiting for Microsoft sign-in…'),
      'waiting text',
    );
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !p.dialog.open, 'the dialog to close');
    // The popup is closed (the provider's cancel), as Cancel sign-in does.
    expect(m.consent.cancels).to.equal(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(events).to.deep.equal([]);
    expect(await posts(m)).to.have.length(0);
  });

  it('says when Microsoft sign-in is still loading', async () => {
    const m = await mount({ items: [] });
    (m.consent as { ready: boolean }).ready = false;
    const p = await fillCreate(m, '(department=Sales)');
    p.submit.click();
    await waitFor(() => p.errorDialog().open, 'the error window');
    expect(deepText(p.errorWindow)).to.contain(
      'Still loading Microsoft sign-in — click Create again',
    );
    expect(m.consent.starts).to.equal(0);
  });

  it("reads a host provider's failure shaped like a ConsentError (another bundle's class)", async () => {
    const m = await mount({ items: [] });
    const errors: CustomEvent[] = [];
    m.el.addEventListener('ucx-error', (e) => errors.push(e));
    const start = m.consent.start;
    m.consent.start = () => {
      m.consent.start = start;
      return Promise.reject(
        Object.assign(new Error('consent failed'), {
          name: 'ConsentError',
          failure: { kind: 'declined', code: 'AADSTS65004', retryable: true },
        }),
      );
    };
    const p = await fillCreate(m, '(department=Sales)');
    p.submit.click();
    await waitFor(() => p.errorDialog().open, 'the error window');
    expect(deepText(p.errorWindow)).to.contain('The permissions were declined');
    expect(errors[0]?.detail).to.include({ stage: 'consent', code: 'declined' });
  });

  it('maps a consent failure to a message and keeps the form; the retry opens the popup again', async () => {
    const m = await mount({ items: [] });
    const errors: CustomEvent[] = [];
    m.el.addEventListener('ucx-error', (e) => errors.push(e));
    m.consent.failNext = { kind: 'declined', code: 'AADSTS65004', retryable: true };
    const p = await fillCreate(m, '(department=Sales)');
    p.submit.click();
    await waitFor(() => p.errorDialog().open, 'the error window');
    expect(p.errorDialog().getAttribute('role')).to.equal('alertdialog');
    expect(deepText(p.errorWindow)).to.contain('The permissions were declined');
    // The data is not the matter: no advice to review it, and the button says Close.
    expect(deepText(p.errorWindow)).not.to.contain('review the entered data');
    const close = p.errorWindow.shadowRoot!.querySelector<HTMLButtonElement>('.review')!;
    expect(close.textContent!.trim()).to.equal('Close');
    expect(errors[0]?.detail).to.include({ stage: 'consent', code: 'declined' });
    await expectAccessible(m.el);
    p.errorWindow.shadowRoot!.querySelector<HTMLButtonElement>('.review')!.click();
    await waitFor(() => !p.errorDialog().open, 'the error window to close');
    // The sign-in is over: the status line no longer says it is awaited.
    expect(p.status.textContent).to.not.contain('Waiting for Microsoft sign-in');
    expect(p.editor.value).to.equal('(department=Sales)');
    expect(p.switch!.getAttribute('aria-checked')).to.equal('true');
    p.submit.click();
    await waitFor(() => !p.dialog.open, 'the dialog to close');
    expect(m.consent.starts).to.equal(2);
  });

  it('reports a sign-in that timed out in the dialog, not as a failure of the data', async () => {
    const m = await mount({ items: [] });
    const errors: CustomEvent[] = [];
    m.el.addEventListener('ucx-error', (e) => errors.push(e));
    m.consent.failNext = { kind: 'timed-out', code: 'timed_out', retryable: true };
    const p = await fillCreate(m, '(department=Sales)');
    p.submit.click();
    await waitFor(() => deepText(p.dialog).includes('didn’t finish in time'), 'the timeout notice');
    expect(p.errorDialog().open).to.equal(false);
    expect(errors[0]?.detail).to.include({ stage: 'consent', code: 'timed-out' });
    expect(p.body.hasAttribute('inert')).to.equal(false);
    expect(p.editor.value).to.equal('(department=Sales)');
    p.submit.click();
    await waitFor(() => !p.dialog.open, 'the dialog to close');
    expect(m.consent.starts).to.equal(2);
  });

  it('goes on when Escape closes the dialog mid-request: the result shows in the list', async () => {
    const m = await mount({ items: [], faults: [{ method: 'POST', delayMs: 700 }] });
    let created = false;
    m.el.addEventListener('ucx-integration-created', () => (created = true));
    const p = await fillCreate(m, '(department=Sales)');
    p.submit.click();
    await waitFor(() => p.body.hasAttribute('inert'), 'busy');
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !p.dialog.open, 'the dialog to close');
    await waitFor(() => m.root.querySelector('table'), 'the new row', 5000);
    expect(created).to.equal(true);
  });

  it('works by keyboard alone', async () => {
    const m = await mount({ items: [] });
    const trigger = $(m.root, '.create');
    trigger.focus();
    await sendKeys({ press: 'Enter' });
    const p = dialogParts(m.create);
    await waitFor(() => p.dialog.open && deepActive() === p.source, 'focus in the dialog');
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(p.switch);
    await sendKeys({ press: ' ' });
    await sendKeys({ press: 'Tab' });
    await waitFor(() => p.editor.shadowRoot!.contains(deepActive()), 'focus in the filter editor');
    for (let i = 0; i < 10 && deepActive()?.localName !== 'textarea'; i++) {
      await sendKeys({ press: 'Tab' });
    }
    expect(deepActive()?.localName).to.equal('textarea');
    await sendKeys({ type: '(department=Sales)' });
    for (let i = 0; i < 20 && deepActive() !== p.submit; i++) await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(p.submit);
    await sendKeys({ press: 'Enter' });
    await waitFor(() => !p.dialog.open, 'the dialog to close');
    await waitFor(() => m.root.querySelector('table'), 'the new row');
    expect((await posts(m))[0]!.body).to.include({ filter: '(department=Sales)' });
    await waitFor(() => deepActive() === trigger, 'focus back on + Create');
  });

  it('keeps the typed filter after Cancel or Escape, asks for Authorization again; a create clears it', async () => {
    const m = await mount({ items: [] });
    const p = await fillCreate(m, '(department=Sales)');
    p.cancel.click();
    await waitFor(() => !p.dialog.open, 'closed');
    $(m.root, '.create').click();
    await waitFor(() => p.dialog.open, 'open');
    expect(p.switch!.getAttribute('aria-checked')).to.equal('false');
    expect(p.editor.value).to.equal('(department=Sales)');
    await typeFilter(p.editor, '(');
    await sendKeys({ press: 'Escape' }); // closes the suggestions
    await sendKeys({ press: 'Escape' }); // closes the dialog
    await waitFor(() => !p.dialog.open, 'closed by Escape');
    $(m.root, '.create').click();
    await waitFor(() => p.dialog.open, 'open again');
    expect(p.editor.value).to.equal('(department=Sales)(');
    p.editor.value = '(department=Sales)';
    p.switch!.click();
    await m.create.updateComplete;
    p.submit.click();
    await waitFor(() => !p.dialog.open, 'created');
    $(m.root, '.create').click();
    await waitFor(() => p.dialog.open, 'open after the create');
    expect(p.editor.value).to.equal('');
  });
});

describe('<ucx-user-sync> without an injected consent provider', () => {
  it('explains that Microsoft sign-in is not configured when client-id is missing', async () => {
    const m = await mount({ items: [] });
    m.el.consent = undefined;
    m.el.clientId = '';
    await m.el.updateComplete;
    const p = await fillCreate(m, '(department=Sales)');
    p.submit.click();
    await waitFor(() => p.errorDialog().open, 'the error window');
    expect(deepText(p.errorWindow)).to.contain(
      'Microsoft sign-in is not configured correctly (missing-client-id)',
    );
    expect(await posts(m)).to.have.length(0);
  });

  it('says a consent that is neither a function nor a provider is a configuration error', async () => {
    for (const consent of ['msal', { ready: true }]) {
      const m = await mount({ items: [] });
      const uncaught: unknown[] = [];
      const onError = (e: ErrorEvent) => uncaught.push(e.error);
      window.addEventListener('error', onError);
      try {
        m.el.consent = consent as unknown as typeof m.el.consent;
        await m.el.updateComplete;
        const p = await fillCreate(m, '(department=Sales)');
        p.submit.click();
        await waitFor(() => p.errorDialog().open, 'the error window');
        expect(deepText(p.errorWindow)).to.contain(
          'Microsoft sign-in is not configured correctly (invalid-consent-option)',
        );
        expect(deepText(p.errorWindow)).not.to.contain('undefined');
        p.errorDialog().close();
        expect(p.editor.value).to.equal('(department=Sales)');
        expect(uncaught).to.deep.equal([]);
        expect(await posts(m)).to.have.length(0);
      } finally {
        window.removeEventListener('error', onError);
      }
    }
  });
});
