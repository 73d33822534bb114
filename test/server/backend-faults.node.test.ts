import { beforeEach, describe, expect, it } from 'vitest';
import type { Integration, IntegrationList } from '../../src/backend/types.js';
import { parseFaultHeader } from '../../demo/server/backend/index.js';
import {
  createBody,
  expectProblem,
  newKey,
  post,
  startTestBackend,
  useTestBackend,
} from './backend-helpers.js';

const backend = useTestBackend({ faults: true, seed: true });

const fault = (spec: string) => ({ 'X-Ucx-Fault': spec });
const items = async (): Promise<Integration[]> =>
  ((await (await fetch(backend.be.endpoint)).json()) as IntegrationList).items;

async function queue(next: unknown[]): Promise<Response> {
  return fetch(`${backend.be.url}/__faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ next }),
  });
}

describe('fault header parsing', () => {
  it('parses kinds and parameters', () => {
    expect(parseFaultHeader('server-error; status=503')).toEqual({
      kind: 'server-error',
      status: 503,
    });
    expect(parseFaultHeader('latency=250')).toEqual({ latencyMs: 250 });
    expect(parseFaultHeader('drop, when=after, latency=10')).toEqual({
      kind: 'drop',
      when: 'after',
      latencyMs: 10,
    });
    expect(parseFaultHeader('rate-limit; retry-after=7')).toEqual({
      kind: 'rate-limit',
      retryAfter: 7,
    });
    expect(() => parseFaultHeader('explode')).toThrow(/unknown fault kind/);
    expect(() => parseFaultHeader('server-error; status=404')).toThrow(/status/);
    expect(() => parseFaultHeader('')).toThrow();
  });
});

describe('reference backend: fault injection', () => {
  beforeEach(async () => {
    await fetch(`${backend.be.url}/__faults`, { method: 'DELETE' });
  });

  it('latency delays the request, then handles it normally', async () => {
    const t0 = performance.now();
    const res = await fetch(backend.be.endpoint, { headers: fault('latency=300') });
    expect(performance.now() - t0).toBeGreaterThanOrEqual(280);
    expect(res.status).toBe(200);
    expect(((await res.json()) as IntegrationList).items.length).toBeGreaterThan(0);
  });

  it('a slow create cancelled by the client never runs; the retry creates exactly one', async () => {
    const body = await createBody(backend.idp, {}, { tid: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' });
    const key = newKey();
    const before = (await items()).length;
    const ctl = new AbortController();
    const cancelled = fetch(backend.be.endpoint, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Idempotency-Key': key,
        ...fault('latency=400'),
      },
      body: JSON.stringify(body),
      signal: ctl.signal,
    });
    setTimeout(() => ctl.abort(), 50);
    await expect(cancelled).rejects.toThrow(/abort/i);
    await new Promise((r) => setTimeout(r, 600));
    expect((await items()).length).toBe(before);

    const retry = await post(backend.be.endpoint, body, { 'Idempotency-Key': key });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    const again = await post(backend.be.endpoint, body, { 'Idempotency-Key': key });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await items()).length).toBe(before + 1);
  });

  it('server-error answers 5xx problem+json with the request id, and creates nothing', async () => {
    const before = (await items()).length;
    const res = await post(
      backend.be.endpoint,
      await createBody(backend.idp),
      fault('server-error; status=503'),
    );
    const p = await expectProblem(res, 503, 'server-error');
    expect(p.detail).toContain(p.requestId);
    expect((await items()).length).toBe(before);
    await expectProblem(
      await fetch(backend.be.endpoint, { headers: fault('server-error') }),
      500,
      'server-error',
    );
  });

  it('malformed-html answers 200 with an HTML page', async () => {
    const res = await fetch(backend.be.endpoint, { headers: fault('malformed-html') });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('x-request-id')).toBeTruthy();
    const text = await res.text();
    expect(text).toMatch(/^<!DOCTYPE html>/);
    expect(() => JSON.parse(text) as unknown).toThrow();
  });

  it('malformed-json answers 2xx application/json that does not parse', async () => {
    const res = await fetch(backend.be.endpoint, { headers: fault('malformed-json; when=after') });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    const text = await res.text();
    expect(text.startsWith('{"items":[')).toBe(true);
    expect(() => JSON.parse(text) as unknown).toThrow();

    const created = await post(
      backend.be.endpoint,
      await createBody(backend.idp),
      fault('malformed-json'),
    );
    expect(created.status).toBe(201);
    await expect(created.json()).rejects.toThrow();
  });

  it('drop destroys the connection without an answer', async () => {
    await expect(fetch(backend.be.endpoint, { headers: fault('drop') })).rejects.toThrow(
      /fetch failed/,
    );
    expect((await fetch(backend.be.endpoint)).status).toBe(200);
  });

  it('drop after the create: the retry with the same key returns the first result, one integration', async () => {
    const body = await createBody(
      backend.idp,
      { filter: '(location=Milan)' },
      { tid: 'f0e1d2c3-b4a5-4968-8776-655443322110' },
    );
    const key = newKey();
    const before = (await items()).length;
    await expect(
      post(backend.be.endpoint, body, { 'Idempotency-Key': key, ...fault('drop; when=after') }),
    ).rejects.toThrow(/fetch failed/);
    const afterDrop = await items();
    expect(afterDrop.length).toBe(before + 1); // the create did happen
    const retry = await post(backend.be.endpoint, body, { 'Idempotency-Key': key });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const created = (await retry.json()) as Integration;
    expect(afterDrop.some((i) => i.id === created.id)).toBe(true);
    expect((await items()).length).toBe(before + 1);
  });

  it('rate-limit answers 429 with Retry-After', async () => {
    const res = await fetch(backend.be.endpoint, { headers: fault('rate-limit; retry-after=3') });
    expect(res.headers.get('retry-after')).toBe('3');
    await expectProblem(res, 429, 'rate-limited');
    const dflt = await fetch(backend.be.endpoint, { headers: fault('rate-limit') });
    expect(dflt.headers.get('retry-after')).toBe('1');
    await expectProblem(dflt, 429, 'rate-limited');
  });

  it('too-large answers 413', async () => {
    await expectProblem(
      await post(backend.be.endpoint, await createBody(backend.idp), fault('too-large')),
      413,
      'payload-too-large',
    );
  });

  it('an invalid fault header is a 400 naming the header', async () => {
    const p = await expectProblem(
      await fetch(backend.be.endpoint, { headers: fault('meltdown') }),
      400,
      'validation-failed',
    );
    expect(p.errors?.[0]?.field).toBe('X-Ucx-Fault');
  });

  it('queued faults apply in order to the next matching requests', async () => {
    const res = await queue([
      { kind: 'server-error', status: 502, method: 'POST' },
      { kind: 'rate-limit', retryAfter: 2 },
      { latencyMs: 100 },
    ]);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { pending: unknown[] }).pending).toHaveLength(3);

    // GET skips the POST-only entry and takes the rate limit.
    const first = await fetch(backend.be.endpoint);
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('2');
    const t0 = performance.now();
    expect((await fetch(backend.be.endpoint)).status).toBe(200);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(90);
    // The POST one is still waiting.
    const pending = (await (await fetch(`${backend.be.url}/__faults`)).json()) as {
      pending: unknown[];
    };
    expect(pending.pending).toEqual([{ kind: 'server-error', status: 502, method: 'POST' }]);
    await expectProblem(
      await post(backend.be.endpoint, await createBody(backend.idp)),
      502,
      'server-error',
    );
    expect((await fetch(backend.be.endpoint)).status).toBe(200);
  });

  it('control endpoint rejects bad specs and can be cleared', async () => {
    await expectProblem(await queue([{ kind: 'nope' }]), 400, 'validation-failed');
    await expectProblem(await queue([{ latencyMs: -1 }]), 400, 'validation-failed');
    await queue([{ kind: 'drop' }]);
    expect((await fetch(`${backend.be.url}/__faults`, { method: 'DELETE' })).status).toBe(204);
    expect((await fetch(backend.be.endpoint)).status).toBe(200);
  });

  it('is off by default: the header is ignored and /__faults does not exist', async () => {
    const plain = await startTestBackend(backend.idp, { seed: true });
    try {
      expect((await fetch(plain.endpoint, { headers: fault('server-error') })).status).toBe(200);
      expect((await fetch(plain.endpoint, { headers: fault('drop') })).status).toBe(200);
      await expectProblem(
        await queue([]).then(() => fetch(`${plain.url}/__faults`)),
        404,
        'no-route',
      );
    } finally {
      await plain.dispose();
    }
  });
});
