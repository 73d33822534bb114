import { focusAfterDialog } from '../../internal/focus-after-dialog.js';
import { html, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { UcxElement } from '../../internal/ucx-element.js';
import { dialogStyles } from '../../internal/dialog-styles.js';
import { tokens } from '../../internal/styles.js';
import { describeBackendError, type FailureView } from '../../internal/failures.js';
import { STILL_WORKING_DELAY, sayStillWorkingAfter } from '../../internal/still-working.js';
import { textOf, type LazyText } from '../../internal/lazy-text.js';
import { BackendError } from '../../backend/client.js';
import type { Integration } from '../../backend/types.js';
import { UcxErrorEvent } from '../../events/error.js';
import type { DialogDelegate } from '../create-dialog/create-dialog.js';
import type { UcxErrorWindow } from '../error-window/error-window.js';
import { confirmDialogStyles } from './confirm-dialog.styles.js';
import { reportInterrupted, showModalAgain } from '../../internal/modal-after-move.js';

/**
 * Asks for confirmation before deleting an integration, naming it, then sends
 * `DELETE` with the same busy and failure handling as the create dialog.
 *
 * @tag ucx-confirm-dialog
 * @summary Delete confirmation dialog of the users' synchronization section.
 *
 * @csspart confirm-dialog - The `<dialog>` (role alertdialog).
 * @csspart dialog-header - The heading area.
 * @csspart dialog-body - The explanation (inert while busy).
 * @csspart dialog-footer - Status and buttons.
 * @csspart confirm-button - Delete.
 * @csspart cancel-button - Cancel.
 * @csspart error-window - The failure window.
 *
 * @cssprop [--ucx-color-danger=#b42318] - The Delete button (dark: #ff7b72).
 */
export class UcxConfirmDialog extends UcxElement {
  static override styles = [tokens, dialogStyles, confirmDialogStyles];

  @property({ attribute: false }) delegate: DialogDelegate | undefined;

  /** Milliseconds before "Still working…" appears (10,000 by default, as in the create dialog). */
  @property({ type: Number, attribute: 'still-working-delay' })
  stillWorkingDelay: number = STILL_WORKING_DELAY;

  @state() private integration: Integration | undefined;
  @state() private busy = false;
  /** Written at render, so it follows a change of language (see lazy-text.ts). */
  @state() private statusText: LazyText = '';

  @query('dialog') private dialog!: HTMLDialogElement;
  @query('ucx-error-window') private errorWindow!: UcxErrorWindow;

  #trigger: HTMLElement | undefined;
  #abort: AbortController | undefined;
  #generation = 0;
  /** A DELETE of this confirmation may have gone through unanswered (network, timeout). */
  #mayHaveDeleted = false;
  #stillTimer: ReturnType<typeof setTimeout> | undefined;

  /** Busy (sending DELETE) or not; a slow answer says it is still working. */
  #setBusy(busy: boolean): void {
    this.busy = busy;
    clearTimeout(this.#stillTimer);
    if (busy) {
      this.#stillTimer = sayStillWorkingAfter(this.stillWorkingDelay, (text) => {
        this.statusText = text;
      });
    }
  }

  get open(): boolean {
    return this.dialog?.open ?? false;
  }

  async show(trigger: HTMLElement | undefined, integration: Integration): Promise<void> {
    if (this.busy) return;
    this.#trigger = trigger;
    this.integration = integration;
    this.#mayHaveDeleted = false;
    this.statusText = '';
    await this.updateComplete;
    try {
      if (!this.dialog.open) this.dialog.showModal();
    } catch {
      return;
    }
    this.renderRoot.querySelector<HTMLElement>('.cancel')?.focus();
  }

  close(): void {
    if (this.dialog?.open) this.dialog.close();
  }

  /** Stops a DELETE in flight (it may still be done) and closes: another endpoint is shown. */
  abandon(): void {
    if (this.busy) this.#abandon();
    this.close();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page while open: modal again, and a DELETE the move cut off said (the
    // section reads the list again: the server may have had it).
    showModalAgain(this.dialog);
    if (this.#interrupted) {
      this.#interrupted = false;
      reportInterrupted(this.delegate, textOf(this.statusText));
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.busy) {
      // Taken out of the page: the DELETE is aborted, and its answer no longer awaited.
      this.#interrupted = true;
      this.#abandon();
      this.statusText = () =>
        msg(
          'The request was interrupted (the section was moved in the page), so the integration may or may not have been deleted. The list is read again.',
          { id: 'user-sync.dialog.interrupted-delete' },
        );
    }
    this.#abort?.abort();
    clearTimeout(this.#stillTimer);
  }

  /**
   * Stops waiting for the DELETE in flight (aborted, its answer ignored). The server may have
   * had it: a second try that finds the integration gone counts as done.
   */
  #abandon(): void {
    this.#mayHaveDeleted = true;
    this.#generation++;
    this.#abort?.abort();
    this.#setBusy(false);
  }

  /** A DELETE was in flight when the element left the page. */
  #interrupted = false;

  #onClose = () => focusAfterDialog(this, this.#trigger);

  #onCancel = () => {
    if (this.busy) {
      this.#abandon();
      this.statusText = () => msg('Cancelled.', { id: 'user-sync.dialog.cancelled-edit' });
      this.delegate?.refresh({ unsure: true });
      return;
    }
    this.close();
  };

  #onConfirm = async () => {
    const integration = this.integration;
    const delegate = this.delegate;
    if (this.busy || !integration || !delegate) return;
    const generation = ++this.#generation;
    this.#setBusy(true);
    this.statusText = () => msg('Deleting…', { id: 'user-sync.confirm.deleting' });
    const abort = new AbortController();
    this.#abort = abort;
    try {
      await delegate.remove(integration.id, abort.signal);
      if (generation !== this.#generation) return;
      this.#setBusy(false);
      this.statusText = '';
      this.close();
      delegate.done('delete', integration);
    } catch (e) {
      if (generation !== this.#generation) return;
      this.#setBusy(false);
      this.statusText = '';
      const error =
        e instanceof BackendError ? e : new BackendError({ kind: 'network', code: 'unknown' });
      if (error.kind === 'aborted') return;
      if (this.#mayHaveDeleted && error.status === 404 && error.code === 'not-found') {
        // A retry after an earlier DELETE went unanswered: that one went through. Done, as
        // asked (and the list read again, to be sure of it).
        this.close();
        delegate.done('delete', integration);
        delegate.refresh();
        return;
      }
      const vendorName = delegate.vendorName;
      // Written again at each render of the failure: its words follow a change of language.
      const describe = (): FailureView => describeBackendError(error, 'delete', vendorName);
      const view = describe();
      if (view.unanswered) this.#mayHaveDeleted = true;
      if (view.refreshList) delegate.refresh({ unsure: view.unanswered });
      delegate.emit(
        new UcxErrorEvent({
          stage: 'backend',
          code: view.code,
          message: view.message,
          ...(view.status ? { status: view.status } : {}),
          ...(view.requestId ? { requestId: view.requestId } : {}),
        }),
      );
      if (!this.open) {
        delegate.failedInBackground(this, describe);
        return;
      }
      const choice = await this.errorWindow.show(describe);
      // Already gone (and the list read again): nothing left to delete or to retry.
      if (view.gone && this.open) this.close();
      else if (choice === 'retry' && this.open) void this.#onConfirm();
      else this.renderRoot.querySelector<HTMLElement>('.confirm')?.focus();
    } finally {
      if (this.#abort === abort) this.#abort = undefined;
    }
  };

  override render(): TemplateResult {
    const name = this.integration?.displayName ?? '';
    // An alert dialog, as WAI-ARIA's pattern has it for a confirmation that interrupts to ask
    // for a response: screen readers read the question and what it destroys at once.
    return html`<dialog
      part="confirm-dialog dialog"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="title"
      aria-describedby="what"
      @close=${this.#onClose}
    >
      <div class="dialog-header" part="dialog-header">
        <h2 id="title">${msg(str`Delete “${name}”?`, { id: 'user-sync.confirm.title' })}</h2>
      </div>
      <div
        class="dialog-body"
        part="dialog-body"
        ?inert=${this.busy}
        aria-busy=${this.busy ? 'true' : 'false'}
      >
        <p id="what">
          ${msg(
            'Users are no longer synchronized from this source. Users already imported are not removed. This can’t be undone.',
            { id: 'user-sync.confirm.body' },
          )}
        </p>
      </div>
      <div class="dialog-footer" part="dialog-footer">
        <p class="status" role="status">${textOf(this.statusText)}</p>
        <div class="actions">
          <button class="btn cancel" type="button" part="cancel-button" @click=${this.#onCancel}>
            ${
              this.busy
                ? msg('Cancel request', { id: 'user-sync.dialog.cancel-request' })
                : msg('Cancel', { id: 'user-sync.dialog.cancel' })
            }
          </button>
          <button
            class="btn danger confirm"
            type="button"
            part="confirm-button"
            aria-disabled=${this.busy ? 'true' : 'false'}
            @click=${this.#onConfirm}
          >
            ${this.busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}
            ${msg('Delete', { id: 'user-sync.confirm.delete' })}
          </button>
        </div>
      </div>
      <ucx-error-window
        exportparts="error-window, error-window-header, error-window-body, error-window-footer"
        support-url=${this.delegate?.supportUrl ?? ''}
        .advice=${false}
      ></ucx-error-window>
    </dialog>`;
  }
}
