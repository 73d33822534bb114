import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/ucx-filter-editor.js';
import { scenario } from '../../fixture-server/fixture.js';
import { deepText, waitFor } from './helpers.js';

// The runtime locale is page-wide (one per page; this file has a page of its own): the last
// language set wins, and an element that only has the browser's language doesn't undo it.
describe('the page-wide language', () => {
  it('a section in Italian stays Italian when a filter editor with no lang joins the page; its own lang changes still apply', async () => {
    expect(document.documentElement.getAttribute('lang'), 'a page with no lang').to.equal(null);
    const fx = await scenario({ items: [] });
    const host = await fixture<HTMLDivElement>(
      html`<div>
        <ucx-user-sync lang="it" endpoint=${fx.endpoint} client-id="c"></ucx-user-sync>
      </div>`,
    );
    const section = host.querySelector('ucx-user-sync')!;
    const italian = () => deepText(section.shadowRoot!).includes('Integrazione');
    await waitFor(italian, 'Italian');

    const editor = document.createElement('ucx-filter-editor');
    host.append(editor);
    await new Promise((r) => setTimeout(r, 200));
    expect(italian(), 'still Italian after the editor connected').to.equal(true);
    expect(deepText(editor.shadowRoot!), 'the editor in Italian too').to.contain('Filtri');

    section.setAttribute('lang', 'en');
    await waitFor(
      () => deepText(section.shadowRoot!).includes('Users’ Synchronization'),
      'English',
    );
    section.setAttribute('lang', 'it');
    await waitFor(italian, 'Italian again');
    section.setAttribute('lang', 'en'); // (back to English for whatever runs next on this page)
    await waitFor(() => !italian(), 'English at the end');
  });

  it('a filter editor alone follows its lang', async () => {
    const editor = await fixture<HTMLElement>(
      html`<ucx-filter-editor lang="it"></ucx-filter-editor>`,
    );
    await waitFor(() => deepText(editor.shadowRoot!).includes('Filtri'), 'the editor in Italian');
    editor.setAttribute('lang', 'en');
    await waitFor(() => !deepText(editor.shadowRoot!).includes('Filtri'), 'the editor in English');
  });
});
