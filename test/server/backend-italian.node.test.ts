// The reference backend answers in Italian when the request prefers it (italian.ts): every
// problem an admin can meet, driven for real, comes back with its title and detail translated
// (not the English text, and the expected Italian), field errors included,, and with the same status and code as in
// English. The 415 / invalid JSON / 404 and the list's texts are in backend-crud.node.test.ts.
import { describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { FILTER_MESSAGES } from '../../src/filter/index.js';
import { VENDOR_WEBEX_ID } from '../../demo/server/backend/index.js';
import { inItalian } from '../../demo/server/backend/italian.js';
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
/** With the demo's rows, the vendor's Webex integration among them. */
const seeded = useTestBackend({ seed: true, faults: false });

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
    name: 'deleting the integration the vendor manages',
    status: 423,
    code: 'vendor-managed-lock',
    send: (headers) =>
      fetch(`${seeded.be.endpoint}/${VENDOR_WEBEX_ID}`, { method: 'DELETE', headers }),
    title: 'Gestita dal fornitore',
    detail: /^Questa integrazione è gestita da Imagicle Support: qui non si può eliminare\.$/,
  },
  {
    name: 'an unknown field in the filter',
    status: 400,
    code: 'invalid-filter',
    send: async (headers) =>
      post(backend.be.endpoint, await createBody(backend.idp, { filter: '(dept=Sales)' }), headers),
    title: 'Filtri LDAP non validi',
    detail: /^campo sconosciuto 'dept': intendevi department\?$/,
    fieldError: /^campo sconosciuto 'dept': intendevi department\?$/,
  },
  {
    name: 'a condition without = (its field named twice in the message)',
    status: 400,
    code: 'invalid-filter',
    send: async (headers) =>
      post(
        backend.be.endpoint,
        await createBody(backend.idp, { filter: '(&(location=NYC)(department))' }),
        headers,
      ),
    title: 'Filtri LDAP non validi',
    detail: /^'department' non ha =: scrivi \(department=valore\)$/,
  },
  {
    name: 'the authorization switch off and no consent (two field errors)',
    status: 400,
    code: 'validation-failed',
    send: async (headers) => {
      const { consent: _, ...body } = await createBody(backend.idp, {
        authorized: false as true,
      });
      return post(backend.be.endpoint, body, headers);
    },
    title: 'Richiesta non valida',
    detail:
      /^(“authorized” deve essere true\. “consent” è obbligatorio\.|“consent” è obbligatorio\. “authorized” deve essere true\.)$/,
    fieldError: /^(“authorized” deve essere true|“consent” è obbligatorio)\.$/,
  },
  {
    name: 'no Idempotency-Key',
    status: 400,
    code: 'validation-failed',
    send: async (headers) =>
      fetch(backend.be.endpoint, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify(await createBody(backend.idp)),
      }),
    title: 'Richiesta non valida',
    detail: /^L’intestazione Idempotency-Key è obbligatoria\.$/,
    fieldError: /^L’intestazione Idempotency-Key è obbligatoria\.$/,
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

describe('reference backend: every filter engine message in Italian', () => {
  // Each code's English sentence, as the engine writes it with these params, comes back
  // in Italian with the same params in it (the engine's messages are read back by template).
  const params: Record<string, string> = {
    position: '14',
    max: '32',
    length: '9000',
    text: '(department=Sales)',
    field: 'dept',
    suggestion: 'department',
    fields: 'email, department, officeLocation, location, phoneNumber',
    char: 'U+00A0',
    word: 'and',
    option: 'lang-en',
  };
  for (const [code, template] of Object.entries(FILTER_MESSAGES)) {
    it(code, () => {
      const english = template.replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');
      const { detail } = inItalian({ detail: english }) as { detail: string };
      expect(detail).not.toBe(english);
      for (const name of template.match(/\{\w+\}/g) ?? []) {
        expect(detail).toContain(params[name.slice(1, -1)]);
      }
    });
  }
});

describe('reference backend: translated answers keep their headers', () => {
  // The translation writes a new response: the request id (which the element shows, "quote
  // it to support") and CORS's headers are set on the way out and must be on it.
  const cross = useTestBackend({
    seed: true,
    faults: false,
    corsOrigins: ['https://console.test'],
  });
  for (const [name, server, origin] of [
    ['without CORS', () => backend, undefined],
    ['with CORS', () => cross, 'https://console.test'],
  ] as const) {
    it(`X-Request-Id${origin ? ' and Access-Control-Allow-Origin' : ''}, on a list and on a create (${name})`, async () => {
      const { be, idp } = server();
      const headers: Record<string, string> = {
        'Accept-Language': 'it',
        ...(origin ? { Origin: origin } : {}),
      };
      const listed = await fetch(be.endpoint, { headers });
      const created = await post(
        be.endpoint,
        await createBody(idp, {}, { tid: OTHER_TENANT }),
        headers,
      );
      expect(created.status).toBe(201);
      for (const res of [listed, created]) {
        expect(res.headers.get('content-language')).toBe('it');
        expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
        if (origin) expect(res.headers.get('access-control-allow-origin')).toBe(origin);
      }
      expect(created.headers.get('location')).toBeTruthy();
    });
  }
});
