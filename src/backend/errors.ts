// The one error type the backend client rejects with.
import type { FieldError, Problem } from './types.js';

/**
 * - `network`: fetch rejected (offline, DNS, CORS, CSP, dropped connection)
 * - `timeout`: no answer within the client's timeout
 * - `http`: the server answered with a non-2xx status, or a 2xx whose body is
 *   not what the contract promises (`code: 'invalid-response'`)
 * - `aborted`: the caller cancelled (our Cancel button, element removed, a newer
 *   request superseded this one)
 * - `busy`: a create is already in flight
 */
export type BackendErrorKind = 'network' | 'timeout' | 'http' | 'aborted' | 'busy';

export interface BackendErrorInit {
  kind: BackendErrorKind;
  status?: number;
  code?: string;
  title?: string;
  detail?: string;
  requestId?: string;
  fieldErrors?: FieldError[];
  retryAfter?: number;
  problem?: Problem;
}

export class BackendError extends Error {
  readonly kind: BackendErrorKind;
  /** HTTP status, when the server answered. */
  readonly status: number | undefined;
  /** Problem `code` (e.g. `invalid-filter`), or one of ours (`invalid-response`, `timeout`, …). */
  readonly code: string;
  readonly title: string | undefined;
  /** The server's human-readable detail (render as text, never as HTML). */
  readonly detail: string | undefined;
  /** From the problem body (`requestId`) or the `X-Request-Id` / correlation header. */
  readonly requestId: string | undefined;
  readonly fieldErrors: FieldError[];
  /** Seconds, from `Retry-After`, when the server sent one. */
  readonly retryAfter: number | undefined;
  readonly problem: Problem | undefined;

  constructor(init: BackendErrorInit) {
    super(
      `${init.kind}${init.status ? ` ${init.status}` : ''}${init.code ? ` (${init.code})` : ''}`,
    );
    this.name = 'BackendError';
    this.kind = init.kind;
    this.status = init.status;
    this.code = init.code ?? init.kind;
    this.title = init.title;
    this.detail = init.detail;
    this.requestId = init.requestId;
    this.fieldErrors = init.fieldErrors ?? [];
    this.retryAfter = init.retryAfter;
    this.problem = init.problem;
  }
}

export function isBackendError(e: unknown): e is BackendError {
  return e instanceof BackendError;
}
