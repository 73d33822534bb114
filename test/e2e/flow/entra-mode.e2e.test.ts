// UCX_CLIENT_ID / UCX_AUTHORITY / UCX_REDIRECT_URI switch the demo to a real
// Microsoft Entra tenant: no local provider in the configuration, the CSP allows
// Microsoft's sign-in and Graph, and the local provider is not served.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIRequestContext } from 'playwright-core';
import { request } from 'playwright-core';
import { startTestStack, type TestStack } from '../support/demo-stack.js';

const CLIENT_ID = '00000000-1111-2222-3333-444444444444';
let t: TestStack;
let api: APIRequestContext;

beforeAll(async () => {
  t = await startTestStack({
    env: {
      UCX_CLIENT_ID: CLIENT_ID,
      UCX_AUTHORITY: 'https://login.microsoftonline.com/organizations',
      UCX_REDIRECT_URI: 'https://localhost:8443/redirect.html',
    },
  });
  api = await request.newContext({ ignoreHTTPSErrors: true });
});

afterAll(async () => {
  await api?.dispose();
  await t?.close();
});

describe('Entra mode', () => {
  it('configures the element for the real tenant', async () => {
    const config = (await (await api.get(`${t.stack.origin}/demo/config.json`)).json()) as Record<
      string,
      unknown
    >;
    expect(config).toMatchObject({
      clientId: CLIENT_ID,
      authority: 'https://login.microsoftonline.com/organizations',
      redirectUri: 'https://localhost:8443/redirect.html',
      endpoint: `${t.stack.origin}/api/user-sync/integrations`,
      graphBaseUrl: 'https://graph.microsoft.com/v1.0',
    });
    expect(config['msalConfig']).toBeUndefined();
    expect(t.stack.idp).toBeUndefined();
  });

  it('lets the page reach Microsoft (and only that) and serves no local provider', async () => {
    const page = await api.get(t.stack.url);
    const csp = page.headers()['content-security-policy'] ?? '';
    expect(csp).toMatch(
      /connect-src 'self' https:\/\/login\.microsoftonline\.com https:\/\/graph\.microsoft\.com;/,
    );
    const idp = await api.get(`${t.stack.origin}/idp/.well-known/openid-configuration`);
    expect(idp.status()).toBe(404);
    const list = await api.get(`${t.stack.origin}/api/user-sync/integrations`);
    expect(list.status()).toBe(200);
  });
});
