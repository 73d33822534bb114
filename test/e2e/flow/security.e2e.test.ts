// The backend behind the demo refuses what it must (ID tokens checked,
// nothing logged), at the HTTP level against the running one-origin stack, with
// real tokens from the mounted identity provider.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT, decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair } from 'jose';
import type { APIRequestContext, Browser, BrowserContext } from 'playwright-core';
import { CONTOSO_TENANT_ID } from '../../../demo/server/idp/index.js';
import { LOCAL_CLIENT_ID } from '../../../demo/server/dev/config.js';
import { launchChromium } from '../support/browser.js';
import { startTestStack, type TestStack } from '../support/demo-stack.js';

let t: TestStack;
let browser: Browser;
let context: BrowserContext;
let api: APIRequestContext;
let tokens: { idToken: string; accessToken: string };

const b64url = (b: Buffer) => b.toString('base64url');

/** A real authorization-code + PKCE round trip against /idp (auto-approved as the admin). */
async function obtainTokens(): Promise<{ idToken: string; accessToken: string }> {
  const { origin, idp } = t.stack;
  idp!.setBehaviour({ autoApproveAs: 'admin@contoso.example' });
  const verifier = b64url(randomBytes(32));
  const challenge = b64url(createHash('sha256').update(verifier).digest());
  const redirectUri = `${origin}/redirect.html`;
  const page = await context.newPage();
  // The redirect that carries the code (route() doesn't see redirected requests; events do).
  const landing = page.waitForRequest((r) => new URL(r.url()).pathname === '/redirect.html', {
    timeout: 15_000,
  });
  const auth = new URL(`${origin}/idp/auth`);
  auth.search = new URLSearchParams({
    client_id: LOCAL_CLIENT_ID,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'openid profile https://graph.microsoft.com/.default',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: 'state-1',
    nonce: 'nonce-1',
    prompt: 'consent',
  }).toString();
  await page.goto(auth.href);
  const landed = (await landing).url();
  await page.close();
  idp!.setBehaviour({ autoApproveAs: null });
  const code = new URL(landed).searchParams.get('code');
  if (!code) throw new Error('no authorization code');
  const res = await api.post(`${origin}/idp/token`, {
    form: {
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      client_id: LOCAL_CLIENT_ID,
      code_verifier: verifier,
    },
    headers: { Origin: origin },
  });
  if (res.status() !== 200) throw new Error(`token endpoint answered ${res.status()}`);
  const json = (await res.json()) as { id_token: string; access_token: string };
  return { idToken: json.id_token, accessToken: json.access_token };
}

function body(idToken: string, tenantId = CONTOSO_TENANT_ID) {
  return {
    source: 'entra-id',
    authorized: true,
    filter: '(department=Sales)',
    consent: {
      tenantId,
      clientId: LOCAL_CLIENT_ID,
      username: 'admin@contoso.example',
      name: 'Ada Admin',
      idToken,
      scopes: ['https://graph.microsoft.com/.default'],
      consentedAt: new Date().toISOString(),
    },
  };
}

async function create(idToken: string, tenantId?: string) {
  const res = await api.post(`${t.stack.origin}/api/user-sync/integrations`, {
    data: body(idToken, tenantId),
    headers: { 'Idempotency-Key': randomUUID(), 'Content-Type': 'application/json' },
  });
  const json = (await res.json().catch(() => null)) as {
    code?: string;
    id?: string;
    errors?: { field: string }[];
  } | null;
  return { status: res.status(), json };
}

beforeAll(async () => {
  [t, browser] = await Promise.all([startTestStack(), launchChromium()]);
  context = await browser.newContext({ ignoreHTTPSErrors: true });
  api = context.request;
  tokens = await obtainTokens();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await t?.close();
});

describe('the backend refuses', () => {
  it('accepts the genuine ID token (control)', async () => {
    expect(decodeJwt(tokens.idToken)).toMatchObject({
      aud: LOCAL_CLIENT_ID,
      tid: CONTOSO_TENANT_ID,
    });
    const { status, json } = await create(tokens.idToken);
    expect(status).toBe(201);
    t.stack.backend.store.delete(json!.id!);
  });

  it('a forged token: claims changed under the provider’s signature', async () => {
    const [h, p, s] = tokens.idToken.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
    claims['preferred_username'] = 'mallory@contoso.example';
    const tampered = `${h}.${b64url(Buffer.from(JSON.stringify(claims)))}.${s}`;
    const { status, json } = await create(tampered);
    expect(status).toBe(401);
    expect(json?.code).toBe('consent-invalid');
  });

  it('a forged token: signed by another key with the provider’s key id', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    await exportJWK(publicKey);
    const { kid } = decodeProtectedHeader(tokens.idToken);
    const claims = decodeJwt(tokens.idToken);
    const forged = await new SignJWT({ ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: kid ?? 'x' })
      .sign(privateKey);
    const { status, json } = await create(forged);
    expect(status).toBe(401);
    expect(json?.code).toBe('consent-invalid');
  });

  it('a genuine token for another audience (the Graph access token)', async () => {
    expect(decodeJwt(tokens.accessToken).aud).toBe('https://graph.microsoft.com');
    const { status, json } = await create(tokens.accessToken);
    expect(status).toBe(401);
    expect(json?.code).toBe('consent-invalid');
  });

  it('a body tenant that differs from the token’s tid', async () => {
    const { status, json } = await create(tokens.idToken, '11111111-2222-3333-4444-555555555555');
    expect(status).toBe(403);
    expect(json?.code).toBe('consent-invalid');
    expect(json?.errors?.[0]?.field).toBe('consent.tenantId');
  });

  it('created nothing for any refused request', () => {
    expect(t.stack.backend.store.list().filter((i) => i.tenantId === CONTOSO_TENANT_ID)).toEqual(
      [],
    );
  });

  it('the Graph stand-in under /graph takes the access token, and only a valid one', async () => {
    const url = `${t.stack.origin}/graph/v1.0/users?$top=1`;
    const ok = await api.get(url, { headers: { Authorization: `Bearer ${tokens.accessToken}` } });
    expect(ok.status()).toBe(200);
    expect(((await ok.json()) as { value: unknown[] }).value).toHaveLength(1);
    const refused = await api.get(url, { headers: { Authorization: `Bearer ${tokens.idToken}` } });
    expect(refused.status()).toBe(401);
  });

  it('serves the API only on the one origin (other host names are redirected or refused)', async () => {
    const res = await api.post(`https://127.0.0.1:${t.stack.port}/api/user-sync/integrations`, {
      data: body(tokens.idToken),
      headers: { 'Idempotency-Key': randomUUID() },
      maxRedirects: 0,
    });
    expect(res.status()).toBe(421);
  });
});
