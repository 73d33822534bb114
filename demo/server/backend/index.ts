// The reference backend of <ucx-user-sync> (demo/server/backend/).
export {
  DEFAULT_BASE_PATH,
  canonicalJson,
  createBackendApp,
  type AppAccessCheck,
  type BackendApp,
  type BackendOptions,
  type RequestLogEntry,
} from './app.js';
export { startBackend, type RunningBackend, type StartBackendOptions } from './server.js';
export {
  FAULT_HEADER,
  FAULT_KINDS,
  parseFaultHeader,
  type FaultKind,
  type FaultSpec,
} from './faults.js';
export { CONSUMER_TENANT_ID, type TokenVerifierOptions, type VerifiedIdentity } from './token.js';
export { SEED_TENANTS, VENDOR_WEBEX_ID, seedIntegrations } from './seed.js';
export { DB_FILE_NAME, IntegrationStore, type StoredIntegration } from './store.js';
export { ProblemError, type ProblemCode, type ProblemInit } from './problem.js';
export { loadContractSchemas, OPENAPI_URL, type SchemaName } from './schema.js';
