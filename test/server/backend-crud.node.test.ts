import { describe, expect, it } from 'vitest';
import type { Integration, IntegrationList } from '../../src/backend/types.js';
import {
  assertSchema,
  createBody,
  expectProblem,
  patch,
  post,
  useTestBackend,
} from './backend-helpers.js';

const backend = useTestBackend({ seed: true, faults: false });

async function list(): Promise<Integration[]> {
  const res = await fetch(backend.be.endpoint);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(res.headers.get('x-request-id')).toBeTruthy();
  const body = (await res.json()) as IntegrationList;
  assertSchema('IntegrationList', body);
  return body.items;
}

describe('reference backend: list, create, patch, delete', () => {
  it('lists the seeded integrations sorted by createdAt', async () => {
    const items = await list();
    expect(items).toHaveLength(3);
    const sorted = [...items].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    expect(items.map((i) => i.id)).toEqual(sorted.map((i) => i.id));
    const webex = items.find((i) => i.source === 'webex');
    expect(webex).toMatchObject({ managedBy: 'vendor', status: 'disabled' });
    const failing = items.find((i) => i.status === 'error');
    expect(failing?.statusMessage).toMatch(/consent/i);
    expect(items.filter((i) => i.source === 'entra-id' && i.filter !== null)).toHaveLength(2);
  });

  it('creates an integration (201, Location, canonical filter, tenant from the token)', async () => {
    const body = await createBody(backend.idp, {
      filter: '(&(DEPARTMENT=Sales)  (location=NYC) )',
    });
    const res = await post(backend.be.endpoint, body);
    expect(res.status).toBe(201);
    const created = (await res.json()) as Integration;
    assertSchema('Integration', created);
    expect(created).toMatchObject({
      source: 'entra-id',
      displayName: 'Entra ID — contoso.example',
      tenantId: body.consent.tenantId,
      filter: '(&(department=Sales)(location=NYC))',
      status: 'active',
      managedBy: 'customer',
    });
    expect(created.createdAt).toBe(created.updatedAt);
    expect(res.headers.get('location')).toBe(`${backend.be.backend.basePath}/${created.id}`);
    const items = await list();
    expect(items.at(-1)?.id).toBe(created.id);
  });

  it('patches the filter of a customer-managed integration, storing it canonically', async () => {
    const items = await list();
    const target = items.find((i) => i.status === 'error');
    if (!target) throw new Error('seeded error integration missing');
    const res = await patch(`${backend.be.endpoint}/${target.id}`, {
      filter: '(|\n  (department=Marketing)\n  (EMAIL=*@fabrikam.com)\n  (phonenumber=+39\\2a)\n)',
    });
    expect(res.status).toBe(200);
    const updated = (await res.json()) as Integration;
    assertSchema('Integration', updated);
    expect(updated.filter).toBe(
      '(|(department=Marketing)(email=*@fabrikam.com)(phoneNumber=+39\\2a))',
    );
    expect(updated.updatedAt > target.updatedAt).toBe(true);
    expect(updated.createdAt).toBe(target.createdAt);
    const again = (await list()).find((i) => i.id === target.id);
    expect(again?.filter).toBe(updated.filter);
  });

  it('patches a filter to null (all users); blank text counts as null', async () => {
    const target = (await list()).find((i) => i.status === 'error');
    const res = await patch(`${backend.be.endpoint}/${target?.id}`, { filter: '  \n ' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Integration).filter).toBeNull();
  });

  it('deletes an integration (204) and then answers 404 for it', async () => {
    const target = (await list()).find((i) => i.status === 'error');
    const res = await fetch(`${backend.be.endpoint}/${target?.id}`, { method: 'DELETE' });
    expect(res.status).toBe(204);
    expect(res.headers.get('x-request-id')).toBeTruthy();
    expect(await res.text()).toBe('');
    expect((await list()).some((i) => i.id === target?.id)).toBe(false);
    await expectProblem(
      await fetch(`${backend.be.endpoint}/${target?.id}`, { method: 'DELETE' }),
      404,
      'not-found',
    );
    await expectProblem(
      await patch(`${backend.be.endpoint}/${target?.id}`, { filter: null }),
      404,
      'not-found',
    );
  });

  it('answers 404 problems for unknown paths and 405 for unknown methods', async () => {
    const nf = await expectProblem(await fetch(`${backend.be.url}/nope`), 404, 'no-route');
    expect(nf.type).toBe('urn:ucx-user-sync:problem:no-route');
    const res = await fetch(backend.be.endpoint, { method: 'PUT' });
    await expectProblem(res, 405, 'method-not-allowed');
    expect(res.headers.get('allow')).toBe('GET, POST');
  });

  it('echoes a well-formed incoming X-Request-Id and replaces a bad one', async () => {
    const mine = 'trace-0123456789abcdef';
    const a = await fetch(backend.be.endpoint, { headers: { 'X-Request-Id': mine } });
    expect(a.headers.get('x-request-id')).toBe(mine);
    const b = await fetch(backend.be.endpoint, { headers: { 'X-Request-Id': 'bad id<>' } });
    expect(b.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('reference backend: request validation', () => {
  it('reports every schema violation as a field error (400 validation-failed)', async () => {
    const good = await createBody(backend.idp, { filter: null });
    const bad = {
      ...good,
      authorized: false,
      extra: 1,
      consent: { ...good.consent, tenantId: 'not-a-uuid', idToken: 42 },
    };
    const p = await expectProblem(await post(backend.be.endpoint, bad), 400, 'validation-failed');
    const fields = (p.errors ?? []).map((e) => `${e.field}:${e.code}`).sort();
    expect(fields).toEqual(
      [
        'authorized:invalid-value',
        'consent.idToken:type',
        'consent.tenantId:format',
        'extra:unknown-field',
      ].sort(),
    );
    for (const e of p.errors ?? []) expect(e.message.length).toBeGreaterThan(5);
  });

  it('requires the whole body and the Idempotency-Key header', async () => {
    const res = await fetch(backend.be.endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    const p = await expectProblem(res, 400, 'validation-failed');
    const fields = (p.errors ?? []).map((e) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining(['Idempotency-Key', 'source', 'authorized', 'filter', 'consent']),
    );
  });

  it('rejects a malformed Idempotency-Key', async () => {
    const body = await createBody(backend.idp);
    const p = await expectProblem(
      await post(backend.be.endpoint, body, { 'Idempotency-Key': 'has spaces in it' }),
      400,
      'validation-failed',
    );
    expect(p.errors?.[0]).toMatchObject({ field: 'Idempotency-Key', code: 'format' });
  });

  it('rejects a body that is not JSON (400 invalid-json) or not declared as JSON (415)', async () => {
    await expectProblem(await post(backend.be.endpoint, '{"source":'), 400, 'invalid-json');
    const res = await fetch(backend.be.endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', 'Idempotency-Key': 'k-415' },
      body: '{}',
    });
    await expectProblem(res, 415, 'unsupported-media-type');
  });

  it('rejects a body over the size limit with 413', async () => {
    const body = await createBody(backend.idp, { filter: `(department=${'x'.repeat(70_000)})` });
    await expectProblem(await post(backend.be.endpoint, body), 413, 'payload-too-large');
  });

  it('rejects an unsupported source', async () => {
    const body = await createBody(backend.idp, { source: 'okta' });
    const p = await expectProblem(await post(backend.be.endpoint, body), 400, 'validation-failed');
    expect(p.errors?.[0]).toMatchObject({ field: 'source', code: 'unsupported-source' });
  });

  it('re-validates the filter with the shared engine (400 invalid-filter, engine code and place)', async () => {
    const body = await createBody(backend.idp, { filter: '(&(department=Sales)(dept=NYC))' });
    const res = await post(backend.be.endpoint, body);
    const p = await expectProblem(res, 400, 'invalid-filter');
    expect(p.title).toBe('Invalid LDAP filters');
    expect(p.errors).toHaveLength(1);
    expect(p.errors?.[0]).toMatchObject({ field: 'filter', code: 'unknown-field', offset: 21 });
    expect(p.detail).toBe(p.errors?.[0]?.message);
  });

  it.each([
    ['(department>=5)', 'unsupported-greater-or-equal'],
    ['(department=a**b)', 'empty-substring-part'],
    ['(department=Sales', 'unclosed-paren'],
    ['department=Sales', 'missing-parentheses'],
    ['(department=\\zz)', 'invalid-escape'],
  ])('invalid filter %s → %s', async (filter, code) => {
    const body = await createBody(backend.idp, { filter });
    const p = await expectProblem(await post(backend.be.endpoint, body), 400, 'invalid-filter');
    expect(p.errors?.[0]?.field).toBe('filter');
    expect(p.errors?.[0]?.code).toBe(code);
  });

  it('validates PATCH bodies too', async () => {
    const target = (await fetch(backend.be.endpoint).then((r) => r.json())) as IntegrationList;
    const id = target.items.find((i) => i.managedBy === 'customer')?.id;
    const a = await expectProblem(
      await patch(`${backend.be.endpoint}/${id}`, { filter: 1, status: 'active' }),
      400,
      'validation-failed',
    );
    expect((a.errors ?? []).map((e) => e.field).sort()).toEqual(['filter', 'status']);
    const b = await expectProblem(
      await patch(`${backend.be.endpoint}/${id}`, { filter: '(location~=NYC)' }),
      400,
      'invalid-filter',
    );
    expect(b.errors?.[0]?.code).toBe('unsupported-approx');
  });

  it('answers its status messages and problem texts in Italian when Accept-Language prefers it', async () => {
    const italian = { 'Accept-Language': 'it' };
    const items = (
      (await fetch(backend.be.endpoint, { headers: italian }).then((r) =>
        r.json(),
      )) as IntegrationList
    ).items;
    const messages = items.map((i) => i.statusMessage);
    expect(messages).toContain('Ultima sincronizzazione completata: 248 utenti.');
    expect(messages).toContain('Spenta. Questa integrazione è gestita da Imagicle Support.');
    // English stays English; the stored text is not changed by an Italian read.
    const english = (
      (await fetch(backend.be.endpoint, { headers: { 'Accept-Language': 'en-GB,it;q=0.8' } }).then(
        (r) => r.json(),
      )) as IntegrationList
    ).items;
    expect(english.map((i) => i.statusMessage)).toContain(
      'Last synchronization completed: 248 users.',
    );
    // A problem's title and detail too (application/problem+json).
    const res = await fetch(`${backend.be.endpoint}/no-such-id`, {
      method: 'DELETE',
      headers: italian,
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await res.json()).toMatchObject({
      code: 'not-found',
      title: 'Integrazione non trovata',
      detail: 'Nessuna integrazione ha questo id. Potrebbe essere stata eliminata nel frattempo.',
    });
  });

  it('answers the request problems a client can cause in Italian too', async () => {
    const italian = { 'Accept-Language': 'it' };
    const asText = await post(backend.be.endpoint, '{}', {
      ...italian,
      'Content-Type': 'text/plain',
    });
    expect(await expectProblem(asText, 415, 'unsupported-media-type')).toMatchObject({
      title: 'Tipo di contenuto non supportato',
      detail: 'Invia il corpo come application/json.',
    });
    const broken = await post(backend.be.endpoint, 'x{', italian);
    expect(await expectProblem(broken, 400, 'invalid-json')).toMatchObject({
      title: 'JSON non valido',
      detail: 'Il corpo della richiesta non è un JSON valido.',
    });
    const nowhere = await fetch(new URL('/nowhere', backend.be.endpoint), { headers: italian });
    expect(await expectProblem(nowhere, 404, 'no-route')).toMatchObject({
      title: 'Non trovato',
      detail: 'Nessuna risorsa a /nowhere.',
    });
  });
});
