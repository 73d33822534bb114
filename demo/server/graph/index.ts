export { createGraphApp, startGraph } from './app.js';
export type {
  AccessTokenVerifier,
  FailureSpec,
  GraphApp,
  GraphAppOptions,
  GraphControl,
  RecordedRequest,
  RunningGraph,
  StartGraphOptions,
} from './app.js';
export { generateDirectory } from './directory.js';
export type { DirectoryUser, GenerateDirectoryOptions } from './directory.js';
export { jwksAccessTokenVerifier } from './token.js';
export type { JwksVerifierOptions } from './token.js';
export {
  checkSupport,
  compileODataFilter,
  ODataSyntaxError,
  parseODataFilter,
  USER_PROPERTIES,
} from './odata-filter.js';
export type { ODataExpr, PropertyCapabilities, SupportVerdict } from './odata-filter.js';
