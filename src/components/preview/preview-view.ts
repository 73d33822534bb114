// The preview's text and templates, loaded with the Graph module on the first preview
// so that the element's first paint doesn't pay for them.
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type {
  ClauseReasonCode,
  ClauseReport,
  ClauseWhere,
  PreviewProgress,
  PreviewResult,
  PreviewUser,
} from '../../graph/index.js';
import type { UserPreviewFailure, UserPreviewImpact } from './preview.js';
import { formatCount } from '../../internal/count.js';
import { retryIn } from '../../internal/failures.js';
export { previewStyles } from './preview.styles.js';

/** What the view shows (the element's state). */
export interface PreviewViewState {
  phase: 'idle' | 'running' | 'done';
  waiting: string;
  /** The waiting line is not said (the page's own status line says it). */
  waitingQuiet: boolean;
  filter: string | null;
  clauses: ClauseReport[] | undefined;
  progress: PreviewProgress | undefined;
  impactProgress: PreviewProgress | undefined;
  result: PreviewResult | undefined;
  impactResult: UserPreviewImpact | undefined;
  editing: boolean;
  error: UserPreviewFailure | undefined;
  impactError: UserPreviewFailure | undefined;
  stale: boolean;
  lang: string;
  cancel: () => void;
}

/**
 * Text that may wrap only where `at` matches (a zero-width pattern), through `<wbr>`s,
 * which add no text: an email before `@` and after a dot, so a narrow table shows
 * `ann.lee@contoso.com` in readable pieces, not mid-word. (Phone numbers don't wrap.)
 */
function breakable(text: string, at: RegExp) {
  return text.split(at).map((piece, i) => (i ? html`<wbr />${piece}` : piece));
}
const EMAIL_BREAKS = /(?=@)|(?<=\.)/;

class View {
  constructor(private readonly s: PreviewViewState) {}

  // ------------------------------------------------------------------ text

  #number(n: number): string {
    return formatCount(n, this.s.lang);
  }

  #whereLabel(where: ClauseWhere): string {
    switch (where) {
      case 'graph':
        return msg('Filtered by Microsoft Graph', { id: 'preview.where.graph' });
      case 'browser':
        return msg('Filtered in the browser', { id: 'preview.where.browser' });
      default:
        return msg('Not previewable', { id: 'preview.where.unsupported' });
    }
  }

  #reason(code: ClauseReasonCode, property: string): string {
    switch (code) {
      case 'graph':
        // (After "Filtered by Microsoft Graph": not naming Graph again.)
        return msg('Exact: nothing is left to check in the browser.', {
          id: 'preview.reason.graph',
        });
      case 'graph-advanced':
        return msg('Exact, as an advanced query.', {
          id: 'preview.reason.graph-advanced',
        });
      case 'no-contains':
        return msg('Graph has no “contains”.', { id: 'preview.reason.no-contains' });
      case 'no-ends-with':
        return msg(str`Graph can’t match the end of ${property}.`, {
          id: 'preview.reason.no-ends-with',
        });
      case 'no-starts-with':
        return msg(str`Graph can’t match the start of ${property}.`, {
          id: 'preview.reason.no-starts-with',
        });
      case 'partly-graph':
        return msg(
          'Graph narrows it down with “starts with” / “ends with”; the rest is checked here.',
          {
            id: 'preview.reason.partly-graph',
          },
        );
      case 'presence-unsupported':
        return msg(str`Graph can’t test whether ${property} is set.`, {
          id: 'preview.reason.presence-unsupported',
        });
      case 'presence-prefilter':
        return msg('Graph narrows it down; the browser checks the value is not empty.', {
          id: 'preview.reason.presence-prefilter',
        });
      case 'phone-format':
        return msg(
          'Graph compares phone numbers exactly as stored; the filter ignores spaces, -, ., ( and ).',
          { id: 'preview.reason.phone-format' },
        );
      case 'collection':
        return msg('Graph matches any of the phone numbers, the filter only the first.', {
          id: 'preview.reason.collection',
        });
      case 'too-long':
        return msg('The value is longer than Graph’s 120 characters.', {
          id: 'preview.reason.too-long',
        });
      case 'in-or':
        return msg('Part of an OR with a clause Graph can’t filter.', {
          id: 'preview.reason.in-or',
        });
      case 'in-not':
        return msg('Graph can negate only a plain equality.', { id: 'preview.reason.in-not' });
      case 'in-not-null':
        return msg(
          str`Graph can’t find the users without ${property}, whom this condition keeps.`,
          {
            id: 'preview.reason.in-not-null',
          },
        );
      case 'no-eq':
        return msg(str`Graph can’t filter ${property} by value.`, { id: 'preview.reason.no-eq' });
      default:
        return msg('Not a Microsoft Graph property.', { id: 'preview.reason.not-in-graph' });
    }
  }

  #errorText(e: UserPreviewFailure): string {
    switch (e.kind) {
      case 'forbidden':
        return msg(
          'Microsoft Graph refused the request (403): the preview needs User.Read.All consent. An administrator must grant the User.Read.All permission to this application.',
          { id: 'preview.error.forbidden' },
        );
      case 'throttled': {
        const when = retryIn(e.retryAfterSeconds ?? 0);
        return when
          ? msg(str`Microsoft Graph is limiting requests (429). Try again ${when}.`, {
              id: 'preview.error.throttled-retry',
            })
          : msg('Microsoft Graph is limiting requests (429). Try again in a moment.', {
              id: 'preview.error.throttled',
            });
      }
      case 'unsupported-query':
        return msg(
          'Microsoft Graph can’t run this query (400 unsupported query), so these users can’t be previewed.',
          { id: 'preview.error.unsupported' },
        );
      case 'unauthorized':
        return msg(
          'Microsoft Graph didn’t accept the sign-in, or it expired. Select Preview to sign in again.',
          { id: 'preview.error.unauthorized' },
        );
      case 'network':
        return msg('Microsoft Graph could not be reached. Check the connection and try again.', {
          id: 'preview.error.network',
        });
      default:
        return e.status
          ? msg(str`Microsoft Graph answered with an error (${e.status}).`, {
              id: 'preview.error.unknown-status',
            })
          : msg('The preview failed.', { id: 'preview.error.unknown' });
    }
  }

  // ------------------------------------------------------------------ render

  render() {
    if (this.s.phase === 'idle' && !this.s.waiting) return nothing;
    return html`<section
      class="preview"
      part="preview"
      aria-labelledby="preview-title"
      data-stale=${this.#stale ? 'true' : nothing}
    >
      <h3 id="preview-title">${msg('Preview', { id: 'preview.title' })}</h3>
      ${this.renderFilterLine()} ${this.renderCount()} ${this.renderRunning()}
      ${this.renderImpact()} ${this.renderErrors()} ${this.renderClauses()} ${this.renderTable()}
    </section>`;
  }

  /**
   * A finished preview of filters since changed: it keeps its figures (what they were), muted
   * under a warning, so they aren't read as the new filters' (data-stale, preview.styles.ts).
   */
  get #stale(): boolean {
    return this.s.stale && this.s.phase === 'done';
  }

  private renderFilterLine() {
    if (this.s.phase === 'idle') return nothing;
    return html`<p class="muted">
        ${
          this.s.filter === null
            ? msg('No filters: every user of the directory.', { id: 'preview.all-users' })
            : html`${msg('Filters:', { id: 'preview.filter-label' })} <code>${this.s.filter}</code>`
        }
      </p>
      ${
        this.#stale
          ? html`<p class="stale">
              ${msg('The filters changed since this preview. Select Preview to update it.', {
                id: 'preview.stale',
              })}
            </p>`
          : nothing
      }`;
  }

  /** The live count line: always present while the preview is shown, so updates are announced. */
  private renderCount() {
    const r = this.s.result;
    let text: string | TemplateResult = '';
    let partial = false;
    if (this.s.waiting && this.s.phase === 'idle') {
      // (Hidden from the accessibility tree, a change of the live region's text is not said.)
      text = this.s.waitingQuiet
        ? html`<span aria-hidden="true">${this.s.waiting}</span>`
        : this.s.waiting;
    } else if (this.s.phase === 'running') {
      const p = this.s.progress;
      text = p
        ? p.total !== undefined
          ? msg(
              str`Checked ${this.#number(p.scanned)} of ${this.#number(p.total)} users: ${this.#number(p.matched)} match so far.`,
              { id: 'preview.progress-total' },
            )
          : msg(
              str`Checked ${this.#number(p.scanned)} users: ${this.#number(p.matched)} match so far.`,
              { id: 'preview.progress' },
            )
        : msg('Counting matching users…', { id: 'preview.counting' });
    } else if (r?.cancelled) {
      partial = true;
      text =
        r.scanned === undefined
          ? msg('Preview cancelled.', { id: 'preview.cancelled' })
          : msg(
              str`Partial result (cancelled): ${this.#number(r.count)} matching users among the first ${this.#number(r.scanned)} checked.`,
              { id: 'preview.partial' },
            );
    } else if (r && this.s.filter === null) {
      // No filters (said on the line above): the directory's users, all of them.
      text =
        r.count === 1
          ? msg('1 user in the directory.', { id: 'preview.count-all-one' })
          : msg(str`${this.#number(r.count)} users in the directory.`, {
              id: 'preview.count-all',
            });
    } else if (r) {
      text =
        r.count === 1
          ? msg('1 user matches the filters.', { id: 'preview.count-one' })
          : msg(str`${this.#number(r.count)} users match the filters.`, { id: 'preview.count' });
    } else if (this.s.error) {
      text = msg('The preview is not available.', { id: 'preview.unavailable' });
    }
    return html`<p
      class="count ${partial ? 'partial' : ''}"
      part="preview-count"
      role="status"
      data-count=${r && (!r.cancelled || r.scanned !== undefined) ? String(r.count) : nothing}
      data-partial=${partial ? 'true' : nothing}
      data-exact=${r ? String(r.exact) : nothing}
    >
      ${text}
    </p>`;
  }

  private renderRunning() {
    if (this.s.phase !== 'running') return nothing;
    const p = this.s.progress;
    return html`<div class="running">
      ${
        p
          ? p.total !== undefined
            ? html`<progress
                part="preview-progress"
                aria-label=${msg('Users checked', { id: 'preview.progress-label' })}
                max=${Math.max(p.total, p.scanned, 1)}
                value=${p.scanned}
              ></progress>`
            : html`<progress
                part="preview-progress"
                aria-label=${msg('Users checked', { id: 'preview.progress-label' })}
              ></progress>`
          : html`<span class="spinner" aria-hidden="true"></span>`
      }
      <button
        class="btn preview-cancel"
        part="preview-cancel-button"
        type="button"
        @click=${this.s.cancel}
      >
        ${msg('Cancel preview', { id: 'preview.cancel' })}
      </button>
    </div>`;
  }

  /**
   * The edit's impact: one live region (`role="status"`) from "Comparing…" to the numbers, so
   * the change a save makes is heard, as the count is.
   */
  private renderImpact() {
    if (!this.s.editing || this.s.phase === 'idle') return nothing;
    const i = this.s.impactResult;
    const p = this.s.impactProgress;
    // No figures yet: only while the comparison runs.
    if (!i && this.s.phase !== 'running') return nothing;
    const text = i
      ? this.#resultText(i)
      : p
        ? msg(str`Comparing with the saved filters: ${this.#number(p.scanned)} users checked…`, {
            id: 'preview.impact-progress',
          })
        : msg('Comparing with the saved filters…', { id: 'preview.impact-running' });
    return html`<p
      class="impact ${i ? '' : 'muted'}"
      part="impact"
      role="status"
      data-added=${i ? String(i.added) : nothing}
      data-removed=${i ? String(i.removed) : nothing}
      data-partial=${i?.cancelled ? 'true' : nothing}
    >
      ${text}
    </p>`;
  }

  /** The comparison's figures in words: whole, or partial when it was cancelled. */
  #resultText(i: UserPreviewImpact): string {
    const added = this.#number(i.added);
    const removed = this.#number(i.removed);
    return i.cancelled ? this.#partialText(i, added, removed) : this.#impactText(i, added, removed);
  }

  /** A comparison cancelled part way: lower bounds, and "none so far" for a side with nobody. */
  #partialText(i: UserPreviewImpact, added: string, removed: string): string {
    if (!i.scanned && i.added === 0 && i.removed === 0) {
      return msg('Comparison cancelled before any user was compared.', {
        id: 'preview.impact-cancelled-early',
      });
    }
    if (i.added === 0 && i.removed === 0) {
      return msg(
        'Partial (cancelled): no difference from the saved filters among the users compared so far.',
        { id: 'preview.impact-partial-same' },
      );
    }
    if (i.removed === 0) {
      return msg(
        str`Partial (cancelled): at least +${added} users will be added; none removed so far, compared with the saved filters.`,
        { id: 'preview.impact-partial-added-only' },
      );
    }
    if (i.added === 0) {
      return msg(
        str`Partial (cancelled): none added so far; at least −${removed} users will be removed, compared with the saved filters.`,
        { id: 'preview.impact-partial-removed-only' },
      );
    }
    return msg(
      str`Partial (cancelled): at least +${added} users will be added, −${removed} removed, compared with the saved filters.`,
      { id: 'preview.impact-partial' },
    );
  }

  /** The impact in words; a side with nobody says "none" ("−0 removed" read as a typo). */
  #impactText(i: UserPreviewImpact, added: string, removed: string): string {
    if (i.added === 0 && i.removed === 0) {
      return msg('The same users as with the saved filters: none added, none removed.', {
        id: 'preview.impact-same',
      });
    }
    // (One user is one: "+1 user will be added", not "+1 users".)
    if (i.removed === 0) {
      return i.added === 1
        ? msg('+1 user will be added, none removed, compared with the saved filters.', {
            id: 'preview.impact-added-one',
          })
        : msg(str`+${added} users will be added, none removed, compared with the saved filters.`, {
            id: 'preview.impact-added-only',
          });
    }
    if (i.added === 0) {
      return i.removed === 1
        ? msg('None added, −1 user will be removed, compared with the saved filters.', {
            id: 'preview.impact-removed-one',
          })
        : msg(
            str`None added, −${removed} users will be removed, compared with the saved filters.`,
            { id: 'preview.impact-removed-only' },
          );
    }
    return i.added === 1
      ? msg(str`+1 user will be added, −${removed} removed, compared with the saved filters.`, {
          id: 'preview.impact-one-added',
        })
      : msg(
          str`+${added} users will be added, −${removed} removed, compared with the saved filters.`,
          { id: 'preview.impact' },
        );
  }

  private renderErrors() {
    const errors = [this.s.error, this.s.impactError].filter(
      (e, i, all): e is UserPreviewFailure => !!e && (i === 0 || all[0]?.message !== e.message),
    );
    if (errors.length === 0) return nothing;
    return html`<div class="error" part="preview-error" role="alert">
      ${errors.map(
        (e) =>
          html`<p>${this.#errorText(e)}</p>
            ${
              e.message
                ? html`<p>
                    ${
                      // Only an answer is Graph's word; no answer (status 0) is the browser's.
                      e.status > 0
                        ? msg('Microsoft Graph said:', { id: 'preview.error.graph-said' })
                        : msg('Details:', { id: 'preview.error.details' })
                    }
                    <span class="graph-message">${e.message}</span>
                    ${e.code ? html`(<code>${e.code}</code>)` : nothing}
                  </p>`
                : nothing
            }`,
      )}
      <p>
        ${msg('This does not stop you from creating or saving the integration.', {
          id: 'preview.error.not-blocking',
        })}
      </p>
    </div>`;
  }

  private renderClauses() {
    const clauses = this.s.clauses;
    if (!clauses || clauses.length === 0) return nothing;
    return html`<div>
      <h4 class="visually-hidden" id="clauses-title">
        ${msg('Where each clause is filtered', { id: 'preview.clauses-title' })}
      </h4>
      <ul class="clauses" part="clause-report" aria-labelledby="clauses-title">
        ${clauses.map(
          (c) =>
            html`<li data-where=${c.where} data-reason=${c.reasonCode}>
              <code>${c.clause}</code>
              <span class="where ${c.where}">${this.#whereLabel(c.where)}</span>
              <span class="reason">${this.#reason(c.reasonCode, c.field)}</span>
            </li>`,
        )}
      </ul>
    </div>`;
  }

  private renderTable() {
    const r = this.s.result;
    if (!r || (r.cancelled && r.scanned === undefined)) return nothing;
    if (r.samples.length === 0) {
      return html`<p class="muted">${msg('No users to show.', { id: 'preview.no-users' })}</p>`;
    }
    const dash = (v: string | null) => (v === null || v === '' ? '—' : v);
    // Emails and phone numbers read left to right in any page (in RTL, +49 (30) 9638 came out
    // as (30) 49+ 9638); isolated in a span, so the cell keeps the page's alignment.
    const email = (u: PreviewUser) => breakable(dash(u.email ?? u.userPrincipalName), EMAIL_BREAKS);
    const row = (u: PreviewUser) =>
      html`<tr>
        <td>${dash(u.displayName)}</td>
        <td class="email"><span dir="ltr">${email(u)}</span></td>
        <td>${dash(u.department)}</td>
        <td>${dash(u.officeLocation)}</td>
        <td>${dash(u.city)}</td>
        <td class="phone"><span dir="ltr">${dash(u.phone)}</span></td>
      </tr>`;
    return html`<div
      class="table-wrap"
      role="region"
      aria-labelledby="samples-caption"
      tabindex="0"
    >
      <table part="preview-table">
        <caption id="samples-caption">
          ${
            r.samples.length === 1
              ? msg('The first matching user', { id: 'preview.table-caption-one' })
              : msg(str`The first ${this.#number(r.samples.length)} matching users`, {
                  id: 'preview.table-caption',
                })
          }
        </caption>
        <thead>
          <tr>
            <th scope="col">${msg('Name', { id: 'preview.col.name' })}</th>
            <th scope="col">${msg('Email', { id: 'preview.col.email' })}</th>
            <th scope="col">${msg('Department', { id: 'preview.col.department' })}</th>
            <th scope="col">${msg('Office', { id: 'preview.col.office' })}</th>
            <th scope="col">${msg('City', { id: 'preview.col.city' })}</th>
            <th scope="col">${msg('Phone', { id: 'preview.col.phone' })}</th>
          </tr>
        </thead>
        <tbody>
          ${r.samples.map(row)}
        </tbody>
      </table>
    </div>`;
  }
}

/** Renders the preview for `state`. */
export function renderPreview(state: PreviewViewState): TemplateResult | typeof nothing {
  return new View(state).render();
}
