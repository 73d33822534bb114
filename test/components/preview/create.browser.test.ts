import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { $, fillCreate, dialogParts, posts, waitFor } from '../user-sync/helpers.js';
import { expectedCount, graphControl, mountWithGraph, previewParts } from './helpers.js';

/** The characters on either side of each line break in an element's text. */
function lineBreaks(el: Element): [string, string][] {
  const chars: { char: string; top: number }[] = [];
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    for (let i = 0; i < text.length; i++) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      chars.push({ char: text[i]!, top: range.getBoundingClientRect().top });
    }
  }
  const breaks: [string, string][] = [];
  for (let i = 1; i < chars.length; i++) {
    if (chars[i]!.top > chars[i - 1]!.top + 2) breaks.push([chars[i - 1]!.char, chars[i]!.char]);
  }
  return breaks;
}

/** A create dialog with a filter typed, whose sign-in stays open until resolvePending(). */
async function withHeldSignIn() {
  const m = await mountWithGraph();
  m.consent.hold = true;
  const p = await fillCreate(m, '(department=Sales)');
  return { m, p, pv: previewParts(m.create), root: m.create.shadowRoot! };
}

describe('<ucx-user-sync> preview of matching users (create)', () => {
  beforeEach(async () => {
    await graphControl.reset();
  });
  after(async () => {
    await graphControl.reset();
  });

  it('waits for Authorization: Preview asks for no consent until the admin turns it on', async () => {
    const m = await mountWithGraph();
    const p = await fillCreate(m, '(department=Sales)');
    p.switch!.click(); // off again
    await m.create.updateComplete;
    const pv = previewParts(m.create);
    expect(pv.button.getAttribute('aria-disabled')).to.equal('true');
    const reasons = pv.button.getAttribute('aria-describedby')!.split(' ');
    const said = reasons.map((id) => m.create.shadowRoot!.getElementById(id)?.textContent ?? '');
    expect(said.join(' ')).to.contain('Turn on Authorization to continue.');
    pv.button.click();
    await m.create.updateComplete;
    expect(m.consent.starts).to.equal(0);
    expect(pv.preview().hidden).to.equal(true);
    expect(m.create.shadowRoot!.activeElement).to.equal(p.switch);
    // On: Preview signs in and counts.
    p.switch!.click();
    await m.create.updateComplete;
    expect(pv.button.getAttribute('aria-disabled')).to.equal('false');
    pv.button.click();
    await waitFor(() => pv.count()?.dataset.count, 'the count');
    expect(m.consent.starts).to.equal(1);
  });

  it('a count in the thousands is written as the language writes numbers (1,234)', async () => {
    const m = await mountWithGraph();
    await fillCreate(m, '(!(department=Sales))');
    const pv = previewParts(m.create);
    pv.button.click();
    const count = await pv.counted();
    const expected = expectedCount('(!(department=Sales))');
    expect(expected).to.be.greaterThan(999);
    expect(count.textContent).to.contain(`${expected.toLocaleString('en')} users match`);
  });

  it('exact translation: the count from Graph, the first 10 users in a table, clauses marked', async () => {
    const m = await mountWithGraph();
    await fillCreate(m, '(department=Sales)');
    const pv = previewParts(m.create);
    expect(pv.button.textContent).to.contain('Preview');
    pv.button.click();
    const count = await pv.counted();
    const expected = expectedCount('(department=Sales)');
    expect(expected).to.be.greaterThan(10);
    expect(count.dataset.count).to.equal(String(expected));
    expect(count.dataset.exact).to.equal('true');
    expect(count.getAttribute('role')).to.equal('status');
    // Written as English writes numbers: 1,225 (was 1225).
    expect(count.textContent).to.contain(`${expected.toLocaleString('en')} users match`);
    // Exact: one request to Graph, with the count and ConsistencyLevel: eventual.
    const requests = await graphControl.requests();
    expect(requests).to.have.length(1);
    expect(requests[0]!.query.$filter).to.equal("department eq 'Sales'");
    expect(requests[0]!.query.$count).to.equal('true');
    expect(requests[0]!.consistencyLevel).to.equal('eventual');
    const table = pv.table()!;
    const headers = [...table.querySelectorAll('th')].map((th) => th.textContent!.trim());
    expect(headers).to.deep.equal(['Name', 'Email', 'Department', 'Office', 'City', 'Phone']);
    const rows = table.querySelectorAll('tbody tr');
    expect(rows).to.have.length(10);
    for (const row of rows) expect(row.children[2]!.textContent).to.equal('Sales');
    // Emails and phone numbers read left to right whatever the page's direction (in an RTL
    // page, +49 (30) 9638 showed as (30) 49+ 9638), in cells that keep the page's alignment.
    m.el.setAttribute('dir', 'rtl');
    for (const row of rows) {
      for (const column of [1, 5]) {
        const cell = row.children[column] as HTMLElement;
        expect(getComputedStyle(cell).direction, `column ${column}`).to.equal('rtl');
        const content = cell.querySelector('span');
        expect(content && getComputedStyle(content).direction, `column ${column}`).to.equal('ltr');
      }
    }
    m.el.removeAttribute('dir');
    // Words stay whole: emails wrap only before @ or after a dot, phone numbers never
    // ("(168) 772." over "3032" read as two numbers), everything else at spaces; and the
    // table fits its box.
    let emailWraps = 0;
    for (const row of rows) {
      [...row.children].forEach((cell, column) => {
        for (const [before, after] of lineBreaks(cell)) {
          const ok =
            column === 1 ? before === '.' || after === '@' : column !== 5 && before === ' ';
          expect(ok, `column ${column} wrapped between "${before}" and "${after}"`).to.be.true;
          if (column === 1) emailWraps++;
        }
      });
    }
    expect(emailWraps, 'some email wraps in the dialog').to.be.greaterThan(0);
    const wrap = table.closest('.table-wrap') ?? table.parentElement!;
    expect(wrap.scrollWidth, 'no sideways scrolling').to.be.at.most(wrap.clientWidth + 1);
    const clauses = pv.clauses();
    expect(clauses).to.have.length(1);
    expect(clauses[0]!.dataset.where).to.equal('graph');
    expect(clauses[0]!.textContent).to.contain('Filtered by Microsoft Graph');
    expect(pv.progress()).to.equal(null);
    // Consent ran once, for the preview.
    expect(m.consent.starts).to.equal(1);
    await expect(m.el).to.be.accessible();
  });

  it('Preview before Create: one consent popup, Create reuses it', async () => {
    const m = await mountWithGraph();
    let granted = 0;
    m.el.addEventListener('ucx-consent-granted', () => granted++);
    const p = await fillCreate(m, '(department=Marketing)');
    const pv = previewParts(m.create);
    pv.button.click();
    await waitFor(() => pv.count()?.dataset.count, 'the count');
    expect(m.consent.starts).to.equal(1);
    p.submit.click();
    await waitFor(() => !p.dialog.open, 'the dialog to close');
    expect(m.consent.starts).to.equal(1);
    expect(granted).to.equal(1);
    const sent = await posts(m);
    expect(sent).to.have.length(1);
    expect((sent[0]!.body as { filter: string }).filter).to.equal('(department=Marketing)');
    expect((sent[0]!.body as { consent: { username: string } }).consent.username).to.equal(
      'admin@contoso.com',
    );
  });

  it('by keyboard: the sign-in keeps focus in the dialog, then Preview has it again, and the count is in view', async () => {
    await setViewport({ width: 900, height: 560 });
    try {
      const { m, p, pv, root } = await withHeldSignIn();
      pv.button.focus();
      await sendKeys({ press: 'Enter' });
      await waitFor(
        () => m.consent.starts === 1 && root.activeElement === p.cancel,
        'Cancel focused',
      );
      expect(p.cancel.textContent).to.contain('Cancel sign-in');
      // Preview's sign-in is not Create's: no spinner on Create.
      expect(p.submit.querySelector('.spinner')).to.equal(null);
      m.consent.resolvePending();
      await waitFor(() => pv.count()?.dataset.count, 'the count');
      await waitFor(() => root.activeElement === pv.button, 'Preview focused again');
      // In view: inside the dialog, below its sticky title, above its sticky footer.
      const box = p.dialog.getBoundingClientRect();
      const count = pv.count()!.getBoundingClientRect();
      const header = p.dialog.querySelector('.dialog-header')!.getBoundingClientRect();
      expect(count.top, 'count inside the dialog').to.be.at.least(box.top - 1);
      expect(count.top, 'count below the title').to.be.at.least(header.bottom - 1);
      expect(count.bottom, 'count above the footer').to.be.at.most(
        p.footer.getBoundingClientRect().top + 1,
      );
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('a Preview click that leaves focus in the filter (as in Safari) also keeps the keyboard in the dialog', async () => {
    const { m, p, pv, root } = await withHeldSignIn();
    p.editor.focus();
    expect(root.activeElement).to.equal(p.editor);
    pv.button.click(); // a click that does not move focus
    await waitFor(() => root.activeElement === p.cancel, 'Cancel focused');
    m.consent.resolvePending();
    await waitFor(() => pv.count()?.dataset.count, 'the count');
    await waitFor(() => root.activeElement === pv.button, 'Preview focused');
  });

  it('a second Preview in the same dialog does not sign in again', async () => {
    const m = await mountWithGraph();
    await fillCreate(m, '(department=Sales)');
    const pv = previewParts(m.create);
    pv.button.click();
    await waitFor(() => pv.count()?.dataset.count, 'the first count');
    const editor = dialogParts(m.create).editor;
    editor.value = '(department=Marketing)';
    editor.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await m.create.updateComplete;
    pv.button.click();
    await waitFor(
      () => pv.count()?.dataset.count === String(expectedCount('(department=Marketing)')),
      'the second count',
    );
    expect(m.consent.starts).to.equal(1);
  });

  it('residual: the browser filters, with a progress bar, a running count and the full count', async () => {
    const m = await mountWithGraph();
    await fillCreate(m, '(department=*ale*)');
    const pv = previewParts(m.create);
    await graphControl.latency(150);
    pv.button.click();
    const progress = await waitFor(() => pv.progress(), 'the progress bar');
    expect(progress.getAttribute('aria-label')).to.equal('Users checked');
    await waitFor(() => pv.count()?.textContent?.includes('so far'), 'a running count');
    const count = await pv.counted(15000);
    expect(count.dataset.count).to.equal(String(expectedCount('(department=*ale*)')));
    expect(count.dataset.exact).to.equal('false');
    expect(count.dataset.partial).to.equal(undefined);
    const clauses = pv.clauses();
    expect(clauses[0]!.dataset.where).to.equal('browser');
    expect(clauses[0]!.textContent).to.contain('Filtered in the browser');
    expect(clauses[0]!.textContent).to.contain('contains');
    expect(pv.table()!.querySelectorAll('tbody tr')).to.have.length(10);
    await expect(m.el).to.be.accessible();
  });

  it('residual: Cancel stops the scan and marks the result as partial', async () => {
    const m = await mountWithGraph();
    await fillCreate(m, '(|(department=*ale*)(officeLocation=*York*))');
    const pv = previewParts(m.create);
    await graphControl.latency(700);
    pv.button.click();
    const progress = await waitFor(
      () => (pv.progress()?.value ?? 0) > 0 && pv.progress(),
      'some progress',
      15000,
    );
    expect(progress.max).to.be.greaterThan(progress.value);
    await expect(m.el).to.be.accessible();
    pv.cancel()!.click();
    const count = await waitFor(
      () => (pv.count()?.dataset.partial ? pv.count() : undefined),
      'partial result',
    );
    expect(count.textContent).to.contain('Partial result');
    expect(Number(count.dataset.count)).to.be.at.most(
      expectedCount('(|(department=*ale*)(officeLocation=*York*))'),
    );
    expect(pv.progress()).to.equal(null);
    // Creating still works.
    const p = dialogParts(m.create);
    p.submit.click();
    await waitFor(() => !p.dialog.open, 'the dialog to close');
    expect(m.consent.starts).to.equal(1);
  });

  it('an invalid filter is refused before anything is asked', async () => {
    const m = await mountWithGraph();
    await fillCreate(m, '(title=x)');
    const pv = previewParts(m.create);
    pv.button.click();
    await m.create.updateComplete;
    expect(m.consent.starts).to.equal(0);
    expect(dialogParts(m.create).text()).to.contain('Invalid LDAP filters');
    expect((await graphControl.requests()).length).to.equal(0);
  });

  it('no filter previews every user; Italian text', async () => {
    const m = await mountWithGraph({}, { lang: 'it' });
    $(m.root, '.create').click();
    const p = dialogParts(m.create);
    await waitFor(() => p.dialog.open, 'the dialog');
    const pv = previewParts(m.create);
    // The Italian locale module loads asynchronously.
    await waitFor(() => pv.button.textContent?.includes('Anteprima'), 'the Italian text');
    p.switch!.click(); // Authorization on: Preview signs in with the consent it agrees to
    await m.create.updateComplete;
    pv.button.click();
    const count = await pv.counted();
    expect(count.dataset.count).to.equal('2000');
    // No filters (said above it): the directory's users, not users who match filters.
    expect(count.textContent).to.contain('2000 utenti nella directory.');
    const headers = [...pv.table()!.querySelectorAll('th')].map((th) => th.textContent!.trim());
    expect(headers).to.deep.equal(['Nome', 'Email', 'Reparto', 'Ufficio', 'Città', 'Telefono']);
  });
});
