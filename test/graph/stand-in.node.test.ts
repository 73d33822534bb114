import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startGraph, type RunningGraph } from '../../demo/server/graph/app.js';
import { generateDirectory } from '../../demo/server/graph/directory.js';
import { jwksAccessTokenVerifier } from '../../demo/server/graph/token.js';

let graph: RunningGraph;
const AUTH = { Authorization: 'Bearer test-token' };
const EVENTUAL = { ConsistencyLevel: 'eventual' };

beforeAll(async () => {
  graph = await startGraph({ users: generateDirectory({ count: 5_000, seed: 7 }) });
});
afterAll(() => graph.close());
beforeEach(() => graph.control.reset());

async function get(
  path: string,
  headers: Record<string, string> = AUTH,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Graph's JSON, asserted field by field
): Promise<{ status: number; body: any; text: string; headers: Headers }> {
  const res = await fetch(`${graph.baseUrl}${path}`, { headers });
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, body, text, headers: res.headers };
}

const f = (filter: string) => encodeURIComponent(filter);

describe('generated directory', () => {
  it('is deterministic, fast and realistic', () => {
    // CPU time, not wall time: other test suites may share the machine's cores.
    const cpu = process.cpuUsage();
    const big = generateDirectory({ count: 50_000, seed: 1 });
    const used = process.cpuUsage(cpu);
    expect((used.user + used.system) / 1000).toBeLessThan(1000);
    expect(big).toHaveLength(50_000);
    expect(generateDirectory({ count: 50, seed: 1 })).toEqual(big.slice(0, 50));
    expect(generateDirectory({ count: 50, seed: 2 })).not.toEqual(big.slice(0, 50));
    const departments = new Set(big.map((u) => u.department));
    for (const d of ['Sales', 'Marketing', 'R&D', 'Temp', 'Research & Development', null]) {
      expect(departments.has(d), String(d)).toBe(true);
    }
    expect([...departments].some((d) => d?.includes("'"))).toBe(true);
    expect(big.some((u) => u.surname === "O'Brien")).toBe(true);
    expect(big.some((u) => u.mail === null)).toBe(true);
    expect(big.some((u) => u.businessPhones.length === 0)).toBe(true);
    expect(big.some((u) => u.businessPhones.length === 2)).toBe(true);
    const phones = big.flatMap((u) => u.businessPhones);
    expect(phones.some((p) => /^\+1 \d{3}-\d{3}-\d{4}$/.test(p))).toBe(true);
    expect(phones.some((p) => /^\+39 02 \d{4} \d{4}$/.test(p))).toBe(true);
    expect(phones.some((p) => /^\(\d{3}\) \d{3}\.\d{4}$/.test(p))).toBe(true);
    const offices = new Set(big.map((u) => u.officeLocation));
    expect(offices.has('Bldg (A)') && offices.has('HQ 3rd floor')).toBe(true);
    const cities = new Set(big.map((u) => u.city));
    expect(cities.has('NYC') && cities.has('Milan') && cities.has('London')).toBe(true);
    expect(new Set(big.map((u) => u.id)).size).toBe(50_000);
  });
});

describe('GET /v1.0/users', () => {
  it('filters, selects and counts', async () => {
    const users = graph.users;
    const sales = users.filter((u) => u.department?.toLowerCase() === 'sales').length;
    const r = await get(
      `/users?$filter=${f("department eq 'SALES'")}&$select=displayName,department&$top=5&$count=true`,
      { ...AUTH, ...EVENTUAL },
    );
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    expect(r.body['@odata.count']).toBe(sales);
    expect(r.body.value).toHaveLength(5);
    for (const u of r.body.value)
      expect(Object.keys(u).sort()).toEqual(['department', 'displayName']);
    expect(r.body['@odata.context']).toMatch(/\$metadata#users\(displayName,department\)$/);
  });

  it('returns the default properties without $select (no department or city), 100 per page', async () => {
    const r = await get('/users');
    expect(r.status).toBe(200);
    expect(r.body.value).toHaveLength(100);
    expect(r.body.value[0]).toHaveProperty('businessPhones');
    expect(r.body.value[0]).not.toHaveProperty('department');
    expect(r.body.value[0]).not.toHaveProperty('city');
    expect(r.body['@odata.count']).toBeUndefined();
  });

  it('pages through @odata.nextLink with an opaque $skiptoken and returns every user once', async () => {
    const seen = new Set<string>();
    let url: string | undefined = `${graph.baseUrl}/users?$top=999&$select=id`;
    let pages = 0;
    while (url) {
      expect(url).not.toMatch(/\$skip=/);
      const res = await fetch(url, { headers: AUTH });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { value: { id: string }[]; '@odata.nextLink'?: string };
      for (const u of body.value) seen.add(u.id);
      url = body['@odata.nextLink'];
      pages++;
    }
    expect(pages).toBe(Math.ceil(5_000 / 999));
    expect(seen.size).toBe(5_000);
  });

  it('keeps the filter across pages, and rejects a forged or foreign skiptoken', async () => {
    const first = await get(`/users?$filter=${f("city eq 'NYC'")}&$top=10&$select=city`);
    const next = first.body['@odata.nextLink'] as string;
    expect(next).toContain('$skiptoken=');
    const second = await fetch(next, { headers: AUTH });
    const body = (await second.json()) as { value: { city: string }[] };
    expect(body.value.every((u) => u.city === 'NYC')).toBe(true);
    const foreign = next.replace(
      encodeURIComponent("city eq 'NYC'"),
      encodeURIComponent("city eq 'Milan'"),
    );
    expect((await fetch(foreign, { headers: AUTH })).status).toBe(400);
    const forged = await get('/users?$skiptoken=abc');
    expect(forged.status).toBe(400);
    expect(forged.body.error.code).toBe('Directory_ExpiredPageToken');
  });

  it('handles quotes, ampersands, parentheses and null checks', async () => {
    const users = graph.users;
    const oBrien = users.filter((u) => u.department === "O'Brien Foundation").length;
    const rd = users.filter((u) => u.department === 'R&D').length;
    const bldg = users.filter((u) => u.officeLocation === 'Bldg (A)').length;
    const noDept = users.filter((u) => u.department === null).length;
    const count = async (filter: string) =>
      Number((await get(`/users/$count?$filter=${f(filter)}`, { ...AUTH, ...EVENTUAL })).text);
    expect(await count("department eq 'O''Brien Foundation'")).toBe(oBrien);
    expect(oBrien).toBeGreaterThan(0);
    expect(await count("department eq 'R&D'")).toBe(rd);
    expect(await count("officeLocation eq 'Bldg (A)'")).toBe(bldg);
    expect(await count('department eq null')).toBe(noDept);
    expect(await count('department ne null')).toBe(users.length - noDept);
    expect(
      await count("(department eq 'R&D' or department eq 'Temp') and not(city eq 'NYC')"),
    ).toBe(
      users.filter((u) => (u.department === 'R&D' || u.department === 'Temp') && u.city !== 'NYC')
        .length,
    );
    const phone = users.find((u) => u.businessPhones.length === 2)!.businessPhones[1]!;
    expect(await count(`businessPhones/any(p:p eq '${phone}')`)).toBeGreaterThan(0);
  });

  it('answers /users/$count as a plain integer', async () => {
    const r = await get('/users/$count', { ...AUTH, ...EVENTUAL });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(r.text).toBe('5000');
    const encoded = await fetch(`${graph.baseUrl}/users/%24count`, {
      headers: { ...AUTH, ...EVENTUAL },
    });
    expect(await encoded.text()).toBe('5000');
  });
});

describe("Graph's refusals", () => {
  const refused = async (path: string, headers: Record<string, string>, code: string) => {
    const r = await get(path, headers);
    expect(r.status, path).toBe(400);
    expect(r.body.error.code, path).toBe(code);
    expect(typeof r.body.error.message).toBe('string');
    return r.body.error.message as string;
  };

  it('refuses advanced queries without ConsistencyLevel: eventual and $count=true', async () => {
    for (const filter of [
      "department ne 'Temp'",
      "not(department eq 'Temp')",
      "endsWith(mail,'@contoso.com')",
      "officeLocation eq 'Bldg (A)'",
      'city ne null',
    ]) {
      await refused(`/users?$filter=${f(filter)}`, AUTH, 'Request_UnsupportedQuery');
      await refused(`/users?$filter=${f(filter)}&$count=true`, AUTH, 'Request_BadRequest');
      await refused(
        `/users?$filter=${f(filter)}`,
        { ...AUTH, ...EVENTUAL },
        'Request_UnsupportedQuery',
      );
      expect(
        (await get(`/users?$filter=${f(filter)}&$count=true`, { ...AUTH, ...EVENTUAL })).status,
      ).toBe(200);
      expect(
        (await get(`/users/$count?$filter=${f(filter)}`, { ...AUTH, ...EVENTUAL })).status,
      ).toBe(200);
    }
    expect(
      await refused(`/users?$filter=${f("department ne 'x'")}`, AUTH, 'Request_UnsupportedQuery'),
    ).toBe("Filter operator 'NotEqualsMatch' is not supported.");
  });

  it('refuses $count without the header, and unsupported clauses even with it', async () => {
    await refused('/users/$count', AUTH, 'Request_BadRequest');
    const headers = { ...AUTH, ...EVENTUAL };
    for (const filter of [
      "contains(department,'ale')",
      "endsWith(department,'les')",
      'mail ne null',
      "startsWith(businessPhones,'+1')",
    ]) {
      const message = await refused(
        `/users?$filter=${f(filter)}&$count=true`,
        headers,
        'Request_UnsupportedQuery',
      );
      expect(message).toMatch(/Unsupported or invalid query filter clause/);
    }
    await refused(`/users?$filter=${f("department eq 'x")}`, AUTH, 'BadRequest');
    await refused('/users?$select=shoeSize', AUTH, 'BadRequest');
    await refused('/users?$top=1000', AUTH, 'Request_BadRequest');
    await refused('/users?$top=0', AUTH, 'Request_BadRequest');
    await refused('/users?$orderby=displayName', AUTH, 'Request_UnsupportedQuery');
    await refused(
      `/users?$filter=${f("city eq 'a'")}&$filter=${f("city eq 'b'")}`,
      AUTH,
      'BadRequest',
    );
    expect((await get('/users?$top=999')).body.value).toHaveLength(999);
  });

  it('answers 401 InvalidAuthenticationToken without a bearer token', async () => {
    for (const headers of [
      {},
      { Authorization: 'Basic abc' },
      { Authorization: 'Bearer ' },
    ] as Record<string, string>[]) {
      const r = await get('/users', headers);
      expect(r.status).toBe(401);
      expect(r.body.error.code).toBe('InvalidAuthenticationToken');
    }
  });

  it('simulates 403 and 429 (with Retry-After) on demand, in order, then recovers', async () => {
    graph.control.failNext({ status: 403 });
    graph.control.failNext({ status: 429, retryAfter: 7, times: 2 });
    const a = await get('/users');
    expect(a.status).toBe(403);
    expect(a.body.error).toMatchObject({
      code: 'Authorization_RequestDenied',
      message: 'Insufficient privileges to complete the operation.',
    });
    for (let i = 0; i < 2; i++) {
      const b = await get('/users');
      expect(b.status).toBe(429);
      expect(b.headers.get('retry-after')).toBe('7');
    }
    expect((await get('/users')).status).toBe(200);
    expect(graph.control.requests.map((r) => r.status)).toEqual([403, 429, 429, 200]);
  });

  it('has control routes for other processes (browser tests)', async () => {
    const post = (path: string, body: unknown) =>
      fetch(`${graph.url}/_stand-in/${path}`, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'Content-Type': 'application/json' },
      });
    expect(
      (await post('fail-next', { status: 429, retryAfter: 2, path: '/users/$count' })).status,
    ).toBe(200);
    expect((await get('/users')).status).toBe(200);
    const r = await get('/users/$count', { ...AUTH, ...EVENTUAL });
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBe('2');
    const log = (await (await fetch(`${graph.url}/_stand-in/requests`)).json()) as {
      status: number;
    }[];
    expect(log.map((x) => x.status)).toEqual([200, 429]);
    await post('latency', { ms: 150 });
    const t0 = performance.now();
    await get('/users?$top=1');
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
    await post('reset', {});
    expect(graph.control.requests).toHaveLength(0);
  });

  it('answers CORS preflights for the headers the browser sends', async () => {
    const res = await fetch(`${graph.baseUrl}/users`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization,consistencylevel',
      },
    });
    expect(res.status).toBeLessThan(300);
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
      'consistencylevel',
    );
  });
});

describe('access-token check against a JWKS', () => {
  it('accepts tokens signed by the key set for Graph with User.Read.All, 401 otherwise, 403 without the permission', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' };
    const other = await generateKeyPair('RS256');
    const sign = (
      claims: Record<string, unknown>,
      key = privateKey,
      aud = 'https://graph.microsoft.com',
    ) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setAudience(aud)
        .setIssuer('https://127.0.0.1/idp')
        .setExpirationTime('5m')
        .sign(key);
    const secured = await startGraph({
      users: generateDirectory({ count: 20 }),
      verifyAccessToken: jwksAccessTokenVerifier({
        jwks: { keys: [jwk] },
        issuer: 'https://127.0.0.1/idp',
      }),
    });
    try {
      const call = async (token: string) => {
        const res = await fetch(`${secured.baseUrl}/users`, {
          headers: { Authorization: `Bearer ${token}` },
        });
        const body = (await res.json()) as { error?: { code: string } };
        return [res.status, body.error?.code];
      };
      expect(await call(await sign({ scp: 'User.Read User.Read.All' }))).toEqual([200, undefined]);
      expect(await call(await sign({ roles: ['Directory.Read.All'] }))).toEqual([200, undefined]);
      expect(await call(await sign({ scp: 'User.Read' }))).toEqual([
        403,
        'Authorization_RequestDenied',
      ]);
      expect(await call(await sign({ scp: 'User.Read.All' }, other.privateKey))).toEqual([
        401,
        'InvalidAuthenticationToken',
      ]);
      expect(await call(await sign({ scp: 'User.Read.All' }, privateKey, 'api://other'))).toEqual([
        401,
        'InvalidAuthenticationToken',
      ]);
      expect(await call('not-a-jwt')).toEqual([401, 'InvalidAuthenticationToken']);
    } finally {
      await secured.close();
    }
  });
});
