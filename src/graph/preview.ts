import {
  compileFilter,
  DEFAULT_FIELDS,
  graphUserSelect,
  graphUserToRecord,
  toGraphQuery,
  type FieldDefinition,
  type FilterNode,
  type GraphUser,
} from '../filter/index.js';
import { reportClauses, type ClauseReport } from './clauses.js';
import { GraphPreviewError } from './errors.js';
import {
  createTransport,
  isAbort,
  type GraphPage,
  type GraphTransport,
  type TransportOptions,
} from './transport.js';

/** A matching user as the preview lists it. */
export interface PreviewUser {
  id: string;
  displayName: string | null;
  userPrincipalName: string | null;
  email: string | null;
  department: string | null;
  officeLocation: string | null;
  city: string | null;
  /** The first business phone (the one the filter's phoneNumber sees). */
  phone: string | null;
}

export interface PreviewProgress {
  /** Users read from Graph so far. */
  scanned: number;
  /** Of those, how many match the whole filter. */
  matched: number;
  /** How many users Graph's pre-filter returns in all (for a progress bar), when known. */
  total?: number;
}

export interface PreviewResult {
  /** Matching users (all of them, or so far when cancelled). */
  count: number;
  /** True when Graph alone filtered (the count is Graph's own, eventually consistent). */
  exact: boolean;
  /** The first `sampleSize` matching users. */
  samples: PreviewUser[];
  /** Where each clause was evaluated, and why. */
  clauses: ClauseReport[];
  /** Users read from Graph when the browser filtered (not exact). */
  scanned?: number;
  /** True when `signal` aborted the scan: `count` and `samples` are partial. */
  cancelled?: boolean;
  /** The `$filter` sent to Graph (unencoded), if any. */
  graphFilter?: string;
  /** True when the request was an advanced query. */
  advanced?: boolean;
}

export interface PreviewConnection {
  /** Returns an access token for Microsoft Graph with User.Read.All (called once per preview). */
  getAccessToken: () => Promise<string> | string;
  /** Default https://graph.microsoft.com/v1.0. */
  baseUrl?: string;
  /** A fetch to use instead of the global one. */
  fetch?: typeof fetch;
  /** Aborts the preview: a scan returns what it has with `cancelled: true`. */
  signal?: AbortSignal;
  /** Longest Retry-After (seconds) worth waiting once after a 429 (default 10). */
  maxRetryWaitSeconds?: number;
  /** The filter's field list (default DEFAULT_FIELDS). */
  fields?: readonly FieldDefinition[];
}

export interface PreviewOptions extends PreviewConnection {
  /** The filter; null = every user. */
  filter: FilterNode | null;
  /** How many matching users to list (default 10). */
  sampleSize?: number;
  /** Called after each page of a browser-side scan. */
  onProgress?: (progress: PreviewProgress) => void;
}

/** Page size of a browser-side scan (Graph's maximum). */
const SCAN_PAGE = 999;
const EVENTUAL = { ConsistencyLevel: 'eventual' };

export function toPreviewUser(user: GraphUser): PreviewUser {
  const phones = Array.isArray(user.businessPhones) ? user.businessPhones : [];
  return {
    id: typeof user.id === 'string' ? user.id : '',
    displayName: user.displayName ?? null,
    userPrincipalName: user.userPrincipalName ?? null,
    email: user.mail ?? null,
    department: user.department ?? null,
    officeLocation: user.officeLocation ?? null,
    city: user.city ?? null,
    phone: typeof phones[0] === 'string' ? phones[0] : null,
  };
}

function transportOptions(o: PreviewConnection): TransportOptions {
  const t: TransportOptions = { getAccessToken: o.getAccessToken };
  if (o.baseUrl !== undefined) t.baseUrl = o.baseUrl;
  if (o.fetch !== undefined) t.fetch = o.fetch;
  if (o.signal !== undefined) t.signal = o.signal;
  if (o.maxRetryWaitSeconds !== undefined) t.maxRetryWaitSeconds = o.maxRetryWaitSeconds;
  return t;
}

function query(params: Record<string, string | undefined>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined) parts.push(`${k}=${encodeURIComponent(v)}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

/** GET /users/$count (always with ConsistencyLevel: eventual, which Graph requires for $count). */
async function countUsers(transport: GraphTransport, filter: string | undefined): Promise<number> {
  const text = await transport.get<string | number>(
    `/users/$count${query({ $filter: filter })}`,
    EVENTUAL,
  );
  const n = typeof text === 'number' ? text : Number.parseInt(String(text).trim(), 10);
  if (!Number.isFinite(n)) {
    throw new GraphPreviewError({
      kind: 'unknown',
      status: 200,
      code: 'bad-count',
      message: `Microsoft Graph answered an unexpected count: ${String(text).slice(0, 100)}`,
    });
  }
  return n;
}

interface ScanState {
  scanned: number;
  total?: number;
  cancelled: boolean;
}

/**
 * Pages through GET /users (with the server pre-filter, if any) 999 at a time following
 * @odata.nextLink, calling `visit` for each user; the next page is requested while the
 * current one is processed. Stops early, with `cancelled`, when the signal aborts.
 */
async function scan(
  transport: GraphTransport,
  filter: string | undefined,
  select: string,
  signal: AbortSignal | undefined,
  visit: (user: GraphUser) => void,
  progress: (state: ScanState) => void,
): Promise<ScanState> {
  const state: ScanState = { scanned: 0, cancelled: false };
  const first = `/users${query({ $filter: filter, $count: 'true', $top: String(SCAN_PAGE), $select: select })}`;
  let pending: Promise<GraphPage<GraphUser>> | undefined = transport.get<GraphPage<GraphUser>>(
    first,
    EVENTUAL,
  );
  try {
    while (pending) {
      const page: GraphPage<GraphUser> = await pending;
      const next = page['@odata.nextLink'];
      pending = next ? transport.get<GraphPage<GraphUser>>(next, EVENTUAL) : undefined;
      // Keep a pending request from surfacing as an unhandled rejection if we stop here.
      pending?.catch(() => undefined);
      if (state.total === undefined && typeof page['@odata.count'] === 'number') {
        state.total = page['@odata.count'];
      }
      for (const user of page.value) visit(user);
      state.scanned += page.value.length;
      progress(state);
      if (signal?.aborted) {
        state.cancelled = true;
        return state;
      }
    }
  } catch (error) {
    if (isAbort(error, signal)) {
      state.cancelled = true;
      return state;
    }
    throw error;
  }
  return state;
}

/**
 * How many users of the directory match `filter`, and the first `sampleSize` of them.
 *
 * Exact translation (toGraphQuery says so): one request, GET /users with the `$filter`,
 * `$count=true`, `$top=sampleSize`, `$select` and `ConsistencyLevel: eventual` (Graph
 * counts only in that mode): `@odata.count` is the count, `value` the samples.
 * Otherwise: the server pre-filter (if any) plus the whole filter applied in the browser
 * with the same matcher the sync uses, paging through `@odata.nextLink` 999 at a time.
 *
 * Throws GraphPreviewError on Graph's refusals; never throws on cancel.
 */
export async function previewMatchingUsers(options: PreviewOptions): Promise<PreviewResult> {
  const fields = options.fields ?? DEFAULT_FIELDS;
  const sampleSize = Math.max(0, Math.floor(options.sampleSize ?? 10));
  const node = options.filter;
  const clauses = reportClauses(node, fields);
  const q = node ? toGraphQuery(node, fields) : { advanced: false, exact: true };
  const signal = options.signal;
  const cancelledResult = (): PreviewResult => ({
    count: 0,
    exact: false,
    samples: [],
    clauses,
    cancelled: true,
  });
  if (signal?.aborted) return cancelledResult();

  let transport: GraphTransport;
  try {
    transport = await createTransport(transportOptions(options));
  } catch (error) {
    if (isAbort(error, signal)) return cancelledResult();
    throw error;
  }
  const base: Pick<PreviewResult, 'graphFilter' | 'advanced'> = { advanced: q.advanced };
  if (q.filter !== undefined) base.graphFilter = q.filter;

  if (q.exact) {
    try {
      if (sampleSize === 0) {
        const count = await countUsers(transport, q.filter);
        return { count, exact: true, samples: [], clauses, ...base };
      }
      const page = await transport.get<GraphPage<GraphUser>>(
        `/users${query({ $filter: q.filter, $count: 'true', $top: String(Math.min(sampleSize, SCAN_PAGE)), $select: graphUserSelect(fields) })}`,
        EVENTUAL,
      );
      const count =
        typeof page['@odata.count'] === 'number'
          ? page['@odata.count']
          : await countUsers(transport, q.filter);
      return {
        count,
        exact: true,
        samples: page.value.slice(0, sampleSize).map(toPreviewUser),
        clauses,
        ...base,
      };
    } catch (error) {
      if (isAbort(error, signal)) return cancelledResult();
      throw error;
    }
  }

  const matches = compileFilter(node as FilterNode, { fields });
  const samples: PreviewUser[] = [];
  let matched = 0;
  const state = await scan(
    transport,
    q.filter,
    graphUserSelect(fields),
    signal,
    (user) => {
      if (!matches(graphUserToRecord(user, fields))) return;
      matched++;
      if (samples.length < sampleSize) samples.push(toPreviewUser(user));
    },
    (s) => {
      const p: PreviewProgress = { scanned: s.scanned, matched };
      if (s.total !== undefined) p.total = s.total;
      options.onProgress?.(p);
    },
  );
  const result: PreviewResult = {
    count: matched,
    exact: false,
    samples,
    clauses,
    scanned: state.scanned,
    ...base,
  };
  if (state.cancelled) result.cancelled = true;
  return result;
}

export interface ImpactOptions extends PreviewConnection {
  /** The saved filter (null = every user). */
  current: FilterNode | null;
  /** The edited filter (null = every user). */
  next: FilterNode | null;
  onProgress?: (progress: PreviewProgress) => void;
}

export interface ImpactResult {
  /** Users the new filter imports that the current one doesn't. */
  added: number;
  /** Users the current filter imports that the new one doesn't. */
  removed: number;
  /** Users matching the current / the new filter. */
  currentCount: number;
  nextCount: number;
  /** True when computed from Graph's counts alone. */
  exact: boolean;
  scanned?: number;
  cancelled?: boolean;
}

/**
 * The effect of replacing `current` by `next`. When both filters and their AND translate
 * exactly: three counts in parallel, added = |next| − |next ∧ current|, removed =
 * |current| − |next ∧ current|. Otherwise one scan of Graph's pre-filter for
 * (current ∨ next), both filters applied in the browser.
 */
export async function previewImpact(options: ImpactOptions): Promise<ImpactResult> {
  const fields = options.fields ?? DEFAULT_FIELDS;
  const { current, next, signal } = options;
  const cancelled: ImpactResult = {
    added: 0,
    removed: 0,
    currentCount: 0,
    nextCount: 0,
    exact: false,
    cancelled: true,
  };
  if (signal?.aborted) return cancelled;

  const translate = (n: FilterNode | null) =>
    n ? toGraphQuery(n, fields) : { exact: true, advanced: false, filter: undefined };
  const both: FilterNode | null =
    current && next ? { type: 'and', children: [current, next] } : (current ?? next);
  const qc = translate(current);
  const qn = translate(next);
  const qb = translate(both);

  let transport: GraphTransport;
  try {
    transport = await createTransport(transportOptions(options));
  } catch (error) {
    if (isAbort(error, signal)) return cancelled;
    throw error;
  }

  if (qc.exact && qn.exact && qb.exact) {
    try {
      const [cc, nc, bc] = await Promise.all([
        countUsers(transport, qc.filter),
        countUsers(transport, qn.filter),
        countUsers(transport, qb.filter),
      ]);
      return { added: nc - bc, removed: cc - bc, currentCount: cc, nextCount: nc, exact: true };
    } catch (error) {
      if (isAbort(error, signal)) return cancelled;
      throw error;
    }
  }

  const union: FilterNode | null =
    current && next ? { type: 'or', children: [current, next] } : null;
  const qu = union ? toGraphQuery(union, fields) : { filter: undefined };
  const inCurrent = current ? compileFilter(current, { fields }) : () => true;
  const inNext = next ? compileFilter(next, { fields }) : () => true;
  const r: ImpactResult = { added: 0, removed: 0, currentCount: 0, nextCount: 0, exact: false };
  const state = await scan(
    transport,
    qu.filter,
    graphUserSelect(fields),
    signal,
    (user) => {
      const record = graphUserToRecord(user, fields);
      const c = inCurrent(record);
      const n = inNext(record);
      if (c) r.currentCount++;
      if (n) r.nextCount++;
      if (n && !c) r.added++;
      if (c && !n) r.removed++;
    },
    (s) => {
      const p: PreviewProgress = { scanned: s.scanned, matched: r.added + r.removed };
      if (s.total !== undefined) p.total = s.total;
      options.onProgress?.(p);
    },
  );
  r.scanned = state.scanned;
  if (state.cancelled) r.cancelled = true;
  return r;
}
