import { expect } from '@open-wc/testing';
import {
  BackendClient,
  BackendError,
  IdempotencyKeys,
  parseRetryAfter,
} from '../../src/backend/client.js';
import type { CreateIntegration } from '../../src/backend/types.js';
import { integration, scenario } from '../fixture-server/fixture.js';

const body: CreateIntegration = {
  source: 'entra-id',
  authorized: true,
  filter: '(department=Sales)',
  consent: {
    tenantId: 't-1',
    clientId: 'c-1',
    username: 'admin@contoso.com',
    name: 'Admin',
    idToken: 'header.payload.sig',
    scopes: ['https://graph.microsoft.com/.default'],
    consentedAt: '2024-01-01T00:00:00Z',
  },
};

async function rejection(p: Promise<unknown>): Promise<BackendError> {
  try {
    await p;
  } catch (e) {
    expect(e).to.be.instanceOf(BackendError);
    return e as BackendError;
  }
  throw new Error('expected a rejection');
}

describe('BackendClient', () => {
  it('lists integrations with same-origin credentials and the headers hook', async () => {
    const s = await scenario({ items: [integration()] });
    const client = new BackendClient({
      endpoint: s.endpoint,
      requestHeaders: async ({ method }) => ({ 'X-CSRF-Token': `csrf-${method}` }),
    });
    const items = await client.list();
    expect(items).to.have.length(1);
    expect(items[0]?.displayName).to.equal('Entra ID — contoso.com');
    const log = await s.log();
    expect(log[0]?.headers['x-csrf-token']).to.equal('csrf-GET');
  });

  it("hands a host's fetch plain headers (a wrapper that spreads them keeps them all)", async () => {
    const s = await scenario();
    const client = new BackendClient({
      endpoint: s.endpoint,
      requestHeaders: { 'X-CSRF-Token': 'csrf-1' },
      fetch: (url, init) =>
        fetch(url, { ...init, headers: { ...init?.headers, 'X-Host': 'host' } }),
    });
    await client.create(body, { idempotencyKey: 'key-1' });
    const [post] = await s.log();
    expect(post?.idempotencyKey).to.equal('key-1');
    expect(post?.headers).to.include({
      'content-type': 'application/json',
      'x-csrf-token': 'csrf-1',
      'x-host': 'host',
    });
    expect(await s.items()).to.have.length(1);
  });

  it('takes a headers hook that returns a Headers object or pairs, as fetch would', async () => {
    const s = await scenario({ items: [] });
    for (const headers of [new Headers({ 'X-CSRF-Token': 'h' }), [['X-CSRF-Token', 'p']]]) {
      const client = new BackendClient({
        endpoint: s.endpoint,
        requestHeaders: () => headers as unknown as Record<string, string>,
      });
      await client.list();
    }
    const log = await s.log();
    expect(log.map((r) => r.headers['x-csrf-token'])).to.deep.equal(['h', 'p']);
    expect(log.every((r) => !('append' in r.headers))).to.equal(true);
  });

  it('leaves out a header whose value is undefined or null (never the text "undefined")', async () => {
    const s = await scenario({ items: [] });
    const page: { token?: string } = {}; // no token yet, then one
    const client = new BackendClient({
      endpoint: s.endpoint,
      requestHeaders: () => ({ 'X-CSRF-Token': page.token, 'X-Tenant': null, 'X-Host': 'host' }),
    });
    await client.list();
    page.token = 'csrf-2';
    await client.list();
    const log = await s.log();
    expect(log[0]?.headers).to.include({ 'x-host': 'host' });
    expect(log[0]?.headers).to.not.have.any.keys('x-csrf-token', 'x-tenant');
    expect(log[1]?.headers['x-csrf-token']).to.equal('csrf-2');
  });

  it('refuses a list with an id that is a dot segment (. or ..: its URL would be another)', async () => {
    for (const id of ['.', '..']) {
      const s = await scenario({ items: [integration({ id })] });
      const e = await rejection(new BackendClient({ endpoint: s.endpoint }).list());
      expect(e.code).to.equal('invalid-response');
    }
  });

  it('creates with an Idempotency-Key; the same key never duplicates', async () => {
    const s = await scenario();
    const client = new BackendClient({ endpoint: s.endpoint });
    const keys = new IdempotencyKeys();
    const key = keys.keyFor({ source: 'entra-id', filter: body.filter });
    const a = await client.create(body, { idempotencyKey: key });
    const b = await client.create(body, {
      idempotencyKey: keys.keyFor({ source: 'entra-id', filter: body.filter }),
    });
    expect(a.id).to.equal(b.id);
    expect(await s.items()).to.have.length(1);
    const posts = (await s.log()).filter((r) => r.method === 'POST');
    expect(posts.map((p) => p.idempotencyKey)).to.deep.equal([key, key]);
    expect(keys.keyFor({ source: 'entra-id', filter: '(department=HR)' })).not.to.equal(key);
  });

  it('keeps one create in flight', async () => {
    const s = await scenario({ faults: [{ method: 'POST', delayMs: 300 }] });
    const client = new BackendClient({ endpoint: s.endpoint });
    const first = client.create(body, { idempotencyKey: 'k1' });
    const same = client.create(body, { idempotencyKey: 'k1' });
    const other = await rejection(client.create(body, { idempotencyKey: 'k2' }));
    expect(other.kind).to.equal('busy');
    expect(same).to.equal(first);
    await first;
    expect((await s.log()).filter((r) => r.method === 'POST')).to.have.length(1);
  });

  it('parses problem+json with field errors and the request id header', async () => {
    const s = await scenario({
      faults: [
        {
          method: 'POST',
          problem: {
            status: 400,
            code: 'invalid-filter',
            title: 'Invalid filter',
            detail: 'Unknown field title',
            errors: [{ field: 'filter', code: 'unknown-field', message: 'Unknown field title' }],
          },
        },
      ],
    });
    const client = new BackendClient({ endpoint: s.endpoint });
    const e = await rejection(client.create(body, { idempotencyKey: 'k' }));
    expect(e.kind).to.equal('http');
    expect(e.status).to.equal(400);
    expect(e.code).to.equal('invalid-filter');
    expect(e.fieldErrors[0]?.field).to.equal('filter');
    expect(e.requestId).to.match(/^fx-/);
  });

  it('treats a 2xx HTML page or malformed JSON as a failure', async () => {
    const s = await scenario({
      faults: [
        { method: 'GET', status: 200, raw: '<!doctype html><title>Login</title>' },
        { method: 'GET', status: 200, raw: '{"items": [', contentType: 'application/json' },
        { method: 'GET', status: 200, body: { items: [{ id: 1 }] } },
      ],
    });
    const client = new BackendClient({ endpoint: s.endpoint });
    for (let i = 0; i < 3; i++) {
      const e = await rejection(client.list());
      expect(e.kind).to.equal('http');
      expect(e.code).to.equal('invalid-response');
    }
  });

  it('never takes a 2xx page that is not JSON for a deletion (a sign-in page after a redirect)', async () => {
    const s = await scenario({
      items: [integration()],
      faults: [{ method: 'DELETE', status: 200, raw: '<!doctype html><title>Sign in</title>' }],
    });
    const client = new BackendClient({ endpoint: s.endpoint });
    const e = await rejection(client.remove('int-a'));
    expect(e.code).to.equal('invalid-response');
    expect(await s.items()).to.have.length(1);
    // A 204, or a 2xx with JSON or nothing in it, is a deletion.
    await s.faults([{ method: 'DELETE', status: 200, body: { deleted: true } }]);
    await client.remove('int-a');
    await client.remove('int-a'); // (the fixture's normal 204 this time)
    expect(await s.items()).to.deep.equal([]);
  });

  it('keeps the request id when a 2xx is JSON of the wrong shape', async () => {
    const headers = { 'X-Request-Id': 'rid-shape' };
    const s = await scenario({
      items: [integration()],
      faults: [
        { method: 'GET', status: 200, body: { hello: 'world' }, headers },
        { method: 'POST', status: 201, body: { hello: 'world' }, headers },
        { method: 'PATCH', status: 200, body: { hello: 'world' }, headers },
      ],
    });
    const client = new BackendClient({ endpoint: s.endpoint });
    const calls = [
      client.list(),
      client.create(body, { idempotencyKey: 'k-shape' }),
      client.update('int-a', { filter: null }),
    ];
    for (const call of calls) {
      const e = await rejection(call);
      expect(e.code).to.equal('invalid-response');
      expect(e.requestId).to.equal('rid-shape');
    }
  });

  it('takes a PATCH answered with another integration for a failure, not a save', async () => {
    const s = await scenario({
      items: [integration()],
      faults: [{ method: 'PATCH', status: 200, body: integration({ id: 'int-z' }) }],
    });
    const client = new BackendClient({ endpoint: s.endpoint });
    const e = await rejection(client.update('int-a', { filter: null }));
    expect(e.code).to.equal('invalid-response');
    expect((await client.update('int-a', { filter: null })).id).to.equal('int-a');
  });

  it("puts an item's id before the endpoint's query, not after it", async () => {
    const s = await scenario({ items: [integration()] });
    const client = new BackendClient({ endpoint: `${s.endpoint}?org=7` });
    expect(await client.list()).to.have.length(1);
    await client.update('int-a', { filter: '(department=HR)' });
    await client.remove('int-a');
    const log = await s.log();
    expect(log.map((r) => `${r.method} ${r.path}${r.query}`)).to.deep.equal([
      'GET /integrations?org=7',
      'PATCH /integrations/int-a?org=7',
      'DELETE /integrations/int-a?org=7',
    ]);
  });

  it('reports a dropped connection as network and a slow answer as timeout', async () => {
    // Browsers may silently retry a request whose connection was reset, so the
    // drop is armed for several attempts.
    const dropped = await scenario({ faults: [{ drop: true, times: 50 }] });
    const e = await rejection(new BackendClient({ endpoint: dropped.endpoint }).list());
    expect(e.kind).to.equal('network');
    const slow = await scenario({ faults: [{ method: 'GET', hang: true }] });
    const client = new BackendClient({ endpoint: slow.endpoint, timeout: 300 });
    expect((await rejection(client.list())).kind).to.equal('timeout');
  });

  it('times out a host fetch or headers hook that never answers and ignores the signal', async () => {
    const s = await scenario({ items: [integration()] });
    // A fetch wrapper that drops `init.signal` and never settles (a host's bug).
    const hangingFetch = () => new Promise<Response>(() => {});
    const viaFetch = new BackendClient({ endpoint: s.endpoint, timeout: 300, fetch: hangingFetch });
    expect((await rejection(viaFetch.list())).kind).to.equal('timeout');
    const viaHook = new BackendClient({
      endpoint: s.endpoint,
      timeout: 300,
      requestHeaders: () => new Promise<Record<string, string>>(() => {}),
    });
    expect((await rejection(viaHook.list())).kind).to.equal('timeout');
    // A body that never ends.
    const endless = new BackendClient({
      endpoint: s.endpoint,
      timeout: 300,
      fetch: async () =>
        ({
          ok: true,
          status: 200,
          headers: new Headers({ 'content-type': 'application/json' }),
          text: () => new Promise<string>(() => {}),
        }) as unknown as Response,
    });
    expect((await rejection(endless.list())).kind).to.equal('timeout');
  });

  it('takes timeout: Infinity as no timeout (not one that fires at once) and a URL object as endpoint', async () => {
    const s = await scenario({ items: [integration()] });
    for (const timeout of [Infinity, 2 ** 31, 1e12]) {
      const client = new BackendClient({ endpoint: s.endpoint, timeout });
      expect(await client.list(), String(timeout)).to.have.length(1);
    }
    const url = new URL(s.endpoint, location.href);
    const client = new BackendClient({ endpoint: url as unknown as string });
    expect(await client.list()).to.have.length(1);
  });

  it('honours Retry-After on 429 and retries once', async () => {
    const s = await scenario({
      faults: [{ method: 'GET', times: 1, status: 429, headers: { 'Retry-After': '1' }, body: {} }],
      items: [integration()],
    });
    const client = new BackendClient({ endpoint: s.endpoint });
    const started = Date.now();
    const items = await client.list();
    expect(items).to.have.length(1);
    expect(Date.now() - started).to.be.at.least(900);
    const s2 = await scenario({
      faults: [{ method: 'GET', times: 2, status: 429, headers: { 'Retry-After': '0' }, body: {} }],
    });
    const e = await rejection(new BackendClient({ endpoint: s2.endpoint }).list());
    expect(e.status).to.equal(429);
    expect((await s2.log()).length).to.equal(2);
  });

  it('drops a stale list when a newer one starts, and aborts on abortAll', async () => {
    const s = await scenario({ faults: [{ method: 'GET', delayMs: 400 }] });
    const client = new BackendClient({ endpoint: s.endpoint });
    const stale = client.list();
    const fresh = client.list();
    expect((await rejection(stale)).kind).to.equal('aborted');
    expect(await fresh).to.deep.equal([]);
    await s.faults([{ method: 'DELETE', delayMs: 1000 }]);
    const pending = client.remove('x');
    setTimeout(() => client.abortAll(), 50);
    expect((await rejection(pending)).kind).to.equal('aborted');
  });

  it('updates and removes', async () => {
    const s = await scenario({ items: [integration()] });
    const client = new BackendClient({ endpoint: s.endpoint });
    const updated = await client.update('int-a', { filter: '(department=HR)' });
    expect(updated.filter).to.equal('(department=HR)');
    await client.remove('int-a');
    expect(await s.items()).to.deep.equal([]);
    const e = await rejection(client.remove('int-a'));
    expect(e.status).to.equal(404);
  });

  it('parses Retry-After dates', () => {
    expect(parseRetryAfter('3')).to.equal(3);
    const now = Date.parse('2024-01-01T00:00:00Z');
    expect(parseRetryAfter('Mon, 01 Jan 2024 00:00:05 GMT', now)).to.equal(5);
    expect(parseRetryAfter('soon')).to.equal(undefined);
  });
});
