import { css } from 'lit';

/**
 * Styles of `<ucx-filter-editor>`. Public knobs are `--ucx-*` custom properties (with light and
 * dark defaults, contrast ≥ 4.5:1 for text); private `--_*` properties resolve them once.
 * Layout uses logical properties (RTL-safe); the filter text itself is always LTR.
 */
export const filterEditorStyles = css`
  :host {
    --_font: var(--ucx-font-family, inherit);
    --_mono: var(
      --ucx-font-family-mono,
      ui-monospace,
      'SFMono-Regular',
      'Cascadia Mono',
      'DejaVu Sans Mono',
      Menlo,
      Consolas,
      monospace
    );
    --_text: var(--ucx-color-text, light-dark(#1f2328, #e6edf3));
    --_muted: var(--ucx-color-text-muted, light-dark(#57606a, #9da7b3));
    --_surface: var(--ucx-color-surface, light-dark(#ffffff, #161b22));
    /* The section's raised surface; --ucx-color-surface-alt is this element's older name. */
    --_surface-alt: var(
      --ucx-color-surface-raised,
      var(--ucx-color-surface-alt, light-dark(#f6f8fa, #1f2630))
    );
    --_border: var(--ucx-color-border, light-dark(#818b98, #6e7681));
    --_danger: var(--ucx-color-danger, light-dark(#b42318, #ff7b72));
    --_accent: var(--ucx-color-accent, light-dark(#0b5cad, #4493f8));
    --_on-accent: var(--ucx-color-on-accent, light-dark(#ffffff, #0d1117));
    --_focus: var(--ucx-color-focus, light-dark(#0b5cad, #79c0ff));
    --_radius: var(--ucx-radius, 6px);
    --_space: var(--ucx-space, 8px);
    --_syntax-field: var(--ucx-syntax-field, light-dark(#0550ae, #79c0ff));
    --_syntax-operator: var(--ucx-syntax-operator, light-dark(#6639ba, #d2a8ff));
    --_syntax-value: var(--ucx-syntax-value, light-dark(#116329, #7ee787));
    --_syntax-escape: var(--ucx-syntax-escape, light-dark(#953800, #ffa657));
    --_syntax-wildcard: var(--ucx-syntax-wildcard, light-dark(#a40e26, #ff7b72));
    --_syntax-paren: var(--ucx-syntax-paren, var(--_text));

    display: block;
    /* The OS's light or dark, unless the host sets color-scheme on the element. */
    color-scheme: light dark;
    font-family: var(--_font);
    color: var(--_text);
    line-height: 1.4;
    /* Dark text colours need the dark surface under them, also on a host page that stays
       light (the section's dialog, which has that surface, sets this back to none). */
    background: light-dark(transparent, var(--ucx-color-surface, #161b22));
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  [hidden] {
    display: none !important;
  }

  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    margin-block-end: calc(var(--_space) / 2);
  }

  .label {
    font-weight: 600;
  }
  .required {
    color: var(--_danger);
  }

  .hint {
    margin-block: 0 calc(var(--_space) / 2);
    color: var(--_muted);
    font-size: 0.875em;
  }

  /* Text / Builder switch: native radios styled as a segmented control. */
  .modes {
    display: inline-flex;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  .modes label {
    position: relative;
    padding-block: 2px;
    padding-inline: calc(var(--_space) * 1.25);
    cursor: pointer;
    font-size: 0.875em;
    background: var(--_surface);
    color: var(--_text);
  }
  .modes label + label {
    border-inline-start: 1px solid var(--_border);
  }
  .modes input {
    position: absolute;
    opacity: 0;
    inset: 0;
    margin: 0;
    cursor: pointer;
  }
  .modes label:has(input:checked) {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .modes label:has(input:focus-visible) {
    outline: 2px solid var(--_focus);
    outline-offset: -4px;
  }
  /* On the selected segment the focus colour is about the accent's: ring it in the text
     colour on the accent instead, so the focus stays visible. */
  .modes label:has(input:checked:focus-visible) {
    outline-color: var(--_on-accent);
  }
  /* ...and ring the whole switch outside, as every other control is ringed: the inner ring
     alone, two pixels of white inside the accent, was hard to see. */
  .modes:has(input:focus-visible) {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
    margin-block-start: calc(var(--_space) / 2);
  }

  button {
    font: inherit;
    font-size: 0.875em;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding-block: 2px;
    padding-inline: var(--_space);
    cursor: pointer;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.65;
  }
  button:focus-visible,
  select:focus-visible,
  input:focus-visible,
  summary:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  /* The editor: a transparent textarea over a highlighted <pre> with identical metrics. */
  .field {
    position: relative;
    display: grid;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  /* The text field while the builder is shown: out of sight and out of reach (no focus, no
     accessibility tree) and taking no room, but with its box: Firefox drops a text field's
     editing history (Ctrl+Z) when its box is rebuilt, as display: none, a change of position
     or of overflow does, or when the textarea itself is squeezed (hence the block wrapper). */
  .text-field[data-parked] {
    visibility: hidden;
    block-size: 0;
    overflow: clip; /* (a long filter's box must not lengthen a dialog's scrolling) */
  }
  .field:focus-within {
    outline: 2px solid var(--_focus);
    outline-offset: 1px;
  }
  .field.invalid {
    border-color: var(--_danger);
  }
  .field > textarea,
  .field > pre {
    grid-area: 1 / 1;
    margin: 0;
    border: 0;
    padding: var(--_space);
    font-family: var(--_mono);
    font-size: var(--ucx-editor-font-size, 0.9375rem);
    line-height: 1.5;
    letter-spacing: normal;
    tab-size: 2;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    word-break: normal;
    text-align: left;
    scrollbar-gutter: stable;
  }
  /* The mirror covers the textarea's box exactly; the textarea alone sets the size. */
  .field > pre {
    position: absolute;
    inset: 0;
    color: var(--_text);
    overflow: hidden;
    pointer-events: none;
  }
  .field > pre code {
    font: inherit;
  }
  /* Keeps a last empty line visible, as the textarea shows it. */
  .field > pre code::after {
    content: ' ';
  }
  .field > textarea {
    position: relative;
    z-index: 1;
    resize: vertical;
    overflow: auto;
    min-block-size: 6.5em;
    max-block-size: var(--ucx-editor-max-height, 24em);
    /* Grows with the text (Chromium natively; elsewhere growWithText() sets the height). */
    field-sizing: content;
    background: transparent;
    color: transparent;
    caret-color: var(--_text);
    outline: none;
  }
  .field > textarea::placeholder {
    color: var(--_muted);
  }
  .field > textarea::selection {
    background: color-mix(in srgb, var(--_accent) 30%, transparent);
    color: transparent;
  }
  .field > textarea:disabled {
    cursor: not-allowed;
  }
  /* Disabled, by its attribute or a disabled fieldset: the text and the mode switch dim. */
  .disabled .field,
  .disabled .modes {
    opacity: 0.65;
  }
  .modes label:has(input:disabled),
  .modes input:disabled {
    cursor: not-allowed;
  }

  .token-field {
    color: var(--_syntax-field);
  }
  .token-operator {
    color: var(--_syntax-operator);
    font-weight: 700;
  }
  .token-equals,
  .token-paren {
    color: var(--_syntax-paren);
  }
  .token-value {
    color: var(--_syntax-value);
  }
  .token-escape {
    color: var(--_syntax-escape);
    font-weight: 700;
  }
  .token-wildcard {
    color: var(--_syntax-wildcard);
    font-weight: 700;
  }
  .token-invalid {
    color: var(--_danger);
  }
  .error-range {
    text-decoration: underline wavy var(--_danger);
    text-decoration-skip-ink: none;
    text-underline-offset: 3px;
    background: color-mix(in srgb, var(--_danger) 12%, transparent);
  }

  /* Autocomplete popup, placed at the caret (physical left: the text is always LTR). */
  .suggestions {
    position: absolute;
    z-index: 2;
    margin: 0;
    padding: 2px;
    list-style: none;
    min-inline-size: 12em;
    /* Never a scrolling box: focus stays in the textarea, so no key could scroll it (and the
       options are few: the fields and &, |, !). A long host list lets the dialog scroll. */
    background: var(--_surface);
    color: var(--_text);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 4px 12px rgb(0 0 0 / 0.2);
    font-size: 0.875em;
  }
  .suggestions li {
    display: flex;
    gap: var(--_space);
    justify-content: space-between;
    padding-block: 2px;
    padding-inline: var(--_space);
    border-radius: calc(var(--_radius) / 2);
    cursor: pointer;
  }
  .suggestions li[aria-selected='true'] {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .suggestions code {
    font-family: var(--_mono);
  }
  .suggestions .meaning {
    color: var(--_muted);
  }
  .suggestions li[aria-selected='true'] .meaning {
    color: inherit;
  }

  .error,
  .warnings,
  .notice,
  .summary {
    margin-block: calc(var(--_space) / 2) 0;
    font-size: 0.875em;
    /* They quote the admin's values: a long domain must wrap, not widen the dialog. */
    overflow-wrap: anywhere;
  }
  .error {
    color: var(--_danger);
  }
  .error:empty,
  .notice:empty {
    display: none;
  }
  .error.prominent {
    padding: var(--_space);
    border: 1px solid var(--_danger);
    border-inline-start-width: 4px;
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .error-title {
    display: block;
    font-weight: 700;
  }
  .warnings {
    color: var(--_text);
    padding-inline-start: 1.25em;
  }
  .notice {
    color: var(--_text);
    padding: calc(var(--_space) / 2) var(--_space);
    border-inline-start: 4px solid var(--_accent);
    background: var(--_surface-alt);
  }
  .summary {
    color: var(--_muted);
  }

  /* Help */
  .help {
    margin-block-start: var(--_space);
    font-size: 0.875em;
  }
  .help summary {
    cursor: pointer;
    color: var(--_accent);
    inline-size: fit-content;
  }
  .help table {
    border-collapse: collapse;
    margin-block: calc(var(--_space) / 2);
  }
  .help th,
  .help td {
    text-align: start;
    padding-block: 2px;
    padding-inline: 0 calc(var(--_space) * 2);
    vertical-align: top;
  }
  .help code,
  .example code {
    font-family: var(--_mono);
    /* (officeLocation, at 320 px with wider letter spacing: breaks rather than widen the dialog) */
    overflow-wrap: anywhere;
  }
  .examples {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: 4px;
  }
  .example {
    text-align: start;
  }

  /* Builder */
  .builder {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    background: var(--_surface);
  }
  .group {
    display: grid;
    grid-template-columns: minmax(0, 1fr); /* (not the widest select's width) */
    gap: calc(var(--_space) / 2);
  }
  .group {
    container: group / inline-size;
  }
  .group .group {
    border-inline-start: 3px solid var(--_border);
    padding-inline-start: var(--_space);
    margin-block: calc(var(--_space) / 2);
  }
  .group-head,
  .group-actions,
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2);
  }
  .row.incomplete input {
    border-color: var(--_danger);
  }
  .row-message {
    flex-basis: 100%;
    color: var(--_danger);
    font-size: 0.875em;
  }
  .row-message.hint {
    color: var(--_muted);
  }
  .empty {
    color: var(--_muted);
    margin: 0;
    font-size: 0.875em;
  }
  select,
  .row input {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    padding-block: 2px;
    padding-inline: calc(var(--_space) / 2);
  }
  /* A select is as wide as its longest option (Italian's OR choice is long): on a phone it
     pushed the row out of the dialog. The row's items may shrink, and a select shows what fits. */
  .group-head > *,
  .row > * {
    min-inline-size: 0;
    max-inline-size: 100%;
  }
  select {
    max-inline-size: 100%;
    text-overflow: ellipsis;
  }
  /* The value gives way first (down to 6em): in a nested group a 10em minimum pushed the
     row's Remove button onto a line of its own. */
  .row input {
    font-family: var(--_mono);
    min-inline-size: 6em;
    flex: 1 1 10em;
  }
  /* Where its group has room, a condition is one line of columns: field, comparison,
     value, Remove. Wrapped, a select as wide as its longest option (Italian's "non finisce
     con") sent Remove onto a line of its own under each condition, hard to tell apart. A
     condition without a value (is present) gives the comparison the value's column too. */
  @container group (min-width: 30rem) {
    .row {
      display: grid;
      /* The comparison as wide as the value: at 1fr, a dialog's full width cut "does not
         end with" to "does not end …". Fractions, not content sizes, so the columns line up
         from row to row and the value keeps its share. */
      grid-template-columns: minmax(0, 1fr) minmax(0, 1.25fr) minmax(6em, 1.25fr) auto;
    }
    .row:not(:has(> [part~='builder-value'])) > [part~='builder-condition'] {
      grid-column: 2 / 4;
    }
    .row > [part~='builder-remove'] {
      grid-column: 4;
    }
    .row-message {
      grid-column: 1 / -1;
    }
  }
  /* Narrower, a condition wraps onto lines of its own: a rule between two conditions shows
     where one ends and the next begins. */
  @container group not (min-width: 30rem) {
    .row + .row {
      border-block-start: 1px solid var(--_border);
      padding-block-start: calc(var(--_space) / 2);
    }
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  @media (prefers-reduced-motion: no-preference) {
    button,
    .modes label {
      transition:
        background-color 120ms ease,
        color 120ms ease;
    }
  }

  /* Forced colors: the textarea shows its own text (the mirror's colours would be forced
     anyway): the mirror's is transparent, unforced, and only the underline of an error's
     place is drawn, in a system colour (the tint behind it would be forced away). An invalid
     field's border is dashed (its colour is forced), a disabled one is GrayText. The
     selected mode and suggestion are marked in system colours (backgrounds are forced). */
  @media (forced-colors: active) {
    .field > pre {
      forced-color-adjust: none;
    }
    .field > pre,
    .field > pre * {
      color: transparent;
    }
    .error-range {
      background: none;
      text-decoration: underline wavy Highlight;
      text-decoration-thickness: 2px;
    }
    .field.invalid {
      border-style: dashed;
      border-width: 2px;
    }
    .field > textarea {
      color: CanvasText;
    }
    .disabled .field {
      border-color: GrayText;
    }
    .disabled .field > textarea {
      color: GrayText;
    }
    .modes label:has(input:checked),
    .suggestions li[aria-selected='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
    .modes label:has(input:checked:focus-visible) {
      outline-color: HighlightText;
    }
  }
`;
