// Shared set-up for the reference backend's Node tests: a real identity-provider key
// pair with its JWKS served over loopback HTTP, ID tokens signed like Entra's, and
// a backend started on an ephemeral port with a temporary data folder.
import { afterAll, beforeAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, exportJWK, generateKeyPair, type JSONWebKeySet, type JWTPayload } from 'jose';
import {
  startBackend,
  type RunningBackend,
  type StartBackendOptions,
} from '../../demo/server/backend/index.js';
import { loadContractSchemas, type SchemaName } from '../../demo/server/backend/schema.js';
import type { CreateIntegration } from '../../src/backend/types.js';

export const CLIENT_ID = '0f7a3c2e-1b4d-4e6f-8a9b-c0d1e2f3a4b5';
export const ISSUER_TEMPLATE = 'https://login.test.example/{tenantid}/v2.0';
export const TENANT = '2d6c8e0a-4b1f-4c3d-9e5a-7f8b9c0d1e2f';
export const OTHER_TENANT = 'aa11bb22-cc33-4d44-8e55-ff6677889900';
export const CONSUMER_TENANT = '9188040d-6c67-4c5b-b112-36a304b66dad';

export const issuerFor = (tid: string) => ISSUER_TEMPLATE.replace('{tenantid}', tid);

type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

export interface TestIdp {
  jwks: JSONWebKeySet;
  jwksUrl: string;
  /** Signs an ID token with the published key (claims override the defaults). */
  sign(claims?: JWTPayload, options?: { key?: PrivateKey; kid?: string }): Promise<string>;
  /** A key pair the provider never published (for forged tokens). */
  attackerKey: PrivateKey;
  close(): Promise<void>;
}

export async function createTestIdp(): Promise<TestIdp> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const attacker = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key-1', alg: 'RS256', use: 'sig' };
  const jwks: JSONWebKeySet = { keys: [jwk] };
  const server: Server = createServer((req, res) => {
    if (req.url === '/discovery/keys') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(jwks));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    jwks,
    jwksUrl: `http://127.0.0.1:${port}/discovery/keys`,
    attackerKey: attacker.privateKey,
    async sign(claims = {}, options = {}) {
      const tid = typeof claims['tid'] === 'string' ? claims['tid'] : TENANT;
      const now = Math.floor(Date.now() / 1000);
      const payload: JWTPayload = {
        iss: issuerFor(tid),
        aud: CLIENT_ID,
        sub: 'subject-1',
        oid: '11111111-2222-4333-8444-555555555555',
        tid,
        preferred_username: 'megan.bowen@contoso.example',
        name: 'Megan Bowen',
        iat: now,
        nbf: now,
        exp: now + 3600,
        ...claims,
      };
      return new SignJWT(payload)
        .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'test-key-1', typ: 'JWT' })
        .sign(options.key ?? privateKey);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export interface TestBackend extends RunningBackend {
  dataDir: string;
  /** Restarts on the same data folder; returns the new instance. */
  restart(overrides?: Partial<StartBackendOptions>): Promise<TestBackend>;
  /** Stops and removes the data folder. */
  dispose(): Promise<void>;
}

export async function startTestBackend(
  idp: TestIdp,
  overrides: Partial<StartBackendOptions> = {},
  dataDir = mkdtempSync(join(tmpdir(), 'ucx-backend-')),
): Promise<TestBackend> {
  const options: StartBackendOptions = {
    host: '127.0.0.1',
    port: 0,
    dataDir,
    clientId: CLIENT_ID,
    issuer: ISSUER_TEMPLATE,
    jwksUrl: idp.jwksUrl,
    seed: false,
    firstSyncDelayMs: 0,
    ...overrides,
  };
  const running = await startBackend(options);
  const self: TestBackend = {
    ...running,
    dataDir,
    async restart(more = {}) {
      await running.close();
      return startTestBackend(idp, { ...overrides, ...more }, dataDir);
    },
    async dispose() {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return self;
}

/**
 * One IdP and one backend for the whole file: started before its tests, stopped (and
 * the data folder removed) after them. Read `idp` and `be` inside tests and hooks.
 */
export function useTestBackend(overrides: Partial<StartBackendOptions> = {}): {
  readonly idp: TestIdp;
  readonly be: TestBackend;
} {
  let idp: TestIdp | undefined;
  let be: TestBackend | undefined;
  beforeAll(async () => {
    idp = await createTestIdp();
    be = await startTestBackend(idp, overrides);
  });
  afterAll(async () => {
    await be?.dispose();
    await idp?.close();
  });
  return {
    get idp() {
      if (!idp) throw new Error('useTestBackend: the IdP is only there inside tests');
      return idp;
    },
    get be() {
      if (!be) throw new Error('useTestBackend: the backend is only there inside tests');
      return be;
    },
  };
}

export async function createBody(
  idp: TestIdp,
  overrides: Partial<CreateIntegration> = {},
  claims: JWTPayload = {},
): Promise<CreateIntegration> {
  const tid = typeof claims['tid'] === 'string' ? claims['tid'] : TENANT;
  return {
    source: 'entra-id',
    authorized: true,
    filter: '(department=Sales)',
    consent: {
      tenantId: tid,
      clientId: CLIENT_ID,
      username: 'megan.bowen@contoso.example',
      name: 'Megan Bowen',
      idToken: await idp.sign(claims),
      scopes: ['https://graph.microsoft.com/.default'],
      consentedAt: new Date().toISOString(),
    },
    ...overrides,
  };
}

let keyCounter = 0;
export const newKey = () => `test-key-${process.pid}-${Date.now()}-${++keyCounter}`;

export function post(
  endpoint: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': newKey(), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export function patch(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(url, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Throws with the schema errors when `value` does not match the openapi.yaml schema. */
export function assertSchema(name: SchemaName, value: unknown): void {
  const errors = loadContractSchemas().check(name, value);
  if (errors.length > 0) {
    throw new Error(`response does not match ${name}: ${JSON.stringify(errors)}`);
  }
}

export interface ProblemJson {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  requestId: string;
  errors?: { field: string; code: string; message: string; offset?: number; length?: number }[];
}

/** Checks the common shape of a problem response and returns its body. */
export async function expectProblem(
  res: Response,
  status: number,
  code: string,
): Promise<ProblemJson> {
  const text = await res.text();
  if (res.status !== status) {
    throw new Error(`expected ${status} ${code}, got ${res.status}: ${text}`);
  }
  if (res.headers.get('content-type') !== 'application/problem+json') {
    throw new Error(`problem content type expected, got ${res.headers.get('content-type')}`);
  }
  const body = JSON.parse(text) as ProblemJson;
  assertSchema('Problem', body);
  if (body.code !== code) throw new Error(`expected code ${code}, got ${body.code}: ${text}`);
  if (body.status !== status) throw new Error(`status in body ${body.status} ≠ ${status}`);
  const rid = res.headers.get('x-request-id');
  if (!rid || body.requestId !== rid) {
    throw new Error(`requestId ${body.requestId} does not match X-Request-Id ${rid}`);
  }
  return body;
}
