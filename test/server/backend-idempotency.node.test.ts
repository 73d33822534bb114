import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Integration, IntegrationList } from '../../src/backend/types.js';
import {
  OTHER_TENANT,
  createBody,
  createTestIdp,
  expectProblem,
  newKey,
  post,
  startTestBackend,
  type TestBackend,
  type TestIdp,
} from './backend-helpers.js';

let idp: TestIdp;
let be: TestBackend;

beforeAll(async () => {
  idp = await createTestIdp();
});
afterEach(async () => {
  await be.dispose();
});
afterAll(async () => {
  await idp.close();
});

async function items(): Promise<Integration[]> {
  return ((await (await fetch(be.endpoint)).json()) as IntegrationList).items;
}

describe('reference backend: Idempotency-Key', () => {
  it('returns the first result for a repeated key and never creates twice', async () => {
    be = await startTestBackend(idp);
    const body = await createBody(idp);
    const key = newKey();
    const first = await post(be.endpoint, body, { 'Idempotency-Key': key });
    expect(first.status).toBe(201);
    const firstText = await first.text();
    expect(first.headers.get('idempotent-replayed')).toBeNull();

    const second = await post(be.endpoint, body, { 'Idempotency-Key': key });
    expect(second.status).toBe(201);
    expect(await second.text()).toBe(firstText);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
    expect(second.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
    expect(await items()).toHaveLength(1);
  });

  it('treats a semantically equal body (other key order) as the same request', async () => {
    be = await startTestBackend(idp);
    const body = await createBody(idp);
    const key = newKey();
    const a = await post(be.endpoint, body, { 'Idempotency-Key': key });
    const reordered = {
      consent: body.consent,
      filter: body.filter,
      authorized: true,
      source: body.source,
    };
    const b = await post(be.endpoint, reordered, { 'Idempotency-Key': key });
    expect(b.status).toBe(201);
    expect(await b.json()).toEqual(await a.json());
  });

  it('refuses the same key with a different body (422 idempotency-key-reused)', async () => {
    be = await startTestBackend(idp);
    const key = newKey();
    const a = await post(be.endpoint, await createBody(idp), { 'Idempotency-Key': key });
    expect(a.status).toBe(201);
    const other = await createBody(idp, { filter: '(department=Marketing)' });
    const p = await expectProblem(
      await post(be.endpoint, other, { 'Idempotency-Key': key }),
      422,
      'idempotency-key-reused',
    );
    expect(p.errors?.[0]?.field).toBe('Idempotency-Key');
    expect(await items()).toHaveLength(1);
  });

  it('creates exactly one integration from 20 concurrent POSTs with one key', async () => {
    be = await startTestBackend(idp, { firstSyncDelayMs: 1000 });
    const body = await createBody(idp);
    const key = newKey();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => post(be.endpoint, body, { 'Idempotency-Key': key })),
    );
    const texts = await Promise.all(responses.map((r) => r.text()));
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(new Set(texts).size).toBe(1);
    expect(responses.filter((r) => r.headers.get('idempotent-replayed') === null)).toHaveLength(1);
    const all = await items();
    expect(all).toHaveLength(1);
    expect(all[0]?.id).toBe((JSON.parse(texts[0] ?? '{}') as Integration).id);
  });

  it('concurrent POSTs with one key but different bodies: one wins, the others get 422', async () => {
    be = await startTestBackend(idp);
    const key = newKey();
    const bodies = await Promise.all(
      ['(department=A)', '(department=B)', '(department=C)'].map((filter) =>
        createBody(idp, { filter }),
      ),
    );
    const responses = await Promise.all(
      bodies.map((b) => post(be.endpoint, b, { 'Idempotency-Key': key })),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 422, 422]);
    expect(await items()).toHaveLength(1);
  });

  it('concurrent POSTs for one tenant with different keys: one 201, the rest 409 already-exists', async () => {
    be = await startTestBackend(idp);
    const body = await createBody(idp);
    const responses = await Promise.all(Array.from({ length: 10 }, () => post(be.endpoint, body)));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(9);
    const conflict = responses.find((r) => r.status === 409);
    if (conflict) await expectProblem(conflict, 409, 'already-exists');
    expect(await items()).toHaveLength(1);
  });

  it('does not remember failures: a retry with the same key runs again', async () => {
    be = await startTestBackend(idp);
    const key = newKey();
    const bad = await createBody(idp, { filter: '(nope=1)' });
    await expectProblem(
      await post(be.endpoint, bad, { 'Idempotency-Key': key }),
      400,
      'invalid-filter',
    );
    // Same key, same (bad) body again: evaluated again, same answer.
    await expectProblem(
      await post(be.endpoint, bad, { 'Idempotency-Key': key }),
      400,
      'invalid-filter',
    );
    // A failed key can then carry the corrected request.
    const good = await createBody(idp);
    const ok = await post(be.endpoint, good, { 'Idempotency-Key': key });
    expect(ok.status).toBe(201);
  });

  it('remembers keys across a restart', async () => {
    be = await startTestBackend(idp);
    const body = await createBody(idp, {}, { tid: OTHER_TENANT });
    const key = newKey();
    const first = (await (
      await post(be.endpoint, body, { 'Idempotency-Key': key })
    ).json()) as Integration;
    be = await be.restart();
    const again = await post(be.endpoint, body, { 'Idempotency-Key': key });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(((await again.json()) as Integration).id).toBe(first.id);
    expect(await items()).toHaveLength(1);
  });
});
