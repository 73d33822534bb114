/**
 * Preview of the users a filter matches, through Microsoft Graph (issue 6). Imports only
 * the filter engine; the Graph client is loaded with import() on first use.
 */
export { previewImpact, previewMatchingUsers, toPreviewUser } from './preview.js';
export type {
  ImpactOptions,
  ImpactResult,
  PreviewConnection,
  PreviewOptions,
  PreviewProgress,
  PreviewResult,
  PreviewUser,
} from './preview.js';
export { reportClauses } from './clauses.js';
export type { ClauseReasonCode, ClauseReport, ClauseWhere } from './clauses.js';
export { GraphPreviewError, kindForStatus, parseRetryAfter, toPreviewError } from './errors.js';
export type { GraphPreviewErrorInit, GraphPreviewErrorKind } from './errors.js';
export { DEFAULT_GRAPH_BASE_URL, loadGraphClient } from './transport.js';
