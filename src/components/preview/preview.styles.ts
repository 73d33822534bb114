import { css } from 'lit';

export const previewStyles = css`
  :host {
    display: block;
  }
  .preview {
    display: grid;
    gap: var(--_space);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-2);
  }
  h3 {
    margin: 0;
    font-size: 1rem;
  }
  p {
    margin: 0;
  }
  .count {
    font-weight: 600;
  }
  .partial {
    color: var(--_warning);
  }
  .muted {
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .stale {
    padding-inline-start: var(--_space);
    border-inline-start: 3px solid var(--_warning);
    font-size: 0.875rem;
    font-weight: 600;
  }
  /* The figures of filters since changed: muted, not bold or coloured, under the warning. */
  [data-stale] :is(.count, .impact, .impact .added, .impact .removed, table) {
    color: var(--_muted);
    font-weight: normal;
  }
  .running {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  progress {
    flex: 1 1 10em;
    min-inline-size: 8em;
  }
  .impact {
    font-weight: 600;
  }
  .impact .added {
    color: var(--_success);
  }
  .impact .removed {
    color: var(--_danger);
  }
  .error {
    padding: var(--_space);
    border-inline-start: 3px solid var(--_danger);
    background: var(--_surface);
    overflow-wrap: anywhere;
  }
  .error p + p {
    margin-block-start: calc(var(--_space) * 0.5);
  }
  ul.clauses {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: calc(var(--_space) * 0.5);
    font-size: 0.875rem;
  }
  .clauses code {
    overflow-wrap: anywhere;
  }
  .where {
    display: inline-block;
    padding: 0 calc(var(--_space) * 0.75);
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: 0.8rem;
    white-space: nowrap;
  }
  .where.graph {
    color: var(--_success);
  }
  .where.browser {
    color: var(--_warning);
  }
  .where.unsupported {
    color: var(--_danger);
  }
  .reason {
    color: var(--_muted);
  }
  /* Scroll shadows: an edge with more table beyond it is shaded (the covers scroll with the
     table and hide the shade at either end), so a narrow dialog shows the table goes on. */
  .table-wrap {
    --_shade: color-mix(in srgb, var(--_text) 28%, transparent);
    overflow: auto;
    max-block-size: 18em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background:
      linear-gradient(to right, var(--_surface) 40%, transparent) left / 2em 100% no-repeat local,
      linear-gradient(to left, var(--_surface) 40%, transparent) right / 2em 100% no-repeat local,
      radial-gradient(farthest-side at 0 50%, var(--_shade), transparent) left / 0.75em 100%
        no-repeat scroll,
      radial-gradient(farthest-side at 100% 50%, var(--_shade), transparent) right / 0.75em 100%
        no-repeat scroll,
      var(--_surface);
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
    font-size: 0.8125rem;
  }
  caption {
    text-align: start;
    padding: calc(var(--_space) * 0.5) var(--_space);
    font-weight: 600;
  }
  th,
  td {
    padding: calc(var(--_space) * 0.5) calc(var(--_space) * 0.75);
    text-align: start;
    vertical-align: top;
    border-block-start: 1px solid var(--_border);
  }
  /* Words stay whole (emails break at their <wbr>s, phone numbers not at all); a word
     longer than the table can give breaks only then. */
  td {
    overflow-wrap: break-word;
  }
  th,
  td.phone {
    white-space: nowrap;
  }
`;
