// The local identity provider on its own: HTTPS with the generated certificate
// (trusted here through its PEM, SAN localhost + 127.0.0.1), discovery, JWKS,
// and user-visible text escaped on its pages.

import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIdentityProvider, type IdentityProvider } from '../../../demo/server/idp/index.js';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let idp: IdentityProvider;
const cookies = new Map<string, string>();

function get(url: string, servername = 'localhost'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const req = request(
      {
        host: '127.0.0.1',
        port: u.port,
        path: u.pathname + u.search,
        // For an IP, no SNI: node checks the certificate against `host` (the SAN IP).
        ...(servername === '127.0.0.1' ? {} : { servername }),
        ca: idp.certificate,
        headers: {
          host: u.host,
          cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        },
      },
      (res) => {
        for (const c of res.headers['set-cookie'] ?? []) {
          const [pair] = c.split(';');
          const [k, ...v] = (pair ?? '').split('=');
          if (k) cookies.set(k, v.join('='));
        }
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  idp = await startIdentityProvider({
    clients: [
      {
        clientId: 'client-1',
        name: '<img src=x onerror=alert(1)> & "Co"',
        redirectUris: ['http://127.0.0.1:9/redirect.html'],
      },
    ],
  });
});

afterAll(async () => {
  await idp?.close();
});

describe('local identity provider', () => {
  it('serves discovery and JWKS over HTTPS with a certificate valid for localhost', async () => {
    const discovery = await get(`${idp.issuer}/.well-known/openid-configuration`);
    expect(discovery.status).toBe(200);
    const meta = JSON.parse(discovery.body) as Record<string, unknown>;
    expect(meta['issuer']).toBe(idp.issuer);
    expect(meta['jwks_uri']).toBe(idp.jwksUri);
    expect(meta['code_challenge_methods_supported']).toEqual(['S256']);
    expect(idp.authorityHost).toBe(`localhost:${idp.port}`);
    const jwks = JSON.parse((await get(idp.jwksUri)).body) as {
      keys: { kid: string; d?: string }[];
    };
    expect(jwks.keys.map((k) => k.kid)).toEqual(idp.jwks.keys.map((k) => k.kid));
    expect(jwks.keys.every((k) => k.d === undefined)).toBe(true);
    // The same certificate is valid for 127.0.0.1 (SAN IP).
    await expect(get(`${idp.issuer}/jwks`, '127.0.0.1')).resolves.toMatchObject({ status: 200 });
  });

  it('renders its sign-in page with request and client text escaped', async () => {
    const params = new URLSearchParams({
      client_id: 'client-1',
      redirect_uri: 'http://127.0.0.1:9/redirect.html',
      response_type: 'code',
      scope: 'openid profile https://graph.microsoft.com/.default',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
      state: 's',
      nonce: 'n',
      prompt: 'consent',
    });
    const auth = await get(`${idp.issuer}/auth?${params}`);
    expect([302, 303]).toContain(auth.status);
    const location = String(auth.headers['location']);
    expect(location).toMatch(/^\/interaction\//);
    const page = await get(new URL(location, idp.issuer).href);
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Co&quot;');
    expect(page.body).not.toContain('<img src=x');
    expect(page.body).toContain('id="username"');
  });

  it('answers the next authorization like Entra when switched', async () => {
    idp.setBehaviour({ nextError: 'AADSTS90094' });
    const params = new URLSearchParams({
      client_id: 'client-1',
      redirect_uri: 'http://127.0.0.1:9/redirect.html',
      response_type: 'code',
      response_mode: 'fragment',
      scope: 'openid',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
      state: 'st',
      nonce: 'n',
    });
    const auth = await get(`${idp.issuer}/auth?${params}`);
    const interaction = await get(new URL(String(auth.headers['location']), idp.issuer).href);
    const resume = await get(new URL(String(interaction.headers['location']), idp.issuer).href);
    const back = new URL(String(resume.headers['location']));
    expect(back.origin + back.pathname).toBe('http://127.0.0.1:9/redirect.html');
    const answer = new URLSearchParams(back.hash.slice(1));
    expect(answer.get('error')).toBe('access_denied');
    expect(answer.get('error_description')).toMatch(/^AADSTS90094: /);
    expect(answer.get('state')).toBe('st');
    expect(idp.behaviour.nextError).toBeNull();
  });
});
