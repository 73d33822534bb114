// Baseline page: a minimal Lit element that renders a header and a button and
// opens a native <dialog>: the least a Lit section with a dialog must do.
import { LitElement, css, html } from 'lit';

class MinimalDialogPage extends LitElement {
  static override styles = css`
    dialog::backdrop {
      background: rgb(0 0 0 / 0.4);
    }
  `;
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
