import { html, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { UcxElement } from '../../internal/ucx-element.js';
import { dialogStyles } from '../../internal/dialog-styles.js';
import { tokens } from '../../internal/styles.js';
import type { FailureView } from '../../internal/failures.js';
import { errorWindowStyles } from './error-window.styles.js';
import { safeLink } from '../../internal/safe-link.js';
import { showModalAgain } from '../../internal/modal-after-move.js';

export type ErrorWindowChoice = 'review' | 'retry';

/**
 * The modal window that says what went wrong (`role="alertdialog"`): our sentence,
 * the server's detail (as text), the request id, and what to do next.
 *
 * @tag ucx-error-window
 * @summary Failure window shown over the create, edit and delete dialogs.
 *
 * @csspart error-window - The `<dialog>` (role alertdialog).
 * @csspart error-window-header - The heading area.
 * @csspart error-window-body - The message area.
 * @csspart error-window-footer - The buttons.
 *
 * @cssprop [--ucx-color-danger=#b42318] - Accent of failures (dark: #ff7b72).
 */
export class UcxErrorWindow extends UcxElement {
  static override styles = [tokens, dialogStyles, errorWindowStyles];

  /** Where the lock or a failure points the admin (shown as a contact link). */
  @property({ attribute: 'support-url' }) supportUrl = '';
  /** Whether to show "Please review the entered data and try again" (form operations). */
  @property({ type: Boolean }) advice = true;

  /**
   * What to say, or what writes it: a function is called at each render, so a window left
   * open follows a change of language as a whole (title and message too, not only the parts
   * written here).
   */
  @state() private view: FailureView | (() => FailureView) | undefined;
  @query('dialog') private dialog!: HTMLDialogElement;

  #resolve: ((choice: ErrorWindowChoice) => void) | undefined;
  #choice: ErrorWindowChoice = 'review';

  get open(): boolean {
    return this.dialog?.open ?? false;
  }

  /**
   * Shows the window; resolves with the admin's choice when it closes. Pass a function
   * returning the view to have it written again when the language changes.
   */
  async show(view: FailureView | (() => FailureView)): Promise<ErrorWindowChoice> {
    this.#resolve?.('review');
    this.view = view;
    this.#choice = 'review';
    await this.updateComplete;
    try {
      if (!this.dialog.open) this.dialog.showModal();
    } catch {
      /* not connected: nothing to show */
    }
    this.renderRoot.querySelector<HTMLButtonElement>('.review')?.focus();
    return new Promise((resolve) => (this.#resolve = resolve));
  }

  close(choice: ErrorWindowChoice = 'review'): void {
    this.#choice = choice;
    if (this.dialog?.open) this.dialog.close();
    else this.#onClose();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    showModalAgain(this.dialog); // (moved in the page while open: modal again)
  }

  #onClose = () => {
    const resolve = this.#resolve;
    this.#resolve = undefined;
    resolve?.(this.#choice);
  };

  /**
   * The server's own text, after the element's message and the request id. A long one (a
   * stack trace, say) scrolls in a box of its own, reachable by keyboard, instead of pushing
   * the message out of view.
   */
  private renderDetail(detail: string) {
    const saidLabel = msg('The server said:', { id: 'user-sync.error.server-said' });
    const long = detail.length > 400 || detail.split('\n', 8).length > 7;
    return long
      ? html`<div class="detail long" tabindex="0" role="region" aria-label=${saidLabel}>
          <span class="server-text">${detail}</span>
        </div>`
      : html`<p class="detail">
          <span class="visually-hidden">${saidLabel}</span>
          <span class="server-text">${detail}</span>
        </p>`;
  }

  override render(): TemplateResult {
    const v = typeof this.view === 'function' ? this.view() : this.view;
    // Reviewing the data can't help when the sign-in failed or was another organization's
    // (stage consent: the account or the app is the matter, and the message says what to
    // do), the vendor manages the section or the integration already exists: say what
    // happened, and Close.
    const advise =
      this.advice &&
      v?.stage !== 'load' &&
      v?.stage !== 'consent' &&
      !v?.vendorLock &&
      v?.code !== 'already-exists' &&
      !v?.gone;
    const support = safeLink(this.supportUrl);
    return html`<dialog
      part="error-window"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="ew-title"
      aria-describedby="ew-message"
      @close=${this.#onClose}
    >
      <div class="dialog-header" part="error-window-header">
        <h2 id="ew-title">${v?.title ?? ''}</h2>
      </div>
      <div class="dialog-body" part="error-window-body">
        <p id="ew-message">${v?.message ?? ''}</p>
        ${
          v?.requestId
            ? html`<p class="request-id">
                ${msg('Request id:', { id: 'user-sync.error.request-id' })}
                <code>${v.requestId}</code>
              </p>`
            : nothing
        }
        ${v?.detail ? this.renderDetail(v.detail) : nothing}
        ${
          advise
            ? html`<p class="advice">
                ${msg('Please review the entered data and try again.', { id: 'user-sync.error.advice' })}
              </p>`
            : nothing
        }
        ${
          v?.vendorLock && support
            ? html`<p>
                <a href=${support} target="_blank" rel="noopener noreferrer"
                  >${msg('Contact support', { id: 'user-sync.lock.contact' })}</a
                >
              </p>`
            : nothing
        }
      </div>
      <div class="dialog-footer" part="error-window-footer">
        ${
          v?.retryable
            ? html`<button class="btn retry" type="button" @click=${() => this.close('retry')}>
                ${msg('Try again', { id: 'user-sync.error.retry' })}
              </button>`
            : nothing
        }
        <button class="btn primary review" type="button" @click=${() => this.close('review')}>
          ${
            advise
              ? msg('Review data', { id: 'user-sync.error.review' })
              : msg('Close', { id: 'user-sync.error.close' })
          }
        </button>
      </div>
    </dialog>`;
  }
}
