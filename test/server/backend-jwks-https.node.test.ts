import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import {
  createBody,
  createTestIdp,
  expectProblem,
  post,
  startTestBackend,
  type TestIdp,
} from './backend-helpers.js';

// The local identity provider serves its JWKS over HTTPS with a certificate made at
// start-up; `jwksCa` lets the backend trust exactly that certificate.
let idp: TestIdp;
let server: Server;
let jwksUrl: string;
let cert: string;

beforeAll(async () => {
  idp = await createTestIdp();
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 7, ip: '127.0.0.1' },
          { type: 2, value: 'localhost' },
        ],
      },
    ],
  });
  cert = pems.cert;
  server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(idp.jwks));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  jwksUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await idp.close();
});

describe('reference backend: JWKS over HTTPS with a local certificate', () => {
  it('verifies tokens when the certificate is trusted through jwksCa', async () => {
    const be = await startTestBackend(idp, { jwksUrl, jwksCa: cert });
    try {
      expect((await post(be.endpoint, await createBody(idp))).status).toBe(201);
    } finally {
      await be.dispose();
    }
  });

  it('fails closed (503, nothing created) when the certificate is not trusted', async () => {
    const be = await startTestBackend(idp, { jwksUrl });
    try {
      await expectProblem(await post(be.endpoint, await createBody(idp)), 503, 'server-error');
      const list = (await (await fetch(be.endpoint)).json()) as { items: unknown[] };
      expect(list.items).toEqual([]);
    } finally {
      await be.dispose();
    }
  });
});
