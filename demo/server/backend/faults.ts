/**
 * Fault injection — for tests and the failure demos only. Off unless the app is
 * created with `faults: true`; then two ways to ask for a fault:
 *
 * 1. Per request, header `X-Ucx-Fault` (e.g. through the element's
 *    `requestHeaders` hook): directives separated by `;` or `,` —
 *    a bare word picks the kind, `name=value` sets a parameter:
 *
 *        X-Ucx-Fault: latency=1500
 *        X-Ucx-Fault: server-error; status=503
 *        X-Ucx-Fault: malformed-html
 *        X-Ucx-Fault: malformed-json; when=after
 *        X-Ucx-Fault: drop; when=after; latency=200
 *        X-Ucx-Fault: rate-limit; retry-after=2
 *        X-Ucx-Fault: too-large
 *
 * 2. Queued, through the control endpoint (outside the API's base path):
 *
 *        POST   /__faults  { "next": [FaultSpec, …] }  → 200 { pending: FaultSpec[] }
 *        GET    /__faults                               → 200 { pending: FaultSpec[] }
 *        DELETE /__faults                               → 204 (clears the queue)
 *
 *    Each following API request takes the first queued spec whose `method` (if
 *    set) matches its method. A request with an `X-Ucx-Fault` header uses the
 *    header and leaves the queue alone.
 *
 * Kinds (FaultSpec.kind), applied to requests under the API base path:
 * - none (only `latencyMs`): wait, then handle normally.
 * - `server-error`: `status` (500–599, default 500) problem+json, code `server-error`, with requestId.
 * - `malformed-html`: 200 text/html login-ish page (what a misrouted proxy or an SSO wall returns).
 * - `malformed-json`: 2xx `application/json` whose body is cut in half (the real body
 *   with `when=after`, a made-up integration otherwise).
 * - `drop`: the TCP connection is destroyed without a response.
 * - `rate-limit`: 429 problem+json `rate-limited` with `Retry-After: retryAfter` (default 1).
 * - `too-large`: 413 problem+json `payload-too-large`.
 *
 * `latencyMs` (header `latency`) delays the request first, whatever the kind; if the
 * client disconnects meanwhile (e.g. the element's cancel or timeout), the request is
 * abandoned before the handler runs, so nothing changes on the server.
 * `when` is `before` (default: the fault replaces the handler, nothing changes on the
 * server) or `after` (the handler runs and commits, then its response is replaced:
 * "the create happened but the answer was lost" — a retry with the same
 * Idempotency-Key must then return the first result).
 */

export type FaultKind =
  'server-error' | 'malformed-html' | 'malformed-json' | 'drop' | 'rate-limit' | 'too-large';

export const FAULT_KINDS: readonly FaultKind[] = [
  'server-error',
  'malformed-html',
  'malformed-json',
  'drop',
  'rate-limit',
  'too-large',
];

export interface FaultSpec {
  kind?: FaultKind;
  latencyMs?: number;
  /** For `server-error`: 500–599. */
  status?: number;
  /** For `rate-limit`: seconds in `Retry-After`. */
  retryAfter?: number;
  when?: 'before' | 'after';
  /** Queue only: consume this spec only for requests of this method. */
  method?: string;
}

export const FAULT_HEADER = 'X-Ucx-Fault';

export class FaultSpecError extends Error {}

const MAX_LATENCY = 120_000;

function int(name: string, raw: unknown, min: number, max: number): number {
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new FaultSpecError(`${name} must be an integer from ${min} to ${max}`);
  }
  return n;
}

/** Checks and normalizes a spec (from JSON or from the header). */
export function normalizeFaultSpec(input: unknown): FaultSpec {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new FaultSpecError('a fault spec must be an object');
  }
  const o = input as Record<string, unknown>;
  const spec: FaultSpec = {};
  for (const key of Object.keys(o)) {
    if (!['kind', 'latencyMs', 'status', 'retryAfter', 'when', 'method'].includes(key)) {
      throw new FaultSpecError(`unknown fault parameter "${key}"`);
    }
  }
  if (o['kind'] !== undefined) {
    if (!FAULT_KINDS.includes(o['kind'] as FaultKind)) {
      throw new FaultSpecError(`unknown fault kind "${String(o['kind'])}"`);
    }
    spec.kind = o['kind'] as FaultKind;
  }
  if (o['latencyMs'] !== undefined)
    spec.latencyMs = int('latencyMs', o['latencyMs'], 0, MAX_LATENCY);
  if (o['status'] !== undefined) spec.status = int('status', o['status'], 500, 599);
  if (o['retryAfter'] !== undefined) spec.retryAfter = int('retryAfter', o['retryAfter'], 0, 3600);
  if (o['when'] !== undefined) {
    if (o['when'] !== 'before' && o['when'] !== 'after') {
      throw new FaultSpecError('when must be "before" or "after"');
    }
    spec.when = o['when'];
  }
  if (o['method'] !== undefined) {
    if (typeof o['method'] !== 'string') throw new FaultSpecError('method must be a string');
    spec.method = o['method'].toUpperCase();
  }
  if (spec.kind === undefined && spec.latencyMs === undefined) {
    throw new FaultSpecError('a fault spec needs a kind or latencyMs');
  }
  return spec;
}

/** Parses the `X-Ucx-Fault` header value. */
export function parseFaultHeader(value: string): FaultSpec {
  const raw: Record<string, unknown> = {};
  for (const part of value.split(/[;,]/)) {
    const token = part.trim();
    if (token === '') continue;
    const eq = token.indexOf('=');
    if (eq < 0) {
      raw['kind'] = token.toLowerCase();
      continue;
    }
    const name = token.slice(0, eq).trim().toLowerCase();
    const val = token.slice(eq + 1).trim();
    switch (name) {
      case 'kind':
        raw['kind'] = val.toLowerCase();
        break;
      case 'latency':
      case 'latencyms':
        raw['latencyMs'] = val;
        break;
      case 'status':
        raw['status'] = val;
        break;
      case 'retry-after':
      case 'retryafter':
        raw['retryAfter'] = val;
        break;
      case 'when':
        raw['when'] = val.toLowerCase();
        break;
      default:
        throw new FaultSpecError(`unknown fault parameter "${name}"`);
    }
  }
  return normalizeFaultSpec(raw);
}

export class FaultQueue {
  private pending: FaultSpec[] = [];

  push(specs: FaultSpec[]): void {
    this.pending.push(...specs);
  }

  clear(): void {
    this.pending = [];
  }

  list(): FaultSpec[] {
    return [...this.pending];
  }

  /** Removes and returns the first spec that applies to `method`. */
  take(method: string): FaultSpec | undefined {
    const i = this.pending.findIndex((s) => s.method === undefined || s.method === method);
    if (i < 0) return undefined;
    return this.pending.splice(i, 1)[0];
  }
}

export const MALFORMED_HTML = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Sign in to your account</title></head>
<body>
<h1>Your session has expired</h1>
<p>Please sign in again to continue.</p>
<form method="post" action="/login"><input name="user"><button>Sign in</button></form>
</body>
</html>
`;

/** A JSON text cut in the middle (never parses). */
export function truncateJson(text: string): string {
  const cut = Math.max(1, Math.floor(text.length / 2));
  return text.slice(0, cut);
}

/** Waits `ms`; resolves false early when `signal` aborts (the client went away). */
export function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
