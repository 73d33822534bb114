import { describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import type { Integration, IntegrationList } from '../../src/backend/types.js';
import {
  CONSUMER_TENANT,
  OTHER_TENANT,
  TENANT,
  createBody,
  expectProblem,
  issuerFor,
  post,
  startTestBackend,
  useTestBackend,
} from './backend-helpers.js';

const backend = useTestBackend();

async function count(): Promise<number> {
  const body = (await (await fetch(backend.be.endpoint)).json()) as IntegrationList;
  return body.items.length;
}

describe('reference backend: ID token verification', () => {
  it('accepts a valid token (JWKS fetched over HTTP) and takes the tenant from tid', async () => {
    const body = await createBody(backend.idp, { filter: null }, { tid: OTHER_TENANT });
    const res = await post(backend.be.endpoint, body);
    expect(res.status).toBe(201);
    const created = (await res.json()) as Integration;
    expect(created.tenantId).toBe(OTHER_TENANT);
    expect(created.displayName).toBe('Entra ID — contoso.example');
  });

  it('refuses a forged signature (key the provider never published) with 401', async () => {
    const body = await createBody(backend.idp);
    body.consent.idToken = await backend.idp.sign({}, { key: backend.idp.attackerKey });
    const before = await count();
    const p = await expectProblem(await post(backend.be.endpoint, body), 401, 'consent-invalid');
    expect(p.detail).toMatch(/signature/i);
    expect(p.errors?.[0]?.field).toBe('consent.idToken');
    expect(await count()).toBe(before);
  });

  it('refuses a forged token signed with an unknown kid', async () => {
    const body = await createBody(backend.idp);
    body.consent.idToken = await backend.idp.sign(
      {},
      { key: backend.idp.attackerKey, kid: 'evil' },
    );
    await expectProblem(await post(backend.be.endpoint, body), 401, 'consent-invalid');
  });

  it('refuses a token whose payload was tampered with', async () => {
    const body = await createBody(backend.idp);
    const [h, , s] = body.consent.idToken.split('.');
    const claims = { ...decodeJwt(body.consent.idToken), tid: OTHER_TENANT };
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    body.consent.idToken = `${h}.${payload}.${s}`;
    body.consent.tenantId = OTHER_TENANT;
    await expectProblem(await post(backend.be.endpoint, body), 401, 'consent-invalid');
  });

  it('refuses a token for another audience with 401', async () => {
    const body = await createBody(backend.idp, {}, { aud: 'another-app-client-id' });
    const p = await expectProblem(await post(backend.be.endpoint, body), 401, 'consent-invalid');
    expect(p.detail).toMatch(/another application/);
  });

  it('refuses a token from an untrusted issuer with 401', async () => {
    const body = await createBody(backend.idp, {}, { iss: 'https://evil.example/v2.0' });
    const p = await expectProblem(await post(backend.be.endpoint, body), 401, 'consent-invalid');
    expect(p.detail).toMatch(/identity provider/);
  });

  it("refuses an issuer of another tenant than the token's tid", async () => {
    const body = await createBody(backend.idp, {}, { iss: issuerFor(OTHER_TENANT) });
    await expectProblem(await post(backend.be.endpoint, body), 401, 'consent-invalid');
  });

  it('refuses an expired token with 401', async () => {
    const now = Math.floor(Date.now() / 1000);
    const body = await createBody(
      backend.idp,
      {},
      { iat: now - 7200, nbf: now - 7200, exp: now - 3600 },
    );
    const p = await expectProblem(await post(backend.be.endpoint, body), 401, 'consent-invalid');
    expect(p.detail).toMatch(/expired/);
  });

  it('refuses a token without tid and a garbage token', async () => {
    const body = await createBody(backend.idp, {}, { tid: undefined });
    await expectProblem(await post(backend.be.endpoint, body), 401, 'consent-invalid');
    const garbage = await createBody(backend.idp);
    garbage.consent.idToken = 'eyJhbGciOiJub25lIn0.eyJ0aWQiOiJ4In0.';
    await expectProblem(await post(backend.be.endpoint, garbage), 401, 'consent-invalid');
  });

  it('refuses a body whose tenant differs from tid (403)', async () => {
    const body = await createBody(backend.idp);
    body.consent.tenantId = OTHER_TENANT;
    const p = await expectProblem(await post(backend.be.endpoint, body), 403, 'consent-invalid');
    expect(p.errors?.[0]?.field).toBe('consent.tenantId');
  });

  it('refuses the consumer tenant (personal Microsoft accounts) with 403', async () => {
    const body = await createBody(backend.idp, {}, { tid: CONSUMER_TENANT });
    const p = await expectProblem(await post(backend.be.endpoint, body), 403, 'consent-invalid');
    expect(p.detail).toMatch(/Personal Microsoft accounts/);
  });

  it('refuses consent given to another client id (403)', async () => {
    const body = await createBody(backend.idp);
    body.consent.clientId = 'someone-else';
    const p = await expectProblem(await post(backend.be.endpoint, body), 403, 'consent-invalid');
    expect(p.errors?.[0]?.field).toBe('consent.clientId');
  });
});

describe('reference backend: token problems in Italian', () => {
  // The failure window shows the backend's detail: a console in Italian gets it in Italian.
  const now = Math.floor(Date.now() / 1000);
  const cases: [string, () => ReturnType<typeof createBody>, number, string][] = [
    [
      'expired',
      () => createBody(backend.idp, {}, { iat: now - 7200, nbf: now - 7200, exp: now - 3600 }),
      401,
      'Il token ID è scaduto: accedi di nuovo.',
    ],
    [
      'for another audience',
      () => createBody(backend.idp, {}, { aud: 'another-app' }),
      401,
      'Il token ID è stato emesso per un’altra applicazione (audience).',
    ],
    [
      'not valid yet',
      () => createBody(backend.idp, {}, { nbf: now + 3600 }),
      401,
      'Il token ID non è ancora valido.',
    ],
    [
      'forged',
      async () => {
        const body = await createBody(backend.idp);
        body.consent.idToken = await backend.idp.sign({}, { key: backend.idp.attackerKey });
        return body;
      },
      401,
      'La firma del token ID non è valida.',
    ],
    [
      'garbage',
      async () => {
        const body = await createBody(backend.idp);
        body.consent.idToken = 'aaa.bbb.ccc';
        return body;
      },
      401,
      'Il token ID non è valido o non è stato possibile verificarlo.',
    ],
    [
      'without tid',
      () => createBody(backend.idp, {}, { tid: undefined }),
      401,
      'Il token ID non indica alcun tenant (attestazione tid).',
    ],
    [
      'from an untrusted issuer',
      () => createBody(backend.idp, {}, { iss: 'https://evil.example/v2.0' }),
      401,
      'Il token ID è stato emesso da un provider di identità di cui questo backend non si fida.',
    ],
    [
      'of a personal account',
      () => createBody(backend.idp, {}, { tid: CONSUMER_TENANT }),
      403,
      'Non si possono usare account Microsoft personali: accedi con un account aziendale o scolastico dell’organizzazione.',
    ],
  ];
  for (const [what, body, status, detail] of cases) {
    it(`a token ${what}: title and detail in Italian`, async () => {
      const res = await post(backend.be.endpoint, await body(), { 'Accept-Language': 'it' });
      const p = await expectProblem(res, status, 'consent-invalid');
      expect(p.title).toBe(
        status === 401 ? 'Impossibile verificare il consenso' : 'Consenso non accettato',
      );
      expect(p.detail).toBe(detail);
    });
  }
});

describe('reference backend: token options and app-only confirmation', () => {
  it('accepts an inline JWKS, a fixed issuer, and refuses when confirmAppAccess says no', async () => {
    const checked: string[] = [];
    const other = await startTestBackend(backend.idp, {
      jwksUrl: undefined,
      jwks: backend.idp.jwks,
      issuer: [issuerFor(TENANT)],
      confirmAppAccess: async ({ tenantId }) => {
        checked.push(tenantId);
        return tenantId === TENANT
          ? { ok: false, detail: 'Admin consent for the organization was not granted.' }
          : { ok: true };
      },
    });
    try {
      const refused = await post(other.endpoint, await createBody(backend.idp));
      const p = await expectProblem(refused, 403, 'consent-invalid');
      expect(p.detail).toMatch(/not granted/);
      expect(checked).toEqual([TENANT]);
      const list = (await (await fetch(other.endpoint)).json()) as IntegrationList;
      expect(list.items).toEqual([]);
      // A fixed issuer list: another tenant's issuer is not in it.
      const body = await createBody(backend.idp, {}, { tid: OTHER_TENANT });
      await expectProblem(await post(other.endpoint, body), 401, 'consent-invalid');
    } finally {
      await other.dispose();
    }
  });

  it('answers 503 (not consent-invalid) when the JWKS cannot be fetched', async () => {
    const other = await startTestBackend(backend.idp, { jwksUrl: 'http://127.0.0.1:9/keys' });
    try {
      await expectProblem(
        await post(other.endpoint, await createBody(backend.idp)),
        503,
        'server-error',
      );
    } finally {
      await other.dispose();
    }
  });

  it('starts pending and becomes active after the simulated first sync', async () => {
    const other = await startTestBackend(backend.idp, { firstSyncDelayMs: 150 });
    try {
      const res = await post(other.endpoint, await createBody(backend.idp));
      const created = (await res.json()) as Integration;
      expect(created.status).toBe('pending');
      expect(created.statusMessage).toMatch(/first synchronization/i);
      await new Promise((r) => setTimeout(r, 250));
      const list = (await (await fetch(other.endpoint)).json()) as IntegrationList;
      const now = list.items.find((i) => i.id === created.id);
      expect(now).toMatchObject({ status: 'active' });
      expect(now?.userCount).toBeGreaterThan(0);
      expect(now?.lastSyncAt).toBeDefined();
    } finally {
      await other.dispose();
    }
  });

  it('a countUsers hook that throws or gives no count falls back, and the list keeps working', async () => {
    for (const countUsers of [
      () => {
        throw new Error('directory unavailable');
      },
      () => NaN,
      () => -1,
    ]) {
      const other = await startTestBackend(backend.idp, { firstSyncDelayMs: 20, countUsers });
      try {
        const created = (await (
          await post(other.endpoint, await createBody(backend.idp))
        ).json()) as Integration;
        await new Promise((r) => setTimeout(r, 60));
        const list = await fetch(other.endpoint);
        expect(list.status).toBe(200);
        const row = ((await list.json()) as IntegrationList).items.find((i) => i.id === created.id);
        expect(row?.status).toBe('active');
        expect(Number.isSafeInteger(row?.userCount) && (row?.userCount ?? -1) >= 0).toBe(true);
      } finally {
        await other.dispose();
      }
    }
  });

  it('counts users with countUsers when given (the demo: the Graph stand-in, as Preview does)', async () => {
    const seen: (string | null)[] = [];
    const countUsers = (filter: string | null) => {
      seen.push(filter);
      return filter === '(department=Marketing)' ? 42 : 713;
    };
    const other = await startTestBackend(backend.idp, { firstSyncDelayMs: 50, countUsers });
    try {
      const res = await post(other.endpoint, await createBody(backend.idp));
      const created = (await res.json()) as Integration;
      const listed = async () =>
        ((await (await fetch(other.endpoint)).json()) as IntegrationList).items.find(
          (i) => i.id === created.id,
        );
      await new Promise((r) => setTimeout(r, 120));
      const active = await listed();
      expect(active).toMatchObject({ status: 'active', userCount: 713 });
      expect(seen).toEqual([created.filter]);
      expect(active?.statusMessage).toContain(`${active?.userCount} users`);
      // A new filter on an active integration: synchronized again, counted again.
      const patched = await fetch(`${other.endpoint}/${created.id}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ filter: '(department=Marketing)' }),
      });
      expect(patched.status).toBe(200);
      expect(await patched.json()).toMatchObject({
        userCount: 42,
        statusMessage: 'Synchronized with the new filters: 42 users.',
      });
      expect(seen.at(-1)).toBe('(department=Marketing)');
    } finally {
      await other.dispose();
    }
  });
});
