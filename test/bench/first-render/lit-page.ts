// Baseline page: a minimal Lit element that renders a header and a button and
// opens a native <dialog>: the least a Lit section with a dialog must do.
// `#fetch`: it also starts one request for the list when it connects, as the section does
// (not part of the goal's baseline: it shows what a request alone costs a first render).
import { LitElement, css, html } from 'lit';

class MinimalDialogPage extends LitElement {
  static override styles = css`
    dialog::backdrop {
      background: rgb(0 0 0 / 0.4);
    }
  `;
  override connectedCallback() {
    super.connectedCallback();
    if (location.hash === '#fetch') {
      void fetch('/api/user-sync/integrations', { headers: { Accept: 'application/json' } })
        .then((r) => r.json())
        .catch(() => undefined);
    }
  }
  override render() {
    return html`<h2>Users' Synchronization Integration</h2>
      <button @click=${() => this.open()}>+ Create</button>
      <dialog aria-labelledby="t">
        <h3 id="t">New integration</h3>
        <button>Close</button>
      </dialog>`;
  }
  open() {
    this.renderRoot.querySelector('dialog')!.showModal();
  }
}
customElements.define('minimal-dialog-page', MinimalDialogPage);

const t0 = performance.now();
const el = document.createElement('minimal-dialog-page') as MinimalDialogPage;
document.body.append(el);
await el.updateComplete;
el.open();
// Rendered, styled and laid out (see ucx-page.ts).
void el.renderRoot.querySelector('dialog')!.getBoundingClientRect();
(window as unknown as { __result: unknown }).__result = { shell: performance.now() - t0 };
