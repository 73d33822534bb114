import { expectAccessible } from '../../support/a11y.js';
import { expect } from '@open-wc/testing';
import { describedText } from '../../support/dom.js';
import { sendKeys } from '@web/test-runner-commands';
import { vendorWebex, type FixtureFault } from '../../fixture-server/fixture.js';
import { DEFAULT_SUPPORT_URL } from '../../../src/index.js';
import {
  $,
  CONSENT,
  deepActive,
  deepText,
  dialogParts,
  fillCreate,
  mount,
  openCreate,
  posts,
  typeFilter,
  waitFor,
  type Mounted,
} from './helpers.js';

const FILTER = '(department=Sales)';

/** Fills the form, clicks Create and waits for the error window. */
async function failOnce(
  faults: FixtureFault[],
  options: { timeout?: number; supportUrl?: string } = {},
) {
  const m = await mount({ items: [], faults }, options);
  const errors: CustomEvent[] = [];
  m.el.addEventListener('ucx-error', (e) => errors.push(e));
  const p = await fillCreate(m, FILTER);
  p.submit.click();
  await waitFor(() => p.errorDialog().open, 'the error window', 8000);
  const text = deepText(p.errorWindow);
  return { m, p, text, errors };
}

/** Polls an asynchronous check (the fixture server's state) until it holds. */
async function eventually(check: () => Promise<boolean>, what: string, timeout: number) {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function review(p: ReturnType<typeof dialogParts>) {
  p.errorWindow.shadowRoot!.querySelector<HTMLButtonElement>('.review')!.click();
  await waitFor(() => !p.errorDialog().open, 'the error window to close');
}

/** The form is intact, a retry by click creates exactly one integration with the same key. */
async function retrySucceeds(m: Mounted, p: ReturnType<typeof dialogParts>, consentStarts = 1) {
  expect(p.dialog.open).to.equal(true);
  expect(p.editor.value).to.equal(FILTER);
  expect(p.switch!.getAttribute('aria-checked')).to.equal('true');
  p.submit.click();
  await waitFor(() => !p.dialog.open, 'the dialog to close after the retry', 8000);
  await waitFor(() => m.root.querySelector('table'), 'the list');
  const sent = await posts(m);
  expect(new Set(sent.map((r) => r.idempotencyKey)).size).to.equal(1);
  expect(await m.fx.items()).to.have.length(1);
  expect(m.consent.starts).to.equal(consentStarts);
}

/** Create, after a first one: it signs in again and goes out with a key of its own. */
async function createsAsNewRequest(m: Mounted, p: ReturnType<typeof dialogParts>) {
  p.submit.click();
  await waitFor(() => !p.dialog.open, 'the dialog to close after creating', 8000);
  const sent = await posts(m);
  expect(m.consent.starts).to.equal(2);
  expect(sent.at(-1)!.idempotencyKey).not.to.equal(sent[0]!.idempotencyKey);
}

describe('<ucx-user-sync> create failures', () => {
  it('network down: "couldn’t reach the server", form intact, retry creates one integration with the same key', async () => {
    const { m, p, text, errors } = await failOnce([{ method: 'POST', drop: true, times: 50 }]);
    expect(p.errorDialog().getAttribute('role')).to.equal('alertdialog');
    expect(text).to.contain('Couldn’t reach the server');
    // A fetch that fails can't tell whether the server had the request: not "was not created".
    expect(text).to.contain('The integration may not have been created');
    expect(text).to.contain('nothing will be created twice');
    expect(text).to.contain('Please review the entered data and try again.');
    expect(errors.at(-1)?.detail).to.include({ stage: 'backend', code: 'network' });
    await expectAccessible(m.el);
    await review(p);
    await waitFor(() => deepActive() === p.submit, 'focus back on Create');
    await m.fx.clearFaults();
    await retrySucceeds(m, p);
  });

  it('timeout: "taking too long"; Try again reuses the key and the consent', async () => {
    const { m, p, text } = await failOnce([{ method: 'POST', hang: true }], { timeout: 800 });
    expect(text).to.contain('taking too long');
    // The server may have created it anyway: the title doesn't say it wasn't.
    expect(text).to.contain('The integration may not have been created');
    p.errorWindow.shadowRoot!.querySelector<HTMLButtonElement>('.retry')!.click();
    await waitFor(() => !p.dialog.open, 'closed after Try again', 8000);
    const sent = await posts(m);
    expect(sent.length).to.be.at.least(2);
    expect(new Set(sent.map((r) => r.idempotencyKey)).size).to.equal(1);
    expect(await m.fx.items()).to.have.length(1);
    expect(m.consent.starts).to.equal(1);
  });

  it('400 with a filter field error: the filter field shows it and takes focus', async () => {
    const { m, p, text } = await failOnce([
      {
        method: 'POST',
        problem: {
          status: 400,
          code: 'invalid-filter',
          title: 'Invalid filter',
          detail: 'The filter uses a field the directory does not have.',
          errors: [
            {
              field: 'filter',
              code: 'unknown-field',
              message: 'Unknown field “department” for this tenant.',
            },
          ],
        },
      },
    ]);
    expect(text).to.contain('The server found a problem in the filters.');
    expect(text).to.contain('The filter uses a field the directory does not have.');
    await review(p);
    const inline = m.create.shadowRoot!.querySelector('[part="filter-error"]')!;
    expect(inline.textContent).to.contain('Invalid LDAP filters');
    expect(inline.textContent).to.contain('Unknown field “department” for this tenant.');
    // Said once: by the error window as it opened, not also by a live region beside the field.
    expect(inline.closest('[role="alert"], [role="status"], [aria-live]')).to.equal(null);
    await waitFor(() => p.editor.shadowRoot!.contains(deepActive()), 'focus in the filter field');
    // The focused field itself says it is invalid and why (the alert is in another shadow
    // root, out of aria-describedby's reach).
    const field = p.editor.shadowRoot!.querySelector('textarea')!;
    const description = () => describedText(field);
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(description()).to.contain('Unknown field “department” for this tenant.');
    await expectAccessible(m.el);
    // Changed, the filter is no longer the one the server refused.
    await typeFilter(p.editor, ' ');
    await waitFor(() => field.getAttribute('aria-invalid') === 'false', 'valid again');
    expect(description()).not.to.contain('for this tenant');
    p.editor.value = FILTER;
    p.editor.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await retrySucceeds(m, p);
  });

  it('400 on the filter, sent from the builder: Review takes the admin to the text field, which says why', async () => {
    const m = await mount({
      items: [],
      faults: [
        {
          method: 'POST',
          problem: {
            status: 400,
            code: 'invalid-filter',
            title: 'Invalid filter',
            errors: [{ field: 'filter', code: 'x', message: 'Departments are upper case here.' }],
          },
        },
      ],
    });
    const p = await fillCreate(m, FILTER);
    (p.editor as unknown as { mode: string }).mode = 'builder';
    await m.create.updateComplete;
    p.submit.click();
    await waitFor(() => p.errorDialog().open, 'the error window', 8000);
    await review(p);
    const field = await waitFor(
      () => p.editor.shadowRoot!.querySelector('textarea'),
      'the text field (the builder has no place for a word on the whole filter)',
    );
    await waitFor(() => deepActive() === field, 'focus on it');
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(describedText(field)).to.contain('Departments are upper case here.');
    await expectAccessible(m.el);
  });

  it('400 placing the filter error: the clause is underlined in the text the admin wrote', async () => {
    // Sent canonical, `(&(department=Sales)(location=NYC))`: the backend points at (location=NYC).
    const typed = '(& (Department=Sales)\n   (location=NYC))';
    const m = await mount({
      items: [],
      faults: [
        {
          method: 'POST',
          problem: {
            status: 400,
            code: 'invalid-filter',
            title: 'Invalid filter',
            errors: [
              {
                field: 'filter',
                code: 'no-such-office',
                message: 'This tenant has no office in NYC.',
                offset: 20,
                length: 14,
              },
            ],
          },
        },
      ],
    });
    const p = await fillCreate(m, typed);
    p.submit.click();
    await waitFor(() => p.errorDialog().open, 'the error window');
    expect((await posts(m))[0]!.body).to.include({ filter: '(&(department=Sales)(location=NYC))' });
    await review(p);
    const underlined = () =>
      [...p.editor.shadowRoot!.querySelectorAll('[part~="error-range"]')]
        .map((t) => t.textContent)
        .join('');
    await waitFor(() => underlined() === '(location=NYC)', 'the clause underlined');
    const textarea = p.editor.shadowRoot!.querySelector('textarea')!;
    await waitFor(() => p.editor.shadowRoot!.activeElement === textarea, 'focus in the text');
    await waitFor(
      () => textarea.selectionStart === typed.indexOf('(location'),
      'the caret at the clause',
    );
    // The next edit is the admin's answer to it: the underline goes, and undoing the edit
    // doesn't bring it back.
    await typeFilter(p.editor, ' ');
    await waitFor(() => underlined() === '', 'the underline gone after an edit');
    await sendKeys({ press: 'Backspace' });
    await waitFor(() => p.editor.value === typed, 'the text as sent again');
    await new Promise((r) => setTimeout(r, 50)); // a render, had it come back
    expect(underlined()).to.equal('');
  });

  it('409 already-exists: says so and refreshes the list', async () => {
    const { m, p, text } = await failOnce([
      {
        method: 'POST',
        problem: {
          status: 409,
          code: 'already-exists',
          title: 'Exists',
          detail: 'Tenant contoso.com is already connected.',
        },
      },
    ]);
    expect(text).to.contain('already exists');
    expect(text).to.contain('Tenant contoso.com is already connected.');
    // Reviewing the data can't help: no such advice, and the button closes.
    expect(text).not.to.contain('review the entered data');
    expect(p.errorWindow.shadowRoot!.querySelector('.review')!.textContent!.trim()).to.equal(
      'Close',
    );
    // The server's words start at the box's first line and left edge: no blank line or
    // indentation from the template.
    const box = p.errorWindow.shadowRoot!.querySelector<HTMLElement>('.detail')!;
    const words = box.querySelector('.server-text')!.getClientRects()[0]!;
    const style = getComputedStyle(box);
    const inner = box.getBoundingClientRect();
    const lineHeight = parseFloat(style.fontSize) * 1.5;
    expect(words.top - inner.top - parseFloat(style.paddingTop)).to.be.below(lineHeight / 2);
    expect(
      words.left - inner.left - parseFloat(style.paddingLeft) - parseFloat(style.borderLeftWidth),
    ).to.be.below(2);
    let gets = 0;
    for (let i = 0; i < 50 && gets < 2; i++) {
      await new Promise((r) => setTimeout(r, 50));
      gets = (await m.fx.log()).filter((r) => r.method === 'GET').length;
    }
    expect(gets).to.be.at.least(2);
    await review(p);
  });

  it('409 vendor-managed-lock: says the section is managed by the vendor', async () => {
    const { p, text } = await failOnce([
      { method: 'POST', problem: { status: 409, code: 'vendor-managed-lock', title: 'Locked' } },
    ]);
    expect(text).to.contain(
      'Users’ synchronization is managed by Imagicle Support: only they can add integrations.',
    );
    expect(text).not.to.contain('review the entered data');
    expect(p.errorWindow.shadowRoot!.querySelector('a')?.getAttribute('href')).to.equal(
      'https://support.example.com/contact',
    );
    // With no support-url, the default vendor's own site (as the lock notice links it).
    const unset = await failOnce(
      [{ method: 'POST', problem: { status: 409, code: 'vendor-managed-lock', title: 'Locked' } }],
      { supportUrl: '' },
    );
    expect(unset.p.errorWindow.shadowRoot!.querySelector('a')?.getAttribute('href')).to.equal(
      DEFAULT_SUPPORT_URL,
    );
  });

  it('409 vendor-managed-lock with the list now locked: Close returns to + Create, which says why', async () => {
    const m = await mount({ items: [] });
    const p = await fillCreate(m, FILTER);
    // Meanwhile the vendor took over: the create is refused, and the list read again shows it.
    await m.fx.faults([
      { method: 'POST', problem: { status: 409, code: 'vendor-managed-lock', title: 'Locked' } },
      // (Slower than the admin: Close is clicked before the list is back.)
      { method: 'GET', status: 200, body: { items: [vendorWebex()] }, delayMs: 800 },
    ]);
    p.submit.click();
    await waitFor(() => p.errorDialog().open, 'the error window', 8000);
    expect(m.root.querySelector('[part~="lock-notice"]')).to.equal(null);
    await review(p);
    await waitFor(() => !p.dialog.open, 'the create dialog to close');
    const create = $(m.root, '.create');
    expect(create.getAttribute('aria-disabled')).to.equal('true');
    await waitFor(() => deepActive() === create, 'focus back on + Create');
  });

  it('the vendor takes over while the dialog is open: Create and Preview wait, saying why, until the lock lifts', async () => {
    const m = await mount({ items: [] });
    const p = await fillCreate(m, FILTER);
    const preview = m.create.shadowRoot!.querySelector<HTMLButtonElement>('.preview-button')!;
    // A list read since the dialog opened (a poll's, or the host's refresh) shows the lock.
    await m.fx.setItems([vendorWebex()]);
    await m.el.refresh();
    await m.create.updateComplete;
    expect($(m.root, '.create').getAttribute('aria-disabled')).to.equal('true');
    const reason =
      'Users’ synchronization is managed by Imagicle Support: only they can add integrations.';
    for (const button of [p.submit, preview]) {
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      const said = button.getAttribute('aria-describedby')!.split(' ');
      expect(said).to.include('lock-reason');
    }
    expect(deepText(m.create.shadowRoot!.getElementById('lock-reason')!)).to.contain(reason);
    // Said, not only shown: the buttons turned unavailable under the admin's hands.
    const status = m.create.shadowRoot!.querySelector('[part~="dialog-status"]')!;
    expect(status.getAttribute('role')).to.equal('status');
    expect(status.textContent?.trim()).to.equal(reason);
    // Whom to ask, as on the section's lock notice.
    const contact = m.create.shadowRoot!.querySelector<HTMLAnchorElement>(
      '#lock-reason [part~="contact-link"]',
    )!;
    expect(contact.textContent).to.contain('Contact Imagicle Support');
    const onSection = m.root.querySelector<HTMLAnchorElement>('[part~="contact-link"]')!;
    expect(contact.href).to.equal(onSection.href);
    // Create pressed meanwhile is answered with the reason again (emptied a moment first, so
    // a screen reader says it again), not met by silence.
    p.submit.click();
    await m.create.updateComplete;
    expect(status.textContent?.trim()).to.equal('');
    await waitFor(() => status.textContent?.trim() === reason, 'the reason said again');
    preview.click();
    await m.create.updateComplete;
    expect(m.consent.starts).to.equal(0);
    expect(await posts(m)).to.have.length(0);
    expect(p.editor.value).to.equal(FILTER); // what the admin typed is still there
    await expectAccessible(m.create);
    // The vendor's integration goes: Create works again, with the same filter.
    await m.fx.setItems([]);
    await m.el.refresh();
    await m.create.updateComplete;
    expect(p.submit.getAttribute('aria-disabled')).to.equal('false');
    expect(m.create.shadowRoot!.getElementById('lock-reason')).to.equal(null);
    expect(status.textContent?.trim(), 'the reason gone from the status line').to.equal('');
    p.submit.click();
    await waitFor(() => !p.dialog.open, 'the dialog to close after creating', 8000);
    expect(await posts(m)).to.have.length(1);
  });

  it('the vendor takes over during the sign-in: Create again cancels it, and nothing is sent after it', async () => {
    const m = await mount({ items: [] });
    m.consent.hold = true; // the popup stays out until the admin finishes it
    const p = await fillCreate(m, FILTER);
    p.submit.click();
    await waitFor(() => m.consent.starts === 1, 'the sign-in');
    await m.fx.setItems([vendorWebex()]);
    await m.el.refresh();
    p.submit.click(); // (Create again, as an admin whose popup went behind the window does)
    await m.create.updateComplete;
    expect(m.consent.cancels).to.equal(1);
    expect(deepText(p.footer)).to.contain('managed by Imagicle Support');
    m.consent.resolvePending(); // the popup finishing late changes nothing
    await new Promise((r) => setTimeout(r, 200));
    expect(await posts(m)).to.have.length(0);
    expect(p.body.inert).to.equal(false);
    expect(p.editor.value).to.equal(FILTER);
  });

  it('5xx: shows the request id; the retry creates exactly one integration', async () => {
    const { m, p, text, errors } = await failOnce([
      {
        method: 'POST',
        problem: {
          status: 503,
          code: 'unavailable',
          title: 'Unavailable',
          detail: 'Directory service is restarting.',
          requestId: 'req-7f3a',
        },
      },
    ]);
    expect(text).to.contain('HTTP 503');
    expect(text).to.contain('req-7f3a');
    expect(text).to.contain('Directory service is restarting.');
    expect(errors.at(-1)?.detail).to.include({
      stage: 'backend',
      status: 503,
      requestId: 'req-7f3a',
    });
    await expectAccessible(m.el);
    await review(p);
    await retrySucceeds(m, p);
  });

  it('5xx without a request id (none sent, or not exposed cross-origin): asks for none', async () => {
    const { m, p, text } = await failOnce([
      {
        method: 'POST',
        headers: { 'X-Request-Id': '' },
        problem: { status: 500, code: 'internal', title: 'Internal Server Error' },
      },
    ]);
    expect(text).to.contain('HTTP 500');
    expect(text).to.contain('contact support and say when it happened');
    expect(text).not.to.match(/request id/i);
    await review(p);
    await retrySucceeds(m, p);
  });

  it('502/504 from a gateway: "may not have been created"; closed and opened again, Create sends the same request', async () => {
    const { m, p, text, errors } = await failOnce([
      { method: 'POST', status: 504, raw: '<h1>Gateway Time-out</h1>' },
    ]);
    // The backend behind the gateway may have done it: not "was not created".
    expect(text).to.contain('The integration may not have been created');
    expect(text).to.contain('HTTP 504');
    expect(text).to.contain('nothing will be created twice');
    expect(errors.at(-1)?.detail).to.include({ stage: 'backend', status: 504 });
    await review(p);
    // The admin closes the dialog and comes back to it: the retry is still the same request
    // (the same sign-in, the same key), as the failure promised.
    p.cancel.click();
    await waitFor(() => !p.dialog.open, 'the dialog to close');
    await openCreate(m);
    await retrySucceeds(m, p);
  });

  it('a create cancelled while sent, then the dialog closed and opened again: Create sends the same request', async () => {
    const m = await mount({ items: [], faults: [{ method: 'POST', hang: true }] });
    const p = await fillCreate(m, FILTER);
    p.submit.click();
    await eventually(async () => (await posts(m)).length === 1, 'the POST at the server', 4000);
    p.cancel.click(); // Cancel request
    await m.create.updateComplete;
    expect(p.status.textContent).to.contain('Cancelled');
    p.cancel.click(); // Cancel: closes
    await waitFor(() => !p.dialog.open, 'the dialog to close');
    await m.fx.clearFaults();
    await openCreate(m);
    await retrySucceeds(m, p);
  });

  it('a create after a successful one starts afresh: Authorization off, a new sign-in, a new key', async () => {
    const { m, p } = await failOnce([{ method: 'POST', hang: true }], { timeout: 800 });
    await review(p);
    p.submit.click();
    await waitFor(() => !p.dialog.open, 'created on the retry', 8000);
    await openCreate(m);
    expect(p.switch!.getAttribute('aria-checked')).to.equal('false');
    p.switch!.click();
    await m.create.updateComplete;
    await typeFilter(p.editor, '(department=Marketing)');
    await createsAsNewRequest(m, p);
  });

  it('after a create gone unanswered, Authorization off and on again signs in anew: a new request', async () => {
    const { m, p } = await failOnce([{ method: 'POST', hang: true }], { timeout: 800 });
    await review(p);
    p.cancel.click();
    await waitFor(() => !p.dialog.open, 'the dialog to close');
    await openCreate(m);
    expect(p.switch!.getAttribute('aria-checked')).to.equal('true'); // (kept: see above)
    p.switch!.click(); // off: the agreement to the sign-in withdrawn
    await m.create.updateComplete;
    p.switch!.click();
    await m.create.updateComplete;
    await createsAsNewRequest(m, p);
  });

  it('422 idempotency-key-reused: says so, and Try again goes out with a new key', async () => {
    const { m, p, text } = await failOnce([
      {
        method: 'POST',
        problem: { status: 422, code: 'idempotency-key-reused', title: 'Unprocessable Content' },
      },
    ]);
    expect(text).to.contain('already received this request with other data');
    p.errorWindow.shadowRoot!.querySelector<HTMLButtonElement>('.retry')!.click();
    await waitFor(() => !p.dialog.open, 'closed after Try again', 8000);
    const sent = await posts(m);
    expect(sent).to.have.length(2);
    expect(sent[0]!.idempotencyKey).not.to.equal(sent[1]!.idempotencyKey);
    expect(await m.fx.items()).to.have.length(1);
    expect(m.consent.starts).to.equal(1);
  });

  it('503 with Retry-After: says when to try again', async () => {
    const { text } = await failOnce([
      { method: 'POST', status: 503, headers: { 'Retry-After': '600' }, body: {} },
    ]);
    expect(text).to.contain('The server is unavailable (HTTP 503). Try again in 10 minutes.');
  });

  it("a server's very long detail scrolls in its own box: the message and the request id stay in view", async () => {
    const trace = Array.from({ length: 3000 }, (_, i) => `    at frame${i} (server.js:${i})`);
    const { m, p } = await failOnce([
      {
        method: 'POST',
        problem: {
          status: 500,
          code: 'internal',
          title: 'Internal',
          detail: `NullPointerException\n${trace.join('\n')}`,
          requestId: 'req-long-1',
        },
      },
    ]);
    const win = p.errorWindow.shadowRoot!;
    const box = p.errorDialog().getBoundingClientRect();
    const inView = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.top >= box.top && r.bottom <= Math.min(box.bottom, innerHeight);
    };
    expect(inView(win.querySelector('#ew-message')!), 'the message').to.equal(true);
    expect(inView(win.querySelector('.request-id')!), 'the request id').to.equal(true);
    expect(win.querySelector('.request-id')!.textContent).to.contain('req-long-1');
    const detail = win.querySelector<HTMLElement>('.detail')!;
    expect(detail.scrollHeight).to.be.greaterThan(detail.clientHeight * 10);
    expect(detail.clientHeight).to.be.lessThan(innerHeight / 2);
    expect(detail.tabIndex, 'reachable by keyboard, to scroll it').to.equal(0);
    expect(detail.textContent).to.contain('frame2999');
    await expectAccessible(m.el);
  });

  it("a problem with a title and no detail: the title is shown as the server's words, unless it only names the status", async () => {
    const said = 'Down for maintenance until 18:00';
    const { text } = await failOnce([
      { method: 'POST', problem: { status: 503, code: 'maintenance', title: said } },
    ]);
    // Before, only our sentence showed: the backend's one required text was dropped.
    expect(text).to.contain('HTTP 503');
    expect(text).to.contain(said);
    const plain = await failOnce([
      { method: 'POST', problem: { status: 503, code: 'down', title: 'Service Unavailable' } },
    ]);
    expect(plain.text).to.contain('HTTP 503');
    expect(plain.text).not.to.contain('Service Unavailable');
    const long = await failOnce([
      { method: 'POST', problem: { status: 414, code: 'too-long', title: 'URI Too Long' } },
    ]);
    expect(long.text).to.contain('too long for the server');
    expect(long.text).not.to.contain('URI Too Long');
    // The section's own load error says it too.
    const m = await mount({
      items: [],
      faults: [{ method: 'GET', problem: { status: 503, code: 'maintenance', title: said } }],
    });
    const error = await waitFor(
      () => m.root.querySelector('[part="load-error"]'),
      'the load error',
    );
    expect(deepText(error)).to.contain(said);
  });

  it('5xx with the id only in X-Request-Id shows it', async () => {
    const { text } = await failOnce([
      { method: 'POST', status: 502, raw: '<html>Bad gateway</html>' },
    ]);
    expect(text).to.contain('HTTP 502');
    expect(text).to.match(/Request id:\s*fx-\d+/);
  });

  it('malformed 2xx (HTML with 201): a failure, never a success', async () => {
    let created = false;
    document.addEventListener('ucx-integration-created', () => (created = true), { once: true });
    const { m, p, text } = await failOnce([
      { method: 'POST', status: 201, raw: '<!doctype html><h1>Welcome</h1>' },
    ]);
    expect(text).to.contain('can’t read');
    expect(text).to.contain('The integration may not have been created');
    // A create's own words, not an edit's ("the change"): it may be there; a retry is safe.
    expect(text).to.contain('may have been created anyway');
    expect(text).to.contain('nothing will be created twice');
    expect(text).not.to.contain('the change');
    expect(created).to.equal(false);
    expect(p.dialog.open).to.equal(true);
    await review(p);
    expect(m.root.querySelector('[part="empty"]')).to.exist;
  });

  it('slow then cancel: still working, Cancel request returns to the form', async () => {
    const m = await mount({ items: [], faults: [{ method: 'POST', delayMs: 2500 }] });
    const p = await fillCreate(m, FILTER);
    p.submit.click();
    await waitFor(() => p.status.textContent?.includes('Still working…'), 'still working');
    p.cancel.click();
    await m.create.updateComplete;
    expect(p.dialog.open).to.equal(true);
    expect(p.body.hasAttribute('inert')).to.equal(false);
    expect(p.status.textContent).to.contain('Cancelled');
    expect(p.editor.value).to.equal(FILTER);
    expect(p.errorDialog().open).to.equal(false);
  });

  it('cancelled after the server had the request: the integration it created still shows up in the list', async () => {
    // The server finishes the create 1.5 s in, after the admin has cancelled at once: the
    // status line's promise ("…the integration appears in the list") holds without a reload.
    const m = await mount({ items: [], faults: [{ method: 'POST', delayMs: 1500 }] });
    const p = await fillCreate(m, FILTER);
    p.submit.click();
    await waitFor(() => p.body.getAttribute('aria-busy') === 'true', 'busy');
    await eventually(async () => (await posts(m)).length === 1, 'the POST at the server', 4000);
    p.cancel.click();
    await m.create.updateComplete;
    expect(p.status.textContent).to.contain('the integration appears in the list');
    await eventually(async () => (await m.fx.items()).length === 1, 'the create done', 4000);
    await waitFor(
      () => m.root.querySelectorAll('tbody tr').length === 1,
      'the row, without a reload',
      8000,
    );
  });

  it('429 with Retry-After: waits and retries once by itself', async () => {
    const m = await mount({
      items: [],
      faults: [{ method: 'POST', status: 429, headers: { 'Retry-After': '1' }, body: {} }],
    });
    const p = await fillCreate(m, FILTER);
    p.submit.click();
    await waitFor(() => !p.dialog.open, 'the dialog to close', 6000);
    const sent = await posts(m);
    expect(sent).to.have.length(2);
    expect(sent[0]!.idempotencyKey).to.equal(sent[1]!.idempotencyKey);
    expect(await m.fx.items()).to.have.length(1);
  });

  it('429 asking for a longer wait than the client waits by itself: says how long', async () => {
    const { m, text } = await failOnce([
      { method: 'POST', status: 429, headers: { 'Retry-After': '120' }, body: {}, times: 2 },
    ]);
    expect(text).to.contain('The server is busy. Try again in 2 minutes.');
    expect(await posts(m)).to.have.length(1); // no wait of two minutes behind the admin's back
  });

  it('401 consent-invalid: "sign in again", and the retry asks for consent again', async () => {
    const { m, p, text } = await failOnce([
      { method: 'POST', problem: { status: 401, code: 'consent-invalid', title: 'Unauthorized' } },
    ]);
    expect(text).to.contain('Sign in again');
    await review(p);
    await retrySucceeds(m, p, 2);
  });

  it('a new consent after a 401 is another request: a new Idempotency-Key (the old one would be refused as reused)', async () => {
    const m = await mount({
      items: [],
      faults: [{ method: 'POST', problem: { status: 401, code: 'unauthorized', title: 'No' } }],
    });
    let signIns = 0;
    m.el.consent = async () => ({ ...CONSENT, idToken: `${CONSENT.idToken}${++signIns}` });
    const p = await fillCreate(m, FILTER);
    p.submit.click();
    await waitFor(() => p.errorDialog().open, 'the error window');
    await review(p);
    p.submit.click();
    await waitFor(() => !p.dialog.open, 'the dialog to close', 8000);
    const sent = await posts(m);
    expect(signIns).to.equal(2);
    expect(sent).to.have.length(2);
    expect(sent[0]!.idempotencyKey).not.to.equal(sent[1]!.idempotencyKey);
    expect(await m.fx.items()).to.have.length(1);
  });

  it('403: "not allowed" with the detail', async () => {
    const { text } = await failOnce([
      {
        method: 'POST',
        problem: {
          status: 403,
          code: 'forbidden',
          title: 'Forbidden',
          detail: 'Role Sync Admin required.',
        },
      },
    ]);
    expect(text).to.contain('not allowed');
    expect(text).to.contain('Role Sync Admin required.');
  });

  it('404: "the endpoint is misconfigured"', async () => {
    const { text } = await failOnce([
      { method: 'POST', status: 404, raw: 'Not Found', contentType: 'text/plain' },
    ]);
    expect(text).to.contain('misconfigured');
  });

  it('413: the filter is too long', async () => {
    const { m, p, text } = await failOnce([
      { method: 'POST', status: 413, raw: 'Too large', contentType: 'text/plain' },
    ]);
    expect(text).to.contain('too long');
    await review(p);
    expect(m.create.shadowRoot!.querySelector('[part="filter-error"]')!.textContent).to.contain(
      'too long',
    );
  });

  it('element removed mid-request: the request is aborted', async () => {
    const m = await mount({ items: [], faults: [{ method: 'POST', delayMs: 800 }] });
    let created = false;
    m.el.addEventListener('ucx-integration-created', () => (created = true));
    const p = await fillCreate(m, FILTER);
    p.submit.click();
    await waitFor(() => p.body.hasAttribute('inert'), 'busy');
    m.el.remove();
    await new Promise((r) => setTimeout(r, 1200));
    expect(created).to.equal(false);
    void $;
  });
});
