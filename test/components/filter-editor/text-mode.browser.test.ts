import { expectAccessible } from '../../support/a11y.js';
import { describedText } from '../../support/dom.js';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { DEFAULT_FIELDS } from '../../../src/filter/index.js';
import {
  errorRangeText,
  highlighted,
  part,
  textareaOf,
  visibleText,
  undo,
  chord,
  type UcxFilterEditor,
} from './define.js';
import { describe, it } from './define.js';

async function editor(value = ''): Promise<UcxFilterEditor> {
  const el = await fixture<UcxFilterEditor>(
    html`<ucx-filter-editor .value=${value}></ucx-filter-editor>`,
  );
  return el;
}

async function typeInto(el: UcxFilterEditor, text: string): Promise<void> {
  textareaOf(el).focus();
  await sendKeys({ type: text });
  await el.updateComplete;
}

describe('ucx-filter-editor: text mode', () => {
  it('has a visible label linked to the textarea and help text by aria-describedby', async () => {
    const el = await editor();
    const ta = textareaOf(el);
    const label = part(el, 'label') as HTMLLabelElement;
    expect(visibleText(label)).to.equal('Data source filters');
    expect(label.htmlFor).to.equal(ta.id);
    expect(ta.getAttribute('aria-describedby')).to.contain('hint');
    expect(ta.getAttribute('aria-invalid')).to.equal('false');
    expect(ta.getAttribute('dir')).to.equal('ltr');
    expect(visibleText(part(el, 'summary'))).to.equal('All users');
    expect(el.validity.valid).to.equal(true);
  });

  for (const [native, title] of [
    [true, ''],
    [false, ' (without field-sizing)'],
  ] as const) {
    it(`grows with its text, up to a maximum height, and the mirror follows${title}`, async () => {
      const el = await editor();
      if (!native) {
        // As in a browser without field-sizing (Safari before 26, Firefox before 139).
        const sheet = new CSSStyleSheet();
        sheet.replaceSync('textarea { field-sizing: fixed !important; }');
        el.shadowRoot!.adoptedStyleSheets = [...el.shadowRoot!.adoptedStyleSheets, sheet];
      }
      const ta = textareaOf(el);
      const empty = ta.getBoundingClientRect().height;
      await typeInto(
        el,
        '(|\n(department=a)\n(department=b)\n(department=c)\n(department=d)\n(department=e)\n(department=f))',
      );
      const grown = ta.getBoundingClientRect().height;
      expect(grown).to.be.greaterThan(empty * 1.3);
      expect(ta.scrollHeight).to.be.at.most(ta.clientHeight + 1); // all lines visible
      const mirror = el.shadowRoot!.querySelector('pre')!;
      expect(Math.abs(mirror.getBoundingClientRect().height - grown)).to.be.lessThan(1);
      // A very long filter stops growing at the maximum and scrolls instead.
      await typeInto(el, '\n(location=x)'.repeat(40));
      const capped = ta.getBoundingClientRect().height;
      const em = parseFloat(getComputedStyle(ta).fontSize);
      expect(capped).to.be.at.most(24 * em + 1);
      expect(ta.scrollHeight).to.be.greaterThan(ta.clientHeight);
    });

    it(`a filter set while hidden (a closed dialog) is sized when shown${title}`, async () => {
      const box = await fixture<HTMLDivElement>(
        html`<div hidden>
          <ucx-filter-editor></ucx-filter-editor>
        </div>`,
      );
      const el = box.querySelector<UcxFilterEditor>('ucx-filter-editor')!;
      await el.updateComplete;
      if (!native) {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync('textarea { field-sizing: fixed !important; }');
        el.shadowRoot!.adoptedStyleSheets = [...el.shadowRoot!.adoptedStyleSheets, sheet];
      }
      el.value =
        '(|\n(department=a)\n(department=b)\n(department=c)\n(department=d)\n(department=e))';
      await el.updateComplete;
      box.hidden = false;
      const ta = textareaOf(el);
      await waitUntil(() => ta.scrollHeight <= ta.clientHeight + 1, 'all lines visible');
      expect(ta.getBoundingClientRect().height).to.be.greaterThan(0);
    });
  }

  it('highlights fields, operators, values, escapes and wildcards as they are typed', async () => {
    const el = await editor();
    await typeInto(el, '(&(department=R\\26D)(email=*@company.com))');
    const tokens = highlighted(el);
    expect(tokens.map(([, t]) => t).join('')).to.equal(el.value);
    expect(tokens).to.deep.include(['operator', '&']);
    expect(tokens).to.deep.include(['field', 'department']);
    expect(tokens).to.deep.include(['field', 'email']);
    expect(tokens).to.deep.include(['equals', '=']);
    expect(tokens).to.deep.include(['value', 'R']);
    expect(tokens).to.deep.include(['escape', '\\26']);
    expect(tokens).to.deep.include(['wildcard', '*']);
    expect(tokens).to.deep.include(['value', '@company.com']);
    expect(tokens.filter(([k]) => k === 'paren')).to.have.length(6);
    // The mirror's colours differ by kind.
    const color = (kind: string): string =>
      getComputedStyle(el.shadowRoot!.querySelector(`[data-kind="${kind}"]`)!).color;
    expect(
      new Set([
        color('field'),
        color('operator'),
        color('value'),
        color('escape'),
        color('wildcard'),
      ]).size,
    ).to.equal(5);
    expect(el.validity.valid).to.equal(true);
  });

  it('shows an invalid filter: message with its place, aria-invalid, underline at the exact range; fixing it clears', async () => {
    const el = await editor();
    await typeInto(el, '(department=Sales');
    const ta = textareaOf(el);
    const r = el.result;
    expect(r && !r.ok).to.equal(true);
    if (!r || r.ok) return;
    expect(ta.getAttribute('aria-invalid')).to.equal('true');
    expect(el.validity.valid).to.equal(false);
    expect(el.validity.customError).to.equal(true);
    const error = part(el, 'error');
    expect(visibleText(error)).to.match(/^Line 1, column \d+: /);
    expect(ta.getAttribute('aria-describedby')?.split(' ')).to.include(error!.id);
    const expected =
      el.value.slice(r.error.offset, r.error.offset + Math.max(1, r.error.length)) || ' ';
    expect(errorRangeText(el)).to.equal(expected);
    const underlined = el.shadowRoot!.querySelector('[part~="error-range"]')!;
    expect(getComputedStyle(underlined).textDecorationLine).to.contain('underline');
    expect(getComputedStyle(underlined).textDecorationStyle).to.equal('wavy');

    await sendKeys({ type: ')' });
    await el.updateComplete;
    expect(ta.getAttribute('aria-invalid')).to.equal('false');
    expect(el.validity.valid).to.equal(true);
    expect(visibleText(part(el, 'error'))).to.equal('');
    expect(errorRangeText(el)).to.equal('');
    expect(visibleText(part(el, 'summary'))).to.equal('Users whose department is Sales');
  });

  it('a name with no = after it: a value without its field, a field not finished, or a field and its value', async () => {
    const cases: [string, string][] = [
      ['(Sales)', "'Sales' is not a field name: write the field first, e.g. (department=Sales)."],
      ['(&(department=Sales)(lo', "'lo' is not a field name: did you mean location?"],
      ['(departmnt)', "'departmnt' is not a field name: did you mean department?"],
      // A number or a dotted name is a value too, not an OID or a field with a wrong character.
      ['(12345)', "'12345' is not a field name: write the field first, e.g. (department=12345)."],
      ['(dept)(', "'dept' is not a field name: did you mean department?"],
      // Not "remove this space", which would give (departmentSales).
      ['(department Sales)', "'department' has no =: write (department=value) or (department=*)."],
    ];
    for (const [text, message] of cases) {
      const el = await editor();
      await typeInto(el, text);
      expect(visibleText(part(el, 'error')), text).to.match(/^Line 1, column \d+: /);
      expect(visibleText(part(el, 'error')), text).to.contain(message);
    }
  });

  it('warns about a value typed in quotation marks (valid, but LDAP looks for the quotes too)', async () => {
    for (const [text, column] of [
      ['(department="Sales")', 13],
      ["(&(location=NYC)(department='Sales'))", 29],
      ['(department=“Sales”)', 13],
    ] as const) {
      const el = await editor();
      await typeInto(el, text);
      expect(el.validity.valid, text).to.equal(true);
      expect(visibleText(part(el, 'warnings')), text).to.equal(
        `Line 1, column ${column}: The value for 'department' is in quotation marks, which LDAP looks for too: write (department=Sales).`,
      );
      expect(textareaOf(el).getAttribute('aria-describedby')).to.contain('warnings');
    }
    const plain = await editor();
    await typeInto(plain, "(department=O'Brien)");
    expect(plain.shadowRoot!.querySelector('[part~="warnings"]')).to.equal(null);
  });

  it('SQL-style "and": underlines the word and spells out the filter meant (English, Italian); inside parentheses, a warning', async () => {
    const el = await editor();
    await typeInto(el, 'department=Sales and location=NYC');
    expect(errorRangeText(el)).to.equal('and');
    expect(visibleText(part(el, 'error'))).to.equal(
      "Line 1, column 18: Filters are combined with & (all of them) or | (any of them), not 'and': write (&(department=Sales)(location=NYC)).",
    );
    el.lang = 'it';
    await waitUntil(() => /I filtri si combinano/.test(visibleText(part(el, 'error'))), 'Italian', {
      timeout: 8000,
    });
    // & as itself, not the &amp; lit-localize's build writes into the Italian module.
    expect(visibleText(part(el, 'error'))).to.contain(
      "con & (tutti) o | (almeno uno), non con 'and': scrivi (&(department=Sales)(location=NYC)).",
    );
    el.lang = 'en'; // (the runtime locale is page-wide)
    await waitUntil(() => /^Line 1/.test(visibleText(part(el, 'error'))), 'English', {
      timeout: 8000,
    });
    // SQL's NOT: the negation meant.
    textareaOf(el).value = '';
    el.value = '';
    await typeInto(el, 'not (department=Temp)');
    expect(errorRangeText(el)).to.equal('not');
    expect(visibleText(part(el, 'error'))).to.equal(
      "Line 1, column 1: A filter is negated with (!…), not with 'not': write (!(department=Temp)).",
    );
    // Inside parentheses it is valid, a department named "Sales and location=NYC": a warning.
    textareaOf(el).value = '';
    el.value = '';
    await typeInto(el, '(department=Sales and location=NYC)');
    expect(el.validity.valid).to.equal(true);
    expect(visibleText(part(el, 'warnings'))).to.contain(
      "'and' is read as part of the value of 'department'. To combine filters, use (&…) for all of them or (|…) for any.",
    );
  });

  it('gives line and column on a multi-line filter and underlines the error in the middle', async () => {
    const el = await editor();
    await typeInto(el, '(&\n  (department=Sales)\n  (titel=x)\n)');
    const r = el.result;
    expect(r?.ok).to.equal(false);
    expect(visibleText(part(el, 'error'))).to.match(/^Line 3, column 4: Unknown field 'titel'/);
    expect(errorRangeText(el)).to.equal('titel');
  });

  it('lays the highlighted mirror out exactly like the textarea, and scrolls it along', async () => {
    const long = `(|${Array.from({ length: 30 }, (_, i) => `(department=Department number ${i} with a rather long name that wraps)`).join('\n')})`;
    const el = await editor(long);
    const ta = textareaOf(el);
    const pre = part(el, 'highlight')!;
    expect(pre.getAttribute('aria-hidden')).to.equal('true');
    expect(pre.textContent).to.equal(long);
    expect(pre.clientWidth).to.equal(ta.clientWidth);
    expect(Math.abs(pre.scrollHeight - ta.scrollHeight)).to.be.at.most(1);
    expect(ta.scrollHeight).to.be.greaterThan(ta.clientHeight);
    ta.scrollTop = 200;
    ta.dispatchEvent(new Event('scroll'));
    expect(pre.scrollTop).to.equal(ta.scrollTop);
    // Same text position, same place: the last character lines up.
    const spans = pre.querySelectorAll('span');
    const last = spans[spans.length - 1]!.getBoundingClientRect();
    ta.focus();
    ta.setSelectionRange(long.length, long.length);
    expect(last.height).to.be.greaterThan(0);
    expect(getComputedStyle(ta).font).to.equal(getComputedStyle(pre).font);
    expect(getComputedStyle(ta).lineHeight).to.equal(getComputedStyle(pre).lineHeight);
    expect(getComputedStyle(ta).paddingLeft).to.equal(getComputedStyle(pre).paddingLeft);
  });

  it('keeps the caret where the admin types in the middle of the text', async () => {
    const el = await editor();
    await typeInto(el, '(department=Sales)');
    const ta = textareaOf(el);
    for (let i = 0; i < 3; i += 1) await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ type: 'xy' });
    await el.updateComplete;
    expect(el.value).to.equal('(department=Salxyes)');
    expect(ta.selectionStart).to.equal('(department=Salxy'.length);
    expect(ta.selectionEnd).to.equal(ta.selectionStart);
    await sendKeys({ press: 'Backspace' });
    await el.updateComplete;
    expect(el.value).to.equal('(department=Salxes)');
    expect(ta.selectionStart).to.equal('(department=Salx'.length);
    expect(el.shadowRoot!.activeElement).to.equal(ta);
  });

  it('Format pretty-prints a valid filter and Ctrl+Z undoes it', async () => {
    const el = await editor();
    const format = part(el, 'format-button') as HTMLButtonElement;
    expect(format.disabled).to.equal(true);
    await typeInto(el, '(&(department=Sales)(location=NYC))');
    expect(format.disabled).to.equal(false);
    format.click();
    await el.updateComplete;
    expect(el.value).to.equal('(&\n  (department=Sales)\n  (location=NYC)\n)');
    expect(textareaOf(el).value).to.equal(el.value);
    textareaOf(el).focus();
    await undo();
    await el.updateComplete;
    expect(el.value).to.equal('(&(department=Sales)(location=NYC))');
    // Invalid text can't be formatted.
    await sendKeys({ type: 'x' });
    await el.updateComplete;
    expect(format.disabled).to.equal(true);
  });

  it('autocompletes a field name by keyboard, and Ctrl+Z reverts the insertion', async () => {
    const el = await editor();
    await typeInto(el, '(dep');
    const ta = textareaOf(el);
    const listbox = el.shadowRoot!.querySelector('[role="listbox"]');
    expect(listbox).to.exist;
    const options = Array.from(listbox!.querySelectorAll('[role="option"]'));
    expect(options.map((o) => visibleText(o.querySelector('code')))).to.deep.equal(['department']);
    expect(ta.getAttribute('aria-activedescendant')).to.equal(options[0]!.id);
    expect(ta.getAttribute('aria-controls')).to.equal(listbox!.id);
    // Said, as the text field can't be a combobox: the list's opening, then the insertion.
    const said = () => visibleText(el.shadowRoot!.querySelector('.suggestions-status'));
    expect(said()).to.equal('1 suggestion: Enter to insert it.');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.value).to.equal('(department=');
    expect(said()).to.equal('Inserted department=');
    expect(el.shadowRoot!.querySelector('[role="listbox"]')).to.equal(null);
    expect(ta.hasAttribute('aria-activedescendant')).to.equal(false);
    expect(ta.selectionStart).to.equal('(department='.length);
    await sendKeys({ type: 'Sales)' });
    await el.updateComplete;
    expect(el.value).to.equal('(department=Sales)');
    expect(el.validity.valid).to.equal(true);
    // Undo the typing, then the completion.
    for (let i = 0; i < 10 && el.value !== '(dep'; i += 1) {
      await undo();
      await el.updateComplete;
    }
    expect(el.value).to.equal('(dep');
    // Opened again: how many, without the keys said the first time.
    el.value = '';
    await typeInto(el, '(');
    expect(said()).to.match(/^[2-9] suggestions$/);
  });

  it('types over the = a completion inserted, once, right after it', async () => {
    const el = await editor();
    /** Types `prefix` into an empty field and accepts its completion with Enter. */
    const complete = async (prefix: string) => {
      el.value = '';
      await typeInto(el, prefix);
      await sendKeys({ press: 'Enter' });
    };
    const typed = async (text: string) => {
      await sendKeys({ type: text });
      await el.updateComplete;
      return el.value;
    };
    await complete('(dep');
    await el.updateComplete;
    expect(el.value).to.equal('(department=');
    // Typed from habit, the = is not written twice.
    expect(await typed('=Sales)')).to.equal('(department=Sales)');
    // Only right after the completion: a second = is the admin's own (a value may hold =).
    await complete('(dep');
    expect(await typed('==x)')).to.equal('(department==x)');
    // Nor after moving the caret away and back.
    await complete('(loc');
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowRight' });
    expect(await typed('=')).to.equal('(location==');
    // A modifier alone (Shift, as for = on an Italian keyboard) doesn't end the offer.
    await complete('(off');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ up: 'Shift' });
    expect(await typed('=B1)')).to.equal('(officeLocation=B1)');
    // A new value set by code ends it: an = typed then is the admin's own.
    await complete('(dep');
    el.value = '(location=';
    await el.updateComplete;
    expect(await typed('=')).to.equal('(location==');
    // The same text written back (a dialog binding .value to what was typed) doesn't.
    await complete('(dep');
    el.value = '(department=';
    expect(await typed('=Sales)')).to.equal('(department=Sales)');
  });

  it('offers fields and &, |, ! after "(", moves with the arrows and closes with Escape', async () => {
    const el = await editor();
    el.style.lineHeight = '1.6'; // a host page's line height (the demo's)
    await typeInto(el, '(');
    const ta = textareaOf(el);
    const options = (): string[] =>
      Array.from(el.shadowRoot!.querySelectorAll('[role="option"] code')).map((o) =>
        visibleText(o),
      );
    expect(options()).to.deep.equal([
      'email',
      'department',
      'officeLocation',
      'location',
      'phoneNumber',
      '&',
      '|',
      '!',
    ]);
    // What each one means, in muted text, unless that only repeats its name ("department
    // Department", "officeLocation Office location" read as a stutter).
    const meanings = Array.from(el.shadowRoot!.querySelectorAll('[role="option"]')).map(
      (o) => o.querySelector('.meaning')?.textContent?.trim() ?? '',
    );
    expect(meanings).to.deep.equal([
      '',
      '',
      '',
      'Location (city)',
      '',
      'all of (AND)',
      'any of (OR)',
      'not (NOT)',
    ]);
    const meaning = el.shadowRoot!.querySelector('[role="option"] .meaning')!;
    const option = meaning.closest('li')!;
    expect(getComputedStyle(meaning).color).to.not.equal(getComputedStyle(option).color);
    // Every option is in view without a scrollbar (a scrolling listbox is a region no
    // key reaches: focus stays in the textarea), and axe finds nothing with it open.
    const listbox = el.shadowRoot!.querySelector<HTMLElement>('[role="listbox"]')!;
    expect(listbox.scrollHeight).to.be.at.most(listbox.clientHeight);
    await expectAccessible(el);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(ta.getAttribute('aria-activedescendant')).to.equal('suggestion-2');
    expect(el.shadowRoot!.querySelector('#suggestion-2')!.getAttribute('aria-selected')).to.equal(
      'true',
    );
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(el.value).to.equal('(department=');
    await sendKeys({ press: 'Backspace' });
    await el.updateComplete;
    // Right after a complete field name the list offers "=".
    await chord('Control', ' ');
    await el.updateComplete;
    expect(options()).to.deep.equal(['=']);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="listbox"]')).to.equal(null);
    expect(el.value).to.equal('(department');
    // Letters typed inside a value don't open the list.
    await sendKeys({ type: '=Sa' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="listbox"]')).to.equal(null);
  });

  it('inserts the help examples with a click', async () => {
    const el = await editor();
    const help = part(el, 'help') as HTMLDetailsElement;
    expect(help.open).to.equal(false);
    (part(el, 'help-toggle') as HTMLElement).click();
    await el.updateComplete;
    expect(help.open).to.equal(true);
    const examples = Array.from(
      el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="example"]'),
    );
    expect(examples.map((b) => visibleText(b.querySelector('code')))).to.deep.equal([
      '(department=Sales)',
      '(email=*@company.com)',
      '(phoneNumber=+1555456*)',
      '(&(department=Sales)(location=NYC))',
      '(|(department=Sales)(department=Marketing))',
      '(!(department=Temp))',
    ]);
    const helpText = visibleText(help);
    for (const name of ['email', 'department', 'officeLocation', 'location', 'phoneNumber']) {
      expect(helpText).to.contain(name);
    }
    for (const op of ['\\28', '\\29', '\\2a', '\\5c', '(&', '(|', '(!', '*'])
      expect(helpText).to.contain(op);
    examples[3]!.click();
    await el.updateComplete;
    expect(el.value).to.equal('(&(department=Sales)(location=NYC))');
    expect(el.validity.valid).to.equal(true);
    // Undo reverts the insertion, too.
    await undo();
    await el.updateComplete;
    expect(el.value).to.equal('');
  });

  it('joins a help example to a filter already typed, so the result is still a filter', async () => {
    const el = await editor();
    (part(el, 'help-toggle') as HTMLElement).click();
    await el.updateComplete;
    const example = (text: string) =>
      el.shadowRoot!.querySelector<HTMLButtonElement>(`[data-example="${text}"]`)!;
    const ta = textareaOf(el);
    await typeInto(el, '(department=Sales)');
    example('(!(department=Temp))').click();
    await el.updateComplete;
    expect(el.value).to.equal('(&(department=Sales)(!(department=Temp)))');
    expect(el.validity.valid).to.equal(true);
    // Already an AND: the example becomes one more member, the admin's spacing kept.
    el.value = '(& (department=Sales) )';
    await el.updateComplete;
    example('(email=*@company.com)').click();
    await el.updateComplete;
    expect(el.value).to.equal('(& (department=Sales) (email=*@company.com))');
    // Inside a set, at a place where a member fits, it goes at the caret.
    el.value = '(|(department=Sales))';
    await el.updateComplete;
    ta.setSelectionRange(2, 2);
    example('(!(department=Temp))').click();
    await el.updateComplete;
    expect(el.value).to.equal('(|(!(department=Temp))(department=Sales))');
    // One undo gives back what was there.
    await undo();
    await el.updateComplete;
    expect(el.value).to.equal('(|(department=Sales))');
  });

  it('fires input and ucx-filter-change with validity and canonical text', async () => {
    const el = await editor();
    const details: Array<{
      value: string;
      valid: boolean;
      canonical?: string;
      error?: { code: string };
    }> = [];
    let inputs = 0;
    el.addEventListener('ucx-filter-change', (e) => details.push(e.detail));
    el.addEventListener('input', () => (inputs += 1));
    await typeInto(el, '(Department=Sales)');
    expect(inputs).to.equal('(Department=Sales)'.length);
    const last = details[details.length - 1]!;
    expect(last).to.deep.equal({
      value: '(Department=Sales)',
      valid: true,
      canonical: '(department=Sales)',
    });
    expect(el.canonicalValue).to.equal('(department=Sales)');
    const firstInvalid = details[0]!;
    expect(firstInvalid.valid).to.equal(false);
    expect(firstInvalid.error?.code).to.be.a('string');
  });

  it('showError() focuses the field and shows "Invalid LDAP filters" with the reason', async () => {
    const el = await fixture<UcxFilterEditor>(
      html`<div>
        <button>before</button><ucx-filter-editor value="(department=Sales"></ucx-filter-editor>
      </div>`,
    ).then((d) => d.querySelector('ucx-filter-editor')!);
    expect(el.showError()).to.equal(false);
    await el.updateComplete;
    await new Promise((r) => requestAnimationFrame(r));
    expect(el.shadowRoot!.activeElement).to.equal(textareaOf(el));
    const error = visibleText(part(el, 'error'));
    expect(error).to.match(/^Invalid LDAP filters\s*Line 1, column 1: This \( is never closed/);
    await expectAccessible(el);
  });

  it('shows warnings without blocking', async () => {
    const el = await editor('(department=Sales )');
    expect(el.validity.valid).to.equal(true);
    expect(visibleText(part(el, 'warnings'))).to.contain('ends with a space');
  });

  it('summarizes filters in plain language', async () => {
    const el = await editor();
    const cases: Array<[string, string]> = [
      ['', 'All users'],
      ['(department=Sales)', 'Users whose department is Sales'],
      [
        '(&(department=Sales)(location=NYC)(!(department=Temp)))',
        'Users whose department is Sales and whose location is NYC, except those whose department is Temp',
      ],
      [
        '(|(department=Sales)(department=Marketing))',
        'Users whose department is Sales or whose department is Marketing',
      ],
      ['(!(department=Temp))', 'All users except those whose department is Temp'],
      ['(email=*@company.com)', 'Users whose email ends with @company.com'],
      ['(phoneNumber=+1555456*)', 'Users whose phone number starts with +1555456'],
      ['(officeLocation=*)', 'Users whose office location has a value'],
      ['(!(phoneNumber=*))', 'All users except those whose phone number has a value'],
      // A space at a value's edge, or a value of spaces, is shown in quotes, not hidden.
      ['(department=Sales )', 'Users whose department is "Sales "'],
      ['(email=   )', 'Users whose email is " "'], // (visibleText collapses spaces)
      ['(!(location= NYC*))', 'All users except those whose location starts with " NYC"'],
    ];
    for (const [value, summary] of cases) {
      el.value = value;
      await el.updateComplete;
      expect(visibleText(part(el, 'summary')), value).to.equal(summary);
    }
  });

  it('keeps the active suggestion in view when a long host field list reaches past the edge', async () => {
    const fields = Array.from({ length: 30 }, (_, i) => ({
      name: `field${i}`,
      labelKey: `x.${i}`,
    }));
    const box = await fixture<HTMLDivElement>(
      html`<div style="block-size: 240px; overflow: auto">
        <ucx-filter-editor .fields=${fields}></ucx-filter-editor>
      </div>`,
    );
    const el = box.querySelector<UcxFilterEditor>('ucx-filter-editor')!;
    await typeInto(el, '(');
    await sendKeys({ press: 'ArrowUp' }); // wraps to the last option, far below
    await el.updateComplete;
    const last = el.shadowRoot!.querySelector(
      `#${textareaOf(el).getAttribute('aria-activedescendant')}`,
    )!;
    const seen = box.getBoundingClientRect();
    // Scrolled after the option renders: a frame or a few on a busy machine (Firefox).
    const inView = () => last.getBoundingClientRect().bottom <= seen.bottom + 1;
    for (let i = 0; i < 120 && !inView(); i++) {
      await new Promise((r) => requestAnimationFrame(r));
    }
    const option = last.getBoundingClientRect();
    expect(option.top).to.be.at.least(seen.top - 1);
    expect(option.bottom).to.be.at.most(seen.bottom + 1);
  });

  it('a host field list with a null or nameless entry still renders: the slip is skipped everywhere', async () => {
    // A page written in JavaScript can pass such a list; rendering used to throw on it.
    const fields = [
      null,
      { name: 'department', labelKey: 'filter.field.department' },
      { labelKey: 'x.nameless' },
      { name: 'costCenter', labelKey: 'x.costCenter' },
    ] as unknown as UcxFilterEditor['fields'];
    const el = await fixture<UcxFilterEditor>(
      html`<ucx-filter-editor .fields=${fields}></ucx-filter-editor>`,
    );
    await typeInto(el, '(');
    const options = Array.from(el.shadowRoot!.querySelectorAll('[role="option"]'), (o) =>
      visibleText(o as HTMLElement),
    );
    expect(options.some((o) => o.startsWith('department'))).to.equal(true);
    expect(options.some((o) => o.startsWith('costCenter'))).to.equal(true);
    await typeInto(el, 'costCenter=42)');
    expect(el.validity.valid).to.equal(true);
    expect(el.value).to.equal('(costCenter=42)');
    el.mode = 'builder';
    await el.updateComplete;
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('[part="builder-field"]')!;
    expect(Array.from(select.options, (o) => o.value)).to.deep.equal(['department', 'costCenter']);
    el.fields = null as unknown as UcxFilterEditor['fields']; // no list: the defaults
    await el.updateComplete;
    const names = Array.from(
      el.shadowRoot!.querySelector<HTMLSelectElement>('[part="builder-field"]')!.options,
      (o) => o.value,
    );
    expect(names).to.include.members(['email', 'department', 'location', 'phoneNumber']);
  });

  it('a host field is shown by its label, and named in the summary by its noun (else its label), not by its name', async () => {
    const fields = [
      ...DEFAULT_FIELDS,
      { name: 'jobTitle', labelKey: 'x.jobTitle', label: 'Job title', noun: 'job title' },
      { name: 'costCenter', labelKey: 'x.costCenter', label: 'Cost centre' },
    ];
    const el = await fixture<UcxFilterEditor>(
      html`<ucx-filter-editor .fields=${fields}></ucx-filter-editor>`,
    );
    el.value = '(&(jobTitle=Engineer)(costCenter=42)(department=Sales))';
    await el.updateComplete;
    // Before, 'Users whose jobTitle is Engineer…': labelKey was never read, nor anything else.
    expect(visibleText(part(el, 'summary'))).to.equal(
      'Users whose job title is Engineer and whose Cost centre is 42 and whose department is Sales',
    );
    // The help's field list, the autocomplete and the builder's field select.
    (part(el, 'help-toggle') as HTMLElement).click();
    await el.updateComplete;
    const help = visibleText(part(el, 'help'));
    expect(help).to.contain('Job title');
    expect(help).to.contain('Cost centre');
    el.value = '';
    // (A label that only repeats the name, 'Job title' for jobTitle, is not said twice.)
    await typeInto(el, '(co');
    const options = Array.from(el.shadowRoot!.querySelectorAll('[role="option"]'), (o) =>
      visibleText(o as HTMLElement),
    );
    expect(options).to.deep.equal(['costCenter Cost centre']);
    el.value = '(jobTitle=Engineer)';
    el.mode = 'builder';
    await el.updateComplete;
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('[part="builder-field"]')!;
    expect(select.selectedOptions[0]!.textContent!.trim()).to.equal('Job title');
    expect(Array.from(select.options, (o) => o.textContent!.trim())).to.include('Cost centre');
    // A default field the host relabels is named by that label everywhere, summary included.
    el.fields = [{ name: 'department', labelKey: 'x.unit', label: 'Business unit' }];
    el.value = '(department=Sales)';
    await el.updateComplete;
    expect(visibleText(part(el, 'summary'))).to.equal('Users whose Business unit is Sales');
    expect(
      el
        .shadowRoot!.querySelector<HTMLSelectElement>('[part="builder-field"]')!
        .selectedOptions[0]!.textContent!.trim(),
    ).to.equal('Business unit');
  });

  it('a host field whose name no filter can hold is not offered, and the console says why', async () => {
    // Offered, the builder wrote `()` for it (an invalid filter) and typed text never parsed.
    const fields = [
      { name: 'department', labelKey: 'filter.field.department' },
      { name: 'job_title', labelKey: 'x.jobTitle' },
      { name: 'cost center', labelKey: 'x.costCenter' },
    ];
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    let el: UcxFilterEditor;
    try {
      el = await fixture<UcxFilterEditor>(
        html`<ucx-filter-editor mode="builder" .fields=${fields}></ucx-filter-editor>`,
      );
      // A host that makes its list anew on each render is told once, not at every render.
      el.fields = [...fields];
      await el.updateComplete;
    } finally {
      console.warn = warn;
    }
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('[part="builder-field"]')!;
    expect(Array.from(select.options, (o) => o.value)).to.deep.equal(['department']);
    const value = el.shadowRoot!.querySelector<HTMLInputElement>('[part="builder-value"]')!;
    value.focus();
    await sendKeys({ type: 'Sales' });
    await el.updateComplete;
    expect(el.value).to.equal('(department=Sales)');
    expect(warnings).to.have.length(1);
    expect(String(warnings[0]![0])).to.include("'job_title', 'cost center'");
    el.mode = 'text';
    await el.updateComplete;
    el.value = '';
    await typeInto(el, '(');
    const options = Array.from(el.shadowRoot!.querySelectorAll('[role="option"]'), (o) =>
      visibleText(o as HTMLElement),
    );
    expect(options.some((o) => o.startsWith('job_title'))).to.equal(false);
  });

  it('Escape closes the suggestions without closing the surrounding dialog', async () => {
    const dialog = await fixture<HTMLDialogElement>(
      html`<dialog aria-label="Create"><ucx-filter-editor></ucx-filter-editor></dialog>`,
    );
    dialog.showModal();
    const el = dialog.querySelector('ucx-filter-editor')!;
    await typeInto(el, '(');
    expect(el.shadowRoot!.querySelector('[role="listbox"]')).to.exist;
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="listbox"]')).to.equal(null);
    expect(dialog.open).to.equal(true);
    dialog.close();
  });

  it('fires change when the field is left after typing', async () => {
    const el = await fixture<UcxFilterEditor>(
      html`<div><ucx-filter-editor></ucx-filter-editor><button>next</button></div>`,
    ).then((d) => d.querySelector('ucx-filter-editor')!);
    let changes = 0;
    el.addEventListener('change', () => (changes += 1));
    await typeInto(el, '(email=*)');
    expect(changes).to.equal(0);
    await sendKeys({ press: 'Tab' });
    expect(changes).to.equal(1);
  });

  it('readonly keeps the text but blocks editing; disabled disables every control', async () => {
    const el = await editor('(department=Sales)');
    el.readonly = true;
    await el.updateComplete;
    expect(textareaOf(el).readOnly).to.equal(true);
    expect((part(el, 'format-button') as HTMLButtonElement).disabled).to.equal(true);
    await typeInto(el, 'x');
    expect(el.value).to.equal('(department=Sales)');
    el.readonly = false;
    el.disabled = true;
    await el.updateComplete;
    const controls = Array.from(
      el.shadowRoot!.querySelectorAll<HTMLButtonElement>('textarea, input, button'),
    );
    expect(controls.every((c) => c.disabled)).to.equal(true);
  });

  it('uses a custom label, and the filter text stays left-to-right on an RTL page', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div dir="rtl"><ucx-filter-editor label="Filtri"></ucx-filter-editor></div>`,
    );
    const el = wrapper.querySelector('ucx-filter-editor')!;
    await el.updateComplete;
    expect(visibleText(part(el, 'label'))).to.equal('Filtri');
    expect(getComputedStyle(textareaOf(el)).direction).to.equal('ltr');
    expect(getComputedStyle(part(el, 'highlight')!).direction).to.equal('ltr');
    expect(getComputedStyle(part(el, 'hint')!).direction).to.equal('rtl');
  });

  it('is accessible when valid, invalid and with the help open', async () => {
    const el = await editor('(department=Sales)');
    await expectAccessible(el);
    await typeInto(el, 'x');
    expect(el.validity.valid).to.equal(false);
    await expectAccessible(el);
    (part(el, 'help-toggle') as HTMLElement).click();
    await el.updateComplete;
    await expectAccessible(el);
    textareaOf(el).value = '';
    el.value = '(';
    await el.updateComplete;
    textareaOf(el).focus();
    textareaOf(el).setSelectionRange(1, 1);
    await chord('Control', ' ');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="listbox"]')).to.exist;
    await expectAccessible(el);
  });

  it('stays readable in dark mode on a page that stays light', async () => {
    // A frame whose element has color-scheme: dark sees prefers-color-scheme: dark (in both
    // browsers), while its page keeps a white background, as a host page that has no dark
    // theme.
    const frame = document.createElement('iframe');
    frame.style.cssText = 'color-scheme: dark; width: 600px; height: 400px';
    frame.srcdoc = `<!doctype html><body style="background: #fff; color: #000">
      <ucx-filter-editor></ucx-filter-editor>
      <script type="module">import '/src/ucx-filter-editor.ts';</script>`;
    const loaded = new Promise((resolve) => (frame.onload = resolve));
    document.body.append(frame);
    try {
      await loaded;
      const win = frame.contentWindow as Window & typeof globalThis;
      expect(win.matchMedia('(prefers-color-scheme: dark)').matches).to.equal(true);
      await waitUntil(() => win.customElements.get('ucx-filter-editor'), 'the editor defined');
      const el = win.document.querySelector('ucx-filter-editor') as UcxFilterEditor;
      await el.updateComplete;
      const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
      const luminance = (c: string) => {
        const [r, g, b] = rgb(c).map((v) => {
          const x = v / 255;
          return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
        }) as [number, number, number];
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const background = win.getComputedStyle(el).backgroundColor;
      expect(rgb(background), 'the editor paints its own dark surface').to.deep.equal([22, 27, 34]);
      for (const name of ['label', 'hint', 'summary']) {
        const color = win.getComputedStyle(part(el, name) as Element).color;
        const [hi, lo] = [luminance(color), luminance(background)].sort((a, b) => b - a) as [
          number,
          number,
        ];
        expect((hi + 0.05) / (lo + 0.05), `${name} contrast`).to.be.at.least(4.5);
      }
    } finally {
      frame.remove();
    }
  });

  it('markSentProblem: underlines the clause a backend named, from the builder too, only for the text sent', async () => {
    const el = await editor('(&(Department=Sales)\n  (location=NYC))');
    const sent = '(&(department=Sales)(location=NYC))';
    el.mode = 'builder';
    await el.updateComplete;
    // The canonical text has changed since (another filter was sent): nothing is marked.
    el.markSentProblem(20, 14, '(location=NYC)');
    el.showError();
    await el.updateComplete;
    expect(errorRangeText(el)).to.equal('');
    el.mode = 'builder';
    await el.updateComplete;
    el.markSentProblem(20, 14, sent);
    expect(el.showError()).to.equal(true); // the filter itself is valid
    await waitUntil(() => el.mode === 'text' && errorRangeText(el) === '(location=NYC)');
    await waitUntil(() => textareaOf(el).selectionStart === el.value.indexOf('(location'));
    expect(el.validity.valid).to.equal(true);
    const same = el.value;
    el.value = same; // any setting of the value answers it, even to the same text
    await el.updateComplete;
    expect(errorRangeText(el)).to.equal('');
  });

  it('describeSentProblem: the field is invalid to assistive technology and says why, only for the text sent, until it changes', async () => {
    const el = await editor('(Department=Sales)');
    const field = textareaOf(el);
    const description = () => describedText(field);
    el.describeSentProblem('No such department here.', '(department=Marketing)');
    await el.updateComplete;
    expect(field.getAttribute('aria-invalid')).to.equal('false'); // another filter was sent
    el.describeSentProblem('No such department here.', '(department=Sales)');
    await el.updateComplete;
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(description()).to.contain('No such department here.');
    expect(el.validity.valid).to.equal(true); // the filter itself parses
    await expectAccessible(el);
    el.value = '(department=Sales)';
    await el.updateComplete;
    expect(field.getAttribute('aria-invalid')).to.equal('false');
    expect(description()).not.to.contain('No such department');
  });

  it('a backend problem with a place says where, as a problem of its own does (the underline is only seen)', async () => {
    const el = await editor('(&(Department=Sales)\n  (location=NYC))');
    const sent = '(&(department=Sales)(location=NYC))';
    el.markSentProblem(20, 14, sent);
    el.describeSentProblem('Location NYC is not allowed.', sent);
    await el.updateComplete;
    expect(describedText(textareaOf(el))).to.contain(
      'Line 2, column 3: Location NYC is not allowed.',
    );
  });
});

describe('ucx-filter-editor: text mode, edges an admin reaches', () => {
  const options = (el: UcxFilterEditor) =>
    Array.from(el.shadowRoot!.querySelectorAll('[role="option"]'), (o) => o.textContent!.trim());

  it('takes a value with CR LF line breaks as the text field shows it: the caret lands on the error', async () => {
    const el = await editor('(&\r\n  (department=Sales)\r\n  (locaton=NYC)\r\n)');
    expect(el.value).to.equal('(&\n  (department=Sales)\n  (locaton=NYC)\n)');
    el.showError();
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    await sendKeys({ type: 'X' });
    await el.updateComplete;
    expect(el.value).to.contain('(Xlocaton=NYC)');
  });

  it('refuses to Format when the indentation would take a valid filter over the length limit', async () => {
    const members = Array.from({ length: 40 }, (_, i) => `(department=D${i})`).join('');
    const text = `(|${members})`;
    const el = await fixture<UcxFilterEditor>(
      html`<ucx-filter-editor .value=${text} .maxLength=${text.length + 20}></ucx-filter-editor>`,
    );
    expect(el.format()).to.equal(false);
    await el.updateComplete;
    expect(el.value).to.equal(text);
    expect(el.validity.valid).to.equal(true);
    expect(visibleText(el.shadowRoot!.querySelector('[role="status"]'))).to.contain(
      'over the limit',
    );
  });

  it('takes max-length="-1" (HTML\'s "no limit") or an empty one as the default limit: Format works', async () => {
    for (const attribute of ['-1', '']) {
      const el = await fixture<UcxFilterEditor>(
        html`<ucx-filter-editor
          max-length=${attribute}
          .value=${'(&(department=Sales)(location=NYC))'}
        ></ucx-filter-editor>`,
      );
      expect(el.format(), attribute).to.equal(true);
      await el.updateComplete;
      expect(el.value, attribute).to.equal('(&\n  (department=Sales)\n  (location=NYC)\n)');
      expect(el.validity.valid).to.equal(true);
    }
  });

  it('after a ( typed in front of a field name, a suggestion replaces the name', async () => {
    const el = await editor('department=Sales');
    const ta = textareaOf(el);
    ta.focus();
    ta.setSelectionRange(0, 0);
    await sendKeys({ type: '(' });
    await el.updateComplete;
    expect(options(el)[0]).to.contain('email');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.value).to.equal('(email=Sales');
  });

  it('keeps suggesting while a field name goes on with digits or a hyphen', async () => {
    const fields = [
      'extensionAttribute1',
      'extensionAttribute12',
      'msDS-cloudExtensionAttribute1',
    ].map((name) => ({ name, labelKey: `x.${name}` }));
    const el = await fixture<UcxFilterEditor>(
      html`<ucx-filter-editor .fields=${fields}></ucx-filter-editor>`,
    );
    await typeInto(el, '(extensionAttribute1');
    expect(options(el).join(' ')).to.contain('extensionAttribute12');
    await sendKeys({ press: 'Backspace' });
    await typeInto(el, '2');
    await sendKeys({ press: 'Backspace' });
    await el.updateComplete;
    el.value = '';
    await el.updateComplete;
    await typeInto(el, '(msDS-');
    expect(options(el).join(' ')).to.contain('msDS-cloudExtensionAttribute1');
  });

  it('opens the suggestions above the caret when there is no room below it', async () => {
    const lines = Array.from({ length: 30 }, (_, i) => `  (department=D${i})`).join('\n');
    const box = await fixture<HTMLDivElement>(
      html`<div style="block-size: 300px; overflow: auto">
        <ucx-filter-editor .value=${`(|\n${lines}\n`}></ucx-filter-editor>
      </div>`,
    );
    const el = box.querySelector<UcxFilterEditor>('ucx-filter-editor')!;
    const ta = textareaOf(el);
    ta.focus();
    ta.setSelectionRange(ta.value.length, ta.value.length);
    box.scrollTop = box.scrollHeight;
    await sendKeys({ type: '(' });
    await el.updateComplete;
    await new Promise((r) => requestAnimationFrame(r));
    const list = el.shadowRoot!.querySelector('[role="listbox"]')!;
    const seen = box.getBoundingClientRect();
    const popup = list.getBoundingClientRect();
    expect(popup.height).to.be.greaterThan(50);
    expect(popup.top).to.be.at.least(seen.top - 1);
    expect(popup.bottom).to.be.at.most(seen.bottom + 1);
  });
  // The footer's scroll padding as a length, or as a percentage of the box (24% of 500px).
  for (const padding of ['120px', '24%']) {
    it(`opens the suggestions above the caret rather than under a sticky footer (${padding})`, async () => {
      // A dialog whose footer (Cancel, Create) stays at its bottom declares it as scroll
      // padding: the room below the caret ends there.
      const lines = Array.from({ length: 8 }, (_, i) => `  (department=D${i})`).join('\n');
      const box = await fixture<HTMLDivElement>(
        html`<div style="block-size: 500px; overflow: auto; scroll-padding-block-end: ${padding}">
          <div style="block-size: 600px"></div>
          <ucx-filter-editor .value=${`(|\n${lines}\n`}></ucx-filter-editor>
          <div style="block-size: 400px"></div>
          <footer style="position: sticky; bottom: 0; block-size: 120px; background: Canvas">
            Cancel, Create
          </footer>
        </div>`,
      );
      const el = box.querySelector<UcxFilterEditor>('ucx-filter-editor')!;
      const footer = box.querySelector('footer')!;
      const ta = textareaOf(el);
      ta.focus();
      ta.setSelectionRange(ta.value.length, ta.value.length);
      // The caret's line a little above the footer, as at the end of a long filter in a
      // dialog: the whole box has room for the list below it, the part the footer leaves not.
      const caretLine =
        ta.getBoundingClientRect().bottom - box.getBoundingClientRect().top + box.scrollTop;
      box.scrollTop = caretLine - (500 - 230);
      await sendKeys({ type: '(' });
      await el.updateComplete;
      await new Promise((r) => requestAnimationFrame(r));
      const popup = el.shadowRoot!.querySelector('[role="listbox"]')!.getBoundingClientRect();
      expect(popup.height).to.be.greaterThan(50);
      // (The box, within the window, has room for it below the caret's line, under the footer.)
      const roomBelow =
        Math.min(innerHeight, box.getBoundingClientRect().bottom) -
        ta.getBoundingClientRect().bottom;
      expect(roomBelow).to.be.greaterThan(popup.height);
      expect(popup.bottom).to.be.at.most(footer.getBoundingClientRect().top + 1);
      expect(popup.top).to.be.at.least(box.getBoundingClientRect().top - 1);
    });
  }
});

describe('ucx-filter-editor: a page that allows no fields', () => {
  it('says so, instead of an empty list of fields to use', async () => {
    const el = await fixture<UcxFilterEditor>(
      html`<ucx-filter-editor .fields=${[]}></ucx-filter-editor>`,
    );
    await typeInto(el, '(department=Sales)');
    const error = visibleText(el.shadowRoot!.querySelector('#error'));
    expect(error).to.contain("Unknown field 'department': this page allows no fields");
    expect(error).not.to.contain('use one of');
    expect(el.validity.valid).to.equal(false);
  });
});

describe('ucx-filter-editor: long words in its messages', () => {
  // A domain or an unknown name has no place to break: the lines that quote it wrap anyway,
  // so the editor keeps the width its host gave it (in the create dialog, the dialog's).
  const host = (value: string) =>
    fixture<UcxFilterEditor>(
      html`<ucx-filter-editor style="width: 320px" .value=${value}></ucx-filter-editor>`,
    );
  const long = 'averyveryverylongsubdomainname'.repeat(3);

  for (const [what, value, shown] of [
    ['the summary', `(email=*@${long}.example.com)`, 'summary'],
    ['the error', `(${long}=x)`, 'error'],
  ] as const) {
    it(`wraps ${what} inside the editor's width`, async () => {
      const el = await host(value);
      const line = part(el, shown)!;
      expect(visibleText(line)).to.contain(long);
      expect(el.getBoundingClientRect().width).to.equal(320);
      expect(line.getBoundingClientRect().right).to.be.at.most(
        el.getBoundingClientRect().right + 0.5,
      );
      expect(line.scrollWidth, 'nothing runs past its box').to.be.at.most(line.clientWidth + 1);
    });
  }
});
