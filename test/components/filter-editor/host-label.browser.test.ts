// A host page's own <label> for the editor, as for a native form control: it names the
// filter field and a click on it focuses the field (not the first focusable inside).
import 'axe-core/axe.min.js';
import type * as AxeCore from 'axe-core';
import { expect, fixture, html } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import { expectAccessible } from '../../support/a11y.js';
import { textareaOf, type UcxFilterEditor } from './define.js';
import { describe, it } from './define.js';

/** The name assistive technology computes for `node` (axe-core's computation, shadow trees included). */
function accessibleName(node: Element): string {
  const axe = (window as unknown as { axe: typeof AxeCore }).axe;
  axe.setup(document);
  try {
    return axe.commons.text.accessibleText(node);
  } finally {
    axe.teardown();
  }
}

/** A real mouse click in the middle of `node`. */
async function clickOn(node: Element): Promise<void> {
  const r = node.getBoundingClientRect();
  await sendMouse({
    type: 'click',
    position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)],
  });
}

/** Where focus is: the element inside the editor, or the page's focused element. */
function focused(el: UcxFilterEditor): Element | null {
  return el.shadowRoot!.activeElement ?? document.activeElement;
}

/**
 * A node in words (`textarea#input[part=textarea]`), compared in place of the node: a failed
 * equality of two DOM nodes makes a report that is slow to serialize, and hard to read.
 */
function nodeName(node: Element | null | undefined): string {
  if (!node) return 'nothing';
  const part = node.getAttribute('part');
  const value = node.getAttribute('value');
  return `${node.localName}${node.id ? `#${node.id}` : ''}${part ? `[part=${part}]` : ''}${
    value ? `[value=${value}]` : ''
  }`;
}

/** The editor's labels in words (`labels` missing: 'no labels property'). */
function labelsOf(el: UcxFilterEditor): string[] | string {
  const labels = (el as { labels?: NodeList }).labels;
  if (!labels) return 'no labels property';
  return Array.from(labels, (l) => (l as Element).textContent?.trim() ?? '');
}

async function labelledFor(
  emptyLabel = false,
): Promise<{ label: HTMLLabelElement; el: UcxFilterEditor }> {
  const form = await fixture<HTMLFormElement>(html`
    <form>
      <label for="fe">Host label for filter</label>
      <ucx-filter-editor id="fe" name="flt" value="(department=Sales)"></ucx-filter-editor>
    </form>
  `);
  const el = form.querySelector('ucx-filter-editor')!;
  if (emptyLabel) el.label = '';
  await el.updateComplete;
  return { label: form.querySelector('label')!, el };
}

describe('ucx-filter-editor: a host <label>', () => {
  // (The pointer left where a test clicked would hover the next test's page.)
  afterEach(() => resetMouse());

  it('clicked, focuses the text field (not the mode switch)', async () => {
    const { label, el } = await labelledFor();
    await clickOn(label);
    expect(document.activeElement === el, 'the editor has focus').to.equal(true);
    expect(nodeName(focused(el))).to.equal(nodeName(textareaOf(el)));
  });

  it('clicked in builder mode, focuses what focus() focuses (the builder, not the mode switch)', async () => {
    const { label, el } = await labelledFor();
    el.mode = 'builder';
    await el.updateComplete;
    el.focus();
    const target = focused(el);
    expect(target?.closest('[part~="builder"]'), 'focus() focuses the builder').to.exist;
    (target as HTMLElement).blur();
    await clickOn(label);
    expect(nodeName(focused(el))).to.equal(nodeName(target));
    expect(focused(el) === target, 'the same control').to.equal(true);
  });

  it('names the text field, and the builder, with its text', async () => {
    const { el } = await labelledFor();
    expect(accessibleName(textareaOf(el))).to.equal('Host label for filter');
    el.mode = 'builder';
    await el.updateComplete;
    const builder = el.shadowRoot!.querySelector('[part~="builder-group"]')!;
    expect(accessibleName(builder)).to.equal('Host label for filter');
    // Its own visible label still shows.
    expect(el.shadowRoot!.querySelector('[part~="label"]')!.textContent).to.contain(
      'Data source filters',
    );
  });

  it('is listed by labels, as for a native control', async () => {
    const { label, el } = await labelledFor();
    expect(labelsOf(el)).to.deep.equal(['Host label for filter']);
    expect(el.labels[0] === label, 'the page label itself').to.equal(true);
    const lone = await fixture<UcxFilterEditor>(html`<ucx-filter-editor></ucx-filter-editor>`);
    expect(labelsOf(lone)).to.deep.equal([]);
  });

  it('around the editor names the field and its click focuses it; a click inside stays there', async () => {
    const label = await fixture<HTMLLabelElement>(html`
      <label><span>Wrapped filter</span> <ucx-filter-editor></ucx-filter-editor></label>
    `);
    const el = label.querySelector('ucx-filter-editor')!;
    await el.updateComplete;
    expect(labelsOf(el)).to.deep.equal(['Wrapped filter']);
    expect(accessibleName(textareaOf(el))).to.equal('Wrapped filter');
    await clickOn(label.querySelector('span')!);
    expect(nodeName(focused(el))).to.equal(nodeName(textareaOf(el)));
    // The mode switch inside the label still works by click.
    await clickOn(el.shadowRoot!.querySelector('[part~="mode-switch"] input[value="builder"]')!);
    await el.updateComplete;
    expect(el.mode).to.equal('builder');
  });

  it('added after the first render names the field once focus comes in', async () => {
    const form = await fixture<HTMLFormElement>(html`
      <form><ucx-filter-editor id="late"></ucx-filter-editor></form>
    `);
    const el = form.querySelector('ucx-filter-editor')!;
    await el.updateComplete;
    expect(accessibleName(textareaOf(el))).to.equal('Data source filters');
    const label = document.createElement('label');
    label.htmlFor = 'late';
    label.textContent = 'Late label';
    form.prepend(label);
    await clickOn(label);
    await el.updateComplete;
    expect(nodeName(focused(el))).to.equal(nodeName(textareaOf(el)));
    expect(accessibleName(textareaOf(el))).to.equal('Late label');
  });

  it('with label="" the field is still named: by the host label, else by the default', async () => {
    const { el } = await labelledFor(true);
    expect(accessibleName(textareaOf(el))).to.equal('Host label for filter');
    const lone = await fixture<UcxFilterEditor>(
      html`<ucx-filter-editor label=""></ucx-filter-editor>`,
    );
    expect(accessibleName(textareaOf(lone))).to.equal('Data source filters');
    await expectAccessible(lone);
    lone.mode = 'builder';
    await lone.updateComplete;
    const builder = lone.shadowRoot!.querySelector('[part~="builder-group"]')!;
    expect(accessibleName(builder)).to.equal('Data source filters');
    await expectAccessible(lone);
  });

  it('is named by what a screen reader reads of the label (not an aria-hidden mark or a hidden hint)', async () => {
    const form = await fixture<HTMLFormElement>(html`
      <form>
        <label for="fe"
          >Filter<span aria-hidden="true"> *</span><span hidden> (see the guide)</span
          ><style>
            .x {
              color: red;
            }
          </style></label
        >
        <ucx-filter-editor id="fe" label=""></ucx-filter-editor>
      </form>
    `);
    const el = form.querySelector('ucx-filter-editor')!;
    await el.updateComplete;
    expect(accessibleName(textareaOf(el))).to.equal('Filter');
  });
});
