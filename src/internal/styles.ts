import { css } from 'lit';

/**
 * Design tokens shared by the package's elements. Public knobs are `--ucx-*`;
 * the `--_*` names are private resolved values, whose light-dark() defaults
 * follow the element's color-scheme: `light dark` (the OS's choice) unless the
 * host sets it on the element (light on a console with no dark theme, dark for
 * its own dark mode). The package's elements inside one take its color-scheme
 * (`inherit`), not their own default. (Comments stay out of the css``: they
 * would ship in the first-paint bundle.)
 */
export const tokens = css`
  :host {
    color-scheme: light dark;
    --_font: var(--ucx-font-family, inherit);
    --_text: var(--ucx-color-text, light-dark(#1f2328, #e6edf3));
    --_muted: var(--ucx-color-text-muted, light-dark(#57606a, #9da7b3));
    --_surface: var(--ucx-color-surface, light-dark(#ffffff, #161b22));
    --_surface-2: var(--ucx-color-surface-raised, light-dark(#f6f8fa, #1f2630));
    --_border: var(--ucx-color-border, light-dark(#8c959f, #6e7681));
    --_accent: var(--ucx-color-accent, light-dark(#0b5cad, #4493f8));
    --_on-accent: var(--ucx-color-on-accent, light-dark(#ffffff, #0d1117));
    --_danger: var(--ucx-color-danger, light-dark(#b42318, #ff7b72));
    --_success: var(--ucx-color-success, light-dark(#1a7f37, #56d364));
    --_warning: var(--ucx-color-warning, light-dark(#9a6700, #e3b341));
    --_radius: var(--ucx-radius, 6px);
    --_space: var(--ucx-space, 8px);
    --_focus: var(--ucx-color-focus, light-dark(#0b5cad, #79c0ff));
    font-family: var(--_font);
    color: var(--_text);
  }
  :is(
    ucx-create-dialog,
    ucx-confirm-dialog,
    ucx-error-window,
    ucx-user-preview,
    ucx-filter-editor
  ) {
    color-scheme: inherit;
  }
  [hidden] {
    display: none !important;
  }
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  button,
  select,
  a {
    font: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .btn {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
    min-block-size: 36px;
    padding-block: 0;
    padding-inline: calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
    font-weight: 500;
  }
  .btn:hover {
    background: var(--_surface-2);
  }
  .btn.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  .btn.danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_on-accent);
  }
  .btn[aria-disabled='true'] {
    cursor: not-allowed;
    background: var(--_surface-2);
    border-color: var(--_border);
    color: var(--_muted);
  }
  .spinner {
    inline-size: 1em;
    block-size: 1em;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: ucx-spin 0.8s linear infinite;
    flex: none;
  }
  @keyframes ucx-spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 2.4s;
    }
    * {
      transition: none !important;
    }
  }
  a {
    color: var(--_accent);
  }
`;

/** Native <dialog> look shared by the dialogs. */
export const dialogStyles = css`
  dialog {
    box-sizing: border-box;
    inline-size: min(560px, calc(100vw - 32px));
    max-block-size: calc(100vh - 32px);
    max-block-size: calc(100dvh - 32px); /* on phones, the part the browser's bars leave */
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 1.5);
    background: var(--_surface);
    color: var(--_text);
    font-family: var(--_font);
    box-shadow: 0 12px 40px rgb(0 0 0 / 0.25);
    /* On a short screen the dialog scrolls under its footer (sticky, below): focus
       scrolling keeps a field above it, not under it (the create dialog measures its
       footer; 7rem is about a footer with a status line). */
    scroll-padding-block-end: calc(var(--_footer-size, 7rem) + var(--_space));
    /* The same above, under the sticky header (measured by the create dialog too). */
    scroll-padding-block-start: calc(var(--_header-size, 4rem) + var(--_space));
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  .dialog-header {
    padding: calc(var(--_space) * 2) calc(var(--_space) * 3) var(--_space);
    /* The title (what is being created or edited) stays in view while the fields scroll,
       as the buttons do. */
    position: sticky;
    inset-block-start: 0;
    z-index: 3; /* above what the fields raise (the filter field 1, its suggestions 2) */
    background: inherit;
  }
  /* At 400% zoom the dialog is too short to give a title the room: it scrolls away. */
  @media (max-height: 20rem) {
    .dialog-header {
      position: static;
    }
  }
  .dialog-header h2 {
    margin: 0;
    font-size: 1.2rem;
  }
  .dialog-body {
    display: grid;
    gap: calc(var(--_space) * 2);
    padding: var(--_space) calc(var(--_space) * 3);
    transition: opacity 0.15s;
  }
  .dialog-body[inert] {
    opacity: 0.55;
    filter: grayscale(1);
  }
  .dialog-footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: flex-end;
    gap: var(--_space);
    padding: calc(var(--_space) * 2) calc(var(--_space) * 3);
    border-block-start: 1px solid var(--_border);
    margin-block-start: var(--_space);
    /* Cancel and Create stay in view while the fields scroll. */
    position: sticky;
    inset-block-end: 0;
    z-index: 3;
    background: inherit; /* the dialog's, also when a host sets it on ::part(dialog) */
  }
  .dialog-footer .status {
    /* One line beside the buttons when it fits, else a line of its own above them (never
       "sign-" on one line and "in…" on the next). */
    flex: 1 1 max-content;
    margin: 0;
    color: var(--_text);
    min-block-size: 1.2em;
  }
  /* Cancel and the action button wrap together, never one without the other. */
  .dialog-footer .actions {
    display: flex;
    flex-wrap: wrap; /* at 400% zoom, button under button rather than words cut */
    justify-content: flex-end;
    gap: var(--_space);
  }
`;
