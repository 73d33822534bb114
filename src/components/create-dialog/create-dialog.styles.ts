import { css } from 'lit';

export const createDialogStyles = css`
  /* Near the top, not centred: as messages, the builder or the preview change its height, the
     dialog grows downward instead of jumping under the admin's pointer and eyes. */
  dialog {
    /* Wider than the other dialogs: the filter text, the builder's rows and the preview's
       six-column table need the room (at 560px emails broke at every dot). */
    inline-size: min(720px, calc(100vw - 32px));
    margin-block: min(8vh, 64px) auto;
    max-block-size: calc(100vh - min(8vh, 64px) - 16px);
    max-block-size: calc(100dvh - min(8dvh, 64px) - 16px);
  }
  /* The dialog is the editor's surface (the editor paints its own only for a light page). */
  ucx-filter-editor {
    background: none;
  }
  .field {
    display: grid;
    gap: calc(var(--_space) * 0.5);
  }
  label,
  .label {
    font-weight: 600;
  }
  select {
    min-block-size: 36px;
    padding-inline: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    max-inline-size: 20em;
  }
  .hint {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .switch-row {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--_space) * 2);
  }
  .switch {
    display: inline-flex;
    align-items: center;
    gap: var(--_space);
    padding: 4px;
    border: 0;
    background: none;
    color: var(--_text);
    cursor: pointer;
    font-weight: 600;
  }
  .track {
    position: relative;
    inline-size: 40px;
    block-size: 22px;
    border: 1px solid var(--_border);
    border-radius: 11px;
    background: var(--_surface-2);
    flex: none;
    transition: background 0.15s;
  }
  .thumb {
    position: absolute;
    inset-block-start: 2px;
    inset-inline-start: 2px;
    inline-size: 16px;
    block-size: 16px;
    border-radius: 50%;
    background: var(--_muted);
    transition: inset-inline-start 0.15s;
  }
  .switch[aria-checked='true'] .track {
    background: var(--_accent);
    border-color: var(--_accent);
  }
  .switch[aria-checked='true'] .thumb {
    inset-inline-start: 20px;
    background: var(--_on-accent);
  }
  /* Forced colors paint every background as Canvas: the switch's state would show only in
     its thumb's place, which is then invisible. System colours keep on and off apart. */
  @media (forced-colors: active) {
    .track,
    .thumb {
      forced-color-adjust: none;
      background: Canvas;
      border-color: CanvasText;
    }
    .thumb {
      background: CanvasText;
    }
    .switch[aria-checked='true'] .track {
      background: Highlight;
      border-color: Highlight;
    }
    .switch[aria-checked='true'] .thumb {
      background: HighlightText;
    }
  }
  .state {
    font-weight: 400;
    color: var(--_muted);
  }
  .reason {
    margin: 0;
    color: var(--_text);
    font-size: 0.875rem;
    flex-basis: 100%;
    text-align: end;
  }
  .server-error {
    margin: 0;
    padding: var(--_space);
    border-inline-start: 3px solid var(--_danger);
    color: var(--_danger);
    background: var(--_surface-2);
    overflow-wrap: anywhere;
  }
  .target {
    margin: calc(var(--_space) * 0.5) 0 0; /* under the title, in the sticky header */
    color: var(--_muted);
  }
  .preview-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  .removal {
    flex-basis: 100%;
    display: grid;
    gap: var(--_space);
    padding: var(--_space);
    border-inline-start: 3px solid var(--_danger);
    background: var(--_surface-2);
  }
  .removal p {
    margin: 0;
  }
  .removal-actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--_space);
  }
`;
