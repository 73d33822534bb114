import { css } from 'lit';

export const confirmDialogStyles = css`
  dialog {
    inline-size: min(460px, calc(100vw - 32px));
  }
  .dialog-body p {
    margin: 0;
  }
`;
