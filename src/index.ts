// Side-effect-free entry point: classes, types, events and the backend client.
// Import `ucx-user-sync/define` (src/ucx-user-sync.ts) to register the tags.
export {
  UcxUserSync,
  isVendorLock,
  DEFAULT_AUTHORITY,
  DEFAULT_SUPPORT_URL,
  DEFAULT_VENDOR_NAME,
} from './components/user-sync/user-sync.js';
export { UcxCreateDialog } from './components/create-dialog/create-dialog.js';
export type { DialogDelegate } from './components/create-dialog/create-dialog.js';
export { UcxConfirmDialog } from './components/confirm-dialog/confirm-dialog.js';
export { UcxErrorWindow } from './components/error-window/error-window.js';
export { UcxFilterEditor } from './components/filter-editor/filter-editor.js';
export {
  UcxUserPreview,
  DEFAULT_GRAPH_BASE_URL,
  DEFAULT_REMOVAL_CONFIRM_THRESHOLD,
} from './components/preview/preview.js';
export type {
  UserPreviewFailure,
  UserPreviewImpact,
  UserPreviewOutcome,
  UserPreviewRequest,
} from './components/preview/preview.js';
export * from './events/index.js';
export {
  BackendClient,
  BackendError,
  IdempotencyKeys,
  createBackendClient,
  isBackendError,
  newIdempotencyKey,
  parseRetryAfter,
  DEFAULT_TIMEOUT,
} from './backend/client.js';
export type {
  BackendClientOptions,
  BackendErrorKind,
  CallOptions,
  CreateOptions,
  RequestHeadersHook,
  RequestHeadersRecord,
  RequestInfo,
} from './backend/client.js';
export type * from './backend/types.js';
export { ConsentError } from './auth/types.js';
export type {
  ConsentFailure,
  ConsentFailureKind,
  ConsentFunction,
  ConsentProvider,
  ConsentResultInit,
} from './auth/types.js';
export { SOURCES } from './internal/sources.js';
export type { SourceDefinition } from './internal/sources.js';
