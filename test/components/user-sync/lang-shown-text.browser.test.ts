import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { integration } from '../../fixture-server/fixture.js';
import { $, dialogParts, fillCreate, mount, typeFilter, waitFor } from './helpers.js';

// Text already on screen when the section's language changes (README: "the language changes
// without a reload"): the dialogs' status lines and reasons, the failure window and the
// section's notice are written again in the new language, not kept in the old one. The
// server's own text stays as it came.

/** An element's text as read, spaces collapsed. */
const textOf = (el: Element | null | undefined) =>
  (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Waits for `read()` to be `want` (a render or two after the change); fails showing what it is. */
async function expectSoon(read: () => string, want: string, what: string): Promise<void> {
  try {
    await waitFor(() => read() === want, what, 3000);
  } catch {
    expect(read(), what).to.equal(want);
  }
}

/** Waits for the failure window; then `part(selector)` reads that part's text when called. */
async function failureWindow(p: ReturnType<typeof dialogParts>) {
  await waitFor(() => p.errorDialog().open, 'the failure window');
  const win = p.errorWindow.shadowRoot!;
  return (selector: string) => () => textOf(win.querySelector(selector));
}

describe('<ucx-user-sync> text already shown follows a change of language', () => {
  it("the reason under Create (invalid filters) and the page's veto", async () => {
    const m = await mount({ items: [] });
    const p = await fillCreate(m, '(&(department=Sales)(dept=x))');
    p.submit.click();
    const reason = () => textOf(m.create.shadowRoot!.querySelector('#footer-error'));
    await expectSoon(
      reason,
      'Invalid LDAP filters: fix the filters to continue.',
      'the reason, in English',
    );

    m.el.setAttribute('lang', 'it');
    await waitFor(() => textOf(p.dialog.querySelector('h2')) === 'Crea integrazione', 'Italian');
    await expectSoon(
      reason,
      'Filtri LDAP non validi: correggi i filtri per continuare.',
      'the reason, in Italian',
    );

    // A host's veto says so under Create: in the language of the moment too.
    p.editor.value = '';
    await typeFilter(p.editor, '(department=Sales)');
    m.el.addEventListener('ucx-before-create', (e) => e.preventDefault());
    p.submit.click();
    await expectSoon(
      reason,
      'Questa pagina ha fermato la creazione: non è stato inviato nulla.',
      'the veto, in Italian',
    );
    m.el.setAttribute('lang', 'en');
    await expectSoon(
      reason,
      'This page stopped the creation: nothing was sent.',
      'the veto, in English',
    );
  });

  it('the status line while creating, after Cancel request, and "still working"', async () => {
    const m = await mount(
      { items: [], faults: [{ method: 'POST', hang: true, times: 2 }] },
      { timeout: 20_000 },
    );
    m.create.stillWorkingDelay = 60_000;
    const p = await fillCreate(m, '(department=Sales)');
    const status = () => textOf(p.status);
    p.submit.click();
    await expectSoon(status, 'Creating the integration…', 'creating, in English');

    m.el.setAttribute('lang', 'it');
    await expectSoon(status, 'Creazione dell’integrazione…', 'creating, in Italian');

    p.cancel.click();
    const cancelledIt =
      'Annullato. Se il server aveva già ricevuto la richiesta, l’integrazione compare nell’elenco.';
    await expectSoon(status, cancelledIt, 'cancelled, in Italian');
    m.el.setAttribute('lang', 'en');
    await expectSoon(
      status,
      'Cancelled. If the server had already received the request, the integration appears in the list.',
      'cancelled, in English',
    );

    // Again (the sign-in is reused), slow enough to say it is still working.
    m.create.stillWorkingDelay = 200;
    p.submit.click();
    await expectSoon(status, 'Still working… You can wait or cancel.', 'still working, English');
    m.el.setAttribute('lang', 'it');
    await expectSoon(status, 'Ancora in corso… Puoi attendere o annullare.', 'still working, it');
    p.cancel.click();
    await expectSoon(status, cancelledIt, 'cancelled again, in Italian');
  });

  it("Preview's sign-in: the dialog's and the preview's waiting lines, then Cancel sign-in", async () => {
    const m = await mount({ items: [] });
    m.consent.hold = true;
    const p = await fillCreate(m, '(department=Sales)');
    const status = () => textOf(p.status);
    const preview = m.create.shadowRoot!.querySelector('ucx-user-preview')!;
    $(m.create.shadowRoot!, '.preview-button').click();
    await expectSoon(status, 'Waiting for Microsoft sign-in…', 'waiting, in English');
    const previewLine = () => textOf(preview.shadowRoot!.querySelector('[part="preview-count"]'));
    await expectSoon(previewLine, 'Waiting for Microsoft sign-in…', "the preview's waiting line");
    // Said once, by the dialog's status line: the preview's (a live region too) only shows it.
    const count = preview.shadowRoot!.querySelector('[part="preview-count"]')!;
    expect(count.getAttribute('role')).to.equal('status');
    expect(count.querySelector('[aria-hidden="true"]')?.textContent).to.contain(
      'Waiting for Microsoft sign-in…',
    );

    m.el.setAttribute('lang', 'it');
    await expectSoon(status, 'In attesa dell’accesso Microsoft…', 'waiting, in Italian');
    await expectSoon(
      previewLine,
      'In attesa dell’accesso Microsoft…',
      "the preview's waiting line, in Italian",
    );

    p.cancel.click();
    await expectSoon(status, 'L’accesso Microsoft è stato annullato.', 'cancelled, in Italian');
    m.el.setAttribute('lang', 'en');
    await expectSoon(status, 'Microsoft sign-in was cancelled.', 'cancelled, in English');
  });

  it('the failure window left open (it → en): all of it in English, the server text as it came', async () => {
    const detail = 'Servizio di directory in riavvio.';
    const m = await mount(
      {
        items: [],
        faults: [
          {
            method: 'POST',
            problem: {
              status: 503,
              code: 'unavailable',
              title: 'Unavailable',
              detail,
              requestId: 'req-7f3a',
            },
          },
        ],
      },
      { lang: 'it' },
    );
    const p = await fillCreate(m, '(department=Sales)');
    p.submit.click();
    const part = await failureWindow(p);
    await expectSoon(part('#ew-title'), 'L’integrazione non è stata creata', 'title, Italian');

    m.el.setAttribute('lang', 'en');
    await expectSoon(part('#ew-title'), 'The integration was not created', 'the title');
    expect(part('#ew-message')(), 'the message').to.equal(
      'The server had a problem (HTTP 503). Try again; if it keeps happening, contact support with the request id.',
    );
    expect(part('.request-id')(), 'the request id').to.equal('Request id: req-7f3a');
    expect(part('.detail .visually-hidden')(), 'the label of the detail').to.equal(
      'The server said:',
    );
    expect(part('.server-text')(), "the server's text, as it came").to.equal(detail);
    expect(part('.advice')(), 'the advice').to.equal(
      'Please review the entered data and try again.',
    );
    expect(part('.retry')(), 'Try again').to.equal('Try again');
    expect(part('.review')(), 'Review data').to.equal('Review data');
  });

  it("a sign-in's failure window (en → it)", async () => {
    const m = await mount({ items: [] });
    m.consent.failNext = { kind: 'declined', code: 'AADSTS65004', retryable: true };
    const p = await fillCreate(m, '(department=Sales)');
    p.submit.click();
    const part = await failureWindow(p);
    await expectSoon(part('#ew-title'), 'Microsoft sign-in didn’t complete', 'title, English');

    m.el.setAttribute('lang', 'it');
    await expectSoon(part('#ew-title'), 'L’accesso Microsoft non è stato completato', 'the title');
    expect(part('#ew-message')(), 'the message').to.equal(
      'Le autorizzazioni sono state rifiutate. Senza di esse la sincronizzazione degli utenti non può funzionare: fai clic su Crea e accettale.',
    );
  });

  it("the section's notice of a failure that came after Escape closed the dialog", async () => {
    const m = await mount({
      items: [],
      faults: [
        {
          method: 'POST',
          delayMs: 700,
          problem: { status: 503, code: 'unavailable', title: 'Unavailable' },
        },
      ],
    });
    const p = await fillCreate(m, '(department=Sales)');
    p.submit.click();
    await waitFor(() => p.body.hasAttribute('inert'), 'busy');
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !p.dialog.open, 'the dialog to close');
    const notice = () => textOf(m.root.querySelector('[part="notice"]'));
    await waitFor(() => notice(), 'the notice', 5000);
    // The request id the message asks to quote is in the notice itself, not only behind Review.
    // (The fixture server numbers its responses: X-Request-Id fx-N.)
    const id = /Request id: (fx-\d+) Review$/.exec(notice())?.[1];
    expect(id, notice()).to.be.a('string');
    expect(notice()).to.equal(
      `The integration was not created The server had a problem (HTTP 503). Try again; if it keeps happening, contact support with the request id. Request id: ${id} Review`,
    );

    m.el.setAttribute('lang', 'it');
    await expectSoon(
      notice,
      `L’integrazione non è stata creata Il server ha avuto un problema (HTTP 503). Riprova; se succede ancora, contatta l’assistenza indicando l’ID richiesta. ID richiesta: ${id} Controlla`,
      'the notice, in Italian',
    );
  });

  it('the delete confirmation: Deleting…, then Cancelled', async () => {
    const m = await mount(
      { items: [integration()], faults: [{ method: 'DELETE', hang: true }] },
      { timeout: 20_000 },
    );
    $(m.root, 'tr[data-id="int-a"] .delete').click();
    const p = dialogParts(m.confirm);
    await waitFor(() => p.dialog.open, 'the confirmation');
    const status = () => textOf(p.status);
    p.submit.click();
    await expectSoon(status, 'Deleting…', 'deleting, in English');
    m.el.setAttribute('lang', 'it');
    await expectSoon(status, 'Eliminazione in corso…', 'deleting, in Italian');
    p.cancel.click();
    await expectSoon(status, 'Annullato.', 'cancelled, in Italian');
    m.el.setAttribute('lang', 'en');
    await expectSoon(status, 'Cancelled.', 'cancelled, in English');
  });
});
