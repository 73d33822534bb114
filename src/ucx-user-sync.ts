// Defines <ucx-user-sync> (package entry `ucx-user-sync/define`). Its dialogs,
// the filter editor and the preview are defined by ./ucx-user-sync-dialogs.ts,
// which the section loads on demand; MSAL and the Graph client load later still.
// Importing this module has side effects; `ucx-user-sync` (index) has none.
import { UcxUserSync } from './components/user-sync/user-sync.js';
import { defineElement } from './internal/define.js';

defineElement('ucx-user-sync', UcxUserSync);

declare global {
  interface HTMLElementTagNameMap {
    'ucx-user-sync': UcxUserSync;
  }
}

export { UcxUserSync };
// Its events' types, so `addEventListener('ucx-integration-created', …)` is typed for hosts that
// import only this entry (the README's example): the declarations' imports would drop them.
export type * from './events/index.js';
