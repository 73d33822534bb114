import { expectAccessible } from '../../support/a11y.js';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { part, textareaOf, undo, visibleText, type UcxFilterEditor } from './define.js';
import { describe, it } from './define.js';

async function editor(value = ''): Promise<UcxFilterEditor> {
  return fixture<UcxFilterEditor>(html`<ucx-filter-editor .value=${value}></ucx-filter-editor>`);
}

function modeRadio(el: UcxFilterEditor, mode: 'text' | 'builder'): HTMLInputElement {
  return el.shadowRoot!.querySelector<HTMLInputElement>(
    `[part~="mode-switch"] input[value="${mode}"]`,
  )!;
}

async function switchTo(el: UcxFilterEditor, mode: 'text' | 'builder'): Promise<void> {
  modeRadio(el, mode).click();
  await el.updateComplete;
}

function rows(el: UcxFilterEditor): HTMLElement[] {
  return Array.from(el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="builder-row"]'));
}

function rowControls(row: HTMLElement): {
  field: HTMLSelectElement;
  condition: HTMLSelectElement;
  value: HTMLInputElement | null;
  remove: HTMLButtonElement;
} {
  return {
    field: row.querySelector('[part~="builder-field"]')!,
    condition: row.querySelector('[part~="builder-condition"]')!,
    value: row.querySelector('[part~="builder-value"]'),
    remove: row.querySelector('[part~="builder-remove"]')!,
  };
}

/** Picks an option the way the browser reports a person's choice: input, then change. */
async function choose(
  el: UcxFilterEditor,
  select: HTMLSelectElement,
  value: string,
): Promise<void> {
  select.focus();
  select.value = value;
  select.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

async function typeValue(
  el: UcxFilterEditor,
  input: HTMLInputElement,
  text: string,
): Promise<void> {
  input.focus();
  await sendKeys({ type: text });
  await el.updateComplete;
}

describe('ucx-filter-editor: builder mode', () => {
  it('builds (&(department=Sales)(location=NYC)) by clicking, selecting and typing; text mode shows it', async () => {
    const el = await editor();
    const changes: string[] = [];
    el.addEventListener('ucx-filter-change', (e) => changes.push(e.detail.value));
    await switchTo(el, 'builder');
    expect(el.mode).to.equal('builder');
    expect(modeRadio(el, 'builder').checked).to.equal(true);
    // The text field is out of sight (and out of the tab order), not gone: see the undo test.
    expect(textareaOf(el).checkVisibility({ visibilityProperty: true })).to.equal(false);
    expect(part(el, 'format-button')!.getClientRects()).to.have.length(0);
    expect(part(el, 'builder')).to.exist;
    // The hint speaks of conditions, not of the LDAP syntax the builder spares the admin.
    expect(visibleText(part(el, 'hint'))).to.contain('add conditions, grouped with AND or OR');
    expect(visibleText(part(el, 'hint'))).not.to.contain('LDAP');
    // A first, empty row is ready; it is left out until it has a value, so all users still.
    expect(rows(el)).to.have.length(1);
    expect(el.value).to.equal('');
    expect(el.validity.valid).to.equal(true);
    expect(visibleText(rows(el)[0])).to.contain('left out');

    let row = rowControls(rows(el)[0]!);
    await choose(el, row.field, 'department');
    await typeValue(el, row.value!, 'Sales');
    expect(el.value).to.equal('(department=Sales)');

    (el.shadowRoot!.querySelector('[part~="builder-add-row"]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(rows(el)).to.have.length(2);
    row = rowControls(rows(el)[1]!);
    expect(el.shadowRoot!.activeElement).to.equal(row.field);
    await choose(el, row.field, 'location');
    await typeValue(el, row.value!, 'NYC');
    expect(el.value).to.equal('(&(department=Sales)(location=NYC))');
    expect(el.validity.valid).to.equal(true);
    expect(visibleText(part(el, 'summary'))).to.equal(
      'Users whose department is Sales and whose location is NYC',
    );
    expect(changes[changes.length - 1]).to.equal('(&(department=Sales)(location=NYC))');
    await expectAccessible(el);

    await switchTo(el, 'text');
    expect(el.mode).to.equal('text');
    expect(textareaOf(el).value).to.equal('(&(department=Sales)(location=NYC))');
    expect(el.validity.valid).to.equal(true);
  });

  it('switching to text while a value is being typed: the value kept, no second update (no warning in the console)', async () => {
    // Chromium fires `change` on a focused field that a render removes; the builder used to
    // update again inside that render, which Lit's development build warns about in a host's
    // console ("change-in-update"). Lit says each warning once a page: forget it was said.
    const said = (globalThis as { litIssuedWarnings?: Set<string> }).litIssuedWarnings;
    for (const w of [...(said ?? [])]) if (w.includes('change-in-update')) said!.delete(w);
    const el = await editor();
    await switchTo(el, 'builder');
    part(el, 'builder-value')!.focus();
    await sendKeys({ type: 'Sales' });
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    try {
      el.mode = 'text';
      await el.updateComplete;
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      console.warn = warn;
    }
    expect(el.value).to.equal('(email=Sales)');
    expect(textareaOf(el).value).to.equal('(email=Sales)');
    expect(warnings.filter((w) => w.includes('change-in-update'))).to.deep.equal([]);
  });

  it('a page that allows no fields: no condition to fill or add, only a blank filter, said so', async () => {
    // Before, the builder offered a row with no field, whose value it wrote as `()` (invalid).
    for (const fields of [[], [{ name: 'job_title', labelKey: 'x.jobTitle' }]]) {
      const el = await fixture<UcxFilterEditor>(
        html`<ucx-filter-editor mode="builder" .fields=${fields}></ucx-filter-editor>`,
      );
      expect(part(el, 'builder-row')).to.equal(null);
      expect(part(el, 'builder-add-row')).to.equal(null);
      expect(visibleText(part(el, 'builder'))).to.contain(
        'This page allows no fields, so only a blank filter: all users are included.',
      );
      expect(el.value).to.equal('');
      expect(el.validity.valid).to.equal(true);
      await expectAccessible(el);
    }
  });

  it('marks a row without a value in the danger colour only once the admin has left it', async () => {
    const el = await fixture<UcxFilterEditor>(
      html`<ucx-filter-editor
        style="--ucx-color-danger: rgb(200, 0, 0)"
        .value=${'(department=Sales)'}
      ></ucx-filter-editor>`,
    );
    const danger = 'rgb(200, 0, 0)';
    await switchTo(el, 'builder');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="builder-add-row"]')!.click();
    await el.updateComplete;
    const row = () => rows(el)[1]!;
    const message = () => row().querySelector<HTMLElement>('.row-message');
    const valueBorder = () => getComputedStyle(rowControls(row()).value!).borderTopColor;
    const leave = async () => {
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="builder-add-row"]')!.focus();
      await el.updateComplete;
    };
    // Just added: a hint, not an error.
    expect(visibleText(message()!)).to.contain('left out');
    expect(getComputedStyle(message()!).color).not.to.equal(danger);
    expect(valueBorder()).not.to.equal(danger);
    // Being filled in (focus moves between the row's own controls): still a hint.
    rowControls(row()).value!.focus();
    await el.updateComplete;
    expect(valueBorder()).not.to.equal(danger);
    // Left without a value: marked.
    await leave();
    expect(getComputedStyle(message()!).color).to.equal(danger);
    expect(valueBorder()).to.equal(danger);
    // Given a value, the mark and the message go.
    await typeValue(el, rowControls(row()).value!, 'N');
    expect(message()).to.equal(null);
    expect(valueBorder()).not.to.equal(danger);
    expect(el.value).to.equal('(&(department=Sales)(email=N))');
    // Cleared again while still typing in it: a hint again, until it is left again.
    await sendKeys({ press: 'Backspace' });
    await el.updateComplete;
    expect(visibleText(message()!)).to.contain('left out');
    expect(valueBorder()).not.to.equal(danger);
    await leave();
    expect(valueBorder()).to.equal(danger);
    await expectAccessible(el);
  });

  it('keeps each condition on one line where there is room, Remove included (also in Italian)', async () => {
    const box = await fixture<HTMLDivElement>(
      html`<div style="inline-size: 560px">
        <ucx-filter-editor
          lang="it"
          .value=${'(|(department=Sales)(!(location=NYC))(officeLocation=*))'}
        ></ucx-filter-editor>
      </div>`,
    );
    const el = box.querySelector('ucx-filter-editor')!;
    await switchTo(el, 'builder');
    // (Italian loads on demand: its longer labels made the selects wide enough to wrap.)
    for (let i = 0; i < 100 && !visibleText(part(el, 'builder')).includes('Rimuovi'); i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(visibleText(part(el, 'builder'))).to.contain('Rimuovi');
    const list = rows(el);
    expect(list).to.have.length(3);
    try {
      for (const row of list) {
        const { field, remove } = rowControls(row);
        const top = (node: Element) => Math.round(node.getBoundingClientRect().top);
        expect(Math.abs(top(remove) - top(field)), visibleText(row)).to.be.below(8);
      }
      // A condition without a value (is present) gives its comparison the value's room:
      // 'è presente (ha un valore)' isn't cut to the width of a field name.
      const present = rowControls(list[2]!);
      expect(present.value).to.equal(null);
      const width = (node: Element) => node.getBoundingClientRect().width;
      expect(width(present.condition)).to.be.above(width(present.field) * 2);
    } finally {
      // The runtime locale is the page's: back to English for the tests after this one.
      el.setAttribute('lang', 'en');
      for (let i = 0; i < 100 && !visibleText(part(el, 'builder')).includes('Remove'); i++) {
        await new Promise((r) => setTimeout(r, 20));
      }
    }
  });

  // (670 px: the create dialog's filter field, 720 px less its padding and border.)
  it("shows each comparison whole in a dialog's width ('does not end with', not 'does not end …')", async () => {
    const box = await fixture<HTMLDivElement>(
      html`<div style="inline-size: 670px">
        <ucx-filter-editor
          .value=${'(&(!(email=*@temp.com))(!(officeLocation=HQ*))(!(department=*Temp*)))'}
        ></ucx-filter-editor>
      </div>`,
    );
    const el = box.querySelector('ucx-filter-editor')!;
    await switchTo(el, 'builder');
    const context = document.createElement('canvas').getContext('2d')!;
    for (const row of rows(el)) {
      const select = rowControls(row).condition;
      const style = getComputedStyle(select);
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const label = select.selectedOptions[0]!.text;
      const room =
        select.clientWidth -
        parseFloat(style.paddingInlineStart) -
        parseFloat(style.paddingInlineEnd);
      // (The drop-down arrow takes about 20 px of the room in either browser.)
      expect(context.measureText(label).width + 20, label).to.be.below(room);
    }
  });

  it('never marks the first, empty row of a blank filter (it stands for all users)', async () => {
    const el = await fixture<UcxFilterEditor>(
      html`<ucx-filter-editor style="--ucx-color-danger: rgb(200, 0, 0)"></ucx-filter-editor>`,
    );
    await switchTo(el, 'builder');
    rowControls(rows(el)[0]!).value!.focus();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="builder-add-group"]')!.focus();
    await el.updateComplete;
    expect(rows(el)[0]!.classList.contains('incomplete')).to.equal(false);
    expect(visibleText(rows(el)[0]!)).to.contain('left out');
    expect(el.value).to.equal('');
  });

  it('a look at the builder and back keeps the text field and its undo history (Ctrl+Z)', async () => {
    const el = await editor();
    const ta = textareaOf(el);
    ta.focus();
    await sendKeys({ type: '(department=Sales)' });
    await el.updateComplete;
    await switchTo(el, 'builder');
    expect(rows(el)).to.have.length(1);
    await switchTo(el, 'text');
    expect(textareaOf(el)).to.equal(ta);
    expect(ta.value).to.equal('(department=Sales)');
    ta.focus();
    for (let i = 0; i < 30 && el.value !== ''; i += 1) {
      await undo();
      await el.updateComplete;
    }
    // Before, the text field was made anew and Ctrl+Z did nothing.
    expect(el.value).to.equal('');
    expect(ta.value).to.equal('');
  });

  it('Ctrl+Z in the builder never reaches the text field out of sight (one undo history a page in Chromium)', async () => {
    const el = await editor();
    const changes: string[] = [];
    el.addEventListener('ucx-filter-change', (e) => changes.push(e.detail.value));
    const inputs: Event[] = [];
    el.addEventListener('input', (e) => inputs.push(e));
    textareaOf(el).focus();
    await sendKeys({ type: '(department=Sales)' });
    await el.updateComplete;
    changes.length = 0;
    inputs.length = 0;
    await switchTo(el, 'builder');
    const value = rowControls(rows(el)[0]!).value!;
    value.focus();
    for (let i = 0; i < 3; i += 1) {
      await undo();
      await el.updateComplete;
    }
    expect(el.mode).to.equal('builder');
    expect(el.value).to.equal('(department=Sales)');
    expect(rowControls(rows(el)[0]!).value!.value).to.equal('Sales');
    expect(changes, 'no change the admin did not make').to.deep.equal([]);
    expect(inputs).to.deep.equal([]);
    await switchTo(el, 'text');
    expect(textareaOf(el).value).to.equal('(department=Sales)');
  });

  it('round-trips text → builder → text, with nested groups and negations', async () => {
    const text =
      '(|(&(department=Sales)(!(location=NYC)))(email=*@company.com)(!(phoneNumber=*))(officeLocation=*HQ*))';
    const el = await editor(text);
    await switchTo(el, 'builder');
    expect(el.mode).to.equal('builder');
    const combinators = Array.from(
      el.shadowRoot!.querySelectorAll<HTMLSelectElement>('[part~="builder-combinator"]'),
    ).map((s) => s.value);
    expect(combinators).to.deep.equal(['or', 'and']);
    const described = rows(el).map((r) => {
      const c = rowControls(r);
      return [c.field.value, c.condition.value, c.value?.value ?? null];
    });
    expect(described).to.deep.equal([
      ['department', 'is', 'Sales'],
      ['location', 'isNot', 'NYC'],
      ['email', 'endsWith', '@company.com'],
      ['phoneNumber', 'notPresent', null],
      ['officeLocation', 'contains', 'HQ'],
    ]);
    // Numbered in reading order, the nested group's conditions included.
    expect(rows(el).map((r) => r.getAttribute('aria-label'))).to.deep.equal(
      [1, 2, 3, 4, 5].map((n) => `Condition ${n}`),
    );
    expect(rowControls(rows(el)[2]!).field.getAttribute('aria-label')).to.equal(
      'Field of condition 3',
    );
    await expectAccessible(el);
    await switchTo(el, 'text');
    expect(el.value).to.equal(text);

    // Only an edit in the builder rewrites the text: a look and back keeps its layout.
    const pretty = '(&\n  (Department=Sales)\n  (location=NYC)\n)';
    el.value = pretty;
    let events = 0;
    el.addEventListener('input', () => events++);
    el.addEventListener('change', () => events++);
    await switchTo(el, 'builder');
    expect(rows(el)).to.have.length(2);
    // A condition added but not filled changes no filter: the text stays too.
    (el.shadowRoot!.querySelector('[part~="builder-add-row"]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(rows(el)).to.have.length(3);
    expect(el.value).to.equal(pretty);
    await switchTo(el, 'text');
    expect(el.value).to.equal(pretty);
    expect(events).to.equal(0);
    el.value = text;

    // An edit in the builder comes back as canonical text.
    await switchTo(el, 'builder');
    await choose(
      el,
      el.shadowRoot!.querySelector<HTMLSelectElement>('[part~="builder-combinator"]')!,
      'and',
    );
    expect(el.value).to.equal(text.replace('(|', '(&'));

    // …indented, as Format writes it, when the admin's text was on several lines.
    await switchTo(el, 'text');
    el.value = pretty;
    await switchTo(el, 'builder');
    const value = rowControls(rows(el)[1]!).value!;
    value.value = 'Milan';
    value.dispatchEvent(new Event('input', { bubbles: true }));
    value.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(el.value).to.equal('(&\n  (department=Sales)\n  (location=Milan)\n)');
  });

  it('offers every condition and writes the matching canonical text (values escaped)', async () => {
    const el = await editor('(email=x)');
    await switchTo(el, 'builder');
    const row = rowControls(rows(el)[0]!);
    const expected: Record<string, string> = {
      is: '(email=a\\28b\\29\\2a)',
      isNot: '(!(email=a\\28b\\29\\2a))',
      startsWith: '(email=a\\28b\\29\\2a*)',
      notStartsWith: '(!(email=a\\28b\\29\\2a*))',
      endsWith: '(email=*a\\28b\\29\\2a)',
      notEndsWith: '(!(email=*a\\28b\\29\\2a))',
      contains: '(email=*a\\28b\\29\\2a*)',
      notContains: '(!(email=*a\\28b\\29\\2a*))',
      present: '(email=*)',
      notPresent: '(!(email=*))',
    };
    expect(Array.from(row.condition.options).map((o) => o.value)).to.deep.equal(
      Object.keys(expected),
    );
    expect(
      Array.from(row.condition.options)
        .map((o) => visibleText(o))
        .slice(0, 8),
    ).to.deep.equal([
      'is',
      'is not',
      'starts with',
      'does not start with',
      'ends with',
      'does not end with',
      'contains',
      'does not contain',
    ]);
    row.value!.select();
    await sendKeys({ type: 'a(b)*' });
    for (const [condition, text] of Object.entries(expected)) {
      await choose(el, rowControls(rows(el)[0]!).condition, condition);
      expect(el.value, condition).to.equal(text);
      const value = rowControls(rows(el)[0]!).value;
      if (condition === 'present' || condition === 'notPresent') expect(value).to.equal(null);
      else expect(value?.value).to.equal('a(b)*');
    }
  });

  it('adds and removes nested groups; empty rows and groups are marked and left out', async () => {
    const el = await editor('(department=Sales)');
    await switchTo(el, 'builder');
    (el.shadowRoot!.querySelector('[part~="builder-add-group"]') as HTMLButtonElement).click();
    await el.updateComplete;
    const groups = el.shadowRoot!.querySelectorAll('[part~="builder-group"]');
    expect(groups).to.have.length(2);
    // The new group's first row has focus and no value yet: still the same valid filter.
    expect(el.value).to.equal('(department=Sales)');
    expect(el.validity.valid).to.equal(true);
    let inner = rowControls(rows(el)[1]!);
    expect(el.shadowRoot!.activeElement).to.equal(inner.field);
    await choose(el, inner.field, 'location');
    await typeValue(el, inner.value!, 'NYC');
    (
      groups[1]!.querySelector(
        ':scope > .group-actions [part~="builder-add-row"]',
      ) as HTMLButtonElement
    ).click();
    await el.updateComplete;
    inner = rowControls(rows(el)[2]!);
    await choose(el, inner.field, 'location');
    await typeValue(el, inner.value!, 'Rome');
    expect(el.value).to.equal('(&(department=Sales)(|(location=NYC)(location=Rome)))');
    expect(visibleText(part(el, 'summary'))).to.equal(
      'Users whose department is Sales and (whose location is NYC or whose location is Rome)',
    );
    // Remove one row of the group, then the group.
    rowControls(rows(el)[2]!).remove.click();
    await el.updateComplete;
    expect(el.value).to.equal('(&(department=Sales)(location=NYC))');
    (groups[1]!.querySelector('[part~="builder-remove"]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(el.value).to.equal('(department=Sales)');
    rowControls(rows(el)[0]!).remove.click();
    await el.updateComplete;
    expect(el.value).to.equal('');
    expect(visibleText(part(el, 'builder'))).to.contain('No conditions: all users are included.');
    expect(visibleText(part(el, 'summary'))).to.equal('All users');
    // Focus went to "Add condition".
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('builder-add-row');
  });

  it('names nested groups and their buttons by number, so a screen reader tells them apart', async () => {
    const el = await editor(
      '(&(department=Sales)(|(location=NYC)(location=Rome))(|(email=*@temp.example)(department=Temp)))',
    );
    await switchTo(el, 'builder');
    const nested = Array.from(
      el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="builder-group"]'),
    ).slice(1);
    expect(nested.map((g) => g.getAttribute('aria-label'))).to.deep.equal(['Group 1', 'Group 2']);
    const own = (g: HTMLElement, selector: string) =>
      g.querySelector(`:scope > .group-head ${selector}, :scope > .group-actions ${selector}`)!;
    expect(
      nested.map((g) => own(g, '[part~="builder-remove"]').getAttribute('aria-label')),
    ).to.deep.equal(['Remove group 1', 'Remove group 2']);
    // Each name starts with the words on the button (WCAG 2.5.3, label in name).
    const add = own(nested[1]!, '[part~="builder-add-row"]');
    expect(add.getAttribute('aria-label')).to.equal('Add condition to group 2');
    expect(add.getAttribute('aria-label')).to.contain(visibleText(add as HTMLElement));
    expect(own(nested[0]!, '[part~="builder-add-group"]').getAttribute('aria-label')).to.equal(
      'Add group inside group 1',
    );
    await expectAccessible(el);
  });

  it('keeps a filter the builder cannot show in text mode and says why', async () => {
    const el = await editor('(department=a*b*c)');
    await switchTo(el, 'builder');
    expect(el.mode).to.equal('text');
    expect(modeRadio(el, 'text').checked).to.equal(true);
    expect(modeRadio(el, 'builder').checked).to.equal(false);
    expect(textareaOf(el).value).to.equal('(department=a*b*c)');
    const notice = part(el, 'notice')!;
    expect(notice.getAttribute('role')).to.equal('status');
    expect(visibleText(notice)).to.contain('The builder can’t show this filter');
    expect(visibleText(notice)).to.contain('a*b*c');
    await expectAccessible(el);
    // ! over a group is not shown either.
    el.value = '(!(&(department=Sales)(location=NYC)))';
    await el.updateComplete;
    await switchTo(el, 'builder');
    expect(el.mode).to.equal('text');
    expect(visibleText(part(el, 'notice'))).to.contain('! to a group');
  });

  it('does not switch an invalid filter to the builder, saying why', async () => {
    const el = await editor('(department=');
    await switchTo(el, 'builder');
    expect(el.mode).to.equal('text');
    expect(visibleText(part(el, 'notice'))).to.contain('fix the error');
    // By keyboard: arrows onto Builder, refused. Focus is back on the checked Text radio,
    // and a second try says the reason again (a live region speaks only when its text
    // changes, so it is emptied first, then filled).
    modeRadio(el, 'text').focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    await el.updateComplete;
    expect(el.mode).to.equal('text');
    expect(el.shadowRoot!.activeElement).to.equal(modeRadio(el, 'text'));
    expect(modeRadio(el, 'text').checked).to.equal(true);
    expect(visibleText(part(el, 'notice'))).to.equal('');
    await waitUntil(() => visibleText(part(el, 'notice')).includes('fix the error'));
    expect(el.value).to.equal('(department=');
    // The page sets a valid filter: the notice about the old text goes.
    el.value = '(department=Sales)';
    await el.updateComplete;
    expect(visibleText(part(el, 'notice'))).to.equal('');
    await switchTo(el, 'builder');
    expect(el.mode).to.equal('builder');
  });

  it('says rows were left out only when the admin left one out', async () => {
    const notice = (el: UcxFilterEditor) => visibleText(part(el, 'notice'));
    // An empty filter: the builder's starter row, untouched, was never the admin's.
    const el = await editor();
    await switchTo(el, 'builder');
    expect(rows(el)).to.have.length(1);
    await switchTo(el, 'text');
    expect(notice(el)).to.equal('');
    // A condition added and not filled: said, once back in text.
    await switchTo(el, 'builder');
    await choose(el, rowControls(rows(el)[0]!).field, 'location');
    await switchTo(el, 'text');
    expect(notice(el)).to.equal('Conditions without a value were left out of the text.');
  });

  it('names what it left out: an emptied group is not a condition without a value', async () => {
    const notice = (el: UcxFilterEditor) => visibleText(part(el, 'notice'));
    // The top group's buttons (a nested group's are named after it).
    const topButton = (el: UcxFilterEditor, which: 'row' | 'group') =>
      el.shadowRoot!.querySelector<HTMLButtonElement>(
        `[part~="builder-add-${which}"]:not([aria-label])`,
      )!;
    const el = await editor('(department=Sales)');
    await switchTo(el, 'builder');
    topButton(el, 'group').click();
    await el.updateComplete;
    // The new group's only row removed: an empty group, no row without a value.
    rowControls(rows(el)[1]!).remove.click();
    await el.updateComplete;
    await switchTo(el, 'text');
    expect(notice(el)).to.equal('Empty groups were left out of the text.');
    expect(el.value).to.equal('(department=Sales)');
    // Both at once.
    await switchTo(el, 'builder');
    topButton(el, 'group').click();
    await el.updateComplete;
    rowControls(rows(el)[1]!).remove.click();
    await el.updateComplete;
    topButton(el, 'row').click();
    await el.updateComplete;
    await switchTo(el, 'text');
    expect(notice(el)).to.equal(
      'Conditions without a value and empty groups were left out of the text.',
    );
  });

  it("with a host's max-length, a value that takes the filter over it is named without a line or column no one can see", async () => {
    const el = await fixture<UcxFilterEditor>(
      html`<ucx-filter-editor max-length="30" .value=${'(email=a)'}></ucx-filter-editor>`,
    );
    await switchTo(el, 'builder');
    const value = rowControls(rows(el)[0]!).value!;
    value.select();
    await typeValue(el, value, 'Sales and Marketing Department');
    expect(el.checkValidity()).to.equal(false);
    const shown = visibleText(part(el, 'error'));
    expect(shown).to.equal('The filter is 38 characters long; the limit is 30: shorten it.');
    expect(el.validationMessage).to.equal(shown);
    // In text mode the same problem is placed, where the text shows it.
    await switchTo(el, 'text');
    expect(visibleText(part(el, 'error'))).to.match(/^Line 1, column 31: The filter is 38/);
  });

  it("a help example clicked in builder mode joins the admin's conditions (AND), unfinished rows kept", async () => {
    const el = await editor();
    await switchTo(el, 'builder');
    const example = (text: string) =>
      el.shadowRoot!.querySelector<HTMLButtonElement>(`[data-example="${text}"]`)!;
    // On the untouched starter row: the example replaces it.
    example('(department=Sales)').click();
    await el.updateComplete;
    expect(el.value).to.equal('(department=Sales)');
    expect(rows(el)).to.have.length(1);
    // A row added but not filled yet stays (left out of the text, as before).
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="builder-add-row"]')!.click();
    await el.updateComplete;
    example('(|(department=Sales)(department=Marketing))').click();
    await el.updateComplete;
    expect(el.mode).to.equal('builder');
    expect(el.value).to.equal('(&(department=Sales)(|(department=Sales)(department=Marketing)))');
    expect(rows(el)).to.have.length(4);
    // An OR of the admin's: kept whole, the example joined to it with AND.
    const or = await editor('(|(location=NYC)(location=Rome))');
    await switchTo(or, 'builder');
    or.shadowRoot!.querySelector<HTMLButtonElement>(
      '[data-example="(!(department=Temp))"]',
    )!.click();
    await or.updateComplete;
    expect(or.value).to.equal('(&(|(location=NYC)(location=Rome))(!(department=Temp)))');
  });

  it('setting value while in builder mode rebuilds the rows', async () => {
    const el = await editor();
    el.mode = 'builder';
    await el.updateComplete;
    el.value = '(|(department=Sales)(department=Marketing))';
    await el.updateComplete;
    expect(rows(el).map((r) => rowControls(r).value?.value)).to.deep.equal(['Sales', 'Marketing']);
    el.value = '(department=a*b*c)';
    await el.updateComplete;
    expect(el.mode).to.equal('text');
  });
});

describe('ucx-filter-editor: a mode it does not have', () => {
  it('reads mode="Builder" as builder, and a typo as text, with that mode checked and focus() on the filter', async () => {
    const builder = await fixture<UcxFilterEditor>(
      html`<ucx-filter-editor mode="Builder" .value=${'(department=Sales)'}></ucx-filter-editor>`,
    );
    await builder.updateComplete;
    expect(builder.mode).to.equal('builder');
    expect(modeRadio(builder, 'builder').checked).to.equal(true);
    expect(rows(builder)).to.have.length(1);

    const typo = await fixture<UcxFilterEditor>(
      html`<ucx-filter-editor mode="bogus" .value=${'(department=Sales)'}></ucx-filter-editor>`,
    );
    await typo.updateComplete;
    expect(typo.mode).to.equal('text');
    expect(modeRadio(typo, 'text').checked).to.equal(true);
    typo.focus();
    await sendKeys({ press: 'End' });
    await sendKeys({ type: ' ' });
    await typo.updateComplete;
    expect(typo.value).to.equal('(department=Sales) ');
    expect(textareaOf(typo).matches(':focus')).to.equal(true);
  });
});
