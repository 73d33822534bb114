// The reference backend answers in Italian when the request prefers it (italian.ts): every
// problem an admin can meet, driven for real, comes back with its title and detail translated
// (not the English text, and the expected Italian), field errors included,, and with the same status and code as in
// English. The 415 / invalid JSON / 404 and the list's texts are in backend-crud.node.test.ts.
import { describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import {
  CLIENT_ID,
  OTHER_TENANT,
  TENANT,
  createBody,
  expectProblem,
  issuerFor,
  newKey,
  post,
  useTestBackend,
  type ProblemJson,
} from './backend-helpers.js';

const backend = useTestBackend({ seed: false, faults: false, maxBodyBytes: 4096 });

interface Case {
  name: string;
  status: number;
  code: string;
  /** Sends the failing request with these headers (the language). */
  send(headers: Record<string, string>): Promise<Response>;
  title: string;
  detail: RegExp;
  /** The problem's first field error, where it has one. */
  fieldError?: RegExp;
}

/** A key already used for one body: a second body under it is refused. */
let usedKey: string | undefined;

const cases: Case[] = [
  {
    name: 'Idempotency-Key reused for another body',
    status: 422,
    code: 'idempotency-key-reused',
    async send(headers) {
      if (!usedKey) {
        usedKey = newKey();
        const first = await post(backend.be.endpoint, await createBody(backend.idp), {
          'Idempotency-Key': usedKey,
        });
        expect(first.status).toBe(201);
      }
      const other = await createBody(backend.idp, { filter: '(department=Marketing)' });
      return post(backend.be.endpoint, other, { ...headers, 'Idempotency-Key': usedKey });
    },
    title: 'Idempotency-Key già usata',
    detail:
      /^Questa Idempotency-Key è già stata usata per una richiesta diversa\. Usane una nuova\.$/,
    fieldError: /^Questa chiave è già stata usata per un corpo di richiesta diverso\.$/,
  },
  {
    name: 'request body too large',
    status: 413,
    code: 'payload-too-large',
    send: async (headers) =>
      post(
        backend.be.endpoint,
        { ...(await createBody(backend.idp)), filter: `(department=${'x'.repeat(8000)})` },
        headers,
      ),
    title: 'Richiesta troppo grande',
    detail:
      /^Il corpo della richiesta supera (4096 byte|la dimensione accettata da questo server)\.$/,
  },
  {
    name: 'a data source this backend does not create',
    status: 400,
    code: 'validation-failed',
    send: async (headers) =>
      post(
        backend.be.endpoint,
        await createBody(backend.idp, { source: 'okta' as 'entra-id' }),
        headers,
      ),
    title: 'Origine dati non supportata',
    detail: /^Questo backend non può creare integrazioni “okta”\.$/,
    fieldError: /^È supportato solo “entra-id”\.$/,
  },
  {
    name: 'a method the collection does not allow',
    status: 405,
    code: 'method-not-allowed',
    send: (headers) => fetch(backend.be.endpoint, { method: 'PUT', headers }),
    title: 'Metodo non consentito',
    detail: /^PUT non è supportato qui\. Consentiti: .+\.$/,
  },
  {
    name: 'a tenant other than the one that consented',
    status: 403,
    code: 'consent-invalid',
    send: async (headers) => {
      const body = await createBody(backend.idp);
      body.consent.tenantId = OTHER_TENANT;
      return post(backend.be.endpoint, body, headers);
    },
    title: 'Consenso non accettato',
    detail: /^Il tenant della richiesta è diverso da quello che ha dato il consenso\.$/,
  },
  {
    name: 'a token signed with a key the identity provider does not publish',
    status: 401,
    code: 'consent-invalid',
    send: async (headers) => {
      const body = await createBody(backend.idp);
      body.consent.idToken = await backend.idp.sign(
        {},
        { key: backend.idp.attackerKey, kid: 'evil' },
      );
      return post(backend.be.endpoint, body, headers);
    },
    title: 'Impossibile verificare il consenso',
    detail: /^Il token ID è firmato con una chiave che il provider di identità non pubblica\.$/,
  },
  {
    name: 'a token signed with an algorithm the backend does not accept (HS256)',
    status: 401,
    code: 'consent-invalid',
    send: async (headers) => {
      const body = await createBody(backend.idp);
      const now = Math.floor(Date.now() / 1000);
      body.consent.idToken = await new SignJWT({
        iss: issuerFor(TENANT),
        aud: CLIENT_ID,
        tid: TENANT,
        iat: now,
        exp: now + 3600,
      })
        .setProtectedHeader({ alg: 'HS256', kid: 'test-key-1' })
        .sign(new TextEncoder().encode('a shared secret anyone could have'));
      return post(backend.be.endpoint, body, headers);
    },
    title: 'Impossibile verificare il consenso',
    detail: /^Il token ID usa un algoritmo non accettato\.$/,
  },
  {
    name: 'a token without its iat claim',
    status: 401,
    code: 'consent-invalid',
    send: async (headers) =>
      post(backend.be.endpoint, await createBody(backend.idp, {}, { iat: undefined }), headers),
    title: 'Impossibile verificare il consenso',
    detail: /^L’attestazione “iat” del token ID non è valida\.$/,
  },
];

describe('reference backend: its problems in Italian', () => {
  for (const c of cases) {
    it(`translates: ${c.name}`, async () => {
      const english: ProblemJson = await expectProblem(
        await c.send({ 'Accept-Language': 'en' }),
        c.status,
        c.code,
      );
      const italian: ProblemJson = await expectProblem(
        await c.send({ 'Accept-Language': 'it-IT,it;q=0.9,en;q=0.5' }),
        c.status,
        c.code,
      );
      expect(italian.title).toBe(c.title);
      expect(italian.detail).toMatch(c.detail);
      expect(italian.title).not.toBe(english.title);
      expect(italian.detail).not.toBe(english.detail);
      if (c.fieldError) {
        expect(italian.errors?.[0]?.message).toMatch(c.fieldError);
        expect(italian.errors?.[0]?.field).toBe(english.errors?.[0]?.field);
      }
    });
  }
});
