import { css } from 'lit';

/**
 * What the loading shell needs (host, frame, header, status line, skeleton). The section's
 * first render styles only these rules; the rest comes with the list (userSyncListStyles).
 * (Comments stay out of the css``: they would ship in the first paint.)
 * - `.header-actions`: on a line of its own (a narrow section), + Create stays at the end,
 *   where it is on a wide one, whether or not the lock notice is beside it.
 * - `.announcer`, the status line: with nothing to say it is visually hidden (still a live
 *   region), so the section has no blank row under its header.
 */
export const userSyncShellStyles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  .base {
    display: grid;
    gap: calc(var(--_space) * 2);
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 1.5);
    background: var(--_surface);
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    justify-content: space-between;
    gap: calc(var(--_space) * 2);
  }
  .title {
    margin: 0;
    font-size: 1.25rem;
  }
  .title:focus {
    outline: none;
  }
  .intro {
    margin: calc(var(--_space) * 0.5) 0 0;
    color: var(--_muted);
    max-inline-size: 60ch;
  }
  .header-actions {
    display: grid;
    justify-items: end;
    gap: var(--_space);
    max-inline-size: 34ch;
    margin-inline-start: auto;
  }
  .announcer {
    margin: 0;
    color: var(--_text);
  }
  .skeleton {
    display: grid;
    gap: var(--_space);
  }
  .skeleton span {
    display: block;
    block-size: 44px;
    border-radius: var(--_radius);
    background: linear-gradient(90deg, var(--_surface-2), var(--_border), var(--_surface-2));
    background-size: 200% 100%;
    opacity: 0.35;
    animation: ucx-shimmer 1.4s ease-in-out infinite;
  }
  @keyframes ucx-shimmer {
    to {
      background-position: -200% 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton span {
      animation: none;
    }
  }
`;

/**
 * Everything shown once the list (or its load error) is there: the list, the empty state,
 * the lock notice, failures. Adopted by the section when it first leaves its loading state,
 * so the first render doesn't parse and match rules it can't use yet.
 *
 * - `.sub`: a domain or a tenant id breaks mid-word only when it can't fit a line of its own
 *   (anywhere would let the column shrink and split fabrikam.onmicrosof|t.com); the
 *   section's breakable() gives a long unbroken run a break point every 24 characters.
 * - `.long`: a filter of more than a few lines scrolls in its box (focusable, to scroll by
 *   keyboard), its summary cut to three lines; an 8 KB filter made a row 17 screens tall.
 *   The box is drawn, so its cut last line reads as "scrolls", not as a truncated filter.
 * - The container query: cards below the table's narrowest (its columns' minimums and the
 *   dates, about 50rem); narrower, the table would scroll sideways and hide Edit and Delete.
 */
export const userSyncListStyles = css`
  .lock {
    margin: 0;
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid var(--_warning);
    border-radius: var(--_radius);
    background: var(--_surface-2);
    color: var(--_text);
    font-size: 0.9rem;
  }
  .empty,
  .load-error,
  .notice {
    display: grid;
    justify-items: start;
    gap: var(--_space);
    padding: calc(var(--_space) * 2);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
  }
  .empty h3,
  .load-error h3 {
    margin: 0;
    font-size: 1.05rem;
  }
  .empty p,
  .load-error p,
  .notice p {
    margin: 0;
  }
  .load-error,
  .notice {
    border-style: solid;
    border-color: var(--_danger);
  }
  .table-wrap {
    overflow-x: auto;
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    padding: var(--_space);
    text-align: start;
    vertical-align: top;
    border-block-end: 1px solid var(--_border);
  }
  th {
    font-size: 0.8rem;
    text-transform: uppercase;
    letter-spacing: 0.03em;
    color: var(--_muted);
    white-space: nowrap;
  }
  .source {
    display: inline-flex;
    align-items: center;
    gap: var(--_space);
    overflow-wrap: anywhere;
  }
  .name {
    display: block;
    font-weight: 600;
    overflow-wrap: break-word;
  }
  .sub {
    display: block;
    color: var(--_muted);
    font-size: 0.85rem;
    overflow-wrap: break-word;
  }
  .long {
    max-block-size: 12lh;
    overflow-y: auto;
    padding: 2px calc(var(--_space) / 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-2);
  }
  .long + .sub {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    overflow: hidden;
  }
  .sub code {
    overflow-wrap: break-word;
  }
  /* A request id on one line when it fits (beside its label or under it). */
  .request-id code {
    display: inline-block;
    max-inline-size: 100%;
  }
  code {
    font-family: var(--_mono);
    font-size: 0.85rem;
    overflow-wrap: anywhere;
  }
  .badge {
    display: inline-block;
    padding: 1px 8px;
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: 0.8rem;
    font-weight: 600;
    white-space: nowrap;
  }
  .badge.active {
    color: var(--_success);
  }
  .badge.pending {
    color: var(--_warning);
  }
  .badge.error {
    color: var(--_danger);
  }
  .badge.disabled {
    color: var(--_muted);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
  }
  .actions .btn {
    min-block-size: 30px;
    padding-inline: var(--_space);
  }
  .actions .delete {
    color: var(--_danger);
  }
  .integration {
    min-inline-size: 11rem;
  }
  .integration .source {
    display: flex;
    margin-block-end: 2px;
    font-size: 0.85rem;
    color: var(--_muted);
  }
  .filter {
    inline-size: 34%;
    min-inline-size: 12rem;
  }
  .filter code {
    display: block;
    unicode-bidi: isolate;
    text-align: start;
  }
  .filter code > span {
    display: inline-block;
    max-inline-size: 100%;
  }
  .status {
    min-inline-size: 7.5rem;
  }
  .activity .when {
    white-space: nowrap;
  }
  @container (max-width: 52rem) {
    table,
    tbody,
    tr,
    td {
      display: block;
    }
    thead {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    tr {
      padding-block: var(--_space);
      border-block-end: 1px solid var(--_border);
    }
    td,
    .filter {
      min-inline-size: 0;
      inline-size: auto;
      padding: calc(var(--_space) / 2) 0;
      border: 0;
    }
    td[data-label]::before {
      content: attr(data-label) / '';
      display: block;
      font-size: 0.75rem;
      text-transform: uppercase;
      letter-spacing: 0.03em;
      color: var(--_muted);
    }
  }
`;
