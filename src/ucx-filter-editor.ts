// Defines <ucx-filter-editor> (package entry `ucx-user-sync/filter-editor`), for
// hosts that use the filter editor on its own, e.g. inside their own <form>.
import { UcxFilterEditor } from './components/filter-editor/filter-editor.js';
import { defineElement } from './internal/define.js';

defineElement('ucx-filter-editor', UcxFilterEditor);

declare global {
  interface HTMLElementTagNameMap {
    'ucx-filter-editor': UcxFilterEditor;
  }
}

export { UcxFilterEditor };
// Its event, so `addEventListener('ucx-filter-change', …)` is typed for hosts of this entry.
export { UcxFilterChangeEvent } from './components/filter-editor/filter-change-event.js';
export type { UcxFilterChangeDetail } from './components/filter-editor/filter-change-event.js';
