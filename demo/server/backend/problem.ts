// RFC 9457 problem details for the reference backend.
import type { FieldError, Problem } from '../../../src/backend/types.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Codes the reference backend sends (the element knows the first six). */
export type ProblemCode =
  | 'invalid-filter'
  | 'validation-failed'
  | 'vendor-managed-lock'
  | 'already-exists'
  | 'consent-invalid'
  | 'not-found'
  | 'invalid-json'
  | 'unsupported-media-type'
  | 'payload-too-large'
  | 'idempotency-key-reused'
  | 'rate-limited'
  | 'server-error'
  | 'method-not-allowed'
  | 'no-route';

export interface ProblemInit {
  status: number;
  code: ProblemCode;
  title: string;
  detail?: string;
  errors?: FieldError[];
}

export function problemBody(init: ProblemInit, requestId: string, instance?: string): Problem {
  const body: Problem = {
    type: `urn:ucx-user-sync:problem:${init.code}`,
    title: init.title,
    status: init.status,
    code: init.code,
    requestId,
  };
  if (init.detail !== undefined) body.detail = init.detail;
  if (instance !== undefined) body.instance = instance;
  if (init.errors !== undefined) body.errors = init.errors;
  return body;
}

export function problemResponse(
  init: ProblemInit,
  requestId: string,
  instance?: string,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(problemBody(init, requestId, instance)), {
    status: init.status,
    headers: {
      'Content-Type': PROBLEM_CONTENT_TYPE,
      'Cache-Control': 'no-store',
      'X-Request-Id': requestId,
      ...headers,
    },
  });
}

/** Thrown inside handlers; turned into a problem response by the app. */
export class ProblemError extends Error {
  readonly init: ProblemInit;
  readonly headers: Record<string, string>;
  constructor(init: ProblemInit, headers: Record<string, string> = {}) {
    super(`${init.status} ${init.code}: ${init.detail ?? init.title}`);
    this.name = 'ProblemError';
    this.init = init;
    this.headers = headers;
  }
}
