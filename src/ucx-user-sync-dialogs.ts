// Defines the dialogs of <ucx-user-sync> and what they embed. The section
// imports this module with import() after its first render (or on the first
// click that needs a dialog), so the first paint pays only for the list.
import { UcxCreateDialog } from './components/create-dialog/create-dialog.js';
import { UcxConfirmDialog } from './components/confirm-dialog/confirm-dialog.js';
import { UcxErrorWindow } from './components/error-window/error-window.js';
import { UcxUserPreview } from './components/preview/preview.js';
import { defineElement } from './internal/define.js';
import './ucx-filter-editor.js';

defineElement('ucx-error-window', UcxErrorWindow);
defineElement('ucx-user-preview', UcxUserPreview);
defineElement('ucx-create-dialog', UcxCreateDialog);
defineElement('ucx-confirm-dialog', UcxConfirmDialog);

declare global {
  interface HTMLElementTagNameMap {
    'ucx-create-dialog': UcxCreateDialog;
    'ucx-confirm-dialog': UcxConfirmDialog;
    'ucx-error-window': UcxErrorWindow;
    'ucx-user-preview': UcxUserPreview;
  }
}

export { UcxCreateDialog, UcxConfirmDialog, UcxErrorWindow, UcxUserPreview };
