/**
 * `ucx-user-sync/filter`: the LDAP (RFC 4515) filter dialect of README's "The filter language", for the
 * browser and Node (no DOM, no Lit, no Node built-ins).
 */
export type {
  AndNode,
  EqualityNode,
  FieldDefinition,
  FilterError,
  FilterErrorCode,
  FilterNode,
  FilterProblem,
  FilterWarning,
  FilterWarningCode,
  GraphFieldDefinition,
  GraphSupport,
  ItemNode,
  NotNode,
  OrNode,
  ParseOptions,
  ParseResult,
  PresentNode,
  Span,
  SubstringNode,
  UserRecord,
} from './types.js';
export { DEFAULT_FIELDS, suggestField } from './fields.js';
export { FILTER_ERROR_CODES, FILTER_MESSAGES, FILTER_WARNING_CODES } from './messages.js';
export { parseFilter } from './parse-filter.js';
export { escapeFilterValue, formatFilter } from './format.js';
export { filtersEqual } from './equal.js';
export { compileFilter, matchesFilter } from './match.js';
export { GRAPH_USER_SELECT, graphUserSelect, graphUserToRecord, toGraphQuery } from './graph.js';
export type { GraphQuery, GraphUser } from './graph.js';
