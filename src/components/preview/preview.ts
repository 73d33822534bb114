import { adoptStyles, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DEFAULT_GRAPH_BASE_URL, DEFAULT_REMOVAL_CONFIRM_THRESHOLD } from './preview-defaults.js';
import { UcxElement } from '../../internal/ucx-element.js';
import { tokens } from '../../internal/styles.js';
import { displayLang } from '../../internal/lang.js';
import { parseFilter, type FilterNode } from '../../filter/index.js';
// Types only: src/graph/ (and the Graph client behind it) is loaded with import() on first use.
import type {
  ClauseReport,
  GraphPreviewErrorKind,
  ImpactResult,
  PreviewProgress,
  PreviewResult,
} from '../../graph/index.js';
// Text and templates too: they arrive with the first preview.
type ViewModule = typeof import('./preview-view.js');
let viewModule: Promise<ViewModule> | undefined;
function loadView(): Promise<ViewModule> {
  viewModule ??= import('./preview-view.js').catch((e: unknown) => {
    viewModule = undefined;
    throw e;
  });
  return viewModule;
}

/** What a preview needs: the filter, the token, and (when editing) the saved filter. */
export interface UserPreviewRequest {
  /** The filter to preview (canonical text); null or '' = every user. */
  filter: string | null;
  /**
   * The saved filter when editing (null = every user): the preview then also shows the
   * impact of the change. Leave undefined when creating.
   */
  current?: string | null | undefined;
  /** The Microsoft Graph access token (User.Read.All). Rejecting shows a sign-in error. */
  getAccessToken: () => Promise<string> | string;
  /** Graph base URL; default the element's `graphBaseUrl`. */
  baseUrl?: string;
}

/** A failure as the preview shows it (Graph's message is shown as text). */
export interface UserPreviewFailure {
  kind: GraphPreviewErrorKind;
  status: number;
  code: string;
  message: string;
  retryAfterSeconds?: number;
}

/** The impact of an edit, as last computed. */
export interface UserPreviewImpact extends ImpactResult {
  /** The previewed (new) filter, canonical text or null. */
  filter: string | null;
  /** The saved filter it was compared with. */
  current: string | null;
}

/** What `run()` resolves to (it never rejects). */
export interface UserPreviewOutcome {
  result?: PreviewResult;
  impact?: UserPreviewImpact;
  error?: UserPreviewFailure;
  /** A newer run or reset() replaced this one. */
  superseded?: boolean;
}

type Phase = 'idle' | 'running' | 'done';

const norm = (filter: string | null | undefined): string | null =>
  filter === undefined || filter === null || filter.trim() === '' ? null : filter;

function toNode(filter: string | null): FilterNode | null {
  if (filter === null) return null;
  // With spans, so the clause report can say where each clause sits in the text.
  const parsed = parseFilter(filter, { spans: true });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.filter;
}

function toFailure(e: unknown): UserPreviewFailure {
  const o = (typeof e === 'object' && e !== null ? e : {}) as Partial<UserPreviewFailure>;
  const kinds: GraphPreviewErrorKind[] = [
    'forbidden',
    'throttled',
    'unsupported-query',
    'unauthorized',
    'network',
    'unknown',
  ];
  const f: UserPreviewFailure = {
    kind: kinds.includes(o.kind as GraphPreviewErrorKind)
      ? (o.kind as GraphPreviewErrorKind)
      : 'unknown',
    status: typeof o.status === 'number' ? o.status : 0,
    code: typeof o.code === 'string' ? o.code : 'unknown',
    message: typeof o.message === 'string' ? o.message : String(e),
  };
  if (typeof o.retryAfterSeconds === 'number') f.retryAfterSeconds = o.retryAfterSeconds;
  return f;
}

export { DEFAULT_GRAPH_BASE_URL, DEFAULT_REMOVAL_CONFIRM_THRESHOLD };

/**
 * Preview of the users a filter imports, read from Microsoft Graph in the browser: how
 * many match, the first ten (name, email, department, office, city, phone), where each
 * clause is filtered (by Graph, in the browser, or not previewable), a progress bar with
 * a running count and Cancel when the browser has to filter, and, when editing, the
 * impact of the change ("+X users will be added, −Y removed"). Graph's errors are
 * explained as text and never block creating or saving. The Graph client is loaded on
 * the first preview. Used by the create / edit dialog of `<ucx-user-sync>`; usable alone
 * through `run()`.
 *
 * @tag ucx-user-preview
 * @summary Preview of the users a filter matches, through Microsoft Graph.
 *
 * @csspart preview - The preview's box.
 * @csspart preview-count - The `role="status"` line with the number of matching users.
 * @csspart preview-progress - The `<progress>` bar of a browser-side scan.
 * @csspart preview-cancel-button - Cancel of a running preview.
 * @csspart impact - "+X users will be added, −Y removed" (editing).
 * @csspart preview-error - Why Graph could not answer (`role="alert"`).
 * @csspart clause-report - The list saying where each clause is filtered.
 * @csspart preview-table - The table of the first matching users.
 *
 * @cssprop [--ucx-color-success=#1a7f37] - "Filtered by Microsoft Graph" and added users (dark: #56d364).
 * @cssprop [--ucx-color-warning=#9a6700] - "Filtered in the browser" and partial results (dark: #e3b341).
 * @cssprop [--ucx-color-danger=#b42318] - Errors, "not previewable" and removed users (dark: #ff7b72).
 */
export class UcxUserPreview extends UcxElement {
  static override styles = [tokens];

  /** Microsoft Graph base URL (the demo and tests point it at a stand-in). */
  @property({ attribute: 'graph-base-url' }) graphBaseUrl: string = DEFAULT_GRAPH_BASE_URL;
  /** How many matching users the table lists. */
  @property({ type: Number, attribute: 'sample-size' }) sampleSize = 10;
  /** Set when the filter changed since the shown preview (says so). */
  @property({ type: Boolean }) stale = false;

  @state() private phase: Phase = 'idle';
  /** The waiting line, or what writes it at each render (it then follows the language). */
  @state() private waiting: string | (() => string) = '';
  /** The waiting line is shown, not said: the page says it elsewhere (see showWaiting). */
  @state() private waitingQuiet = false;
  @state() private filter: string | null = null;
  @state() private clauses: ClauseReport[] | undefined;
  @state() private progress: PreviewProgress | undefined;
  @state() private impactProgress: PreviewProgress | undefined;
  @state() private result: PreviewResult | undefined;
  @state() private impactResult: UserPreviewImpact | undefined;
  @state() private editing = false;
  @state() private error: UserPreviewFailure | undefined;
  @state() private impactError: UserPreviewFailure | undefined;

  #abort: AbortController | undefined;
  #generation = 0;
  #view: ViewModule | undefined;

  /** Loads the view (templates, text, styles) once; re-renders when it arrives. */
  async #ensureView(): Promise<void> {
    if (this.#view) return;
    const view = await loadView();
    if (this.#view) return;
    this.#view = view;
    await this.updateComplete;
    adoptStyles(this.renderRoot as ShadowRoot, [tokens, view.previewStyles]);
    this.requestUpdate();
  }

  /** True while a preview is running. */
  get running(): boolean {
    return this.phase === 'running';
  }

  /** The last impact computed (editing), complete or partial (`cancelled`). */
  get impact(): UserPreviewImpact | undefined {
    return this.impactResult;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.cancel();
  }

  /**
   * Shows a waiting line (e.g. "Waiting for Microsoft sign-in…") before a run; a function
   * returning it is called at each render, so the line follows a change of language. With
   * `announce: false` it is only shown, for a page whose own status line says the same (two
   * live regions saying it at once, a screen reader reads one over the other).
   */
  showWaiting(text: string | (() => string), options?: { announce?: boolean } | null): void {
    this.#generation++;
    this.#abort?.abort();
    this.phase = 'idle';
    this.waiting = text;
    this.waitingQuiet = options?.announce === false;
    void this.#ensureView().catch(() => undefined);
  }

  /** Clears everything (a new dialog session). */
  reset(): void {
    this.#generation++;
    this.#abort?.abort();
    this.#abort = undefined;
    this.phase = 'idle';
    this.#clearResults();
  }

  /** Forgets the last preview's results, errors and progress. */
  #clearResults(): void {
    this.waiting = '';
    this.clauses = undefined;
    this.progress = undefined;
    this.impactProgress = undefined;
    this.result = undefined;
    this.impactResult = undefined;
    this.error = undefined;
    this.impactError = undefined;
    this.stale = false;
  }

  /** Cancels a running preview: what was counted so far stays, marked as partial. */
  cancel(): void {
    this.#abort?.abort();
  }

  /**
   * Runs a preview (cancelling one in progress). Never rejects: failures are shown and
   * returned in `error`.
   */
  async run(request: UserPreviewRequest): Promise<UserPreviewOutcome> {
    this.#abort?.abort();
    const generation = ++this.#generation;
    const abort = new AbortController();
    this.#abort = abort;
    const filter = norm(request.filter);
    const editing = request.current !== undefined;
    const current = norm(request.current);
    this.phase = 'running';
    this.#clearResults();
    this.filter = filter;
    this.editing = editing;
    const live = () => generation === this.#generation;

    const outcome: UserPreviewOutcome = {};
    try {
      const [graph] = await Promise.all([import('../../graph/index.js'), this.#ensureView()]);
      if (!live()) return { superseded: true };
      const node = toNode(filter);
      this.clauses = graph.reportClauses(node);
      const connection = {
        getAccessToken: request.getAccessToken,
        baseUrl: request.baseUrl ?? this.graphBaseUrl ?? DEFAULT_GRAPH_BASE_URL,
        signal: abort.signal,
      };
      const preview = graph.previewMatchingUsers({
        ...connection,
        filter: node,
        sampleSize: this.sampleSize,
        onProgress: (p) => {
          if (live()) this.progress = { ...p };
        },
      });
      const impact = editing
        ? graph.previewImpact({
            ...connection,
            current: toNode(current),
            next: node,
            onProgress: (p) => {
              if (live()) this.impactProgress = { ...p };
            },
          })
        : undefined;
      const [p, i] = await Promise.allSettled([preview, impact]);
      if (!live()) return { superseded: true };
      if (p.status === 'fulfilled') {
        this.result = p.value;
        this.clauses = p.value.clauses;
        outcome.result = p.value;
      } else {
        this.error = toFailure(p.reason);
        outcome.error = this.error;
      }
      if (editing) {
        if (i.status === 'fulfilled' && i.value) {
          this.impactResult = { ...i.value, filter, current };
          outcome.impact = this.impactResult;
        } else if (i.status === 'rejected') {
          this.impactError = toFailure(i.reason);
          outcome.error ??= this.impactError;
        }
      }
    } catch (e) {
      if (!live()) return { superseded: true };
      this.error = toFailure(e);
      outcome.error = this.error;
    } finally {
      if (live()) {
        this.phase = 'done';
        if (this.#abort === abort) this.#abort = undefined;
      }
    }
    return outcome;
  }

  override render(): TemplateResult | typeof nothing {
    const view = this.#view;
    if (!view || (this.phase === 'idle' && !this.waiting)) return nothing;
    return view.renderPreview({
      phase: this.phase,
      waiting: typeof this.waiting === 'function' ? this.waiting() : this.waiting,
      waitingQuiet: this.waitingQuiet,
      filter: this.filter,
      clauses: this.clauses,
      progress: this.progress,
      impactProgress: this.impactProgress,
      result: this.result,
      impactResult: this.impactResult,
      editing: this.editing,
      error: this.error,
      impactError: this.impactError,
      stale: this.stale,
      lang: displayLang(this),
      cancel: this.#cancel,
    });
  }

  #cancel = () => this.cancel();
}
