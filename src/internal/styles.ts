import { css } from 'lit';

/**
 * Design tokens shared by the package's elements. Public knobs are `--ucx-*`;
 * the `--_*` names are private resolved values, whose light-dark() defaults
 * follow the element's color-scheme: `light dark` (the OS's choice) unless the
 * host sets it on the element (light on a console with no dark theme, dark for
 * its own dark mode). The package's elements inside one take its color-scheme
 * (`inherit`), not their own default: the section's dialogs by this rule, what the
 * dialogs embed by dialogStyles' (which only they load). (Comments stay out of the
 * css``: they would ship in the first-paint bundle.)
 */
export const tokens = css`
  :host {
    color-scheme: light dark;
    --_font: var(--ucx-font-family, inherit);
    --_mono: var(--ucx-font-family-mono, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
    --_text: var(--ucx-color-text, light-dark(#1f2328, #e6edf3));
    --_muted: var(--ucx-color-text-muted, light-dark(#57606a, #9da7b3));
    --_surface: var(--ucx-color-surface, light-dark(#ffffff, #161b22));
    --_surface-2: var(--ucx-color-surface-raised, light-dark(#f6f8fa, #1f2630));
    --_border: var(--ucx-color-border, light-dark(#818b98, #6e7681));
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
  :is(ucx-create-dialog, ucx-confirm-dialog) {
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
  @media (forced-colors: active) {
    .btn[aria-disabled='true'] {
      color: GrayText;
      border-color: GrayText;
    }
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
  /* Forced colours would paint the open quarter, leaving a still ring: the ring is drawn in
     a system colour (currentColor, unforced, would be the theme's) with the quarter kept
     open: the page's text colour, a button's in a button. */
  @media (forced-colors: active) {
    .spinner {
      forced-color-adjust: none;
      border-color: CanvasText;
      border-inline-end-color: transparent;
    }
    button .spinner {
      border-color: ButtonText;
      border-inline-end-color: transparent;
    }
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
