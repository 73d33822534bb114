// Requests to Microsoft Graph through @microsoft/microsoft-graph-client, loaded with a
// dynamic import() on first use so the element's first paint never pays for it.
//
// The client is set up with `Client.initWithMiddleware` and a single middleware of ours
// that adds the bearer token and calls the injected fetch with the abort signal. Why not
// `Client.init({ authProvider })`: the default chain's AuthenticationHandler only attaches
// the token to https:// URLs on Graph's hosts (or `customHosts`), never to a plain-http
// loopback stand-in (GraphRequestUtil.isValidEndpoint checks for "https://"); its
// RetryHandler would also retry 429 up to three times on its own, and we honour
// Retry-After exactly once. The client's GraphRequest.parsePath only recognises
// "https://" absolute URLs, so an `@odata.nextLink` under our base URL is turned back
// into a relative path before it is passed to `client.api()`.
import type { Client, Context, Middleware } from '@microsoft/microsoft-graph-client';
import { GraphPreviewError, toPreviewError } from './errors.js';

type GraphClientModule = typeof import('@microsoft/microsoft-graph-client');
let clientModule: Promise<GraphClientModule> | undefined;

/** Loads the Graph client once (dynamic import). */
export function loadGraphClient(): Promise<GraphClientModule> {
  clientModule ??= import('@microsoft/microsoft-graph-client').catch((error: unknown) => {
    clientModule = undefined;
    throw error;
  });
  return clientModule;
}

export const DEFAULT_GRAPH_BASE_URL = 'https://graph.microsoft.com/v1.0';

export interface TransportOptions {
  getAccessToken: () => Promise<string> | string;
  baseUrl?: string;
  fetch?: typeof fetch;
  signal?: AbortSignal;
  /** Longest `Retry-After` worth waiting for before retrying once (default 10 s); longer ones fail at once. */
  maxRetryWaitSeconds?: number;
}

class FetchMiddleware implements Middleware {
  constructor(
    private readonly token: string,
    private readonly fetchImpl: typeof fetch,
    private readonly signal: AbortSignal | undefined,
    private readonly inside: (url: string) => boolean,
  ) {}
  async execute(context: Context): Promise<void> {
    // The last word on where the token goes: the client builds the URL from the path it is
    // given (it takes any "https://" inside a path for a host of its own), so the URL it built
    // is checked, not only the path.
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    if (!this.inside(url)) throw foreignLink();
    const headers = new Headers(context.options?.headers as HeadersInit | undefined);
    headers.set('Authorization', `Bearer ${this.token}`);
    const init: RequestInit = { ...(context.options as RequestInit | undefined), headers };
    if (this.signal) init.signal = this.signal;
    context.response = await this.fetchImpl(context.request, init);
  }
}

/** The JSON page Graph returns for a collection. */
export interface GraphPage<T> {
  value: T[];
  '@odata.count'?: number;
  '@odata.nextLink'?: string;
}

export interface GraphTransport {
  /** GET a path under the base URL (or a nextLink), with headers; JSON or text answer. */
  get<T>(pathOrUrl: string, headers?: Record<string, string>): Promise<T>;
}

function foreignLink(): GraphPreviewError {
  return new GraphPreviewError({
    kind: 'unknown',
    status: 0,
    code: 'foreign-next-link',
    message: 'Microsoft Graph returned a next page outside its base URL.',
  });
}

function abortError(): DOMException {
  return new DOMException('The preview was cancelled.', 'AbortError');
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** True when the error comes from the signal being aborted. */
export function isAbort(error: unknown, signal: AbortSignal | undefined): boolean {
  return (
    signal?.aborted === true ||
    (error instanceof DOMException && error.name === 'AbortError') ||
    (typeof error === 'object' &&
      error !== null &&
      (error as { code?: unknown }).code === 'AbortError')
  );
}

/** Creates a transport: loads the client, gets one token, honours Retry-After once per request. */
export async function createTransport(options: TransportOptions): Promise<GraphTransport> {
  // A relative base (`/graph/v1.0`, a host's proxy) is relative to the page (its <base>).
  const base = new URL(
    (options.baseUrl ?? DEFAULT_GRAPH_BASE_URL).replace(/\/+$/, ''),
    globalThis.document?.baseURI ?? globalThis.location?.href,
  );
  const segments = base.pathname.split('/').filter(Boolean);
  const version = segments.pop() ?? 'v1.0';
  const host = `${base.origin}${segments.length ? `/${segments.join('/')}` : ''}`;
  const prefix = `${host}/${version}`;
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const signal = options.signal;
  const maxWait = options.maxRetryWaitSeconds ?? 10;

  let token: string;
  try {
    token = await options.getAccessToken();
  } catch (error) {
    throw new GraphPreviewError({
      kind: 'unauthorized',
      status: 0,
      code: 'token-unavailable',
      message: error instanceof Error ? error.message : 'No access token for Microsoft Graph.',
      cause: error,
    });
  }
  const { Client } = await loadGraphClient();
  /** A URL under the base URL (its origin, and its path below `…/v1.0/`). */
  const inside = (url: string): boolean => {
    try {
      const u = new URL(url);
      return u.origin === base.origin && `${u.pathname}/`.startsWith(`${base.pathname}/`);
    } catch {
      return false;
    }
  };
  const client: Client = Client.initWithMiddleware({
    baseUrl: host,
    defaultVersion: version,
    middleware: new FetchMiddleware(token, fetchImpl, signal, inside),
  });

  const relative = (pathOrUrl: string): string => {
    // A link under the base URL is followed as a path below it; any other absolute URL
    // (another host, another path on this one) is not, so the token goes to Graph's base
    // only. Nor is a path with "https://" in it (`@https://…`): the client reads one anywhere
    // in a path as a host of its own. (The middleware checks the URL it built too.)
    const absolute = /^(?:[a-z][a-z\d+.-]*:|\/\/)/i.test(pathOrUrl);
    const under =
      pathOrUrl === prefix ||
      pathOrUrl.startsWith(`${prefix}/`) ||
      pathOrUrl.startsWith(`${prefix}?`);
    if (absolute && !under) throw foreignLink();
    const path = absolute ? pathOrUrl.slice(prefix.length) || '/' : pathOrUrl;
    if (/https?:\/\//i.test(path)) throw foreignLink();
    return path;
  };

  return {
    async get<T>(pathOrUrl: string, headers: Record<string, string> = {}): Promise<T> {
      const path = relative(pathOrUrl);
      for (let attempt = 0; ; attempt++) {
        if (signal?.aborted) throw abortError();
        try {
          return (await client.api(path).headers(headers).get()) as T;
        } catch (error) {
          if (isAbort(error, signal)) throw abortError();
          const mapped = toPreviewError(error);
          const wait = mapped.retryAfterSeconds ?? 1;
          if (mapped.kind === 'throttled' && attempt === 0 && wait <= maxWait) {
            await sleep(wait * 1000, signal);
            continue;
          }
          throw mapped;
        }
      }
    },
  };
}
