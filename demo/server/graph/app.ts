// A stand-in for the part of Microsoft Graph v1.0 the preview uses: GET /users and
// GET /users/$count with $filter, $select, $top, $count and $skiptoken paging, and
// Graph's documented refusals (advanced queries without `ConsistencyLevel: eventual`
// and `$count=true`, unsupported clauses, bad tokens, missing permissions, throttling).
// Demo and tests only; never bundled into the element.

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { generateDirectory, type DirectoryUser } from './directory.js';
import {
  checkSupport,
  compileODataFilter,
  ODataSyntaxError,
  parseODataFilter,
  type Refusal,
} from './odata-filter.js';

/** What the access-token check returns: false (or a throw) = 401; claims are checked for a Graph permission. */
export type AccessTokenVerifier = (token: string) => Promise<boolean | Record<string, unknown>>;

/** A scripted failure for the next matching request(s). */
export interface FailureSpec {
  /** HTTP status: 401, 403, 429, 500, 503 or any other. */
  status: number;
  /** Graph's error code (default per status: InvalidAuthenticationToken, Authorization_RequestDenied, TooManyRequests, …). */
  code?: string;
  message?: string;
  /** `Retry-After` seconds (429 and 503; default 1 for 429). */
  retryAfter?: number;
  /** How many requests fail this way (default 1). */
  times?: number;
  /** Only requests whose path ends with this ('/users' or '/users/$count'); default any. */
  path?: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  /** Decoded query options. */
  query: Record<string, string>;
  consistencyLevel: string | null;
  status: number;
  /** Graph's error code when the request failed. */
  errorCode?: string;
}

export interface GraphControl {
  /** Makes the next request(s) fail as described (queued in order). */
  failNext(spec: FailureSpec): void;
  /** Extra latency before every answer, in milliseconds (progress and cancel demos). */
  setLatency(ms: number): void;
  /** Requests served so far (the last 2,000), newest last. */
  readonly requests: RecordedRequest[];
  /** Clears the failure queue, the latency and the request log. */
  reset(): void;
}

export interface GraphAppOptions {
  /** The directory (default: generateDirectory() = 50,000 users, seed 1). */
  users?: DirectoryUser[];
  /**
   * Checks the bearer token. Default: any non-empty token is accepted. Inject a JWKS
   * check (see `jwksAccessTokenVerifier`) to accept only the local identity provider's.
   * When it returns claims carrying `scp` or `roles`, one of User.Read.All,
   * User.ReadWrite.All, Directory.Read.All, Directory.ReadWrite.All is required (else 403).
   */
  verifyAccessToken?: AccessTokenVerifier;
  /** Page size without $top (Graph: 100). */
  pageSize?: number;
  /** Serve the /_stand-in/* control routes (default true). */
  controlRoutes?: boolean;
  /** Allowed CORS origin(s) (default '*'). */
  corsOrigin?: string | string[];
  /**
   * The path it is served under when a front server strips it (the demo's `/graph`): its
   * `@odata.nextLink` and `@odata.context` carry it, so a next page is asked for where this
   * one was. Default: none (served at the origin's root, as Graph's `/v1.0`).
   */
  basePath?: string;
}

export type GraphApp = Hono & { control: GraphControl };

const MAX_TOP = 999;
const GRAPH_PERMISSIONS = [
  'User.Read.All',
  'User.ReadWrite.All',
  'Directory.Read.All',
  'Directory.ReadWrite.All',
];
/** What GET /users returns without $select (the documented default set). */
const DEFAULT_SELECT = [
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
  'id',
];
const SELECTABLE = new Map(
  [
    ...DEFAULT_SELECT,
    'department',
    'city',
    'accountEnabled',
    'country',
    'companyName',
    'employeeId',
  ].map((p) => [p.toLowerCase(), p]),
);
const REFUSED_OPTIONS = new Set(['$search', '$orderby', '$expand', '$skip', '$format', '$apply']);

class GraphHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const badRequest = (r: Refusal): GraphHttpError => new GraphHttpError(400, r.code, r.message);

function defaultFailure(status: number): { code: string; message: string } {
  switch (status) {
    case 401:
      return {
        code: 'InvalidAuthenticationToken',
        message: 'Access token has expired or is not yet valid.',
      };
    case 403:
      return {
        code: 'Authorization_RequestDenied',
        message: 'Insufficient privileges to complete the operation.',
      };
    case 429:
      return {
        code: 'TooManyRequests',
        message: 'Too many requests. Please retry after the time given in Retry-After.',
      };
    case 503:
      return {
        code: 'serviceNotAvailable',
        message: 'The service is temporarily unavailable. Please retry later.',
      };
    default:
      return { code: 'generalException', message: 'An unexpected error occurred.' };
  }
}

/** Filter text → matching user indices, for the last few filters (paging and counts reuse them). */
class ResultCache {
  private readonly map = new Map<string, Uint32Array>();
  constructor(
    private readonly users: DirectoryUser[],
    private readonly limit = 32,
  ) {}
  /**
   * The matches for a filter. A first page (`resume` false) always evaluates the filter
   * afresh, like a cold query; its continuation pages resume from the stored result, as
   * Graph's skiptoken resumes a server-side cursor.
   */
  get(
    filter: string | undefined,
    compile: () => (u: DirectoryUser) => boolean,
    resume: boolean,
  ): Uint32Array {
    const key = filter ?? '';
    const hit = resume ? this.map.get(key) : undefined;
    if (hit) {
      this.map.delete(key);
      this.map.set(key, hit);
      return hit;
    }
    this.map.delete(key);
    let result: Uint32Array;
    if (filter === undefined) {
      result = new Uint32Array(this.users.length);
      for (let i = 0; i < result.length; i++) result[i] = i;
    } else {
      const test = compile();
      const out: number[] = [];
      for (let i = 0; i < this.users.length; i++)
        if (test(this.users[i] as DirectoryUser)) out.push(i);
      result = Uint32Array.from(out);
    }
    this.map.set(key, result);
    if (this.map.size > this.limit) this.map.delete(this.map.keys().next().value as string);
    return result;
  }
}

function encodeSkipToken(offset: number, filter: string | undefined): string {
  const json = JSON.stringify({ v: 1, o: offset, h: hash(filter ?? '') });
  return 'RFNwdA' + Buffer.from(json).toString('base64url');
}

function decodeSkipToken(token: string, filter: string | undefined): number {
  const expired = new GraphHttpError(
    400,
    'Directory_ExpiredPageToken',
    'The specified page token value has expired and can no longer be included in your request.',
  );
  if (!token.startsWith('RFNwdA')) throw expired;
  try {
    const parsed = JSON.parse(Buffer.from(token.slice(6), 'base64url').toString('utf8')) as {
      o?: unknown;
      h?: unknown;
    };
    if (typeof parsed.o !== 'number' || parsed.o < 0 || parsed.h !== hash(filter ?? ''))
      throw expired;
    return parsed.o;
  } catch {
    throw expired;
  }
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** `$name=value` pairs with `$` kept literal, as Graph writes its nextLink. */
function queryString(options: [string, string][]): string {
  return options.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
}

/** Creates the Graph stand-in as a Hono app, with `app.control` for tests. */
export function createGraphApp(options: GraphAppOptions = {}): GraphApp {
  const users = options.users ?? generateDirectory();
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  const pageSize = Math.min(Math.max(1, options.pageSize ?? 100), MAX_TOP);
  const verify: AccessTokenVerifier = options.verifyAccessToken ?? (async (t) => t.length > 0);
  const cache = new ResultCache(users);
  const failures: FailureSpec[] = [];
  const requests: RecordedRequest[] = [];
  let latency = 0;
  // Each user's JSON per $select list, built on first use (users never change).
  const fragmentsBySelect = new Map<string, (string | undefined)[]>();
  const serialized = (select: string[]): (string | undefined)[] => {
    const key = select.join(',');
    let f = fragmentsBySelect.get(key);
    if (!f) {
      f = new Array<string | undefined>(users.length);
      fragmentsBySelect.set(key, f);
    }
    return f;
  };

  const control: GraphControl = {
    failNext(spec) {
      failures.push({ ...spec, times: spec.times ?? 1 });
    },
    setLatency(ms) {
      latency = Math.max(0, ms);
    },
    requests,
    reset() {
      failures.length = 0;
      requests.length = 0;
      latency = 0;
    },
  };

  const app = new Hono();
  app.use(
    '*',
    cors({
      origin: options.corsOrigin ?? '*',
      allowHeaders: [
        'Authorization',
        'ConsistencyLevel',
        'Content-Type',
        'SdkVersion',
        'client-request-id',
      ],
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      exposeHeaders: ['Retry-After', 'request-id', 'client-request-id'],
      maxAge: 600,
    }),
  );

  const takeFailure = (path: string): FailureSpec | undefined => {
    const i = failures.findIndex((f) => !f.path || path.endsWith(f.path));
    if (i < 0) return undefined;
    const f = failures[i] as FailureSpec;
    f.times = (f.times ?? 1) - 1;
    if (f.times <= 0) failures.splice(i, 1);
    return f;
  };

  const authorize = async (c: Context): Promise<void> => {
    const header = c.req.header('Authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match)
      throw new GraphHttpError(401, 'InvalidAuthenticationToken', 'Access token is empty.');
    let verdict: boolean | Record<string, unknown>;
    try {
      verdict = await verify(match[1] as string);
    } catch {
      verdict = false;
    }
    if (verdict === false) {
      throw new GraphHttpError(
        401,
        'InvalidAuthenticationToken',
        'Access token validation failure.',
      );
    }
    if (
      typeof verdict === 'object' &&
      verdict !== null &&
      ('scp' in verdict || 'roles' in verdict)
    ) {
      const granted = [
        ...String(verdict.scp ?? '').split(' '),
        ...(Array.isArray(verdict.roles) ? verdict.roles.map(String) : []),
      ];
      if (!GRAPH_PERMISSIONS.some((p) => granted.includes(p))) {
        throw new GraphHttpError(
          403,
          'Authorization_RequestDenied',
          'Insufficient privileges to complete the operation.',
        );
      }
    }
  };

  /** The validated query of a /users or /users/$count request. */
  const readQuery = (c: Context, segment: 'users' | 'count') => {
    const url = new URL(c.req.url);
    const seen = new Map<string, string>();
    for (const [rawKey, value] of url.searchParams) {
      const key = rawKey.toLowerCase();
      if (seen.has(key)) {
        throw new GraphHttpError(
          400,
          'BadRequest',
          `Query option '${rawKey}' was specified more than once, but it must be specified at most once.`,
        );
      }
      seen.set(key, value);
      if (REFUSED_OPTIONS.has(key)) {
        throw new GraphHttpError(
          400,
          'Request_UnsupportedQuery',
          `The query option '${rawKey}' is not supported by this stand-in.`,
        );
      }
    }
    const eventual = (c.req.header('ConsistencyLevel') ?? '').trim().toLowerCase() === 'eventual';
    const countOption = seen.get('$count');
    if (countOption !== undefined && countOption !== 'true' && countOption !== 'false') {
      throw new GraphHttpError(
        400,
        'BadRequest',
        `Invalid value '${countOption}' for $count: use true or false.`,
      );
    }
    const count = countOption === 'true';
    if (segment === 'count' && !eventual) {
      throw new GraphHttpError(
        400,
        'Request_BadRequest',
        "Count is not supported without the 'ConsistencyLevel: eventual' header.",
      );
    }
    if (count && !eventual) {
      throw new GraphHttpError(400, 'Request_BadRequest', '$count is not currently supported.');
    }

    const filterText = seen.get('$filter');
    let test: ((u: DirectoryUser) => boolean) | undefined;
    if (filterText !== undefined) {
      let expr;
      try {
        expr = parseODataFilter(filterText);
      } catch (e) {
        if (e instanceof ODataSyntaxError) throw new GraphHttpError(400, 'BadRequest', e.message);
        throw e;
      }
      const verdict = checkSupport(expr);
      if (verdict.refusal) throw badRequest(verdict.refusal);
      const advancedOk = segment === 'count' ? eventual : eventual && count;
      if (verdict.advanced && !advancedOk && verdict.advancedRefusal) {
        throw badRequest(verdict.advancedRefusal);
      }
      test = compileODataFilter(expr);
    }

    let top = pageSize;
    const topOption = seen.get('$top');
    if (topOption !== undefined) {
      const n = /^\d+$/.test(topOption) ? Number(topOption) : NaN;
      if (!(n >= 1 && n <= MAX_TOP)) {
        throw new GraphHttpError(
          400,
          'Request_BadRequest',
          `Invalid page size specified: '${topOption}'. Must be between 1 and ${MAX_TOP} inclusive.`,
        );
      }
      top = n;
    }

    let select = DEFAULT_SELECT;
    const selectOption = seen.get('$select');
    if (selectOption !== undefined) {
      select = selectOption.split(',').map((raw) => {
        const p = SELECTABLE.get(raw.trim().toLowerCase());
        if (!p) {
          throw new GraphHttpError(
            400,
            'BadRequest',
            `Could not find a property named '${raw.trim()}' on type 'microsoft.graph.user'.`,
          );
        }
        return p;
      });
    }

    const skipToken = seen.get('$skiptoken');
    const offset = skipToken === undefined ? 0 : decodeSkipToken(skipToken, filterText);
    const matches = cache.get(
      filterText,
      () => test as (u: DirectoryUser) => boolean,
      skipToken !== undefined,
    );
    return { url, filterText, matches, count, top, select, offset, selectOption };
  };

  const handle = async (c: Context, segment: 'users' | 'count'): Promise<Response> => {
    const url = new URL(c.req.url);
    const record: RecordedRequest = {
      method: c.req.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      consistencyLevel: c.req.header('ConsistencyLevel') ?? null,
      status: 200,
    };
    requests.push(record);
    if (requests.length > 2000) requests.splice(0, requests.length - 2000);
    const requestId = crypto.randomUUID();
    c.header('request-id', requestId);
    c.header('client-request-id', c.req.header('client-request-id') ?? requestId);
    if (latency > 0) await new Promise((r) => setTimeout(r, latency));
    try {
      const failure = takeFailure(url.pathname);
      if (failure) {
        const d = defaultFailure(failure.status);
        const headers: Record<string, string> = {};
        const retry = failure.retryAfter ?? (failure.status === 429 ? 1 : undefined);
        if (retry !== undefined) headers['Retry-After'] = String(retry);
        throw new GraphHttpError(
          failure.status,
          failure.code ?? d.code,
          failure.message ?? d.message,
          headers,
        );
      }
      await authorize(c);
      const q = readQuery(c, segment);
      if (segment === 'count') {
        return c.text(String(q.matches.length), 200, { 'Content-Type': 'text/plain' });
      }
      const end = Math.min(q.matches.length, q.offset + q.top);
      const fragments = serialized(q.select);
      const value: string[] = [];
      for (let i = q.offset; i < end; i++) {
        const index = q.matches[i] as number;
        let json = fragments[index];
        if (json === undefined) {
          const user = users[index] as DirectoryUser;
          const out: Record<string, unknown> = {};
          for (const p of q.select) out[p] = user[p] ?? null;
          json = fragments[index] = JSON.stringify(out);
        }
        value.push(json);
      }
      const head: Record<string, unknown> = {
        '@odata.context': `${url.origin}${basePath}/v1.0/$metadata#users${q.selectOption !== undefined ? `(${q.select.join(',')})` : ''}`,
      };
      if (q.count) head['@odata.count'] = q.matches.length;
      if (end < q.matches.length) {
        const kept: [string, string][] = [];
        for (const [k, v] of url.searchParams)
          if (k.toLowerCase() !== '$skiptoken') kept.push([k, v]);
        kept.push(['$skiptoken', encodeSkipToken(end, q.filterText)]);
        head['@odata.nextLink'] = `${url.origin}${basePath}${url.pathname}?${queryString(kept)}`;
      }
      const body = `${JSON.stringify(head).slice(0, -1)},"value":[${value.join(',')}]}`;
      return new Response(body, {
        status: 200,
        headers: {
          'Content-Type':
            'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8',
          'request-id': requestId,
          'client-request-id': c.req.header('client-request-id') ?? requestId,
        },
      });
    } catch (e) {
      if (!(e instanceof GraphHttpError)) throw e;
      record.status = e.status;
      record.errorCode = e.code;
      return c.json(
        {
          error: {
            code: e.code,
            message: e.message,
            innerError: {
              date: new Date().toISOString().slice(0, 19),
              'request-id': requestId,
              'client-request-id': c.req.header('client-request-id') ?? requestId,
            },
          },
        },
        e.status as 400,
        e.headers,
      );
    }
  };

  app.get('/v1.0/users', (c) => handle(c, 'users'));
  app.get('/v1.0/users/:segment', (c) => {
    const segment = decodeURIComponent(c.req.param('segment'));
    if (segment !== '$count') {
      return c.json(
        {
          error: {
            code: 'Request_ResourceNotFound',
            message: `Resource '${segment}' does not exist or one of its queried reference-property objects are not present.`,
          },
        },
        404,
      );
    }
    return handle(c, 'count');
  });

  if (options.controlRoutes !== false) {
    app.post('/_stand-in/fail-next', async (c) => {
      const spec = (await c.req.json()) as FailureSpec;
      if (typeof spec.status !== 'number') return c.json({ error: 'status is required' }, 400);
      control.failNext(spec);
      return c.json({ queued: failures.length });
    });
    app.post('/_stand-in/latency', async (c) => {
      const { ms } = (await c.req.json()) as { ms?: number };
      control.setLatency(Number(ms ?? 0));
      return c.json({ latency });
    });
    app.post('/_stand-in/reset', (c) => {
      control.reset();
      return c.json({ ok: true });
    });
    app.get('/_stand-in/requests', (c) => c.json(requests));
  }
  app.notFound((c) =>
    c.json(
      {
        error: {
          code: 'BadRequest',
          message: `Resource not found for the segment '${new URL(c.req.url).pathname}'.`,
        },
      },
      404,
    ),
  );

  return Object.assign(app, { control });
}

export interface StartGraphOptions extends GraphAppOptions {
  /** Port (default 0: any free one). */
  port?: number;
  /** Host (default 127.0.0.1: loopback only). */
  host?: string;
}

export interface RunningGraph {
  /** Origin, e.g. http://127.0.0.1:40123. */
  url: string;
  /** Graph base URL for clients: `${url}/v1.0`. */
  baseUrl: string;
  port: number;
  users: DirectoryUser[];
  control: GraphControl;
  close(): Promise<void>;
}

/** Starts the stand-in on loopback. */
export async function startGraph(options: StartGraphOptions = {}): Promise<RunningGraph> {
  const users = options.users ?? generateDirectory();
  const app = createGraphApp({ ...options, users });
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: host }, () =>
      resolve(s as Server),
    ) as Server;
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host}:${port}`;
  return {
    url,
    baseUrl: `${url}/v1.0`,
    port,
    users,
    control: app.control,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
