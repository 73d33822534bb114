import { css } from 'lit';

// Apart from the tokens (styles.ts) because only the dialogs use it: they load on demand, and
// a css`` module is kept whole by bundlers (a tagged call may have side effects), so in
// styles.ts it travelled in the section's first paint.

/** Native <dialog> look shared by the dialogs. */
export const dialogStyles = css`
  :is(ucx-error-window, ucx-user-preview, ucx-filter-editor) {
    color-scheme: inherit;
  }
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
  /* At 400% zoom the dialog is too short to give a title the room: it scrolls away, and the
     footer (which stays) is tighter (below), leaving the fields more of the height there is. */
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
  @media (max-height: 20rem) {
    .dialog-footer {
      padding-block: var(--_space);
      margin-block-start: 0;
    }
  }
`;
