// Defines the package's custom elements (the one place tags are registered).
// Importing this module has side effects; `ucx-user-sync` (index) has none.
import { UcxUserSync } from './components/user-sync/user-sync.js';
import { UcxCreateDialog } from './components/create-dialog/create-dialog.js';
import { UcxConfirmDialog } from './components/confirm-dialog/confirm-dialog.js';
import { UcxErrorWindow } from './components/error-window/error-window.js';
import { UcxFilterEditor } from './components/filter-editor/filter-editor.js';
import { UcxUserPreview } from './components/preview/preview.js';

function define(tag: string, ctor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, ctor);
}

define('ucx-filter-editor', UcxFilterEditor);
define('ucx-error-window', UcxErrorWindow);
define('ucx-user-preview', UcxUserPreview);
define('ucx-create-dialog', UcxCreateDialog);
define('ucx-confirm-dialog', UcxConfirmDialog);
define('ucx-user-sync', UcxUserSync);

declare global {
  interface HTMLElementTagNameMap {
    'ucx-user-sync': UcxUserSync;
    'ucx-create-dialog': UcxCreateDialog;
    'ucx-confirm-dialog': UcxConfirmDialog;
    'ucx-error-window': UcxErrorWindow;
    'ucx-filter-editor': UcxFilterEditor;
    'ucx-user-preview': UcxUserPreview;
  }
}

export {
  UcxUserSync,
  UcxCreateDialog,
  UcxConfirmDialog,
  UcxErrorWindow,
  UcxFilterEditor,
  UcxUserPreview,
};
