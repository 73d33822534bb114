// Typed browser client for the host's integrations endpoint (src/backend/openapi.yaml).
// No Lit here: the layers never import components.
import { BackendError } from './errors.js';
import type {
  CreateIntegration,
  FieldError,
  Integration,
  IntegrationList,
  Problem,
  UpdateIntegration,
} from './types.js';

export { BackendError, isBackendError } from './errors.js';
export type { BackendErrorKind, BackendErrorInit } from './errors.js';

export type HeadersRecord = Record<string, string>;

/** What the `requestHeaders` hook is told about the call it decorates. */
export interface RequestInfo {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
}

/** The hook's headers by name; one whose value is undefined or null is not sent. */
export type RequestHeadersRecord = Record<string, string | null | undefined>;

export type RequestHeadersHook =
  | RequestHeadersRecord
  | ((
      request: RequestInfo,
    ) => RequestHeadersRecord | undefined | Promise<RequestHeadersRecord | undefined>);

export interface BackendClientOptions {
  /** Base URL of the integrations collection. */
  endpoint: string;
  /** Defaults to `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch | undefined;
  /** Extra headers for every call (CSRF token, auth), an object or a (async) function. */
  requestHeaders?: RequestHeadersHook | undefined;
  /** Milliseconds before a call gives up with `kind: 'timeout'`. Default 30 000. */
  timeout?: number | undefined;
  /** Defaults to `'same-origin'`. */
  credentials?: RequestCredentials | undefined;
  /** Longest `Retry-After` (seconds) the client waits before its one retry. Default 10. */
  maxRetryAfter?: number | undefined;
  /**
   * The language the answers' text should be in (`Accept-Language`, read at each call): a
   * backend may localize `statusMessage` and problem `detail`. The `requestHeaders` hook
   * can still override it.
   */
  language?: (() => string | undefined) | undefined;
}

export interface CallOptions {
  signal?: AbortSignal | undefined;
}

export interface CreateOptions extends CallOptions {
  /** Same key ⇒ same result; reuse it when retrying the same data. */
  idempotencyKey: string;
}

export const DEFAULT_TIMEOUT = 30_000;

/** A fresh Idempotency-Key. */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  c.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Keeps one Idempotency-Key per attempt-group: the same data gets the same key
 * (a retry never creates a duplicate), different data a new one.
 */
export class IdempotencyKeys {
  #fingerprint: string | undefined;
  #key: string | undefined;

  keyFor(data: unknown): string {
    const fingerprint = JSON.stringify(data);
    if (this.#key === undefined || fingerprint !== this.#fingerprint) {
      this.#fingerprint = fingerprint;
      this.#key = newIdempotencyKey();
    }
    return this.#key;
  }

  /** Forget the key (after a success, or a new dialog session). */
  reset(): void {
    this.#fingerprint = undefined;
    this.#key = undefined;
  }
}

const REQUEST_ID_HEADERS = [
  'x-request-id',
  'x-correlation-id',
  'request-id',
  'x-ms-request-id',
  'x-amzn-requestid',
];

function abortReason(signal: AbortSignal): unknown {
  return signal.reason;
}

/** AbortSignal.any with a fallback for older engines. */
function anySignal(signals: AbortSignal[]): AbortSignal {
  const any = (AbortSignal as { any?: (s: AbortSignal[]) => AbortSignal }).any;
  if (typeof any === 'function') return any.call(AbortSignal, signals);
  const controller = new AbortController();
  for (const s of signals) {
    if (s.aborted) {
      controller.abort(abortReason(s));
      break;
    }
    s.addEventListener('abort', () => controller.abort(abortReason(s)), { once: true });
  }
  return controller.signal;
}

/**
 * `p`, or its signal's reason once the signal aborts: a host's `fetch` or `requestHeaders` hook
 * that ignores the signal (never answers) can't hold a call past its timeout.
 */
function untilAborted<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** The longest delay a browser's timer takes (2³¹ − 1 ms, ~25 days); beyond, it fires at once. */
const MAX_TIMER = 2 ** 31 - 1;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new BackendError({ kind: 'aborted' }));
      return;
    }
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new BackendError({ kind: 'aborted' }));
      },
      { once: true },
    );
  });
}

/** Seconds from a Retry-After header (delta-seconds or an HTTP date). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

function isJsonType(contentType: string | null): boolean {
  if (!contentType) return false;
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || type.endsWith('+json');
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const STATUSES = new Set(['active', 'pending', 'error', 'disabled']);

/** Checks that a value has the shape of an Integration (what the UI relies on). */
export function isIntegration(v: unknown): v is Integration {
  if (!isObject(v)) return false;
  return (
    typeof v.id === 'string' &&
    // (Not a dot segment: `{endpoint}/..` would address another URL; openapi.yaml.)
    !/^\.{0,2}$/.test(v.id) &&
    typeof v.source === 'string' &&
    typeof v.displayName === 'string' &&
    (v.filter === null || v.filter === undefined || typeof v.filter === 'string') &&
    typeof v.status === 'string' &&
    STATUSES.has(v.status) &&
    (v.managedBy === 'customer' || v.managedBy === 'vendor') &&
    typeof v.createdAt === 'string'
  );
}

const place = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

function sanitizeFieldErrors(v: unknown): FieldError[] {
  if (!Array.isArray(v)) return [];
  return v.filter(isObject).map((e) => ({
    field: typeof e.field === 'string' ? e.field : '',
    code: typeof e.code === 'string' ? e.code : '',
    message: typeof e.message === 'string' ? e.message : '',
    ...(place(e.offset) && place(e.length) ? { offset: e.offset, length: e.length } : {}),
  }));
}

/** A 2xx's parsed body, its status and the server's request id. */
interface Reply {
  body: unknown;
  status: number;
  requestId: string | undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/**
 * A record's headers without those that have no value: `{ 'X-CSRF-Token': token }` before the
 * page has a token would otherwise send the text "undefined" as one (fetch reads a record's
 * values as strings). A Headers object or pairs are read as they are.
 */
function withoutUnset(
  value: RequestHeadersRecord | HeadersInit | null | undefined,
): HeadersInit | undefined {
  if (value == null) return undefined;
  if (typeof value !== 'object' || value instanceof Headers || Symbol.iterator in value) {
    return value;
  }
  return Object.entries(value).filter((e): e is [string, string] => e[1] != null);
}

export class BackendClient {
  readonly endpoint: string;
  #fetch: typeof globalThis.fetch | undefined;
  #requestHeaders: RequestHeadersHook | undefined;
  #timeout: number;
  #credentials: RequestCredentials;
  #maxRetryAfter: number;
  #language: (() => string | undefined) | undefined;
  /** Aborted by abortAll() (element removed). */
  #lifetime = new AbortController();
  #listController: AbortController | undefined;
  #createInFlight: { key: string; promise: Promise<Integration> } | undefined;

  constructor(options: BackendClientOptions) {
    // A URL object is an endpoint too (a host's `new URL('/api/…', location.href)`).
    this.endpoint = String(options.endpoint ?? '')
      .trim()
      .replace(/\/+$/, '');
    this.#fetch = options.fetch;
    this.#requestHeaders = options.requestHeaders;
    // Infinity or a huge value ("no timeout") is the longest a timer can wait, not zero.
    this.#timeout =
      options.timeout && options.timeout > 0
        ? Math.min(options.timeout, MAX_TIMER)
        : DEFAULT_TIMEOUT;
    this.#credentials = options.credentials ?? 'same-origin';
    this.#maxRetryAfter = options.maxRetryAfter ?? 10;
    this.#language = options.language;
  }

  /** The timeout it applies, in ms: the one given, or the default for none, zero or less. */
  get timeout(): number {
    return this.#timeout;
  }

  /** True while a create is in flight. */
  get creating(): boolean {
    return this.#createInFlight !== undefined;
  }

  /** Aborts everything in flight (the element was removed from the page). */
  abortAll(): void {
    this.#lifetime.abort(new DOMException('The element was disconnected.', 'AbortError'));
    this.#lifetime = new AbortController();
  }

  /** `GET {endpoint}`. A newer list() call supersedes (aborts) an older one. */
  async list(options: CallOptions = {}): Promise<Integration[]> {
    this.#listController?.abort();
    const controller = new AbortController();
    this.#listController = controller;
    const signals = [controller.signal];
    if (options.signal) signals.push(options.signal);
    try {
      const { body, status, requestId } = await this.#request(
        'GET',
        this.endpoint,
        undefined,
        anySignal(signals),
      );
      const list = body as Partial<IntegrationList> | undefined;
      if (!isObject(list) || !Array.isArray(list.items) || !list.items.every(isIntegration)) {
        throw this.#invalid(status, requestId);
      }
      return list.items;
    } finally {
      if (this.#listController === controller) this.#listController = undefined;
    }
  }

  /** `POST {endpoint}` with an Idempotency-Key. Only one create runs at a time. */
  create(body: CreateIntegration, options: CreateOptions): Promise<Integration> {
    const inFlight = this.#createInFlight;
    if (inFlight) {
      if (inFlight.key === options.idempotencyKey) return inFlight.promise;
      return Promise.reject(new BackendError({ kind: 'busy', code: 'create-in-flight' }));
    }
    const promise = (async () => {
      const {
        body: created,
        status,
        requestId,
      } = await this.#request('POST', this.endpoint, body, options.signal, {
        'Idempotency-Key': options.idempotencyKey,
      });
      if (!isIntegration(created)) throw this.#invalid(status, requestId);
      return created;
    })();
    const entry = { key: options.idempotencyKey, promise };
    this.#createInFlight = entry;
    const clear = () => {
      if (this.#createInFlight === entry) this.#createInFlight = undefined;
    };
    promise.then(clear, clear);
    return promise;
  }

  /** `PATCH {endpoint}/{id}` with `{ filter }`. */
  async update(
    id: string,
    change: UpdateIntegration,
    options: CallOptions = {},
  ): Promise<Integration> {
    const { body, status, requestId } = await this.#request(
      'PATCH',
      this.#itemUrl(id),
      { filter: change.filter },
      options.signal,
    );
    // Another integration than the one changed is not an answer to this change: shown as
    // saved, it would add a row the admin never made.
    if (!isIntegration(body) || body.id !== id) throw this.#invalid(status, requestId);
    return body;
  }

  /** `DELETE {endpoint}/{id}`. */
  async remove(id: string, options: CallOptions = {}): Promise<void> {
    await this.#request('DELETE', this.#itemUrl(id), undefined, options.signal, undefined, true);
  }

  /**
   * `{endpoint}/{id}`, with the endpoint's query (`?org=7`) kept after the id, where it
   * belongs, not before it.
   */
  #itemUrl(id: string): string {
    const q = this.endpoint.search(/[?#]/);
    const path = q < 0 ? this.endpoint : this.endpoint.slice(0, q).replace(/\/+$/, '');
    return `${path}/${encodeURIComponent(id)}${q < 0 ? '' : this.endpoint.slice(q)}`;
  }

  #invalid(status: number, requestId?: string): BackendError {
    return new BackendError({ kind: 'http', status, code: 'invalid-response', requestId });
  }

  /**
   * The hook's headers, read as fetch reads them (a record, a Headers, pairs), except that a
   * record's header with no value (undefined, null) is left out.
   */
  async #headers(method: RequestInfo['method'], url: string): Promise<Headers> {
    const hook = this.#requestHeaders;
    // The host's bug (its hook threw, or gave a header no request can carry): the admin is
    // told the page couldn't prepare the request, and the host's developer sees why in the
    // console, as for an error thrown by an event listener (reportError). Only the hook's own
    // error goes there: a browser's error for a bad header may quote its value, a token.
    let answered = false;
    try {
      const value = typeof hook === 'function' ? await hook({ method, url }) : hook;
      answered = true;
      return new Headers(withoutUnset(value));
    } catch (e) {
      (globalThis as { reportError?: (e: unknown) => void }).reportError?.(
        answered
          ? new TypeError(
              'ucx-user-sync: a requestHeaders header has a character a request cannot carry',
            )
          : e,
      );
      throw new BackendError({ kind: 'network', code: 'request-headers-failed' });
    }
  }

  async #request(
    method: RequestInfo['method'],
    url: string,
    payload: unknown,
    callerSignal: AbortSignal | undefined,
    extraHeaders?: HeadersRecord,
    allowEmpty = false,
  ): Promise<Reply> {
    let retried = false;
    for (;;) {
      try {
        return await this.#once(method, url, payload, callerSignal, extraHeaders, allowEmpty);
      } catch (e) {
        // 429: honour Retry-After and retry at most once.
        if (
          !retried &&
          e instanceof BackendError &&
          e.status === 429 &&
          (e.retryAfter ?? 1) <= this.#maxRetryAfter
        ) {
          retried = true;
          const signals = [this.#lifetime.signal];
          if (callerSignal) signals.push(callerSignal);
          await sleep((e.retryAfter ?? 1) * 1000, anySignal(signals));
          continue;
        }
        throw e;
      }
    }
  }

  async #once(
    method: RequestInfo['method'],
    url: string,
    payload: unknown,
    callerSignal: AbortSignal | undefined,
    extraHeaders: HeadersRecord | undefined,
    allowEmpty: boolean,
  ): Promise<Reply> {
    const timeoutController = new AbortController();
    const timer = setTimeout(
      () => timeoutController.abort(new DOMException('Timed out', 'TimeoutError')),
      this.#timeout,
    );
    const signals = [timeoutController.signal, this.#lifetime.signal];
    if (callerSignal) signals.push(callerSignal);
    const signal = anySignal(signals);
    const classify = (e: unknown): BackendError => {
      if (e instanceof BackendError) return e;
      if (timeoutController.signal.aborted)
        return new BackendError({ kind: 'timeout', code: 'timeout' });
      if (signal.aborted) return new BackendError({ kind: 'aborted', code: 'aborted' });
      return new BackendError({ kind: 'network', code: 'network' });
    };
    try {
      if (callerSignal?.aborted) throw new BackendError({ kind: 'aborted', code: 'aborted' });
      const language = this.#language?.();
      // Merged in a Headers object, whose names ignore case: the hook's `accept-language`
      // replaces ours (two records would both go out, as `en, fr`).
      const headers = new Headers({ Accept: 'application/json, application/problem+json' });
      if (language) headers.set('Accept-Language', language);
      (await untilAborted(this.#headers(method, url), signal)).forEach((value, name) =>
        headers.set(name, value),
      );
      for (const name in extraHeaders) headers.set(name, extraHeaders[name]!);
      if (payload !== undefined) headers.set('Content-Type', 'application/json');
      const doFetch = this.#fetch ?? globalThis.fetch.bind(globalThis);
      const response = await untilAborted(
        doFetch(url, {
          method,
          // A plain object, as a host's fetch wrapper may spread it ({ ...init.headers }).
          headers: Object.fromEntries(headers),
          body: payload === undefined ? null : JSON.stringify(payload),
          credentials: this.#credentials,
          signal,
          cache: 'no-store',
        }),
        signal,
      );
      const requestId =
        REQUEST_ID_HEADERS.map((h) => response.headers.get(h)).find((v) => !!v) ?? undefined;
      const contentType = response.headers.get('content-type');
      const text = await untilAborted(response.text(), signal);
      if (signal.aborted) throw classify(undefined);

      if (response.ok) {
        const { status } = response;
        if (status === 204 || text.trim() === '') {
          if (allowEmpty) return { body: undefined, status, requestId };
          throw this.#invalid(status, requestId);
        }
        // A body that isn't JSON is never a success, not even for a DELETE: a 200 HTML page
        // is a sign-in page or a proxy's, after a redirect, and nothing was deleted.
        if (!isJsonType(contentType)) throw this.#invalid(status, requestId);
        try {
          return { body: JSON.parse(text) as unknown, status, requestId };
        } catch {
          throw this.#invalid(status, requestId);
        }
      }

      let problem: Problem | undefined;
      if (isJsonType(contentType)) {
        try {
          const parsed = JSON.parse(text) as unknown;
          if (isObject(parsed)) problem = parsed as Problem;
        } catch {
          problem = undefined;
        }
      }
      throw new BackendError({
        kind: 'http',
        status: response.status,
        code: str(problem?.code) ?? `http-${response.status}`,
        title: str(problem?.title),
        detail: str(problem?.detail),
        requestId: str(problem?.requestId) ?? requestId,
        fieldErrors: sanitizeFieldErrors(problem?.errors),
        retryAfter: parseRetryAfter(response.headers.get('retry-after')),
        ...(problem ? { problem } : {}),
      });
    } catch (e) {
      throw classify(e);
    } finally {
      clearTimeout(timer);
    }
  }
}

export function createBackendClient(options: BackendClientOptions): BackendClient {
  return new BackendClient(options);
}
