// Wire types of the host backend contract (src/backend/openapi.yaml).
// Shared by the browser client (src/backend/), the element and the reference
// backend (demo/server/). Keep in step with openapi.yaml.

export type IntegrationSource = 'entra-id' | 'webex' | (string & {});
export type IntegrationStatus = 'active' | 'pending' | 'error' | 'disabled';
export type ManagedBy = 'customer' | 'vendor';

export interface Integration {
  id: string;
  source: IntegrationSource;
  displayName: string;
  tenantId?: string;
  /** Canonical filter text (formatFilter), or null for "all users". */
  filter: string | null;
  status: IntegrationStatus;
  statusMessage?: string;
  managedBy: ManagedBy;
  /** ISO 8601 date-times. */
  createdAt: string;
  updatedAt: string;
  lastSyncAt?: string;
  userCount?: number;
}

export interface IntegrationList {
  items: Integration[];
}

/** What the element learned from the consent popup; never the access token. */
export interface ConsentResult {
  tenantId: string;
  clientId: string;
  username: string;
  name: string;
  idToken: string;
  scopes: string[];
  /** ISO 8601 date-time. */
  consentedAt: string;
}

export interface CreateIntegration {
  source: IntegrationSource;
  authorized: true;
  filter: string | null;
  consent: ConsentResult;
}

export interface UpdateIntegration {
  filter: string | null;
}

export interface FieldError {
  field: string;
  code: string;
  message: string;
  /** For `filter` errors: where to underline in the text the client sent (UTF-16 code units). */
  offset?: number;
  length?: number;
}

/** RFC 9457 problem details, as the backend sends them. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
}

/** Problem codes the element knows (others are shown as a generic failure). */
export const KNOWN_PROBLEM_CODES = [
  'invalid-filter',
  'vendor-managed-lock',
  'already-exists',
  'consent-invalid',
  'validation-failed',
  'not-found',
  'idempotency-key-reused',
] as const;
export type KnownProblemCode = (typeof KNOWN_PROBLEM_CODES)[number];
