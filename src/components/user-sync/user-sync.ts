import {
  adoptStyles,
  html,
  nothing,
  supportsAdoptingStyleSheets,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { property, query, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import { UcxElement } from '../../internal/ucx-element.js';
import { tokens } from '../../internal/styles.js';
import { displayLang } from '../../internal/lang.js';
import { vendorContactLink } from '../../internal/vendor-contact.js';
import { warnPropertyAttributes } from '../../internal/property-attributes.js';
import { formatDateTime, prepareDateFormat } from '../../internal/dates.js';
import { sourceDefinition, sourceIcon } from '../../internal/sources.js';
import {
  describeBackendError,
  vendorLockMessage,
  type FailureView,
} from '../../internal/failures.js';
import { getLocale } from '../../i18n/localization.js';
import { LangController } from '../../internal/lang-controller.js';
import {
  BackendClient,
  BackendError,
  DEFAULT_TIMEOUT,
  type RequestHeadersHook,
} from '../../backend/client.js';
import type { CreateIntegration, Integration, IntegrationStatus } from '../../backend/types.js';
import {
  ConsentError,
  consentProviderOf,
  type ConsentFailure,
  type ConsentFunction,
  type ConsentProvider,
} from '../../auth/types.js';
import { UcxIntegrationCreatedEvent } from '../../events/integration-created.js';
import { UcxIntegrationUpdatedEvent } from '../../events/integration-updated.js';
import { UcxIntegrationDeletedEvent } from '../../events/integration-deleted.js';
import { UcxErrorEvent } from '../../events/error.js';
import type { DialogDelegate, UcxCreateDialog } from '../create-dialog/create-dialog.js';
import type { UcxConfirmDialog } from '../confirm-dialog/confirm-dialog.js';
import {
  DEFAULT_GRAPH_BASE_URL,
  DEFAULT_REMOVAL_CONFIRM_THRESHOLD,
} from '../preview/preview-defaults.js';
import { userSyncListStyles, userSyncShellStyles } from './user-sync.styles.js';
import { changedByContent } from '../../internal/same-value.js';

export const DEFAULT_AUTHORITY = 'https://login.microsoftonline.com/organizations';
export const DEFAULT_VENDOR_NAME = 'Imagicle Support';
/** Where the default vendor's contact link points when the host sets no `support-url`. */
export const DEFAULT_SUPPORT_URL = 'https://www.imagicle.com/';
const PREVIEW_PARTS =
  'preview-button, preview, preview-count, preview-progress, preview-cancel-button, preview-table, preview-error, clause-report';

/** The list's column headers, in order. */
type Columns = [
  integration: string,
  filters: string,
  status: string,
  activity: string,
  actions: string,
];

/** A call cut short by the element leaving the page (or by a newer call), not a failure. */
const isAborted = (e: unknown): boolean => e instanceof BackendError && e.kind === 'aborted';

/** The element that has focus, looking into shadow roots; none when it is the page's body. */
function focusedElement(): HTMLElement | undefined {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : undefined;
}

/** Whether `node` is `host` or inside it, across shadow roots. */
function isWithin(node: Node, host: Element): boolean {
  for (let n: Node | null = node; n; n = n instanceof ShadowRoot ? n.host : n.parentNode) {
    if (n === host) return true;
  }
  return false;
}

/** The rows' summaries (row-summary.ts), once their module has loaded. */
let summarize: ((filter: string) => string | null) | undefined;
let summaries: Promise<void> | undefined;
/**
 * Loads the rows' summaries while the list's request is out: the list renders with them, and
 * the first paint doesn't carry the filter parser. Never rejects: without the module (a
 * failed chunk load) rows show their filter's text alone, and the next read asks again (a
 * browser may remember the failure until the page reloads).
 */
const loadSummaries = (): Promise<void> =>
  (summaries ??= import('./row-summary.js').then(
    (m) => {
      summarize = m.summarizeStoredFilter;
    },
    () => {
      summaries = undefined;
    },
  ));

/** How long the section waits for an endpoint a host sets after adding it (ms). */
const NO_ENDPOINT_GRACE = 1000;

/** How long a list that has arrived waits for its rows' summaries (ms). */
const SUMMARIES_WAIT = 1000;

/** True for the integration that locks the section: an active Webex one the vendor manages. */
export function isVendorLock(i: Integration): boolean {
  return i.source === 'webex' && i.managedBy === 'vendor' && i.status === 'active';
}

/** The most of one server text a row shows (a name, a tenant, a status message). */
const SHOWN_MAX = 1000;

/**
 * A server text cut to SHOWN_MAX characters, with an ellipsis (never half an emoji): a backend
 * that sends a megabyte of name would otherwise have the list lay out tens of thousands of
 * pieces (a security probe's page froze for minutes).
 */
function shortened(text: string): string {
  if (text.length <= SHOWN_MAX) return text;
  const end = /[\ud800-\udbff]/.test(text.charAt(SHOWN_MAX - 1)) ? SHOWN_MAX - 1 : SHOWN_MAX;
  return `${text.slice(0, end)}…`;
}

/**
 * Text that may wrap after a . or a - (a domain between its labels, a tenant id between its
 * groups) rather than mid-word, and inside a run of over 24 characters with neither (a URL's
 * query, an id of 96 hex digits) every 24: a table column's narrowest is then its longest
 * piece, so such a run can't widen the table past the section. (A <wbr> is not copied with
 * the text, as a zero-width space would be.)
 */
const breakable = (text: string) =>
  shortened(String(text))
    .replace(/[^\s.-]{24}(?=[^\s.-])/g, '$&\ue000')
    .split(/(?<=[.-])|\ue000/)
    .map((piece, k) => (k ? html`<wbr />${piece}` : piece));

/**
 * The "Users' Synchronization Integration" section of an admin console: lists
 * the host's user-synchronization integrations, creates new ones (Microsoft
 * Entra ID consent through MSAL, loaded on first use), edits their filters and
 * deletes them, and honours the vendor lock. The create and edit dialogs offer a
 * *Preview* of the users a filter matches, read from Microsoft Graph in the browser
 * with the consent's access token (`graph-base-url`); editing also shows the impact
 * of the change and, once the dialog has a sign-in (Preview opens it; Save never does),
 * asks before saving a filter that removes more than `removal-confirm-threshold` users.
 * Graph errors never block creating or saving.
 *
 * Light or dark follows the element's `color-scheme`: the operating system's choice by
 * default; `ucx-user-sync { color-scheme: light }` keeps it light on a console with no dark
 * theme (`dark` forces the dark defaults). Its dialogs and filter editor follow the section.
 *
 * @tag ucx-user-sync
 * @summary Users' synchronization integrations: list, create, edit, delete.
 *
 * @attr lang - UI language, page-wide (falls back to the closest [lang], the page's, the browser's).
 *
 * @fires {UcxBeforeCreateEvent} ucx-before-create - Cancelable; `{ body }` about to be created. `preventDefault()` vetoes it (no popup, no request).
 * @fires {UcxConsentGrantedEvent} ucx-consent-granted - `{ consent }` when Microsoft sign-in returned a consent result.
 * @fires {UcxIntegrationCreatedEvent} ucx-integration-created - `{ integration }` after the backend created one.
 * @fires {UcxIntegrationUpdatedEvent} ucx-integration-updated - `{ integration }` after its filter was saved.
 * @fires {UcxIntegrationDeletedEvent} ucx-integration-deleted - `{ integration }` after it was deleted.
 * @fires {UcxErrorEvent} ucx-error - `{ stage: 'validation' | 'consent' | 'backend' | 'load', code, message, status?, requestId? }` whenever a failure is shown.
 *
 * @csspart base - The section's box.
 * @csspart header - Title, introduction and the Create button.
 * @csspart title - The section heading.
 * @csspart create-button - **+ Create**.
 * @csspart lock-notice - Why Create is unavailable (vendor lock), with the contact link.
 * @csspart announcer - The `role="status"` line (loading, created, deleted…).
 * @csspart loading - The skeleton shown while loading.
 * @csspart empty - The empty state.
 * @csspart load-error - The load error with Retry.
 * @csspart list - The table of integrations.
 * @csspart row - One integration.
 * @csspart source-icon - A source's icon.
 * @csspart status - A status badge.
 * @csspart filter - A row's filter text and summary.
 * @csspart edit-button - A row's Edit button.
 * @csspart delete-button - A row's Delete button.
 * @csspart contact-link - The vendor contact link (the lock notice's, and the create dialog's beside its lock reason).
 * @csspart notice - A failure that happened while its dialog was closed.
 * @csspart dialog - The create / edit / delete `<dialog>`s.
 * @csspart dialog-header - A dialog's heading area.
 * @csspart dialog-body - A dialog's fields (inert and greyed while busy).
 * @csspart dialog-footer - A dialog's status and buttons.
 * @csspart source-select - The *Data source* select.
 * @csspart switch - The *Authorization* switch.
 * @csspart filter-editor - The `<ucx-filter-editor>` in the dialog.
 * @csspart filter-error - What the backend said is wrong with the filters.
 * @csspart dialog-status - A dialog's `role="status"` live region.
 * @csspart confirm-dialog - The delete confirmation `<dialog>`.
 * @csspart submit-button - Create / Save in the dialog.
 * @csspart cancel-button - Cancel in a dialog.
 * @csspart confirm-button - Delete in the confirmation dialog.
 * @csspart error-window - The failure window (`role="alertdialog"`).
 * @csspart error-window-header - Its heading area.
 * @csspart error-window-body - Its message, the backend's detail and the request id.
 * @csspart error-window-footer - Its buttons.
 * @csspart preview-button - *Preview* in the create / edit dialog.
 * @csspart preview - The preview of matching users.
 * @csspart preview-count - The number of matching users (`role="status"`); `data-count` holds it.
 * @csspart preview-progress - The `<progress>` of a browser-side scan.
 * @csspart preview-cancel-button - Cancel of a running preview.
 * @csspart preview-table - The table of the first 10 matching users.
 * @csspart preview-error - Why Microsoft Graph could not answer (`role="alert"`).
 * @csspart clause-report - Where each clause of the filter is evaluated, with the reason.
 * @csspart impact - "+X users will be added, −Y removed" when editing.
 * @csspart removal-confirm - The confirmation before saving a filter that removes many users.
 *
 * @cssprop [--ucx-font-family=inherit] - Font (inherits the host page's).
 * @cssprop [--ucx-color-text=#1f2328] - Text (dark: #e6edf3).
 * @cssprop [--ucx-color-text-muted=#57606a] - Secondary text (dark: #9da7b3).
 * @cssprop [--ucx-color-surface=#ffffff] - Background (dark: #161b22).
 * @cssprop [--ucx-color-surface-raised=#f6f8fa] - Secondary background (dark: #1f2630).
 * @cssprop [--ucx-color-border=#818b98] - Borders (dark: #6e7681).
 * @cssprop [--ucx-color-accent=#0b5cad] - Primary buttons, links, the switch (dark: #4493f8).
 * @cssprop [--ucx-color-on-accent=#ffffff] - Text on the accent (dark: #0d1117).
 * @cssprop [--ucx-color-danger=#b42318] - Failures and Delete (dark: #ff7b72).
 * @cssprop [--ucx-color-success=#1a7f37] - "Active" badge (dark: #56d364).
 * @cssprop [--ucx-color-warning=#9a6700] - "Pending" badge and lock notice border (dark: #e3b341).
 * @cssprop [--ucx-color-focus=#0b5cad] - Focus ring (dark: #79c0ff).
 * @cssprop [--ucx-radius=6px] - Corner radius.
 * @cssprop [--ucx-space=8px] - Base spacing unit.
 */
export class UcxUserSync extends UcxElement {
  static override styles = [tokens, userSyncShellStyles];

  /**
   * Base URL of the host's integrations collection (required). Compared as text: a new URL
   * object for the same address changes nothing.
   */
  @property({
    hasChanged: (value: unknown, old: unknown) => String(value ?? '') !== String(old ?? ''),
  })
  endpoint = '';
  /** The Entra application (client) id used for consent. */
  @property({ attribute: 'client-id' }) clientId = '';
  /** Microsoft authority; never `common`. */
  @property() authority = DEFAULT_AUTHORITY;
  /** The page MSAL's popup returns to (serves the redirect bridge). Default `/redirect.html`. */
  @property({ attribute: 'redirect-uri' }) redirectUri = '';
  /**
   * Scopes requested at consent: a list, or one space-separated string as OAuth writes them.
   * Compared by content: a new list with the same scopes changes nothing.
   */
  @property({ attribute: false, hasChanged: changedByContent }) scopes: string[] | string = [
    'https://graph.microsoft.com/.default',
  ];
  /**
   * Where the vendor lock and failures point the admin. Unset, with the default vendor name,
   * the vendor's site (`DEFAULT_SUPPORT_URL`); unset with another `vendor-name`, no link.
   */
  @property({ attribute: 'support-url' }) supportUrl = '';
  /** Who manages vendor-managed integrations ("Managed by …"). */
  @property({ attribute: 'vendor-name' }) vendorName = DEFAULT_VENDOR_NAME;
  /**
   * Partial MSAL configuration merged over the defaults. Compared by content (its functions by
   * identity): a new object that says the same keeps the prepared sign-in.
   */
  @property({ attribute: false, hasChanged: changedByContent }) msalConfig:
    Record<string, unknown> | undefined;
  /**
   * Headers added to every backend call: an object or a (async) function. A header whose
   * value is undefined or null is not sent (a token the page doesn't have yet).
   */
  @property({ attribute: false }) requestHeaders: RequestHeadersHook | undefined;
  /** Injectable fetch (default `globalThis.fetch`). */
  @property({ attribute: false }) fetch: typeof globalThis.fetch | undefined;
  /**
   * Consent: a `ConsentProvider`, or simply a function that signs in and resolves with the
   * consent result (called in the click). By default the MSAL provider, loaded when the
   * create dialog first opens.
   */
  @property({ attribute: false }) consent: ConsentProvider | ConsentFunction | undefined;
  /**
   * Backend call timeout in milliseconds (none, zero or less: the default). A third of it
   * (10 s at most) into loading the list, the section says the server is slow.
   */
  @property({ type: Number }) timeout: number = DEFAULT_TIMEOUT;
  /**
   * Microsoft Graph base URL used by Preview (default `https://graph.microsoft.com/v1.0`;
   * the demo and tests point it at a stand-in). The access token comes from the consent
   * provider's `getAccessToken()` and is only ever sent here.
   */
  @property({ attribute: 'graph-base-url' }) graphBaseUrl: string = DEFAULT_GRAPH_BASE_URL;
  /**
   * Editing: saving a filter that removes more users than this asks for confirmation
   * first. The count needs Microsoft Graph, so it is checked once the dialog has a sign-in
   * (after Preview); Save itself never opens the sign-in popup.
   */
  @property({ type: Number, attribute: 'removal-confirm-threshold' })
  removalConfirmThreshold: number = DEFAULT_REMOVAL_CONFIRM_THRESHOLD;

  @state() private items: Integration[] | undefined;
  @state() private revision = 0;
  /** The status line's text, made at render: it follows a change of language. */
  @state() private announcement: () => string = () => '';
  /** A failure while its dialog was closed; its view is written at render (as announcement). */
  @state() private notice: { view: () => FailureView; dialog: HTMLElement } | undefined;

  @query('.create') private createButton!: HTMLButtonElement | null;
  @query('ucx-create-dialog.create-dialog') private createDialog!: UcxCreateDialog;
  @query('ucx-create-dialog.edit-dialog') private editDialog!: UcxCreateDialog;
  @query('ucx-confirm-dialog') private confirmDialog!: UcxConfirmDialog;

  #client: BackendClient | undefined;
  #clientKey = '';
  #provider: ConsentProvider | undefined;
  #providerLoading: Promise<void> | undefined;
  #providerFailure: ConsentFailure | undefined;
  #focusCreateAfterRender = false;
  #dialogs: Promise<unknown> | undefined;
  #summaries = new Map<string, string | null>();
  #listStyled = false;

  #load = new Task(this, {
    task: async (_args, { signal }) => {
      const backend = this.#backend();
      // (The endpoint as the client reads it: blank, or a URL object's text, say.)
      if (!backend.endpoint) {
        // A host often sets endpoint just after adding the element (after an await, in a
        // framework's next tick): the section keeps loading a moment before it says none is
        // configured (and fires ucx-error); setting one runs this task anew, which aborts
        // this wait. No request was made, so the failure has no HTTP status.
        await new Promise<void>((done) => {
          const timer = setTimeout(done, NO_ENDPOINT_GRACE);
          signal.addEventListener('abort', () => (clearTimeout(timer), done()), { once: true });
        });
        // (Removed meanwhile: nothing to say to a page that took it away; back, it loads again.)
        if (signal.aborted || !this.isConnected) throw new BackendError({ kind: 'aborted' });
        throw new BackendError({ kind: 'http', code: 'no-endpoint' });
      }
      this.#listLang = displayLang(this); // (the backend client sends it as Accept-Language)
      this.#slowLoad = false;
      // A slow backend: after a third of the client's timeout (10 s by default, at most) the
      // loading line says so, as a dialog's "Still working…" does; not for a read a newer
      // one has replaced (aborted), whose timer may outlive it while the hook or the
      // summaries hold it.
      const timer = setTimeout(
        () => {
          if (signal.aborted) return;
          this.#slowLoad = true;
          this.requestUpdate();
        },
        Math.min(backend.timeout / 3, 1e4),
      );
      try {
        const items = await backend.list({ signal });
        // The server has answered: a wait for the summaries' chunk below is not its slowness.
        clearTimeout(timer);
        if (!summarize) {
          // The rows' summaries (asked for after the first frame: see firstUpdated), waited
          // for a moment so the rows come with them, never longer: a chunk that stalls shows
          // the rows without, and the summaries follow when it comes.
          const loaded = loadSummaries().then(() => this.requestUpdate());
          await Promise.race([loaded, new Promise((done) => setTimeout(done, SUMMARIES_WAIT))]);
        }
        return items;
      } finally {
        clearTimeout(timer);
      }
    },
    args: () => [this.endpoint, this.revision] as const,
    onComplete: (items) => {
      // After a load the admin waited for with words (the server was slow, or a Retry), the
      // status says it is over: emptied without a word, the line would leave them waiting.
      // (Slow: only where "Still loading… slow" was shown, in the first load's place.)
      const sayLoaded =
        !this.#pollLoad && ((this.#slowLoad && this.items === undefined) || this.#retried);
      this.#pollLoad = false;
      this.#retried = false;
      if (sayLoaded) {
        // Old news at the next read (its count may be out of date): gone then.
        const read = this.revision;
        this.announcement = () =>
          this.revision !== read
            ? ''
            : items.length
              ? msg(str`Integrations loaded: ${items.length}.`, { id: 'user-sync.loaded' })
              : msg('No integrations yet', { id: 'user-sync.empty.title' });
      }
      this.#announceSettled(this.items, items); // (a status that settled says more)
      this.items = items;
      this.#warmDialogs();
      this.#pollWhilePending();
    },
    onError: (e) => {
      if (!isAborted(e)) this.#retried = false;
      if (isAborted(e)) {
        // Aborted by a move in the page (disconnect, then connect): load again once back.
        if (this.isConnected) void this.#load.run();
        return;
      }
      if (this.#pollLoad) {
        // A background read the admin didn't ask for (a network blip, a laptop waking):
        // the list stays as it was, nothing is said, and the next read comes later.
        this.#pollWhilePending();
        return;
      }
      this.announcement = () => '';
      const view = this.#loadFailure(e);
      this.emit(
        new UcxErrorEvent({
          stage: 'load',
          code: view.code,
          message: view.message,
          ...(view.status ? { status: view.status } : {}),
          ...(view.requestId ? { requestId: view.requestId } : {}),
        }),
      );
    },
  });

  constructor() {
    super();
    // The runtime locale follows this element's language (its lang, around it, `<html lang>`).
    new LangController(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    warnPropertyAttributes(this, ['requestHeaders', 'fetch', 'consent', 'msalConfig', 'scopes']);
    // Moved in the page (a framework's portal) while the list was loading: the move aborted
    // it (see below), so load it again rather than leave the load unfinished.
    if (this.#loadAborted) void this.#load.run();
    else this.#pollWhilePending();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#client?.abortAll();
    clearTimeout(this.#poll);
    this.#clearFollowUps();
  }

  #poll: ReturnType<typeof setTimeout> | undefined;
  #polls = 0;
  /** The load in flight (or last failed) was a poll's, not one the admin or host asked for. */
  #pollLoad = false;

  /**
   * While an integration is pending (its first synchronization runs on the backend), reads
   * the list again after 3, 5 and 10 s, then every 30 s, so its status changes without a
   * reload. Not while not in the page; a hidden tab's reads wait until it is shown. A failed
   * read is tried again the same way, quietly (see the load's onError).
   */
  #pollWhilePending(): void {
    clearTimeout(this.#poll);
    if (!this.isConnected || !this.items?.some((i) => i.status === 'pending')) {
      this.#polls = 0;
      return;
    }
    const delay = [3000, 5000, 10000, 30000][Math.min(this.#polls++, 3)];
    this.#poll = setTimeout(() => {
      if (document.hidden) {
        this.#pollWhilePending();
        return;
      }
      this.#readQuietly();
    }, delay);
  }

  #followUps: ReturnType<typeof setTimeout>[] = [];

  /**
   * Reads the list now, and quietly (as a poll) 3 and 10 s later: a request the page
   * stopped waiting for (cancelled, timed out, cut off) may still be finished by the server,
   * and the create dialog's "Cancelled" says the integration then appears in the list.
   */
  #refreshUnsure(): Promise<void> {
    this.#clearFollowUps();
    this.#followUps = [3000, 10000].map((delay) =>
      setTimeout(() => {
        if (this.isConnected && this.#load.status !== TaskStatus.PENDING) this.#readQuietly();
      }, delay),
    );
    return this.refresh();
  }

  #clearFollowUps(): void {
    for (const timer of this.#followUps) clearTimeout(timer);
    this.#followUps = [];
  }

  /** Reads the list again as a poll does: nothing said unless it changes, no failure shown. */
  #readQuietly(): void {
    this.#pollLoad = true;
    this.revision++;
  }

  /** A read the admin or host asked for (or a new endpoint): polls start over. */
  #stopPolling(): void {
    clearTimeout(this.#poll);
    this.#polls = 0;
    this.#pollLoad = false;
  }

  /** Says which pending integrations have settled (a poll's news, heard as well as seen). */
  #announceSettled(before: Integration[] | undefined, after: Integration[]): void {
    const was = new Map(before?.map((i) => [i.id, i.status]));
    const settled = after.filter((i) => was.get(i.id) === 'pending' && i.status !== 'pending');
    if (!settled.length) return;
    this.announcement = () =>
      settled
        .map((i) => {
          const name = i.displayName;
          const status = this.statusLabel(i.status);
          return msg(str`“${name}” status: ${status}.`, { id: 'user-sync.status-settled' });
        })
        .join(' ');
  }

  // ---------------------------------------------------------------- public API

  /**
   * Opens the create dialog; false (and nothing opens) when the section is locked, loading
   * or not in the page. Closing it returns focus to what had it at the call (the host's
   * button), else to + Create.
   */
  async openCreateDialog(): Promise<boolean> {
    try {
      // Focus goes back where it was when the host called (its own button, say), not to
      // + Create, when the dialog closes; from inside the section (the open dialog's own
      // field, say), to + Create.
      const focused = focusedElement();
      const trigger = focused && !isWithin(focused, this) ? focused : undefined;
      // (Not in the page, the element never updates: updateComplete would never settle.)
      if (!this.isConnected) return false;
      await this.updateComplete;
      if (this.#locked || this.items === undefined) return false;
      this.#prepareConsent();
      await this.#loadDialogs();
      await this.createDialog.show(trigger ?? this.createButton ?? undefined);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Reloads the list; resolves when done (never rejects). Not in the page, it resolves at
   * once: the list loads when the element is added.
   */
  async refresh(): Promise<void> {
    this.#stopPolling();
    this.revision++;
    if (!this.isConnected) return;
    try {
      await this.updateComplete;
      await this.#load.taskComplete;
    } catch {
      /* shown in the UI */
    }
  }

  // ---------------------------------------------------------------- internals

  get #locked(): Integration | undefined {
    return this.items?.find(isVendorLock);
  }

  #backend(): BackendClient {
    const key = `${this.endpoint}\n${this.timeout}`;
    if (!this.#client || key !== this.#clientKey) {
      this.#client?.abortAll();
      this.#clientKey = key;
      this.#client = new BackendClient({
        endpoint: this.endpoint,
        timeout: this.timeout,
        fetch: (input, init) => (this.fetch ?? globalThis.fetch).call(globalThis, input, init),
        // The section's language as shown, so a backend can answer its texts in it too.
        language: () => displayLang(this),
        requestHeaders: async (request) => {
          const hook = this.requestHeaders;
          if (!hook) return {};
          return typeof hook === 'function' ? await hook(request) : hook;
        },
      });
    }
    return this.#client;
  }

  /** The language the rows were read in: their server texts (status messages) are in it. */
  #listLang: string | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A new language (the section's lang, around it, or the page's): read the list again, so
    // the server's texts follow the element's; quietly, as a poll does.
    const lang = this.#listLang === undefined ? undefined : displayLang(this);
    if (this.items && lang !== this.#listLang && this.#load.status !== TaskStatus.PENDING) {
      this.#listLang = lang;
      this.#readQuietly();
    }
    if (changed.has('endpoint') && changed.get('endpoint') !== undefined) {
      // Another collection (another tenant, say): the rows shown are not in it, and an
      // edit or delete would send their ids to it. Its own list replaces them, and an open
      // dialog closes as Cancel closes it: focus back on its trigger, the filter typed in
      // the create dialog kept for the next + Create, an edit's changes said to be unsaved,
      // a request in flight given up (the new endpoint's client aborts it anyway).
      this.createDialog?.abandon();
      this.editDialog?.abandon();
      this.confirmDialog?.abandon();
      this.items = undefined;
      this.notice = undefined;
      this.#stopPolling();
    }
    if (!this.#listStyled && !this.#loading) {
      // The list's rules join the shell's, in the same update that first renders the list
      // (so it is never painted unstyled).
      this.#listStyled = true;
      const root = this.renderRoot as ShadowRoot;
      if (supportsAdoptingStyleSheets && userSyncListStyles.styleSheet) {
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, userSyncListStyles.styleSheet];
      } else {
        adoptStyles(root, [userSyncListStyles]); // appends a <style> (with the page's nonce)
      }
    }
    if (
      changed.has('clientId') ||
      changed.has('authority') ||
      changed.has('redirectUri') ||
      changed.has('scopes') ||
      changed.has('msalConfig')
    ) {
      this.#provider = undefined;
      this.#providerLoading = undefined;
      this.#providerFailure = undefined;
    }
  }

  /** The status region has been in the page for a frame (see render). */
  #announcerLive = false;

  protected override firstUpdated(): void {
    requestAnimationFrame(() => {
      this.#announcerLive = true;
      if (this.#loading) this.requestUpdate();
      // The rows' summaries, while the list's request is out: asked for once the shell is
      // painted (the task after this frame), as a module request costs about 3 ms.
      setTimeout(loadSummaries);
    });
    // The rows' dates need Intl, whose first use costs tens of milliseconds: pay it while
    // the list request is in flight, so the list renders without it.
    this.#whenIdle(() => {
      if (this.isConnected) prepareDateFormat(displayLang(this));
    });
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // An open create dialog says whether the list now locks the section (its Create and
    // Preview wait on it): it reads the lock through the delegate, so it is told to look.
    // (Not yet upgraded while the dialogs' module loads: then it has no requestUpdate.)
    if ((changed as Map<PropertyKey, unknown>).has('items')) {
      (this.createDialog as Partial<UcxCreateDialog> | null)?.requestUpdate?.();
    }
    if (this.#focusCreateAfterRender) {
      this.#focusCreateAfterRender = false;
      this.createButton?.focus();
    }
  }

  /** The list has been loading for a while (see #load). */
  #slowLoad = false;

  #loadingText(): string {
    return this.#slowLoad
      ? msg('Still loading integrations… The server is slow to answer.', {
          id: 'user-sync.loading-slow',
        })
      : msg('Loading integrations…', { id: 'user-sync.loading' });
  }

  #loadFailure(e: unknown): FailureView {
    if (e instanceof BackendError && e.code === 'no-endpoint') {
      return {
        ...describeBackendError(e, 'load', this.vendorName),
        message: msg('No endpoint is configured for this section.', {
          id: 'user-sync.no-endpoint',
        }),
      };
    }
    const error =
      e instanceof BackendError ? e : new BackendError({ kind: 'network', code: 'unknown' });
    return describeBackendError(error, 'load', this.vendorName);
  }

  #injected: { given: ConsentFunction; provider: ConsentProvider } | undefined;
  /**
   * The host's consent as a provider (a function is wrapped, once per function); undefined
   * when it gave none, or something that is neither (a string, a misspelled `start`).
   */
  get #injectedConsent(): ConsentProvider | undefined {
    const given = this.consent;
    if (typeof given !== 'function') {
      return typeof (given as { start?: unknown } | null | undefined)?.start === 'function'
        ? given
        : undefined;
    }
    if (this.#injected?.given !== given) {
      this.#injected = { given, provider: consentProviderOf(given) };
    }
    return this.#injected.provider;
  }

  #prepareConsent(): void {
    const injected = this.#injectedConsent;
    if (injected) {
      try {
        void Promise.resolve(injected.prepare()).catch(() => undefined);
      } catch {
        // A host provider without a working prepare(): start() is what counts.
      }
      return;
    }
    // (A consent the host gave but that isn't one is a configuration error: no MSAL either.)
    if (this.consent == null && this.clientId) this.#loadProvider();
  }

  #loadProvider(): void {
    if (this.#provider || this.#providerLoading || this.#providerFailure) return;
    const loading = import('../../auth/msal-consent.js')
      .then((m) => {
        const provider = m.createMsalConsent({
          clientId: this.clientId,
          authority: this.authority || DEFAULT_AUTHORITY,
          ...(this.redirectUri ? { redirectUri: this.redirectUri } : {}),
          scopes: this.scopes,
          ...(this.msalConfig ? { msalConfig: this.msalConfig } : {}),
        });
        if (this.#providerLoading !== loading) return;
        this.#provider = provider;
        return provider.prepare();
      })
      .catch((e: unknown) => {
        if (this.#providerLoading !== loading) return;
        this.#providerFailure =
          e instanceof ConsentError
            ? e.failure
            : { kind: 'misconfigured', code: 'msal-unavailable', retryable: false };
        this.#provider = undefined;
      });
    this.#providerLoading = loading;
  }

  #delegate: DialogDelegate = ((host: UcxUserSync): DialogDelegate => ({
    consentProvider: () => host.#consentProvider(),
    emit: (event) => host.emit(event),
    create: (body: CreateIntegration, key, signal) =>
      host.#backend().create(body, { idempotencyKey: key, signal }),
    update: (id, filter, signal) =>
      host.#vendorManaged(id) ?? host.#backend().update(id, { filter }, { signal }),
    remove: (id, signal) => host.#vendorManaged(id) ?? host.#backend().remove(id, { signal }),
    done: (op, integration) => host.#done(op, integration),
    refresh: (options) => (options?.unsure ? host.#refreshUnsure() : host.refresh()),
    failedInBackground: (dialog, view) => {
      host.notice = { view, dialog };
    },
    announce: (text) => {
      host.announcement = text;
    },
    get vendorName() {
      return host.#vendorName;
    },
    get supportUrl() {
      return host.#supportUrl; // (the error window links it only if safeLink allows)
    },
    get locked() {
      return !!host.#locked;
    },
  }))(this);

  /**
   * A change to a row the list now says the vendor manages (a list read since its edit or
   * delete dialog opened) is refused here as the backend refuses it, so no PATCH or DELETE
   * is ever sent for it; the dialog says why in the same words. Undefined: the row is the
   * customer's.
   */
  #vendorManaged(id: string): Promise<never> | undefined {
    if (this.items?.find((i) => i.id === id)?.managedBy !== 'vendor') return undefined;
    return Promise.reject(new BackendError({ kind: 'http', code: 'vendor-managed-lock' }));
  }

  #consentProvider(): ConsentProvider | 'loading' | ConsentFailure {
    const injected = this.#injectedConsent;
    if (injected) return injected;
    // Given, but neither a function nor a provider: a configuration error, said as one.
    if (this.consent != null) {
      return { kind: 'misconfigured', code: 'invalid-consent-option', retryable: false };
    }
    if (!this.clientId) {
      return { kind: 'misconfigured', code: 'missing-client-id', retryable: false };
    }
    if (this.#providerFailure) return this.#providerFailure;
    if (this.#provider) return this.#provider;
    this.#loadProvider();
    return 'loading';
  }

  #done(op: 'create' | 'update' | 'delete', integration: Integration): void {
    // A read in flight (a poll's, say) was sent before this change and would undo it on
    // screen: read again instead, after it.
    if (this.#load.status === TaskStatus.PENDING) {
      this.#stopPolling();
      this.revision++;
    }
    const items = this.items ?? [];
    if (op === 'delete') {
      this.items = items.filter((i) => i.id !== integration.id);
      this.announcement = () =>
        msg(str`“${integration.displayName}” was deleted.`, {
          id: 'user-sync.deleted',
        });
      this.#focusCreateAfterRender = true;
      this.emit(new UcxIntegrationDeletedEvent({ integration }));
      return;
    }
    const index = items.findIndex((i) => i.id === integration.id);
    this.items =
      index < 0
        ? [...items, integration]
        : items.map((i) => (i.id === integration.id ? integration : i));
    if (op === 'create') {
      this.notice = undefined;
      this.announcement = () =>
        msg(str`“${integration.displayName}” was created.`, {
          id: 'user-sync.created',
        });
      this.emit(new UcxIntegrationCreatedEvent({ integration }));
    } else {
      this.announcement = () =>
        msg(str`The filters of “${integration.displayName}” were saved.`, {
          id: 'user-sync.updated',
        });
      this.emit(new UcxIntegrationUpdatedEvent({ integration }));
    }
    if (op === 'create') this.#polls = 0; // (a new one is usually pending: read it soon)
    this.#pollWhilePending();
  }

  /**
   * The dialogs (and the filter editor and preview inside them) are not part of
   * the first paint: they are defined by a module loaded once the list has
   * rendered, or by the first click that needs one. The dialog elements are
   * rendered with the list (see renderDialogs) and upgrade in place when it arrives.
   */
  #loadDialogs(): Promise<unknown> {
    this.#dialogs ??= import('../../ucx-user-sync-dialogs.js').catch((e: unknown) => {
      this.#dialogs = undefined; // a failed chunk load can be retried by the next click
      throw e;
    });
    return this.#dialogs;
  }

  /**
   * Once the list is on screen, fetch the dialogs while the admin reads it, so
   * + Create opens at once (after the list: the warm-up must not delay it).
   */
  #warmDialogs(): void {
    if (this.#dialogs) return;
    this.#whenIdle(() => void this.#loadDialogs().catch(() => undefined));
  }

  #whenIdle(work: () => void): void {
    const idle = (globalThis as { requestIdleCallback?: (cb: () => void) => number })
      .requestIdleCallback;
    if (idle) idle(work);
    else setTimeout(work, 200);
  }

  #onCreateClick = (e: Event) => {
    if (this.#locked || this.items === undefined) return;
    this.#prepareConsent();
    const trigger = e.currentTarget as HTMLElement;
    this.#openDialog(() => this.createDialog.show(trigger));
  };

  /** Opens a dialog once their module is there; the last outcome is old news by then. */
  #openDialog(show: () => unknown): void {
    this.announcement = () => '';
    void this.#loadDialogs()
      .then(show)
      .catch(() => this.#dialogsUnavailable());
  }

  #onEdit(e: Event, integration: Integration): void {
    if (integration.managedBy === 'vendor') return;
    this.#prepareConsent(); // Preview in the edit dialog signs in
    const trigger = e.currentTarget as HTMLElement;
    this.#openDialog(() => this.editDialog.show(trigger, integration));
  }

  #onDelete(e: Event, integration: Integration): void {
    if (integration.managedBy === 'vendor') return;
    const trigger = e.currentTarget as HTMLElement;
    this.#openDialog(() => this.confirmDialog.show(trigger, integration));
  }

  /** The dialogs' chunk could not be loaded (offline, a deploy replaced it): say so. */
  #dialogsUnavailable(): void {
    const message = () =>
      msg('This part of the page could not be loaded. Check your connection and try again.', {
        id: 'user-sync.dialogs-unavailable',
      });
    this.announcement = message;
    this.emit(new UcxErrorEvent({ stage: 'load', code: 'chunk-load-failed', message: message() }));
  }

  /** The load in flight is a Retry's (see the load's onComplete). */
  #retried = false;

  #onRetryLoad = async () => {
    this.#retried = true;
    await this.refresh();
    await this.updateComplete;
    // Retry left with the error box while loading, and focus with it (to the page's body),
    // unless the admin has gone on elsewhere meanwhile: then it stays there. Otherwise:
    // failed again, back on Retry; loaded, on the section's title, above the list.
    if (focusedElement()) return;
    (
      this.renderRoot.querySelector<HTMLElement>('.load-error .retry') ??
      this.renderRoot.querySelector<HTMLElement>('.title')
    )?.focus();
  };

  #onNoticeReview = () => {
    const notice = this.notice;
    this.notice = undefined;
    if (!notice) return;
    const dialog = notice.dialog as UcxCreateDialog;
    if (typeof dialog.show === 'function') {
      void dialog.show(this.createButton ?? undefined);
    }
  };

  // ---------------------------------------------------------------- render

  /** The last load was cut short by the element leaving the page (not a failure to show). */
  get #loadAborted(): boolean {
    return this.#load.status === TaskStatus.ERROR && isAborted(this.#load.error);
  }

  /** The last load failed (aborted by a move is not failed: it runs again; nor is a poll's). */
  get #loadFailed(): boolean {
    return this.#load.status === TaskStatus.ERROR && !this.#loadAborted && !this.#pollLoad;
  }

  /** Waiting for the first list (not a refresh, not a failed load). */
  get #loading(): boolean {
    return this.items === undefined && !this.#loadFailed;
  }

  override render(): TemplateResult {
    const locked = this.#locked;
    const loading = this.#loading;
    const createUnavailable = !!locked || this.items === undefined;
    // The status region is in the page (empty) a frame before "Loading…" goes in: screen
    // readers announce a change to a live region they know, not a region born with its text.
    const status = loading ? (this.#announcerLive ? this.#loadingText() : '') : this.announcement();
    return html`<section class="base" part="base" aria-labelledby="title">
        <div class="header" part="header">
          <div>
            <h2 class="title" id="title" part="title" tabindex="-1">
              ${msg('Users’ Synchronization Integration', { id: 'user-sync.title' })}
            </h2>
            <p class="intro">
              ${msg('Import users from an external directory and keep them up to date.', {
                id: 'user-sync.intro',
              })}
            </p>
          </div>
          <div class="header-actions">
            <button
              class="btn primary create"
              part="create-button"
              type="button"
              aria-disabled=${createUnavailable ? 'true' : 'false'}
              aria-describedby=${
                !createUnavailable
                  ? nothing
                  : locked
                    ? 'lock-reason'
                    : loading
                      ? 'announcer'
                      : 'load-error-title'
              }
              @click=${this.#onCreateClick}
            >
              <span aria-hidden="true">+</span>
              ${msg('Create', { id: 'user-sync.create' })}
            </button>
            ${locked ? this.renderLockNotice() : nothing}
          </div>
        </div>
        <p
          class="announcer ${status ? '' : 'visually-hidden'}"
          id="announcer"
          role="status"
          part="announcer"
        >
          ${status}
        </p>
        ${this.notice ? this.renderNotice(this.notice.view()) : nothing}
        ${
          loading
            ? this.renderLoading()
            : this.items === undefined
              ? this.renderLoadError()
              : html`${this.#loadFailed ? this.renderLoadError(true) : nothing}
                ${this.items.length === 0 ? this.renderEmpty() : this.renderList(this.items)}`
        }
      </section>
      ${
        // (Once in the page they stay: a new endpoint's loading keeps what they hold.)
        loading && !this.createDialog ? nothing : this.renderDialogs()
      }`;
  }

  /**
   * The dialogs' elements (defined later, see #loadDialogs), after the section's grid, so
   * their empty boxes add no gaps to it. Not in the loading shell:
   * nothing can open them before the list is there, and three fewer elements, with their
   * attribute and property bindings, make the first paint cheaper. Once the list is
   * there it stays (a refresh keeps the old rows), and so do they, even while another
   * endpoint's list loads; while the first load is retried nothing can open them either.
   */
  private renderDialogs() {
    return html`<ucx-create-dialog
        class="create-dialog"
        mode="create"
        .delegate=${this.#delegate}
        graph-base-url=${this.graphBaseUrl || DEFAULT_GRAPH_BASE_URL}
        exportparts="dialog, dialog-header, dialog-body, dialog-footer, source-select, switch, filter-editor, filter-error, dialog-status, cancel-button, submit-button, contact-link, error-window, error-window-header, error-window-body, error-window-footer, ${PREVIEW_PARTS}"
      ></ucx-create-dialog>
      <ucx-create-dialog
        class="edit-dialog"
        mode="edit"
        .delegate=${this.#delegate}
        graph-base-url=${this.graphBaseUrl || DEFAULT_GRAPH_BASE_URL}
        .removalConfirmThreshold=${this.removalConfirmThreshold}
        exportparts="dialog, dialog-header, dialog-body, dialog-footer, filter-editor, filter-error, dialog-status, cancel-button, submit-button, error-window, error-window-header, error-window-body, error-window-footer, ${PREVIEW_PARTS}, impact, removal-confirm"
      ></ucx-create-dialog>
      <ucx-confirm-dialog
        .delegate=${this.#delegate}
        exportparts="dialog, confirm-dialog, dialog-header, dialog-body, dialog-footer, cancel-button, confirm-button, error-window, error-window-header, error-window-body, error-window-footer"
      ></ucx-confirm-dialog>`;
  }

  /** Who manages vendor-managed integrations: the host's name, else the default. */
  get #vendorName(): string {
    return this.vendorName || DEFAULT_VENDOR_NAME;
  }

  /** The contact link's address: the host's, else the default vendor's own (see supportUrl). */
  get #supportUrl(): string {
    if (this.supportUrl) return this.supportUrl;
    return this.#vendorName === DEFAULT_VENDOR_NAME ? DEFAULT_SUPPORT_URL : '';
  }

  private renderLockNotice() {
    // (The space between the reason and the link is in the reason's text: a space only
    // between two parts, Chromium leaves out of the button's description, "…integrations.Contact".)
    return html`<p class="lock" id="lock-reason" part="lock-notice">
      ${`${vendorLockMessage(this.#vendorName)} `}${vendorContactLink(this.#supportUrl, this.#vendorName)}
    </p>`;
  }

  private renderLoading() {
    return html`<div class="skeleton" part="loading" aria-hidden="true">
      <span></span><span></span><span></span>
    </div>`;
  }

  private renderLoadError(stale = false) {
    const error = this.#load.error;
    const view = this.#loadFailure(error);
    // (+ Create's description is the heading: the whole alert, with the server's text, the
    // request id and Retry, is too much to hear on a button.)
    return html`<div class="load-error" id="load-error" part="load-error" role="alert">
      <h3 id="load-error-title">
        ${
          stale
            ? msg('The list could not be refreshed', { id: 'user-sync.load-error.stale' })
            : msg('The integrations could not be loaded', { id: 'user-sync.load-error.title' })
        }
      </h3>
      <p>${view.message}</p>
      ${view.detail ? html`<p>${view.detail}</p>` : nothing} ${this.renderRequestId(view)}
      <button class="btn retry" type="button" @click=${this.#onRetryLoad}>
        ${msg('Retry', { id: 'user-sync.load-error.retry' })}
      </button>
    </div>`;
  }

  private renderEmpty() {
    return html`<div class="empty" part="empty">
      <h3>${msg('No integrations yet', { id: 'user-sync.empty.title' })}</h3>
      <p>
        ${msg(
          'Import users from Microsoft Entra ID into this system and keep them in sync: create an integration, grant access with an administrator account, and optionally choose which users to include with a filter.',
          { id: 'user-sync.empty.body' },
        )}
      </p>
    </div>`;
  }

  private renderNotice(view: FailureView) {
    return html`<div class="notice" part="notice" role="alert">
      <p><strong>${view.title}</strong></p>
      <p>${view.message}</p>
      ${
        // The message may ask to quote it to support: it is here, not only behind Review.
        this.renderRequestId(view)
      }
      <button class="btn" type="button" @click=${this.#onNoticeReview}>
        ${msg('Review', { id: 'user-sync.notice.review' })}
      </button>
    </div>`;
  }

  private renderRequestId(view: FailureView) {
    return view.requestId
      ? html`<p class="request-id">
          ${msg('Request id:', { id: 'user-sync.error.request-id' })}
          <code>${breakable(view.requestId)}</code>
        </p>`
      : nothing;
  }

  private renderList(items: Integration[]) {
    const columns = this.#columns();
    // Rows that share a name are told apart in their actions' names ("Delete X (tenant)"),
    // which a screen reader reads alone: by tenant, else by place in the list.
    const named = new Map<string, number>();
    for (const i of items) named.set(i.displayName, (named.get(i.displayName) ?? 0) + 1);
    const labelOf = (i: Integration, n: number) =>
      named.get(i.displayName)! > 1 ? `${i.displayName} (${i.tenantId ?? n + 1})` : i.displayName;
    return html`<div
      class="table-wrap"
      role="region"
      aria-label=${msg('Integrations', { id: 'user-sync.list-label' })}
      tabindex="0"
    >
      <table part="list" role="table">
        <thead>
          <tr role="row">
            ${columns.map((name) => html`<th role="columnheader" scope="col">${name}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${repeat(
            items,
            (i) => i.id,
            (i, n) => this.renderRow(i, columns, labelOf(i, n)),
          )}
        </tbody>
      </table>
    </div>`;
  }

  /**
   * The column headers. A narrow section shows rows as cards (the styles' container query),
   * with Filters, Status and Activity over their cells; the table roles are explicit because
   * some browsers drop a table's semantics once its parts are display: block.
   */
  #columns(): Columns {
    return [
      msg('Integration', { id: 'user-sync.col.integration' }),
      msg('Filters', { id: 'user-sync.col.filter' }),
      msg('Status', { id: 'user-sync.col.status' }),
      msg('Activity', { id: 'user-sync.col.activity' }),
      msg('Actions', { id: 'user-sync.col.actions' }),
    ];
  }

  private renderRow(i: Integration, [, filters, status, activity]: Columns, label: string) {
    const def = sourceDefinition(i.source);
    const lang = displayLang(this);
    const vendor = i.managedBy === 'vendor';
    const vendorName = this.#vendorName;
    // Five columns, so the table fits a console's content area: who and what in
    // the first, when in the fourth; the filter text always reads left to right. The
    // server's texts (name, status message) take their own direction inside a <bdi>, aligned
    // as the row is: an Arabic name's "!" stays at its end, a Hebrew message's parentheses
    // face the right way.
    return html`<tr part="row" role="row" data-id=${i.id}>
      <td role="cell" class="integration">
        <span class="source">${sourceIcon(def)}${def.label()}</span>
        <span class="name"><bdi>${breakable(i.displayName)}</bdi></span>
        ${
          i.tenantId
            ? html`<span class="sub"
                >${msg('Tenant', { id: 'user-sync.tenant' })}:
                <code>${breakable(i.tenantId)}</code></span
              >`
            : nothing
        }
        <span class="sub managed">
          ${
            vendor
              ? msg(str`Managed by ${vendorName}`, { id: 'user-sync.managed-by-vendor' })
              : msg('Managed by your organization', { id: 'user-sync.managed-by-customer' })
          }
        </span>
      </td>
      <td role="cell" part="filter" class="filter" data-label=${filters}>
        ${this.renderFilter(i.filter)}
      </td>
      <td role="cell" class="status" data-label=${status}>
        <span class="badge ${i.status}" part="status">${this.statusLabel(i.status)}</span>
        ${
          i.statusMessage
            ? html`<span class="sub"><bdi>${breakable(i.statusMessage)}</bdi></span>`
            : nothing
        }
      </td>
      <td role="cell" class="activity" data-label=${activity}>
        <span class="sub"
          >${msg('Last sync', { id: 'user-sync.col.last-sync' })}:
          <span class="when"
            >${formatDateTime(i.lastSyncAt, lang) || msg('Never', { id: 'user-sync.never' })}</span
          ></span
        >
        <span class="sub"
          >${msg('Created', { id: 'user-sync.col.created' })}:
          <span class="when">${formatDateTime(i.createdAt, lang)}</span></span
        >
      </td>
      <td role="cell">
        ${
          vendor
            ? html`<span class="sub">${msg('Read-only', { id: 'user-sync.read-only' })}</span>
                ${vendorContactLink(this.#supportUrl, this.#vendorName)}`
            : html`<div class="actions">
                <button
                  class="btn edit"
                  part="edit-button"
                  type="button"
                  aria-label=${msg(str`Edit filters of ${label}`, {
                    id: 'user-sync.edit-label',
                  })}
                  @click=${(e: Event) => this.#onEdit(e, i)}
                >
                  ${msg('Edit', { id: 'user-sync.edit' })}
                </button>
                <button
                  class="btn delete"
                  part="delete-button"
                  type="button"
                  aria-label=${msg(str`Delete ${label}`, { id: 'user-sync.delete-label' })}
                  @click=${(e: Event) => this.#onDelete(e, i)}
                >
                  ${msg('Delete', { id: 'user-sync.delete' })}
                </button>
              </div>`
        }
      </td>
    </tr>`;
  }

  private renderFilter(filter: string | null) {
    // No filter reads like the other rows' summaries (muted, small), not like a title.
    if (!filter)
      return html`<span class="sub">${msg('All users', { id: 'user-sync.filter.all' })}</span>`;
    const summary = this.#summaryOf(filter);
    // A long one scrolls in its box, which the keyboard must reach to scroll it. Lines break
    // between conditions (each up to its closing parenthesis is a box of its own), not at a
    // space inside one's value, unless one is longer than the line.
    const text = filter.split(/(?<=\))(?=.)/).map((piece) => html`<span>${piece}</span>`);
    const code =
      filter.length > 600
        ? html`<code dir="ltr" class="long" tabindex="0">${text}</code>`
        : html`<code dir="ltr">${text}</code>`;
    return html`${code}${
      summary === null ? nothing : html`<span class="sub">${breakable(summary)}</span>`
    }`;
  }

  /**
   * A row's plain-language summary, by locale and filter text, so re-renders
   * (an announcement, a refresh with the same rows) don't parse every filter again.
   */
  #summaryOf(filter: string): string | null {
    if (!summarize) return null; // (not loaded: see loadSummaries)
    const key = `${getLocale()}\n${filter}`;
    let summary = this.#summaries.get(key);
    if (summary === undefined) {
      summary = summarize(filter);
      if (this.#summaries.size > 500) this.#summaries.clear();
      this.#summaries.set(key, summary);
    }
    return summary;
  }

  private statusLabel(status: IntegrationStatus): string {
    switch (status) {
      case 'active':
        return msg('Active', { id: 'user-sync.status.active' });
      case 'pending':
        return msg('Pending', { id: 'user-sync.status.pending' });
      case 'error':
        return msg('Error', { id: 'user-sync.status.error' });
      case 'disabled':
        return msg('Disabled', { id: 'user-sync.status.disabled' });
      default:
        return String(status);
    }
  }
}
