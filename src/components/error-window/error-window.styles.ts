import { css } from 'lit';

export const errorWindowStyles = css`
  dialog {
    inline-size: min(480px, calc(100vw - 48px));
    border-color: var(--_danger);
  }
  .dialog-header h2 {
    display: flex;
    align-items: center;
    gap: var(--_space);
    color: var(--_danger);
  }
  .dialog-body p {
    margin: 0;
  }
  .detail {
    padding: var(--_space);
    border-inline-start: 3px solid var(--_danger);
    background: var(--_surface-2);
    overflow-wrap: anywhere;
  }
  .detail.long {
    max-block-size: 12em;
    overflow-y: auto;
  }
  /* The server's own line breaks are kept; the template's indentation around it is not. */
  .server-text {
    white-space: pre-wrap;
  }
  /* One line when it fits (beside its label or under it), not broken at its hyphens. */
  .request-id code {
    display: inline-block;
    max-inline-size: 100%;
    font-family: var(--_mono);
    overflow-wrap: anywhere;
  }
  .advice {
    font-weight: 600;
  }
`;
