// Configuration checks of createMsalConsent that need no browser: refused
// authorities never reach MSAL (and never load it).

import { describe, expect, it } from 'vitest';
import { checkAuthority, createMsalConsent } from '../../src/auth/msal-consent.js';
import { ConsentError } from '../../src/auth/types.js';

describe('createMsalConsent configuration', () => {
  it.each([
    'https://login.microsoftonline.com/common',
    'https://login.microsoftonline.com/consumers',
    'https://login.microsoftonline.com/COMMON/',
    'https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad',
    'http://login.microsoftonline.com/organizations',
    'not a url',
  ])('refuses %s with a misconfigured failure, not a throw', async (authority) => {
    const provider = createMsalConsent({ clientId: 'abc', authority });
    expect(provider.ready).toBe(false);
    await expect(provider.prepare()).rejects.toBeInstanceOf(ConsentError);
    await expect(provider.prepare()).rejects.toMatchObject({
      failure: { kind: 'misconfigured', retryable: false },
    });
    await expect(provider.start()).rejects.toMatchObject({ failure: { kind: 'misconfigured' } });
  });

  it('refuses an authority that msalConfig tries to sneak in', async () => {
    const provider = createMsalConsent({
      clientId: 'abc',
      msalConfig: { auth: { authority: 'https://login.microsoftonline.com/common' } },
    });
    await expect(provider.start()).rejects.toMatchObject({
      failure: { kind: 'misconfigured', code: 'consumer_authority' },
    });
  });

  it('requires a client id', async () => {
    await expect(createMsalConsent({ clientId: '' }).prepare()).rejects.toMatchObject({
      failure: { kind: 'misconfigured', code: 'missing_client_id' },
    });
  });

  it('accepts organizations, a tenant id and a loopback OIDC issuer', () => {
    expect(checkAuthority('https://login.microsoftonline.com/organizations')).toBeUndefined();
    expect(
      checkAuthority('https://login.microsoftonline.com/7c1f2b7e-3d7a-4a55-9a8e-2f4f1c9b6e01'),
    ).toBeUndefined();
    expect(checkAuthority('https://localhost:8443')).toBeUndefined();
  });

  it('cancel() without a pending sign-in is harmless', () => {
    const provider = createMsalConsent({ clientId: 'abc' });
    expect(() => provider.cancel()).not.toThrow();
    expect(provider.pending).toBe(false);
    expect(provider.getAccessToken()).toBeUndefined();
  });
});
