import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { part, textareaOf, visibleText, type UcxFilterEditor } from './define.js';
import { describe, it } from './define.js';
import { parseFilter } from '../../../src/filter/index.js';
import { tokenizeFilter } from '../../../src/filter/tokenize.js';
import { segmentTokens } from '../../../src/components/filter-editor/tokenizer.js';

async function formWith(value?: string): Promise<{ form: HTMLFormElement; el: UcxFilterEditor }> {
  const form = await fixture<HTMLFormElement>(html`
    <form>
      <ucx-filter-editor name="filter" value=${value ?? ''}></ucx-filter-editor>
      <button type="submit">Save</button>
    </form>
  `);
  const el = form.querySelector('ucx-filter-editor')!;
  await el.updateComplete;
  return { form, el };
}

describe('ucx-filter-editor: form association', () => {
  it('submits the text as typed under its name, and the canonical text is available', async () => {
    const { form, el } = await formWith();
    expect(el.form).to.equal(form);
    expect(new FormData(form).get('filter')).to.equal('');
    textareaOf(el).focus();
    await sendKeys({ type: '(Department=Sales)' });
    expect(new FormData(form).get('filter')).to.equal('(Department=Sales)');
    expect(el.canonicalValue).to.equal('(department=Sales)');
    expect(form.checkValidity()).to.equal(true);
  });

  it('an invalid filter blocks form validation and submission; empty is valid', async () => {
    const { form, el } = await formWith();
    expect(form.checkValidity()).to.equal(true);
    let submitted = 0;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      submitted += 1;
    });
    textareaOf(el).focus();
    await sendKeys({ type: '(department=)' });
    await el.updateComplete;
    expect(el.checkValidity()).to.equal(false);
    expect(form.checkValidity()).to.equal(false);
    expect(el.validationMessage).to.match(
      /^Line 1, column 13: The value for 'department' is empty/,
    );
    (form.querySelector('button') as HTMLButtonElement).click();
    expect(submitted).to.equal(0);
    // The browser sent focus back to the field.
    expect(el.shadowRoot!.activeElement).to.equal(textareaOf(el));
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ type: 'Sales' });
    expect(form.checkValidity()).to.equal(true);
    (form.querySelector('button') as HTMLButtonElement).click();
    expect(submitted).to.equal(1);
  });

  it('form reset restores the initial value', async () => {
    const { form, el } = await formWith('(department=Sales)');
    textareaOf(el).focus();
    await sendKeys({ type: 'x' });
    expect(el.value).to.equal('(department=Sales)x');
    form.reset();
    await el.updateComplete;
    expect(el.value).to.equal('(department=Sales)');
    expect(textareaOf(el).value).to.equal('(department=Sales)');
    expect(el.validity.valid).to.equal(true);
    expect(visibleText(part(el, 'error'))).to.equal('');
  });

  it('required makes a blank filter invalid', async () => {
    const el = await fixture<UcxFilterEditor>(
      html`<ucx-filter-editor required></ucx-filter-editor>`,
    );
    expect(el.validity.valueMissing).to.equal(true);
    el.value = '(email=*)';
    expect(el.validity.valid).to.equal(true);
  });

  it('required says so: no "Optional" in the hint, an asterisk by the label, no "All users" for a blank', async () => {
    const el = await fixture<UcxFilterEditor>(
      html`<ucx-filter-editor required></ucx-filter-editor>`,
    );
    const text = () => (el.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ');
    expect(text()).to.contain('Required.');
    expect(text()).not.to.contain('Optional');
    expect(part(el, 'summary')!.textContent).to.contain(
      'Enter a filter to see which users it selects.',
    );
    expect(part(el, 'label')!.textContent).to.contain('*');
    expect(textareaOf(el).required).to.equal(true);
    el.required = false;
    await el.updateComplete;
    expect(text()).to.contain('Optional.');
    expect(part(el, 'summary')!.textContent).to.contain('All users');
    expect(part(el, 'label')!.textContent).not.to.contain('*');
  });

  it('disabled (also by a disabled fieldset) disables the controls and leaves validation', async () => {
    const fieldset = await fixture<HTMLFieldSetElement>(html`
      <form>
        <fieldset><ucx-filter-editor name="f" value="(x"></ucx-filter-editor></fieldset>
      </form>
    `).then((f) => f.querySelector('fieldset')!);
    const el = fieldset.querySelector('ucx-filter-editor')!;
    await el.updateComplete;
    expect(el.willValidate).to.equal(true);
    fieldset.disabled = true;
    await el.updateComplete;
    expect(textareaOf(el).disabled).to.equal(true);
    // Looks disabled too, the mode switch included (its selected segment kept full colour).
    expect(Number(getComputedStyle(part(el, 'mode-switch')!).opacity)).to.be.lessThan(1);
    expect(el.willValidate).to.equal(false);
    expect(fieldset.form!.checkValidity()).to.equal(true);
  });

  it('validates a 1 KB filter per keystroke in well under 1 ms', async () => {
    const clauses: string[] = [];
    while (clauses.join('').length < 1000)
      clauses.push(`(department=Dept ${clauses.length}\\28x\\29*)`);
    const text = `(|${clauses.join('')})`;
    expect(text.length).to.be.greaterThan(1000);
    expect(parseFilter(text).ok).to.equal(true);
    const runs = 200;
    const t0 = performance.now();
    for (let i = 0; i < runs; i += 1) {
      const t = text.slice(0, text.length - (i % 5));
      const r = parseFilter(t);
      segmentTokens(t, tokenizeFilter(t), r.ok ? undefined : r.error);
    }
    const each = (performance.now() - t0) / runs;
    expect(each).to.be.lessThan(1);
  });
});
