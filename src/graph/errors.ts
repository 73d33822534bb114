/** What kind of failure a Graph request ended with, for the UI to explain. */
export type GraphPreviewErrorKind =
  'forbidden' | 'throttled' | 'unsupported-query' | 'unauthorized' | 'network' | 'unknown';

export interface GraphPreviewErrorInit {
  kind: GraphPreviewErrorKind;
  /** HTTP status; 0 when no answer came (network, token). */
  status: number;
  /** Graph's error code (`Authorization_RequestDenied`, `Request_UnsupportedQuery`, …) or ours. */
  code: string;
  /** Graph's message: show it as text, never as HTML. */
  message: string;
  /** From `Retry-After`, when Graph gave one. */
  retryAfterSeconds?: number;
  cause?: unknown;
}

/** A failed preview request. Never blocks creating the integration: the UI explains it. */
export class GraphPreviewError extends Error {
  readonly kind: GraphPreviewErrorKind;
  readonly status: number;
  readonly code: string;
  readonly retryAfterSeconds?: number;

  constructor(init: GraphPreviewErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'GraphPreviewError';
    this.kind = init.kind;
    this.status = init.status;
    this.code = init.code;
    if (init.retryAfterSeconds !== undefined) this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

export function kindForStatus(status: number): GraphPreviewErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 429) return 'throttled';
  if (status === 400) return 'unsupported-query';
  if (status <= 0) return 'network';
  return 'unknown';
}

/** `Retry-After` as seconds: a number of seconds or an HTTP date; undefined when absent or bad. */
export function parseRetryAfter(
  value: string | null | undefined,
  now = Date.now(),
): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Number(v);
  const date = Date.parse(v);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

interface ClientErrorShape {
  statusCode?: unknown;
  code?: unknown;
  message?: unknown;
  headers?: unknown;
  name?: unknown;
  body?: unknown;
}

/** Maps what the Graph client throws (GraphError, fetch TypeError, …) to a GraphPreviewError. */
export function toPreviewError(error: unknown): GraphPreviewError {
  if (error instanceof GraphPreviewError) return error;
  const e = (typeof error === 'object' && error !== null ? error : {}) as ClientErrorShape;
  const status = typeof e.statusCode === 'number' && e.statusCode > 0 ? e.statusCode : 0;
  const headers = e.headers as { get?: (name: string) => string | null } | undefined;
  const retryAfter =
    typeof headers?.get === 'function' ? parseRetryAfter(headers.get('Retry-After')) : undefined;
  if (status === 0) {
    const message =
      typeof e.message === 'string' && e.message
        ? e.message
        : 'Microsoft Graph could not be reached.';
    return new GraphPreviewError({
      kind: 'network',
      status: 0,
      code: typeof e.code === 'string' && e.code ? e.code : 'network-error',
      message,
      cause: error,
    });
  }
  const code = typeof e.code === 'string' && e.code ? e.code : `HTTP ${status}`;
  const message =
    typeof e.message === 'string' && e.message
      ? e.message
      : typeof e.body === 'string' && e.body
        ? e.body.slice(0, 500)
        : `Microsoft Graph answered ${status}.`;
  return new GraphPreviewError({
    kind: kindForStatus(status),
    status,
    code,
    message,
    ...(retryAfter !== undefined ? { retryAfterSeconds: retryAfter } : {}),
    cause: error,
  });
}
