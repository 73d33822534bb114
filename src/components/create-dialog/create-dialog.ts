import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { UcxElement } from '../../internal/ucx-element.js';
import { dialogStyles } from '../../internal/dialog-styles.js';
import { tokens } from '../../internal/styles.js';
import { SOURCES, sourceDefinition } from '../../internal/sources.js';
import {
  describeBackendError,
  vendorLockMessage,
  type FailureView,
} from '../../internal/failures.js';
import { consentFailureView, type ConsentAction } from '../../internal/consent-failures.js';
import { DEFAULT_FIELDS, formatFilter, parseFilter } from '../../filter/index.js';
import { placedMessage } from '../filter-editor/messages.js';
import { STILL_WORKING_DELAY, sayStillWorkingAfter } from '../../internal/still-working.js';
import { textOf, type LazyText } from '../../internal/lazy-text.js';
import { BackendError, IdempotencyKeys } from '../../backend/client.js';
import {
  consentFailureOf,
  type ConsentFailure,
  type ConsentProvider,
  type ConsentResultInit,
} from '../../auth/types.js';
import { focusAfterDialog } from '../../internal/focus-after-dialog.js';
import { formatCount } from '../../internal/count.js';
import { displayLang } from '../../internal/lang.js';
import { vendorContactLink } from '../../internal/vendor-contact.js';
import { consentResultOf } from '../../auth/consent-result.js';
import type {
  ConsentResult,
  CreateIntegration,
  Integration,
  IntegrationSource,
} from '../../backend/types.js';
import { UcxBeforeCreateEvent } from '../../events/before-create.js';
import { UcxConsentGrantedEvent } from '../../events/consent-granted.js';
import { UcxErrorEvent, type UcxErrorStage } from '../../events/error.js';
import type { UcxErrorWindow } from '../error-window/error-window.js';
import {
  DEFAULT_GRAPH_BASE_URL,
  DEFAULT_REMOVAL_CONFIRM_THRESHOLD,
  type UcxUserPreview,
  type UserPreviewImpact,
} from '../preview/preview.js';
import { createDialogStyles } from './create-dialog.styles.js';
import { reportInterrupted, showModalAgain } from '../../internal/modal-after-move.js';

/** A consent result events may carry: a listener that edits it changes nothing this dialog sends. */
const copyOf = (c: ConsentResult): ConsentResult => ({ ...c, scopes: [...c.scopes] });

// Status lines said in more than one place (written at render: see lazy-text.ts).
const waitingForConsent = () =>
  msg('Waiting for Microsoft sign-in…', { id: 'user-sync.dialog.waiting-consent' });
/**
 * A filter as Save sends it: null for all users, else its canonical text; invalid text stays
 * as typed (it can't be sent, and equals no canonical text).
 */
function asSent(text: string): string | null {
  if (text.trim() === '') return null;
  const r = parseFilter(text);
  return r.ok ? formatFilter(r.filter) : `\0${text}`;
}

const consentCancelled = () =>
  msg('Microsoft sign-in was cancelled.', { id: 'user-sync.dialog.consent-cancelled' });

/** What the dialog needs from the section that hosts it. */
export interface DialogDelegate {
  /** The consent provider, `'loading'` while it is being loaded, or why there is none. */
  consentProvider(): ConsentProvider | 'loading' | ConsentFailure;
  /** Dispatches a public event from the section; false when a listener cancelled it. */
  emit(event: Event): boolean;
  create(body: CreateIntegration, key: string, signal: AbortSignal): Promise<Integration>;
  update(id: string, filter: string | null, signal: AbortSignal): Promise<Integration>;
  remove(id: string, signal: AbortSignal): Promise<void>;
  /** Called after a success (the dialog may already be closed). */
  done(op: 'create' | 'update' | 'delete', integration: Integration): void;
  /**
   * The list may be out of date; the section's settles once it is read again. `unsure`: a
   * request the page stopped waiting for (cancelled, timed out, cut off) may still be
   * finished by the server, so the list is also read again a little later.
   */
  refresh(options?: { unsure?: boolean }): void | Promise<void>;
  /**
   * A failure happened while the dialog was closed (Escape during a request); `view` writes
   * what to say, in the language of the moment.
   */
  failedInBackground(dialog: HTMLElement, view: () => FailureView): void;
  /** Says `text` in the section's status line (the dialog closed: its own line is gone). */
  announce?(text: () => string): void;
  readonly vendorName: string;
  readonly supportUrl: string;
  /** The section is locked (the vendor manages it): nothing can be created now. */
  readonly locked?: boolean;
}

/** The filter editor's API as this dialog uses it (the class lives in another folder). */
interface FilterEditorLike extends HTMLElement {
  value: string;
  showError?: () => boolean;
  markSentProblem?: (offset: number, length: number, sent?: string) => void;
  describeSentProblem?: (message: string, sent?: string) => void;
}

type Phase = 'idle' | 'consent' | 'saving';
const INVALID = Symbol('invalid');

/** Thrown by the preview's token getter when the provider has no (valid) access token. */
class NoAccessToken extends Error {
  constructor() {
    super('No access token for Microsoft Graph: sign in again.');
    this.name = 'NoAccessToken';
  }
}

/**
 * The create dialog (and, with `mode="edit"`, the edit-filters dialog) of
 * `<ucx-user-sync>`: native modal `<dialog>`, *Data source* select,
 * *Authorization* switch, *Data source filters* editor, Cancel and Create.
 * Runs validation, consent and the backend call, with a busy state, a live
 * region and an error window. *Preview* shows the users the filter matches
 * (`<ucx-user-preview>`, through Microsoft Graph with the consent's access
 * token; the consent popup opens first if this dialog session has none, and
 * Create reuses it); when editing, also the impact of the change, and Save asks
 * for confirmation when it removes more than `removalConfirmThreshold` users (checked
 * with the dialog's sign-in, when it has one: Save never opens the popup itself).
 * Used inside `<ucx-user-sync>`, which provides its `delegate`.
 *
 * @tag ucx-create-dialog
 * @summary Create / edit dialog of the users' synchronization section.
 *
 * @csspart dialog - The `<dialog>`.
 * @csspart dialog-header - The heading area.
 * @csspart dialog-body - The fields (inert and greyed while busy).
 * @csspart dialog-footer - Status, reason and buttons.
 * @csspart source-select - The *Data source* `<select>`.
 * @csspart switch - The *Authorization* switch (`role="switch"`).
 * @csspart filter-editor - The `<ucx-filter-editor>`.
 * @csspart dialog-status - The `role="status"` live region.
 * @csspart filter-error - What the backend said is wrong with the filters.
 * @csspart cancel-button - Cancel.
 * @csspart submit-button - Create / Save.
 * @csspart contact-link - The vendor's contact link beside the lock's reason.
 * @csspart error-window - The failure window (`role="alertdialog"`).
 * @csspart preview-button - *Preview* (matching users through Microsoft Graph).
 * @csspart preview - The preview's box (`<ucx-user-preview>`).
 * @csspart preview-count - The number of matching users (`role="status"`).
 * @csspart preview-progress - The progress bar of a browser-side scan.
 * @csspart preview-cancel-button - Cancel of a running preview.
 * @csspart preview-table - The first matching users.
 * @csspart preview-error - Why Microsoft Graph could not answer.
 * @csspart clause-report - Where each clause of the filter is evaluated.
 * @csspart impact - "+X users will be added, −Y removed" (edit).
 * @csspart removal-confirm - The confirmation before saving a filter that removes many users.
 *
 * @cssprop [--ucx-color-accent=#0b5cad] - Switch and primary button (dark: #4493f8).
 */
export class UcxCreateDialog extends UcxElement {
  static override styles = [tokens, dialogStyles, createDialogStyles];

  /** `create` (new integration) or `edit` (change the filter of `integration`). */
  @property({ reflect: true }) mode: 'create' | 'edit' = 'create';
  /** The section's services. */
  @property({ attribute: false }) delegate: DialogDelegate | undefined;
  /** Milliseconds before "Still working…" appears (10,000 by default). */
  @property({ type: Number, attribute: 'still-working-delay' })
  stillWorkingDelay: number = STILL_WORKING_DELAY;
  /** Microsoft Graph base URL used by Preview. */
  @property({ attribute: 'graph-base-url' }) graphBaseUrl: string = DEFAULT_GRAPH_BASE_URL;
  /**
   * Edit: saving a filter that removes more users than this asks for confirmation first
   * (checked when the dialog has a sign-in, as after Preview).
   */
  @property({ type: Number, attribute: 'removal-confirm-threshold' })
  removalConfirmThreshold: number = DEFAULT_REMOVAL_CONFIRM_THRESHOLD;

  @state() private integration: Integration | undefined;
  @state() private source: IntegrationSource = SOURCES.find((s) => s.creatable)?.id ?? 'entra-id';
  @state() private authorized = false;
  @state() private filterText = '';
  @state() private phase: Phase = 'idle';
  @state() private stillWorking = false;
  // The dialog's own lines are written at render, so they follow a change of language (see
  // lazy-text.ts); the server's filter error is kept inside such a function as it came.
  @state() private statusText: LazyText = '';
  @state() private footerError: LazyText = '';
  @state() private serverFilterError: LazyText = '';
  @state() private previewShown = false;
  @state() private previewStale = false;
  /** The sign-in in progress is Preview's, not Create's or Save's (no spinner on those). */
  @state() private previewSignIn = false;
  @state() private removal: { removed: number; partial: boolean } | undefined;

  @query('dialog') private dialog!: HTMLDialogElement;
  @query('ucx-filter-editor') private editor!: FilterEditorLike | null;
  @query('ucx-error-window') private errorWindow!: UcxErrorWindow;
  @query('.submit') private submitButton!: HTMLButtonElement;
  @query('ucx-user-preview') private preview!: UcxUserPreview | null;
  @query('.preview-button') private previewButton!: HTMLButtonElement | null;
  @query('.cancel') private cancelButton!: HTMLButtonElement | null;

  #consent: ConsentResult | undefined;
  /** The list read again after the last failure that asked for it. */
  #listRead: Promise<void> | undefined;
  #provider: ConsentProvider | undefined;
  #keys = new IdempotencyKeys();
  /** The last create went unanswered (a timeout, the network, a gateway): see show(). */
  #unansweredCreate = false;
  #abort: AbortController | undefined;
  /** The canonical filter of the last create or save sent ('' for all users). */
  #sentFilter: string | null | undefined;
  #generation = 0;
  #stillTimer: ReturnType<typeof setTimeout> | undefined;
  #trigger: HTMLElement | undefined;
  #pendingFailure: (() => FailureView) | undefined;
  /** The editor text the shown preview was made for. */
  #previewText: string | undefined;
  /** The provider had no valid access token: the next Preview signs in again. */
  #tokenStale = false;
  /** The admin confirmed saving this filter although it removes many users. */
  #removalConfirmedFor: string | null | undefined;

  get open(): boolean {
    return this.dialog?.open ?? false;
  }

  get busy(): boolean {
    return this.phase !== 'idle';
  }

  /**
   * Opens the dialog. In create mode a fresh form (unless a request or a
   * failure from the last session is still pending); in edit mode prefilled
   * with `integration`'s filter.
   */
  async show(trigger?: HTMLElement, integration?: Integration): Promise<void> {
    this.#trigger = trigger;
    if (!this.busy && !this.#pendingFailure) {
      this.#resetPreview();
      if (this.mode === 'edit') {
        this.integration = integration;
        this.filterText = integration?.filter ?? '';
        this.#sentFilter = undefined;
        this.#consent = undefined;
      } else {
        // The filter typed before a Cancel or an Escape is kept (what the admin typed is
        // never lost; a second Escape meant for the suggestions closes the dialog). A
        // create clears it. Authorization is asked again: it is agreement to a sign-in.
        // Not after a create that went unanswered: the server may have made it, and the
        // failure said a retry creates nothing twice, so the retry is the same request
        // (the same consent, the same key) even from a dialog opened anew.
        if (!this.#unansweredCreate) {
          this.source = SOURCES.find((s) => s.creatable)?.id ?? 'entra-id';
          this.authorized = false;
          this.#consent = undefined;
          this.#keys.reset();
        }
      }
      this.footerError = '';
      this.serverFilterError = '';
      this.statusText = '';
      const editor = this.editor;
      if (editor) editor.value = this.filterText;
    }
    await this.updateComplete;
    try {
      if (!this.dialog.open) this.dialog.showModal();
    } catch {
      return;
    }
    const first =
      this.mode === 'edit'
        ? (this.editor as HTMLElement | null)
        : this.renderRoot.querySelector<HTMLElement>('#source');
    first?.focus();
    const failure = this.#pendingFailure;
    if (failure) {
      this.#pendingFailure = undefined;
      void this.#showFailure(failure);
    }
  }

  /** Closes the dialog (a request in flight goes on; its result shows in the list). */
  close(): void {
    if (this.dialog?.open) this.dialog.close();
  }

  /**
   * Stops what is in flight as Cancel does (a create sent counts as unanswered: the same
   * request if tried again), then closes: the section moved to another endpoint.
   */
  abandon(): void {
    if (this.busy) this.#onCancel();
    this.close();
  }

  /**
   * The header and footer are sticky and their heights change (a wrapped title, a reason,
   * a status line, the removal confirmation): the dialog's scroll padding follows them, so
   * a field that takes focus is scrolled between them, never under one. Observed while
   * connected.
   */
  #stickySize: ResizeObserver | undefined;

  #observeStickyParts(): void {
    const root = this.renderRoot;
    const header = root.querySelector<HTMLElement>('.dialog-header');
    const footer = root.querySelector<HTMLElement>('.dialog-footer');
    if (!header || !footer || typeof ResizeObserver !== 'function') return;
    this.#stickySize ??= new ResizeObserver(() => {
      // A header that scrolls away (static, at 400% zoom) takes no room.
      const sticky = getComputedStyle(header).position === 'sticky';
      this.dialog?.style.setProperty('--_header-size', `${sticky ? header.offsetHeight : 0}px`);
      this.dialog?.style.setProperty('--_footer-size', `${footer.offsetHeight}px`);
    });
    this.#stickySize.observe(header);
    this.#stickySize.observe(footer);
  }

  protected override firstUpdated(): void {
    this.#observeStickyParts();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#observeStickyParts(); // again after a move (nothing before the first render)
    // Moved in the page while open: modal again, and a request the move cut off said (the
    // section reads the list again: the server may have had it).
    showModalAgain(this.dialog);
    if (this.#interrupted) {
      this.#interrupted = false;
      reportInterrupted(this.delegate, textOf(this.statusText));
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Taken out of the page: its requests are aborted (the section's client aborts them too).
    if (this.phase === 'saving') {
      this.#interrupted = true;
      const create = this.mode === 'create';
      if (create) this.#unansweredCreate = true; // (as a Cancel while sent: see show())
      this.statusText = () =>
        create
          ? msg(
              'The request was interrupted (the section was moved in the page), so the integration may or may not have been created. The list is read again; create it again if it isn’t there: nothing is created twice.',
              { id: 'user-sync.dialog.interrupted-create' },
            )
          : msg(
              'The request was interrupted (the section was moved in the page), so the filters may or may not have been saved. The list is read again; save again if needed.',
              { id: 'user-sync.dialog.interrupted-edit' },
            );
    } else if (this.phase === 'consent') {
      this.statusText = consentCancelled;
    }
    this.#cancelWork();
    clearTimeout(this.#stillTimer);
    this.#stickySize?.disconnect();
  }

  /** A create or save was in flight when the element left the page. */
  #interrupted = false;

  // ------------------------------------------------------------------ actions

  #onDialogClose = () => {
    // Closed (Escape) while Microsoft's popup is out: the sign-in is abandoned, as Cancel
    // sign-in does, and its popup closed; a request already sent goes on (see #backendFailed).
    if (this.phase === 'consent') this.#cancelWork();
    this.preview?.cancel();
    // An edit closed with changes (Cancel, Escape: an Escape meant for the suggestions may
    // close it) drops them, as Cancel does; said, so no one believes them saved.
    // Compared as sent (canonical: a change of layout or case alone is no change), and not
    // when it is what the last Save sent, which may have been saved (cancelled, timed out)
    // or was refused, said in the error window: "not saved" would then be untrue or said twice.
    const integration = this.integration;
    const now = asSent(this.filterText);
    if (
      this.mode === 'edit' &&
      !this.busy &&
      integration &&
      now !== asSent(integration.filter ?? '') &&
      now !== this.#sentFilter
    ) {
      const name = integration.displayName;
      this.delegate?.announce?.(() =>
        msg(str`Changes to the filters of “${name}” were not saved.`, {
          id: 'user-sync.dialog.edit-discarded',
        }),
      );
    }
    // A trigger that can't take focus back (a host's menu item, hidden since; an Edit button
    // whose row is gone): + Create, rather than the page's body.
    focusAfterDialog(this, this.#trigger);
  };

  #onSourceChange = (e: Event) => {
    this.source = (e.target as HTMLSelectElement).value;
  };

  #toggleAuthorization = () => {
    if (this.busy) return;
    this.authorized = !this.authorized;
    if (this.authorized) this.footerError = '';
    else if (this.mode === 'create') {
      // Agreement withdrawn: the next Preview or Create signs in anew (another organization,
      // say), and is a new request, also after one that went unanswered (see show()).
      this.#consent = undefined;
      this.#keys.reset();
      this.#unansweredCreate = false;
    }
  };

  /**
   * The section's own editor: its changes are the dialog's business, not the host's (a host
   * listening for its own editors' ucx-filter-change must not hear these).
   */
  #onFilterChange = (e: Event) => {
    e.stopPropagation();
    this.#onFilterInput();
  };

  #onFilterInput = () => {
    const editor = this.editor;
    if (editor) this.filterText = editor.value;
    this.serverFilterError = '';
    this.footerError = '';
    this.removal = undefined;
    this.previewStale = this.#previewText !== undefined && this.filterText !== this.#previewText;
  };

  #resetPreview(): void {
    this.preview?.reset();
    this.previewShown = false;
    this.previewStale = false;
    this.removal = undefined;
    this.#previewText = undefined;
    this.#tokenStale = false;
    this.#removalConfirmedFor = undefined;
  }

  /** Our Cancel: aborts the work in progress, or closes the dialog. */
  #onCancel = () => {
    if (this.phase === 'consent') {
      // Only the sign-in is abandoned: nothing reached the server.
      this.#cancelWork();
      this.statusText = consentCancelled;
      return;
    }
    if (this.busy) {
      // A create sent and not waited for is as one gone unanswered (see show()).
      if (this.mode === 'create' && this.phase === 'saving') this.#unansweredCreate = true;
      this.#cancelWork();
      this.statusText = () =>
        this.mode === 'create'
          ? msg(
              'Cancelled. If the server had already received the request, the integration appears in the list.',
              { id: 'user-sync.dialog.cancelled' },
            )
          : msg('Cancelled.', { id: 'user-sync.dialog.cancelled-edit' });
      this.delegate?.refresh({ unsure: true });
      return;
    }
    this.close();
  };

  #cancelWork(): void {
    this.#generation++;
    if (this.phase === 'consent') {
      this.#provider?.cancel();
      if (this.preview && !this.preview.running && !this.preview.impact) {
        this.preview.reset();
        this.previewShown = false;
      }
    }
    this.#abort?.abort();
    this.#abort = undefined;
    this.#setPhase('idle');
  }

  #setPhase(phase: Phase): void {
    this.phase = phase;
    this.previewSignIn = false;
    clearTimeout(this.#stillTimer);
    this.stillWorking = false;
    if (phase === 'saving') {
      this.#stillTimer = sayStillWorkingAfter(this.stillWorkingDelay, (text) => {
        this.stillWorking = true;
        this.statusText = text;
      });
    }
  }

  /** Validates the filter: null (all users), canonical text, or INVALID (shown and focused). */
  #validatedFilter(): string | null | typeof INVALID {
    const editor = this.editor;
    const text = editor ? editor.value : this.filterText;
    this.filterText = text;
    if (text.trim() === '') return null;
    const result = parseFilter(text);
    if (result.ok) return formatFilter(result.filter);
    const reason = placedMessage(text, result.error, DEFAULT_FIELDS);
    this.footerError = () =>
      msg('Invalid LDAP filters: fix the filters to continue.', {
        id: 'user-sync.dialog.invalid-footer',
      });
    if (editor && typeof editor.showError === 'function') editor.showError();
    else editor?.focus();
    this.#reportError(
      'validation',
      result.error.code,
      `${msg('Invalid LDAP filters', { id: 'user-sync.dialog.invalid-title' })}: ${reason}`,
    );
    return INVALID;
  }

  #reportError(stage: UcxErrorStage, code: string, message: string, extra: object = {}): void {
    this.delegate?.emit(new UcxErrorEvent({ stage, code, message, ...extra }));
  }

  /**
   * Creating, and Authorization is off: Create and Preview wait for it (the reason shows).
   * Not under the lock, whose reason shows instead.
   */
  get #needsAuth(): boolean {
    return this.mode === 'create' && !this.authorized && !this.#locked;
  }

  /**
   * Creating, and the section has turned vendor-managed since the dialog opened (a list read
   * since): nothing can be created. Create and Preview say why, as + Create does.
   */
  get #locked(): boolean {
    return this.mode === 'create' && !!this.delegate?.locked;
  }

  /** Says why nothing can be created (the lock's reason) in the dialog's status line. */
  #sayLocked(): void {
    const vendor = this.delegate?.vendorName ?? '';
    const reason = () => vendorLockMessage(vendor);
    if (textOf(this.statusText) !== reason()) {
      this.statusText = reason;
      return;
    }
    // Said already: a live region speaks only when its text changes, so it is emptied a
    // moment first (Create pressed again is answered again).
    this.statusText = '';
    setTimeout(() => {
      if (this.#locked && !this.statusText) this.statusText = reason;
    }, 150);
  }

  /** The lock was there at the last render (see willUpdate). */
  #wasLocked = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The lock arriving while the dialog is open (a list read meanwhile) is said once, not
    // only shown: Create and Preview turned unavailable under the admin's hands.
    const locked = this.#locked && this.open;
    if (locked && !this.#wasLocked) this.#sayLocked();
    // Lifted: its reason goes from the status line too.
    const vendor = this.delegate?.vendorName ?? '';
    if (!locked && this.#wasLocked && textOf(this.statusText) === vendorLockMessage(vendor)) {
      this.statusText = '';
    }
    this.#wasLocked = locked;
  }

  /** While Authorization is off, sends focus to its switch and says true. */
  #askForAuthorization(): boolean {
    if (!this.#needsAuth) return false;
    this.footerError = '';
    this.renderRoot.querySelector<HTMLElement>('.switch')?.focus();
    return true;
  }

  /** Create / Save. Runs synchronously up to consent.start() (popup blockers). */
  #onSubmit = () => {
    // While the sign-in popup is out, Create again replaces it (MSAL 5 can't see
    // a popup the admin closed); during the backend call it does nothing.
    if (this.busy && !(this.mode === 'create' && this.phase === 'consent')) return;
    if (this.#locked) {
      // Nothing can be created (the reason shows under Create); a sign-in already out is
      // cancelled, so nothing is sent after it either. The reason is said, not only shown
      // (as Authorization off sends focus to its switch, a press is never met by silence).
      if (this.phase === 'consent') this.#cancelWork();
      this.#sayLocked();
      this.footerError = '';
      return;
    }
    if (this.busy && this.preview && !this.preview.running && !this.preview.impact) {
      // A Preview's sign-in being replaced: drop its "waiting" view.
      this.preview.reset();
      this.previewShown = false;
    }
    this.statusText = '';
    if (this.mode === 'edit') {
      this.#save();
      return;
    }
    if (this.#askForAuthorization()) return;
    const filter = this.#validatedFilter();
    if (filter === INVALID) return;
    this.footerError = '';
    const delegate = this.delegate;
    if (!delegate) return;
    const base = { source: this.source, authorized: true as const, filter };
    const cached = this.#consent;
    const allowed = delegate.emit(
      new UcxBeforeCreateEvent({
        // (A copy of the consent, as for ucx-consent-granted.)
        body: cached ? { ...base, consent: copyOf(cached) } : { ...base },
      }),
    );
    if (!allowed) {
      // Vetoed by the host page: say so, or Create would seem to do nothing.
      this.footerError = () =>
        msg('This page stopped the creation: nothing was sent.', {
          id: 'user-sync.dialog.vetoed',
        });
      return;
    }

    this.#consentAction = 'create';
    const consent = cached ? Promise.resolve(cached) : this.#startConsent(delegate);
    if (!consent) return;
    void this.#continueCreate(base, consent, !cached);
  };

  /**
   * Opens the consent popup: MUST run synchronously inside a click handler. Null (and
   * the reason shown) when the provider is missing or not ready yet.
   */
  #startConsent(delegate: DialogDelegate): Promise<ConsentResultInit> | null {
    const provider = delegate.consentProvider();
    if (
      provider === 'loading' ||
      (typeof provider === 'object' && 'start' in provider && !provider.ready)
    ) {
      if (typeof provider === 'object') void provider.prepare().catch(() => undefined);
      this.#consentFailed({ kind: 'not-ready', code: 'not-ready', retryable: true });
      return null;
    }
    if (!('start' in provider)) {
      this.#consentFailed(provider);
      return null;
    }
    this.#provider = provider;
    try {
      return provider.start(); // synchronously inside the click handler
    } catch (e) {
      return Promise.reject(e);
    }
  }

  /** The consent provider whose token the preview uses. */
  #tokenProvider(): ConsentProvider | undefined {
    if (this.#provider) return this.#provider;
    const p = this.delegate?.consentProvider();
    return typeof p === 'object' && 'start' in p ? p : undefined;
  }

  #getAccessToken = async (): Promise<string> => {
    const provider = this.#tokenProvider();
    const token = provider?.getAccessToken ? await provider.getAccessToken() : undefined;
    if (!token) throw new NoAccessToken();
    return token;
  };

  /**
   * Preview: validates the filter, runs consent first when this dialog session has none
   * (synchronously, like Create; Create then reuses it), then shows the matching users
   * and, when editing, the impact. Never makes the dialog busy once consent is done.
   */
  #onPreview = () => {
    if (this.busy) return;
    this.statusText = '';
    // Preview signs in with the consent Create asks for: only once the admin has turned
    // Authorization on, which is their agreement to it.
    // (As Create: nothing can be created, so no sign-in to preview it either.)
    if (this.#locked) return;
    if (this.#askForAuthorization()) return;
    const filter = this.#validatedFilter();
    if (filter === INVALID) return;
    this.footerError = '';
    const delegate = this.delegate;
    if (!delegate) return;
    const cached = this.#tokenStale ? undefined : this.#consent;
    this.#consentAction = 'preview';
    const consent = cached ? Promise.resolve(cached) : this.#startConsent(delegate);
    if (!consent) return;
    void this.#continuePreview(filter, consent, !cached, this.#focusInFields());
  };

  /**
   * Focus is in the fields (which turn inert during a sign-in), or nowhere in the dialog:
   * Preview itself, or, where a click doesn't focus a button (Safari), the field before.
   */
  #focusInFields(): boolean {
    const active = (this.renderRoot as ShadowRoot).activeElement;
    return !active || !!active.closest('.dialog-body');
  }

  /** Focus is on Preview, on Cancel (while Preview signs in), or nowhere in the dialog. */
  #focusOnPreview(): boolean {
    const active = (this.renderRoot as ShadowRoot).activeElement;
    return !active || active === this.previewButton || active === this.cancelButton;
  }

  async #continuePreview(
    filter: string | null,
    consentPromise: Promise<ConsentResultInit>,
    fresh: boolean,
    focused: boolean,
  ): Promise<void> {
    const generation = ++this.#generation;
    const text = this.filterText;
    this.previewShown = true;
    this.previewStale = false;
    this.removal = undefined;
    this.#previewText = text;
    if (fresh) {
      this.#setPhase('consent');
      this.statusText = waitingForConsent;
      this.previewSignIn = true;
      await this.updateComplete;
      // (Said by the dialog's status line above; the preview's line only shows it.)
      this.preview?.showWaiting(waitingForConsent, { announce: false });
      // The fields, Preview among them, are inert while the popup is out: the keyboard
      // goes to what can be done now (Cancel sign-in), not to the page's body.
      if (focused) this.cancelButton?.focus();
    }
    const consent = await this.#awaitConsent(consentPromise, fresh, generation, () => {
      this.preview?.reset();
      this.previewShown = false;
      this.#previewText = undefined;
    });
    if (consent && fresh) {
      this.#setPhase('idle');
      this.statusText = '';
    }
    if (fresh && focused) void this.#refocusPreview();
    if (!consent || this.#otherTenant(consent)) return;
    const outcome = await this.#runPreview(filter);
    // The result is below Preview, often past the dialog's fold: bring its count into view,
    // unless the admin has moved on (to the filter, say) while it ran.
    if (outcome && this.open && this.#focusOnPreview()) {
      this.preview?.scrollIntoView({ block: 'nearest' });
    }
  }

  /**
   * Edit's Preview signed in to another organization than the integration's: its count, its
   * impact and the removal check would be another directory's. Says so instead, and forgets
   * the sign-in (the next Preview asks again).
   */
  #otherTenant(consent: ConsentResult): boolean {
    const saved = this.#otherTenantThan(consent);
    const signedIn = consent.tenantId;
    if (!saved) return false;
    // Named by the account and the integration the admin knows; the tenant ids tell two
    // organizations with similar names apart.
    const name = this.integration?.displayName ?? '';
    this.#consent = undefined;
    this.preview?.reset();
    this.previewShown = false;
    this.#previewText = undefined;
    // Written at each render of the window: its words follow a change of language.
    const describe = (): FailureView => {
      const account =
        consent.username ||
        consent.name ||
        msg('an account without a name', { id: 'preview.other-tenant-unnamed' });
      return {
        stage: 'consent',
        code: 'other-tenant',
        title: msg('Signed in to another organization', { id: 'preview.other-tenant-title' }),
        message: msg(
          str`You signed in as ${account} (organization ${signedIn}), but “${name}” imports users from organization ${saved}. Preview again and sign in with an account of that organization.`,
          { id: 'preview.other-tenant' },
        ),
        retryable: false,
        refreshList: false,
        vendorLock: false,
        dropConsent: true,
      };
    };
    this.#reportError('consent', 'other-tenant', describe().message);
    void this.errorWindow.show(describe).then(() => {
      if (this.open) this.previewButton?.focus();
    });
    return true;
  }

  /**
   * The edited integration's tenant, when the sign-in is another one's (Entra ID tenants;
   * another source's `tenantId` is its own account id, not comparable).
   */
  #otherTenantThan(consent: ConsentResult): string | undefined {
    const i = this.mode === 'edit' ? this.integration : undefined;
    const saved = i?.source === 'entra-id' ? i.tenantId : undefined;
    const signedIn = consent.tenantId;
    return saved && signedIn && saved.toLowerCase() !== signedIn.toLowerCase() ? saved : undefined;
  }

  /** Back to Preview once the fields are no longer inert, unless the admin moved on. */
  async #refocusPreview(): Promise<void> {
    await this.updateComplete;
    if (this.open && this.#focusOnPreview()) this.previewButton?.focus();
  }

  /**
   * Waits for the consent popup. A fresh result is kept for the dialog's life
   * (Preview and Create reuse it) and announced to the host; a failure returns
   * to the form with its message (after `onFailure` tidies up). Undefined when
   * consent failed or a newer action superseded this one.
   */
  async #awaitConsent(
    consentPromise: Promise<ConsentResultInit>,
    fresh: boolean,
    generation: number,
    onFailure?: () => void,
  ): Promise<ConsentResult | undefined> {
    let outcome: ConsentResult | ConsentFailure;
    try {
      // Only the documented fields go on (to the backend, to the event), checked: a host's
      // consent function may resolve with more, or with nothing usable (then trying again
      // won't change that: the page's consent is misconfigured).
      outcome = consentResultOf(await consentPromise) ?? {
        kind: 'misconfigured',
        code: 'invalid-consent-result',
        retryable: false,
      };
    } catch (e) {
      outcome = consentFailureOf(e);
    }
    if (generation !== this.#generation) return undefined;
    if ('kind' in outcome) {
      this.#setPhase('idle');
      onFailure?.();
      this.#consentFailed(outcome);
      return undefined;
    }
    const consent = outcome;
    // (Another organization's sign-in is refused, not kept or announced: see #otherTenant.)
    if (fresh && !this.#otherTenantThan(consent)) {
      this.#consent = consent;
      this.#tokenStale = false;
      // A copy: a listener that edits it (drops the token before logging) changes nothing sent.
      this.delegate?.emit(new UcxConsentGrantedEvent({ consent: copyOf(consent) }));
    }
    return consent;
  }

  /** Runs the preview element (never rejects); undefined when it isn't rendered. */
  async #runPreview(filter: string | null) {
    await this.updateComplete;
    const preview = this.preview;
    if (!preview) return undefined;
    const outcome = await preview.run({
      filter,
      ...(this.mode === 'edit' ? { current: this.integration?.filter ?? null } : {}),
      getAccessToken: this.#getAccessToken,
      baseUrl: this.graphBaseUrl || DEFAULT_GRAPH_BASE_URL,
    });
    if (outcome.error?.kind === 'unauthorized') this.#tokenStale = true;
    return outcome;
  }

  async #continueCreate(
    base: Omit<CreateIntegration, 'consent'>,
    consentPromise: Promise<ConsentResultInit>,
    fresh: boolean,
  ): Promise<void> {
    const generation = ++this.#generation;
    const delegate = this.delegate!;
    if (fresh) {
      this.#setPhase('consent');
      this.statusText = waitingForConsent;
    }
    const consent = await this.#awaitConsent(consentPromise, fresh, generation);
    if (!consent) return;
    const body: CreateIntegration = { ...base, consent };
    // The same body, the same key: a retry after a lost answer is recognized. A new consent
    // (its token, its time) is another body, so another key: the backend refuses a key
    // reused with a different body (422), and answers a second create for the tenant with
    // already-exists, which the section handles.
    const key = this.#keys.keyFor(body);
    this.#setPhase('saving');
    this.statusText = () => msg('Creating the integration…', { id: 'user-sync.dialog.creating' });
    const abort = new AbortController();
    this.#abort = abort;
    this.#sentFilter = base.filter;
    try {
      const created = await delegate.create(body, key, abort.signal);
      if (generation !== this.#generation) return;
      this.#unansweredCreate = false;
      this.#keys.reset();
      this.#consent = undefined;
      this.#resetPreview();
      this.#setPhase('idle');
      this.statusText = '';
      this.authorized = false;
      this.filterText = '';
      if (this.editor) this.editor.value = '';
      this.close();
      delegate.done('create', created);
    } catch (e) {
      if (generation !== this.#generation) return;
      this.#setPhase('idle');
      this.statusText = '';
      this.#backendFailed(e, 'create');
    } finally {
      if (this.#abort === abort) this.#abort = undefined;
    }
  }

  #save(): void {
    const filter = this.#validatedFilter();
    if (filter === INVALID) return;
    const integration = this.integration;
    const delegate = this.delegate;
    if (!integration || !delegate) return;
    if (this.removal) {
      // The confirmation is on screen: it is answered with its own buttons.
      this.renderRoot.querySelector<HTMLElement>('.removal-back')?.focus();
      return;
    }
    const current = integration.filter ?? null;
    if (filter !== current && this.#removalConfirmedFor !== filter) {
      const impact = this.#impactFor(filter, current);
      // A cancelled comparison counted only some users: its removals are a lower bound,
      // enough to ask when over the threshold, not to save without asking.
      if (impact && (!impact.cancelled || impact.removed > this.#threshold)) {
        if (this.#needsRemovalConfirm(impact)) return;
      } else if (this.#consent && !this.#tokenStale && this.#tokenProvider()?.getAccessToken) {
        // Consent is at hand: compute the impact before saving (no popup).
        void this.#checkImpactThenSave(integration, filter, delegate);
        return;
      }
    }
    void this.#continueSave(integration, filter, delegate);
  }

  #impactFor(filter: string | null, current: string | null): UserPreviewImpact | undefined {
    const impact = this.preview?.impact;
    if (!impact || impact.filter !== filter || impact.current !== current) return undefined;
    return impact;
  }

  /**
   * The threshold in effect: a number of users, 0 or more (Infinity: never ask); anything else
   * (NaN from a mistyped attribute, a negative number, null) is the default, in the check and
   * in the confirmation's words alike.
   */
  get #threshold(): number {
    const t = this.removalConfirmThreshold;
    return typeof t === 'number' && t >= 0 ? t : DEFAULT_REMOVAL_CONFIRM_THRESHOLD;
  }

  /** Shows the removal confirmation when `impact` removes more than the threshold. */
  #needsRemovalConfirm(impact: UserPreviewImpact): boolean {
    if (impact.removed <= this.#threshold) return false;
    this.removal = { removed: impact.removed, partial: impact.cancelled === true };
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('.removal-back')?.focus(),
    );
    return true;
  }

  async #checkImpactThenSave(
    integration: Integration,
    filter: string | null,
    delegate: DialogDelegate,
  ): Promise<void> {
    const generation = ++this.#generation;
    this.previewShown = true;
    this.previewStale = false;
    this.#previewText = this.filterText;
    this.statusText = () =>
      msg('Checking which users this change removes…', { id: 'preview.checking-impact' });
    const outcome = await this.#runPreview(filter);
    if (generation !== this.#generation || !this.open) return;
    this.statusText = '';
    const impact = this.#impactFor(filter, integration.filter ?? null);
    // A failed preview never blocks saving.
    if (impact && !outcome?.error && this.#needsRemovalConfirm(impact)) return;
    if (impact?.cancelled && !outcome?.error) {
      // The admin stopped the check: nothing is saved unasked.
      this.statusText = () =>
        msg('Not saved: the check of which users this change removes was cancelled.', {
          id: 'user-sync.dialog.impact-cancelled',
        });
      return;
    }
    void this.#continueSave(integration, filter, delegate);
  }

  #onRemovalConfirm = () => {
    const integration = this.integration;
    const delegate = this.delegate;
    if (!integration || !delegate || !this.removal) return;
    const filter = this.#validatedFilter();
    if (filter === INVALID) return;
    this.removal = undefined;
    this.#removalConfirmedFor = filter;
    void this.#continueSave(integration, filter, delegate);
  };

  #onRemovalBack = () => {
    this.removal = undefined;
    this.editor?.focus();
  };

  async #continueSave(
    integration: Integration,
    filter: string | null,
    delegate: DialogDelegate,
  ): Promise<void> {
    const generation = ++this.#generation;
    this.#setPhase('saving');
    this.statusText = () => msg('Saving the filters…', { id: 'user-sync.dialog.saving' });
    const abort = new AbortController();
    this.#abort = abort;
    this.#sentFilter = filter;
    try {
      const updated = await delegate.update(integration.id, filter, abort.signal);
      if (generation !== this.#generation) return;
      this.#setPhase('idle');
      this.statusText = '';
      this.#removalConfirmedFor = undefined;
      this.close();
      delegate.done('update', updated);
    } catch (e) {
      if (generation !== this.#generation) return;
      this.#setPhase('idle');
      this.statusText = '';
      this.#backendFailed(e, 'update');
    } finally {
      if (this.#abort === abort) this.#abort = undefined;
    }
  }

  /** What asked for the last sign-in (its failure says which button to press again). */
  #consentAction: ConsentAction = 'create';

  #consentFailed(failure: ConsentFailure): void {
    // Written again at each render of what shows it: its words follow a change of language.
    const action = this.#consentAction;
    const describe = () => consentFailureView(failure, action);
    const view = describe();
    // Whatever happens next, the sign-in is no longer awaited.
    this.statusText = '';
    if (!view) {
      // Cancelled: quietly back to the form.
      this.statusText = consentCancelled;
      return;
    }
    this.#reportError('consent', failure.kind, view.message);
    if (failure.kind === 'timed-out') {
      // Nothing is wrong with the data: the popup was closed or left open too
      // long. Say so in the dialog's status line, not in an error window.
      this.statusText = () => describe()?.message ?? '';
      return;
    }
    // Try again repeats what asked for the sign-in: Preview's, not a Create or a Save.
    void this.#showFailure(() => describe()!, action === 'preview' ? this.#onPreview : undefined);
  }

  #backendFailed(e: unknown, op: 'create' | 'update'): void {
    const error =
      e instanceof BackendError ? e : new BackendError({ kind: 'network', code: 'unknown' });
    if (error.kind === 'aborted') return;
    const delegate = this.delegate;
    const vendorName = delegate?.vendorName ?? '';
    // Written again at each render of the failure: its words follow a change of language.
    const describe = () => describeBackendError(error, op, vendorName);
    const view = describe();
    if (op === 'create') this.#unansweredCreate = !!view.unanswered && !view.dropConsent;
    if (view.dropConsent) this.#consent = undefined;
    if (view.newKey) this.#keys.reset();
    if (view.refreshList) {
      this.#listRead = Promise.resolve(delegate?.refresh({ unsure: view.unanswered }));
    }
    this.#reportError('backend', view.code, view.message, {
      ...(view.status ? { status: view.status } : {}),
      ...(view.requestId ? { requestId: view.requestId } : {}),
    });
    if (!this.open) {
      this.#pendingFailure = describe;
      delegate?.failedInBackground(this, describe);
      return;
    }
    void this.#showFailure(describe);
  }

  async #showFailure(
    describe: () => FailureView,
    retry: () => void = () => this.#onSubmit(),
  ): Promise<void> {
    const view = describe();
    if (view.filterError) this.serverFilterError = () => describe().filterError ?? '';
    // The backend said where, in the canonical text it was sent: underline it in the editor.
    const range = view.filterErrorRange;
    if (range) this.editor?.markSentProblem?.(range.offset, range.length, this.#sentFilter ?? '');
    // And said to the field itself: focused, it is invalid and tells why (the text beside it
    // is in another shadow root, which aria-describedby can't reach).
    if (view.filterError)
      this.editor?.describeSentProblem?.(view.filterError, this.#sentFilter ?? '');
    const choice = await this.errorWindow.show(describe);
    if (!this.open) return;
    // The backend said the vendor manages the section, and the list read again since shows
    // it: nothing can be created from this dialog any more. Back to + Create, which says why.
    if (view.vendorLock && this.mode === 'create') {
      await this.#listRead;
      if (!this.open) return;
      if (this.delegate?.locked) {
        this.close();
        return;
      }
    }
    // The integration being edited no longer exists (the list was read again): nothing here
    // can be saved any more.
    if (view.gone) {
      this.close();
      return;
    }
    if (choice === 'retry') {
      // A click in the error window: still a user activation for the popup.
      retry();
      return;
    }
    if (view.filterError || (view.stage === 'backend' && this.serverFilterError)) {
      // (showError: to the text, where the field says what the server found, from the
      // builder too.)
      const editor = this.editor;
      if (editor?.showError) editor.showError();
      else editor?.focus();
      return;
    }
    (this.submitButton as HTMLElement | null)?.focus();
  }

  // ------------------------------------------------------------------ render

  override render(): TemplateResult {
    const busy = this.busy;
    const create = this.mode === 'create';
    const locked = this.#locked;
    const needsAuth = this.#needsAuth;
    const submitUnavailable =
      (busy && !(create && this.phase === 'consent')) || needsAuth || locked;
    return html`<dialog
      part="dialog"
      aria-labelledby="title"
      aria-describedby=${create ? nothing : 'target'}
      @close=${this.#onDialogClose}
    >
      <div class="dialog-header" part="dialog-header">
        <h2 id="title">
          ${
            create
              ? msg('Create integration', { id: 'user-sync.dialog.create-title' })
              : msg('Edit filters', { id: 'user-sync.dialog.edit-title' })
          }
        </h2>
        ${create ? nothing : this.renderEditTarget()}
      </div>
      <div
        class="dialog-body"
        part="dialog-body"
        ?inert=${busy}
        aria-busy=${busy ? 'true' : 'false'}
      >
        ${create ? this.renderCreateFields() : nothing}
        <ucx-filter-editor
          part="filter-editor"
          .value=${this.filterText}
          label=${msg('Data source filters', { id: 'user-sync.dialog.filters' })}
          @input=${this.#onFilterInput}
          @ucx-filter-change=${this.#onFilterChange}
        ></ucx-filter-editor>
        ${
          // Not an alert: the error window says the same as it opens (two at once, a screen
          // reader reads one over the other), and the field, focused after it, describes it.
          this.serverFilterError
            ? html`<p class="server-error" part="filter-error">
                <strong
                  >${msg('Invalid LDAP filters', { id: 'user-sync.dialog.invalid-title' })}</strong
                >: ${textOf(this.serverFilterError)}
              </p>`
            : nothing
        }
        ${this.renderPreview()}
      </div>
      <div class="dialog-footer" part="dialog-footer">
        ${this.renderRemovalConfirm()}
        <p class="status" role="status" part="dialog-status">${textOf(this.statusText)}</p>
        <div class="actions">
          <button class="btn cancel" type="button" part="cancel-button" @click=${this.#onCancel}>
            ${
              busy && this.phase === 'consent'
                ? msg('Cancel sign-in', { id: 'user-sync.dialog.cancel-consent' })
                : busy
                  ? msg('Cancel request', { id: 'user-sync.dialog.cancel-request' })
                  : msg('Cancel', { id: 'user-sync.dialog.cancel' })
            }
          </button>
          <button
            class="btn primary submit"
            type="button"
            part="submit-button"
            aria-disabled=${submitUnavailable ? 'true' : 'false'}
            aria-describedby=${
              locked
                ? 'lock-reason'
                : needsAuth
                  ? 'reason'
                  : this.footerError
                    ? 'footer-error'
                    : nothing
            }
            @click=${this.#onSubmit}
          >
            ${
              busy && !this.previewSignIn
                ? html`<span class="spinner" aria-hidden="true"></span>`
                : nothing
            }
            ${
              create
                ? msg('Create', { id: 'user-sync.dialog.create' })
                : msg('Save', { id: 'user-sync.dialog.save' })
            }
          </button>
        </div>
        ${
          locked
            ? html`<p class="reason" id="lock-reason">
                ${`${vendorLockMessage(this.delegate?.vendorName ?? '')} `}${vendorContactLink(
                  this.delegate?.supportUrl ?? '',
                  this.delegate?.vendorName ?? '',
                )}
              </p>`
            : nothing
        }
        ${
          needsAuth
            ? html`<p class="reason" id="reason">
                ${msg('Turn on Authorization to continue.', { id: 'user-sync.dialog.needs-auth' })}
              </p>`
            : nothing
        }
        ${
          this.footerError && !needsAuth && !locked
            ? html`<p class="reason" id="footer-error">${textOf(this.footerError)}</p>`
            : nothing
        }
      </div>
      <ucx-error-window
        exportparts="error-window, error-window-header, error-window-body, error-window-footer"
        support-url=${this.delegate?.supportUrl ?? ''}
      ></ucx-error-window>
    </dialog>`;
  }

  private renderCreateFields() {
    const creatable = SOURCES.filter((s) => s.creatable);
    return html`<div class="field">
        <label for="source">${msg('Data source', { id: 'user-sync.dialog.source' })}</label>
        <select id="source" part="source-select" @change=${this.#onSourceChange}>
          ${creatable.map(
            (s) =>
              html`<option value=${s.id} ?selected=${s.id === this.source}>${s.label()}</option>`,
          )}
        </select>
      </div>
      <div class="field">
        <div class="switch-row">
          <button
            class="switch"
            part="switch"
            type="button"
            role="switch"
            aria-checked=${this.authorized ? 'true' : 'false'}
            aria-describedby="auth-hint"
            @click=${this.#toggleAuthorization}
          >
            <span class="track" aria-hidden="true"><span class="thumb"></span></span>
            <span class="label"
              >${msg('Authorization', { id: 'user-sync.dialog.authorization' })}</span
            >
          </button>
        </div>
        <p class="hint" id="auth-hint">
          ${msg(
            str`When you click Preview or Create, Microsoft asks an administrator of your organization to let this application read users’ profiles (${sourceDefinition(this.source).label()}).`,
            { id: 'user-sync.dialog.authorization-hint' },
          )}
        </p>
      </div>`;
  }

  private renderPreview() {
    const locked = this.#locked;
    const needsAuth = this.#needsAuth;
    return html`<div class="preview-row">
        <button
          class="btn preview-button"
          type="button"
          part="preview-button"
          aria-disabled=${needsAuth || locked ? 'true' : 'false'}
          aria-describedby=${
            locked ? 'preview-hint lock-reason' : needsAuth ? 'preview-hint reason' : 'preview-hint'
          }
          @click=${this.#onPreview}
        >
          ${msg('Preview', { id: 'preview.action' })}
        </button>
        <span class="hint" id="preview-hint">
          ${msg('How many users these filters import, and the first 10, from Microsoft Graph.', {
            id: 'preview.action-hint',
          })}
        </span>
      </div>
      <ucx-user-preview
        @click=${this.#onPreviewClick}
        ?hidden=${!this.previewShown}
        ?stale=${this.previewStale}
        graph-base-url=${this.graphBaseUrl || DEFAULT_GRAPH_BASE_URL}
        exportparts="preview, preview-count, preview-progress, preview-cancel-button, impact, preview-error, clause-report, preview-table"
      ></ucx-user-preview>`;
  }

  /** Cancel preview goes with the run it cancels: focus back on Preview, not the page. */
  #onPreviewClick = (e: Event) => {
    const target = e.composedPath()[0];
    if (!(target instanceof HTMLElement) || !target.matches('[part~="preview-cancel-button"]')) {
      return;
    }
    void (this.preview?.updateComplete ?? Promise.resolve()).then(() =>
      this.renderRoot.querySelector<HTMLElement>('.preview-button')?.focus(),
    );
  };

  private renderRemovalConfirm() {
    const r = this.removal;
    if (!r) return nothing;
    // Counts written as the preview beside it writes them (1,225).
    const lang = displayLang(this);
    const threshold = formatCount(this.#threshold, lang);
    const removed = formatCount(r.removed, lang);
    return html`<div class="removal" part="removal-confirm" role="alert">
      <p>
        ${
          r.partial
            ? msg(
                str`Saving these filters removes at least ${removed} users from the synchronization (more than ${threshold}). Save anyway?`,
                { id: 'preview.removal-partial' },
              )
            : msg(
                str`Saving these filters removes ${removed} users from the synchronization (more than ${threshold}). Save anyway?`,
                { id: 'preview.removal' },
              )
        }
      </p>
      <div class="removal-actions">
        <button class="btn removal-back" type="button" @click=${this.#onRemovalBack}>
          ${msg('Keep editing', { id: 'preview.removal-back' })}
        </button>
        <button class="btn danger removal-save" type="button" @click=${this.#onRemovalConfirm}>
          ${msg(str`Remove ${removed} users and save`, { id: 'preview.removal-save' })}
        </button>
      </div>
    </div>`;
  }

  private renderEditTarget() {
    const i = this.integration;
    if (!i) return nothing;
    return html`<p class="target" id="target">
      ${msg(str`Integration: ${i.displayName}`, { id: 'user-sync.dialog.edit-target' })}
    </p>`;
  }
}
