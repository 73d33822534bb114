import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGraphApp, startGraph, type RunningGraph } from '../../demo/server/graph/app.js';
import { generateDirectory } from '../../demo/server/graph/directory.js';
import { JOB_TITLE } from '../filter/host-fields.js';
import {
  DEFAULT_FIELDS,
  GRAPH_USER_SELECT,
  graphUserSelect,
  graphUserToRecord,
  matchesFilter,
  parseFilter,
  type FieldDefinition,
  type FilterNode,
} from '../../src/filter/index.js';
import {
  GraphPreviewError,
  previewImpact,
  previewMatchingUsers,
  reportClauses,
  type PreviewProgress,
} from '../../src/graph/index.js';

/** A Node request as a fetch Request (for the proxy below). */
function toRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
  return new Request(`http://${req.headers.host}${req.url ?? '/'}`, {
    method: req.method ?? 'GET',
    headers,
  });
}

let graph: RunningGraph;
const token = () => 'test-token';

beforeAll(async () => {
  graph = await startGraph({ users: generateDirectory({ count: 5_000, seed: 3 }) });
});
afterAll(() => graph.close());
beforeEach(() => graph.control.reset());

function f(text: string): FilterNode {
  const r = parseFilter(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.filter;
}

/** The truth: the matcher over the whole directory. */
function expected(filter: FilterNode | null): number {
  if (!filter) return graph.users.length;
  return graph.users.filter((u) => matchesFilter(filter, graphUserToRecord(u))).length;
}

const preview = (
  filter: FilterNode | null,
  extra: Partial<Parameters<typeof previewMatchingUsers>[0]> = {},
) => previewMatchingUsers({ filter, getAccessToken: token, baseUrl: graph.baseUrl, ...extra });

async function rejection(promise: Promise<unknown>): Promise<GraphPreviewError> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(GraphPreviewError);
    return e as GraphPreviewError;
  }
  throw new Error('expected the preview to fail');
}

describe("previewMatchingUsers with a host's own field", () => {
  it('reads that field from Graph and checks it in the browser when Graph cannot', async () => {
    const fields: FieldDefinition[] = [...DEFAULT_FIELDS, JOB_TITLE];
    expect(graphUserSelect(fields)).toBe(`${GRAPH_USER_SELECT},jobTitle`);
    expect(graphUserToRecord({ jobTitle: 'Software Engineer', department: 'R&D' }, fields)).toEqual(
      {
        email: null,
        department: 'R&D',
        officeLocation: null,
        location: null,
        phoneNumber: null,
        jobTitle: 'Software Engineer',
      },
    );
    // A list given as null is the default one, as for toGraphQuery; nothing throws.
    const nullList = null as unknown as FieldDefinition[];
    expect(graphUserSelect(nullList)).toBe(GRAPH_USER_SELECT);
    expect(graphUserToRecord({ mail: 'a@b.c' }, nullList)).toMatchObject({ email: 'a@b.c' });
    expect(graphUserToRecord(null as never)).toMatchObject({ email: null });
    // Graph has no "contains": the jobTitle clause is checked on the users Graph returns.
    const parsed = parseFilter('(&(department=*)(jobTitle=*engineer*))', { fields });
    if (!parsed.ok) throw new Error(parsed.error.message);
    const truth = graph.users.filter((u) =>
      matchesFilter(parsed.filter, graphUserToRecord(u, fields), { fields }),
    ).length;
    expect(truth).toBeGreaterThan(0);
    const r = await preview(parsed.filter, { fields });
    expect(r.count).toBe(truth);
    expect(r.samples[0]).toBeDefined();
  });
});

describe('previewMatchingUsers: a relative base URL', () => {
  it("is resolved against the page (a host's proxy of Graph on its own origin)", async () => {
    const origin = new URL(graph.baseUrl).origin;
    const page = globalThis as { location?: { href: string } };
    page.location = { href: `${origin}/admin/console.html` };
    try {
      const r = await preview(f('(department=Sales)'), { baseUrl: '/v1.0' });
      expect(r.count).toBe(expected(f('(department=Sales)')));
    } finally {
      delete page.location;
    }
  });
});

describe('previewMatchingUsers: next pages', () => {
  // A filter Graph can't express whole is read 999 users a page, following @odata.nextLink.
  const residual = () => f('(department=*ale*)');

  it('follows them under a base URL with a path (a proxy at /graph, as the demo serves it)', async () => {
    const proxied = createServer((req, res) => {
      // The proxy strips its prefix, as the demo's server does; the stand-in puts it back.
      req.url = (req.url ?? '/').replace(/^\/graph/, '') || '/';
      void Promise.resolve(under.fetch(toRequest(req))).then(async (r: Response) => {
        res.writeHead(r.status, Object.fromEntries(r.headers));
        res.end(Buffer.from(await r.arrayBuffer()));
      });
    });
    const under = createGraphApp({ users: graph.users, basePath: '/graph' });
    await new Promise<void>((r) => proxied.listen(0, '127.0.0.1', r));
    const { port } = proxied.address() as AddressInfo;
    try {
      const r = await preview(residual(), { baseUrl: `http://127.0.0.1:${port}/graph/v1.0` });
      expect(r.count).toBe(expected(residual()));
    } finally {
      proxied.close();
    }
  });

  it('are never followed outside the base URL, so the token goes nowhere else', async () => {
    // Another host; one hidden after the base URL or alone behind an @ (the Graph client
    // takes any "https://" in a path for a host of its own).
    for (const rewrite of [
      (link: string) => link.replace(/^https?:\/\/[^/]+/, 'https://collector.example'),
      (link: string) => link.replace('/users', '@https://collector.example/v1.0/users'),
      () => '@https://collector.example/v1.0/users?page=2',
      () => '//collector.example/v1.0/users?page=2',
    ]) {
      const asked: string[] = [];
      const foreign: typeof fetch = async (input, init) => {
        const url = input instanceof Request ? input.url : String(input);
        asked.push(url);
        const res = await fetch(input, init);
        const body = (await res.json()) as Record<string, unknown>;
        if (typeof body['@odata.nextLink'] === 'string') {
          body['@odata.nextLink'] = rewrite(body['@odata.nextLink'] as string);
        }
        return new Response(JSON.stringify(body), { status: res.status, headers: res.headers });
      };
      const e = await rejection(preview(residual(), { fetch: foreign }));
      expect(e.code).toBe('foreign-next-link');
      expect(asked.length).toBeGreaterThan(0);
      expect(asked.some((u) => u.includes('collector.example'))).toBe(false);
    }
  });
});

describe('previewMatchingUsers: exact translation', () => {
  it('asks Graph once for the count and the first 10 users', async () => {
    const filter = f('(department=Sales)');
    const r = await preview(filter);
    expect(r).toMatchObject({
      count: expected(filter),
      exact: true,
      graphFilter: "department eq 'Sales'",
    });
    expect(r.count).toBeGreaterThan(100);
    expect(r.scanned).toBeUndefined();
    expect(r.samples).toHaveLength(10);
    for (const s of r.samples) {
      expect(s.department).toBe('Sales');
      expect(Object.keys(s).sort()).toEqual(
        [
          'city',
          'department',
          'displayName',
          'email',
          'id',
          'officeLocation',
          'phone',
          'userPrincipalName',
        ].sort(),
      );
    }
    expect(graph.control.requests).toHaveLength(1);
    const [req] = graph.control.requests;
    expect(req).toMatchObject({ path: '/v1.0/users', consistencyLevel: 'eventual', status: 200 });
    expect(req!.query).toMatchObject({
      $filter: "department eq 'Sales'",
      $count: 'true',
      $top: '10',
    });
    expect(req!.query.$select).toContain('businessPhones');
    expect(r.clauses).toEqual([
      expect.objectContaining({
        clause: '(department=Sales)',
        where: 'graph',
        reasonCode: 'graph',
      }),
    ]);
  });

  it('sends advanced queries that Graph accepts (ne, officeLocation, endsWith on mail, quotes)', async () => {
    for (const text of [
      '(!(department=Temp))',
      '(officeLocation=Bldg \\28A\\29)',
      '(email=*@sales.contoso.com)',
      "(department=O'Brien Foundation)",
      '(|(department=R&D)(department=Research & Development))',
      '(&(location=Milan)(!(department=Sales)))',
    ]) {
      const filter = f(text);
      const r = await preview(filter, { sampleSize: 3 });
      expect(r.exact, text).toBe(true);
      expect(r.count, text).toBe(expected(filter));
      expect(r.count, text).toBeGreaterThan(0);
    }
    expect(graph.control.requests.every((q) => q.status === 200)).toBe(true);
  });

  it('previews every user when there is no filter, and uses /users/$count when no samples are wanted', async () => {
    expect((await preview(null)).count).toBe(5_000);
    graph.control.reset();
    const r = await preview(f('(location=NYC)'), { sampleSize: 0 });
    expect(r.count).toBe(expected(f('(location=NYC)')));
    expect(r.samples).toEqual([]);
    expect(graph.control.requests.map((q) => q.path)).toEqual(['/v1.0/users/$count']);
  });

  it('uses the injected fetch', async () => {
    let calls = 0;
    const counting: typeof fetch = (input, init) => {
      calls++;
      return fetch(input, init);
    };
    await preview(f('(department=Sales)'), { fetch: counting });
    expect(calls).toBe(1);
  });
});

describe('previewMatchingUsers: residual in the browser', () => {
  it('pages through every user when Graph cannot filter, reporting progress', async () => {
    const filter = f('(department=*ale*)');
    const progress: PreviewProgress[] = [];
    const r = await preview(filter, { onProgress: (p) => progress.push(p) });
    expect(r).toMatchObject({ count: expected(filter), exact: false, scanned: 5_000 });
    expect(r.graphFilter).toBeUndefined();
    expect(progress.map((p) => p.scanned)).toEqual([999, 1998, 2997, 3996, 4995, 5000]);
    expect(progress.every((p) => p.total === 5_000)).toBe(true);
    expect(progress.at(-1)!.matched).toBe(r.count);
    const firstMatches = graph.users
      .filter((u) => matchesFilter(filter, graphUserToRecord(u)))
      .slice(0, 10);
    expect(r.samples.map((s) => s.id)).toEqual(firstMatches.map((u) => u.id));
    expect(graph.control.requests).toHaveLength(6);
    expect(graph.control.requests[1]!.query.$skiptoken).toBeTruthy();
    expect(r.clauses[0]).toMatchObject({
      where: 'browser',
      reason: 'Graph has no contains: filtered in the browser',
    });
  });

  it('uses the server pre-filter and checks the rest in the browser', async () => {
    const filter = f('(&(department=Sales)(phoneNumber=*555*))');
    const r = await preview(filter);
    expect(r.exact).toBe(false);
    expect(r.graphFilter).toBe("department eq 'Sales'");
    expect(r.scanned).toBe(expected(f('(department=Sales)')));
    expect(r.count).toBe(expected(filter));
    expect(r.clauses.map((c) => [c.field, c.where])).toEqual([
      ['department', 'graph'],
      ['phoneNumber', 'browser'],
    ]);
  });

  it('stops when cancelled and returns what it has', async () => {
    graph.control.setLatency(40);
    const controller = new AbortController();
    const filter = f('(location=*a*)');
    const r = await preview(filter, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.scanned >= 999) controller.abort();
      },
    });
    expect(r.cancelled).toBe(true);
    expect(r.exact).toBe(false);
    expect(r.scanned).toBe(999);
    const firstPage = graph.users.slice(0, 999);
    expect(r.count).toBe(
      firstPage.filter((u) => matchesFilter(filter, graphUserToRecord(u))).length,
    );
    // The page being prefetched is abandoned; nothing after it is requested.
    await new Promise((res) => setTimeout(res, 100));
    expect(graph.control.requests.length).toBeLessThanOrEqual(2);
  });

  it('returns at once when already cancelled, and cancels an exact preview in flight', async () => {
    const controller = new AbortController();
    controller.abort();
    const r = await preview(f('(department=Sales)'), { signal: controller.signal });
    expect(r).toMatchObject({ cancelled: true, count: 0 });
    expect(graph.control.requests).toHaveLength(0);
    graph.control.setLatency(300);
    const late = new AbortController();
    const pending = preview(f('(department=Sales)'), { signal: late.signal });
    setTimeout(() => late.abort(), 50);
    expect(await pending).toMatchObject({ cancelled: true });
  });
});

describe('previewMatchingUsers: Graph errors', () => {
  it("maps 403 to forbidden with Graph's message", async () => {
    graph.control.failNext({ status: 403 });
    const e = await rejection(preview(f('(department=Sales)')));
    expect(e).toMatchObject({
      kind: 'forbidden',
      status: 403,
      code: 'Authorization_RequestDenied',
      message: 'Insufficient privileges to complete the operation.',
    });
  });

  it('honours Retry-After once after a 429', async () => {
    graph.control.failNext({ status: 429, retryAfter: 1 });
    const t0 = performance.now();
    const r = await preview(f('(department=Sales)'));
    expect(performance.now() - t0).toBeGreaterThanOrEqual(950);
    expect(r.count).toBe(expected(f('(department=Sales)')));
    expect(graph.control.requests.map((q) => q.status)).toEqual([429, 200]);
  });

  it('gives up after a second 429, with retryAfterSeconds', async () => {
    graph.control.failNext({ status: 429, retryAfter: 0, times: 2 });
    const e = await rejection(preview(f('(department=Sales)')));
    expect(e).toMatchObject({
      kind: 'throttled',
      status: 429,
      retryAfterSeconds: 0,
      code: 'TooManyRequests',
    });
    graph.control.failNext({ status: 429, retryAfter: 120 });
    const long = await rejection(preview(f('(department=Sales)')));
    expect(long).toMatchObject({ kind: 'throttled', retryAfterSeconds: 120 });
    expect(graph.control.requests.map((q) => q.status)).toEqual([429, 429, 429]);
  });

  it('honours Retry-After in the middle of a scan', async () => {
    graph.control.failNext({ status: 429, retryAfter: 0, path: '/users' });
    graph.control.requests.length = 0;
    const filter = f('(department=*ing*)');
    const r = await preview(filter);
    expect(r.count).toBe(expected(filter));
  });

  it("maps Graph's 400 refusal to unsupported-query", async () => {
    // A host field list that wrongly claims endsWith works on department: Graph refuses it.
    const fields: FieldDefinition[] = DEFAULT_FIELDS.map((d) =>
      d.name === 'department' && d.graph ? { ...d, graph: { ...d.graph, endsWith: 'default' } } : d,
    );
    const e = await rejection(preview(f('(department=*les)'), { fields }));
    expect(e).toMatchObject({
      kind: 'unsupported-query',
      status: 400,
      code: 'Request_UnsupportedQuery',
    });
    expect(e.message).toBe(
      "Unsupported or invalid query filter clause specified for property 'department' of resource 'User'.",
    );
  });

  it('maps 401, token failures, network failures and 500', async () => {
    const strict = await startGraph({
      users: generateDirectory({ count: 10 }),
      verifyAccessToken: async () => false,
    });
    try {
      const e = await rejection(
        previewMatchingUsers({ filter: null, getAccessToken: token, baseUrl: strict.baseUrl }),
      );
      expect(e).toMatchObject({
        kind: 'unauthorized',
        status: 401,
        code: 'InvalidAuthenticationToken',
      });
    } finally {
      await strict.close();
    }
    const noToken = await rejection(
      previewMatchingUsers({
        filter: null,
        baseUrl: graph.baseUrl,
        getAccessToken: () => Promise.reject(new Error('interaction_required')),
      }),
    );
    expect(noToken).toMatchObject({
      kind: 'unauthorized',
      status: 0,
      code: 'token-unavailable',
      message: 'interaction_required',
    });
    const closed = await startGraph({ users: [] });
    const closedUrl = closed.baseUrl;
    await closed.close();
    const network = await rejection(
      previewMatchingUsers({ filter: null, getAccessToken: token, baseUrl: closedUrl }),
    );
    expect(network).toMatchObject({ kind: 'network', status: 0 });
    graph.control.failNext({ status: 500 });
    expect(await rejection(preview(null))).toMatchObject({
      kind: 'unknown',
      status: 500,
      code: 'generalException',
    });
  });
});

describe('previewImpact', () => {
  it('counts added and removed users with three Graph counts when exact', async () => {
    const current = f('(department=Sales)');
    const next = f('(|(department=Sales)(department=Marketing))');
    const r = await previewImpact({ current, next, getAccessToken: token, baseUrl: graph.baseUrl });
    expect(r).toEqual({
      added: expected(f('(department=Marketing)')),
      removed: 0,
      currentCount: expected(current),
      nextCount: expected(next),
      exact: true,
    });
    expect(graph.control.requests.map((q) => q.path)).toEqual(Array(3).fill('/v1.0/users/$count'));
    const back = await previewImpact({
      current: next,
      next: current,
      getAccessToken: token,
      baseUrl: graph.baseUrl,
    });
    expect(back).toMatchObject({ added: 0, removed: expected(f('(department=Marketing)')) });
  });

  it('scans once when a filter needs the browser', async () => {
    const current = f('(department=Sales)');
    const next = f('(&(department=*ale*)(!(location=NYC)))');
    const records = graph.users.map((u) => graphUserToRecord(u));
    const inC = records.map((x) => matchesFilter(current, x));
    const inN = records.map((x) => matchesFilter(next, x));
    const progress: PreviewProgress[] = [];
    const r = await previewImpact({
      current,
      next,
      getAccessToken: token,
      baseUrl: graph.baseUrl,
      onProgress: (p) => progress.push(p),
    });
    expect(r).toMatchObject({
      exact: false,
      added: inN.filter((n, i) => n && !inC[i]).length,
      removed: inC.filter((c, i) => c && !inN[i]).length,
      currentCount: inC.filter(Boolean).length,
      nextCount: inN.filter(Boolean).length,
    });
    expect(r.added).toBeGreaterThan(0);
    expect(r.removed).toBeGreaterThan(0);
    expect(progress.length).toBeGreaterThan(0);
  });

  it('treats a missing filter as every user', async () => {
    const next = f('(location=Milan)');
    const r = await previewImpact({
      current: null,
      next,
      getAccessToken: token,
      baseUrl: graph.baseUrl,
    });
    expect(r).toMatchObject({ added: 0, removed: 5_000 - expected(next), exact: true });
    const c = await previewImpact({
      current: next,
      next: null,
      getAccessToken: token,
      baseUrl: graph.baseUrl,
    });
    expect(c).toMatchObject({ added: 5_000 - expected(next), removed: 0 });
  });

  it('can be cancelled mid-scan', async () => {
    graph.control.setLatency(30);
    const controller = new AbortController();
    const r = await previewImpact({
      current: f('(department=*a*)'),
      next: f('(department=*e*)'),
      getAccessToken: token,
      baseUrl: graph.baseUrl,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    expect(r).toMatchObject({ cancelled: true, scanned: 999, exact: false });
  });
});

describe('clause reports', () => {
  it('a host tree that holds itself, or holds parts the engine never makes, lists no such clause and returns', () => {
    const sales = f('(department=Sales)');
    const cyclic = { type: 'and', children: [sales] } as { type: 'and'; children: FilterNode[] };
    cyclic.children.push(cyclic);
    expect(reportClauses(cyclic)).toEqual([]);
    const odd = {
      type: 'and',
      children: [
        sales,
        { type: 'equality', field: 'department', value: '' },
        { type: 'not' },
        { type: 'or', children: [] },
      ],
    } as unknown as FilterNode;
    expect(reportClauses(odd).map((r) => r.clause)).toEqual(['(department=Sales)']);
  });

  it('marks each clause graph, browser or unsupported with a reason', () => {
    const reports = reportClauses(
      f(
        '(&(department=Sales)(|(location=NYC)(email=*x*))(!(department=Sa*))(email=*)(officeLocation=HQ*)(phoneNumber=555*))',
      ),
    );
    expect(reports.map((r) => [r.clause, r.where, r.reasonCode])).toEqual([
      ['(department=Sales)', 'graph', 'graph'],
      ['(location=NYC)', 'browser', 'in-or'],
      ['(email=*x*)', 'browser', 'no-contains'],
      ['(department=Sa*)', 'browser', 'in-not'],
      ['(email=*)', 'browser', 'presence-unsupported'],
      ['(officeLocation=HQ*)', 'graph', 'graph-advanced'],
      ['(phoneNumber=555*)', 'browser', 'phone-format'],
    ]);
    expect(reports[4]!.reason).toBe(
      "Graph can't test whether mail is set: filtered in the browser",
    );
    // A NOT keeps the users without an email, whom Graph can't ask for.
    expect(reportClauses(f('(!(email=a@x.com))'))[0]).toMatchObject({
      where: 'browser',
      reasonCode: 'in-not-null',
      reason: "Graph can't find the users without mail, whom this keeps: filtered in the browser",
    });
    expect(reportClauses(f('(!(department=Temp))'))[0]).toMatchObject({
      where: 'graph',
      reasonCode: 'graph-advanced',
    });
    expect(reportClauses(f('(location=*an)'))[0]).toMatchObject({
      where: 'browser',
      reasonCode: 'no-ends-with',
    });
    expect(reportClauses(f('(department=Sa*es)'))[0]).toMatchObject({
      where: 'browser',
      reasonCode: 'partly-graph',
    });
    const custom: FieldDefinition[] = [...DEFAULT_FIELDS, { name: 'costCenter', labelKey: 'x' }];
    const parsed = parseFilter('(costCenter=42)', { fields: custom });
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(reportClauses(parsed.filter, custom)[0]).toMatchObject({
        where: 'unsupported',
        reasonCode: 'not-in-graph',
      });
    }
    expect(reportClauses(null)).toEqual([]);
  });

  it('reads a redefined field as toGraphQuery does (the last definition of a name)', () => {
    const department = DEFAULT_FIELDS.find((d) => d.name === 'department')!;
    const custom: FieldDefinition[] = [
      ...DEFAULT_FIELDS,
      { ...department, graph: { ...department.graph!, presence: 'none' } },
    ];
    const parsed = parseFilter('(!(department=Temp))', { fields: custom });
    if (!parsed.ok) throw new Error(parsed.error.message);
    // Graph can't ask for the users without a department under this list: the NOT stays out.
    expect(reportClauses(parsed.filter, custom)[0]).toMatchObject({
      where: 'browser',
      reasonCode: 'in-not-null',
    });
  });

  it('says where each clause sits in the text when the filter was parsed with spans', () => {
    const text = '(&(department=Sales)\n  (email=*x*))';
    const parsed = parseFilter(text, { spans: true });
    if (!parsed.ok) throw new Error(parsed.error.message);
    const spans = reportClauses(parsed.filter).map((r) => r.span);
    expect(spans.map((s) => text.slice(s!.offset, s!.offset + s!.length))).toEqual([
      '(department=Sales)',
      '(email=*x*)',
    ]);
    expect(reportClauses(f(text)).every((r) => !('span' in r))).toBe(true);
  });
});

describe('layering', () => {
  it('src/graph imports only the filter engine and the Graph client (dynamically)', () => {
    const dir = new URL('../../src/graph/', import.meta.url);
    for (const file of readdirSync(dir)) {
      const source = readFileSync(new URL(file, dir), 'utf8');
      const imports = [...source.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1]!);
      for (const spec of imports) {
        expect(
          spec.startsWith('./') ||
            /^\.\.\/filter\/[\w-]+\.js$/.test(spec) ||
            spec === '@microsoft/microsoft-graph-client',
          `${file} imports ${spec}`,
        ).toBe(true);
      }
      expect(source).not.toMatch(/^import [^t].*'@microsoft\/microsoft-graph-client'/m);
      expect(source).not.toMatch(/\b(document|window|customElements)\./);
    }
  });
});
