// toConsentFailure against real MSAL 5 error classes, one row per MSAL failure
// the element explains (src/auth/consent-errors.ts).

import { describe, expect, it } from 'vitest';
import {
  AuthError,
  BrowserAuthError,
  ClientAuthError,
  ClientConfigurationError,
  InteractionRequiredAuthError,
  ServerError,
} from '@azure/msal-browser';
import { toConsentError, toConsentFailure } from '../../src/auth/consent-errors.js';
import { ConsentError, consentFailureOf } from '../../src/auth/types.js';

const server = (code: string, description: string, sub?: string) =>
  new ServerError(code, 'corr-id', description, sub);

describe('toConsentFailure', () => {
  it.each([
    [
      'popup blocked',
      new BrowserAuthError('popup_window_error', 'c'),
      'popup-blocked',
      'popup_window_error',
      true,
    ],
    [
      'popup blocked (empty window)',
      new BrowserAuthError('empty_window_error', 'c'),
      'popup-blocked',
      'empty_window_error',
      true,
    ],
    [
      'closed popup, MSAL 4 / legacy polling',
      new BrowserAuthError('user_cancelled', 'c'),
      'cancelled',
      'user_cancelled',
      true,
    ],
    [
      'closed popup, MSAL 5 bridge timeout',
      new BrowserAuthError('timed_out', 'c', 'redirect_bridge_timeout'),
      'timed-out',
      'timed_out redirect_bridge_timeout',
      true,
    ],
    [
      'second click',
      new BrowserAuthError('interaction_in_progress', 'c'),
      'in-progress',
      'interaction_in_progress',
      true,
    ],
    [
      'overridden interaction',
      new BrowserAuthError('interaction_in_progress_cancelled', 'c'),
      'cancelled',
      'interaction_in_progress_cancelled',
      true,
    ],
    [
      'declined consent',
      server(
        'access_denied',
        'AADSTS65004: User declined to consent to access the app.\r\nTrace ID: x',
      ),
      'declined',
      'access_denied AADSTS65004',
      true,
    ],
    [
      'admin approval required',
      server('access_denied', 'AADSTS90094: The grant requires admin permission.'),
      'admin-approval-required',
      'access_denied AADSTS90094',
      true,
    ],
    [
      'personal or guest account',
      server(
        'invalid_request',
        "AADSTS50020: User account from identity provider 'live.com' does not exist",
      ),
      'wrong-account',
      'invalid_request AADSTS50020',
      true,
    ],
    [
      'app not multi-tenant',
      server(
        'invalid_request',
        'AADSTS50194: Application is not configured as a multi-tenant application.',
      ),
      'app-unavailable',
      'invalid_request AADSTS50194',
      false,
    ],
    [
      'app not in tenant',
      server('unauthorized_client', 'AADSTS700016: Application with identifier was not found'),
      'app-unavailable',
      'unauthorized_client AADSTS700016',
      false,
    ],
    [
      'redirect URI not registered',
      server('invalid_request', 'AADSTS50011: The redirect URI does not match'),
      'misconfigured',
      'invalid_request AADSTS50011',
      false,
    ],
    [
      'redirect URI not SPA',
      server(
        'invalid_request',
        'AADSTS9002326: Cross-origin token redemption is permitted only for SPA',
      ),
      'misconfigured',
      'invalid_request AADSTS9002326',
      false,
    ],
    [
      'conditional access',
      server(
        'access_denied',
        'AADSTS53003: Access has been blocked by Conditional Access policies.',
      ),
      'policy-blocked',
      'access_denied AADSTS53003',
      true,
    ],
    [
      'MFA required',
      new InteractionRequiredAuthError(
        'interaction_required',
        'c',
        'AADSTS50076: Due to a configuration change',
      ),
      'policy-blocked',
      'interaction_required AADSTS50076',
      true,
    ],
    [
      'offline',
      new BrowserAuthError('no_network_connectivity', 'c'),
      'offline',
      'no_network_connectivity',
      true,
    ],
    [
      'offline (fetch failed)',
      new ClientAuthError('network_error', 'c'),
      'offline',
      'network_error',
      true,
    ],
    [
      'insecure authority',
      new ClientConfigurationError('authority_uri_insecure', 'c'),
      'misconfigured',
      'authority_uri_insecure',
      false,
    ],
    [
      'untrusted authority',
      new ClientConfigurationError('untrusted_authority', 'c'),
      'misconfigured',
      'untrusted_authority',
      false,
    ],
  ])('%s', (_label, error, kind, code, retryable) => {
    expect(toConsentFailure(error)).toEqual({ kind, code, retryable });
  });

  it('finds the AADSTS number in errorNo and in subError', () => {
    expect(
      toConsentFailure(new ServerError('access_denied', 'c', '', undefined, '65004')).kind,
    ).toBe('declined');
    expect(toConsentFailure(new AuthError('invalid_grant', 'c', '', 'AADSTS90094')).code).toBe(
      'invalid_grant AADSTS90094',
    );
  });

  it('shows only the code of an unknown error, never its message', () => {
    const error = new ServerError(
      'temporarily_unavailable',
      'c',
      'secret-ish text https://x/?code=abc',
    );
    const failure = toConsentFailure(error);
    expect(failure).toEqual({ kind: 'unknown', code: 'temporarily_unavailable', retryable: true });
    expect(JSON.stringify(failure)).not.toContain('secret');
    expect(toConsentFailure(new ServerError('server_error', 'c', 'AADSTS12345: odd'))).toEqual({
      kind: 'unknown',
      code: 'server_error AADSTS12345',
      retryable: true,
    });
  });

  it('handles errors that are not MSAL errors', () => {
    expect(toConsentFailure(new TypeError('Failed to fetch https://x/?code=abc'))).toEqual({
      kind: 'unknown',
      code: 'TypeError',
      retryable: true,
    });
    expect(toConsentFailure('boom')).toEqual({
      kind: 'unknown',
      code: 'unknown_error',
      retryable: true,
    });
    expect(toConsentFailure(null).kind).toBe('unknown');
    expect(toConsentFailure({ errorCode: 'weird code with spaces and <html>' }).code).toBe(
      'unknown_error',
    );
  });

  it('passes a ConsentError through and wraps anything else', () => {
    const mine = new ConsentError({ kind: 'not-ready', code: 'not_ready', retryable: true });
    expect(toConsentFailure(mine)).toBe(mine.failure);
    expect(toConsentError(mine)).toBe(mine);
    const wrapped = toConsentError(new BrowserAuthError('user_cancelled', 'c'));
    expect(wrapped).toBeInstanceOf(ConsentError);
    expect(wrapped.failure.kind).toBe('cancelled');
  });
});

describe('consent messages', () => {
  it('has English and Italian text for every failure kind, with the code where shown', async () => {
    const { CONSENT_MESSAGES, consentMessage } = await import('../../src/auth/consent-messages.js');
    for (const [kind, entry] of Object.entries(CONSENT_MESSAGES)) {
      for (const locale of ['en', 'it'] as const) {
        expect(entry[locale].title.length, `${kind} ${locale}`).toBeGreaterThan(3);
        expect(entry[locale].body.length, `${kind} ${locale}`).toBeGreaterThan(10);
        expect(entry[locale].body.includes('{code}'), `${kind} ${locale}`).toBe(entry.showCode);
      }
    }
    const m = consentMessage('unknown', 'server_error AADSTS12345', 'it');
    expect(m.body).toContain('server_error AADSTS12345');
    expect(consentMessage('admin-approval-required', 'x').body).toContain(
      'Cloud Application Administrator',
    );
  });
});

describe('consentFailureOf (what the dialog reads from a provider rejection)', () => {
  const declined = { kind: 'declined', code: 'AADSTS65004', retryable: true } as const;
  it('reads our ConsentError and one shaped like it (another bundle’s copy of the class)', () => {
    expect(consentFailureOf(new ConsentError(declined))).toEqual(declined);
    const foreign = Object.assign(new Error('x'), { name: 'ConsentError', failure: declined });
    expect(consentFailureOf(foreign)).toEqual(declined);
  });
  it('is unknown for anything else, even a rejection whose getters throw', () => {
    const unknown = { kind: 'unknown', code: 'unknown', retryable: true };
    const throwing = {
      get failure(): never {
        throw new Error('boom');
      },
    };
    for (const e of [undefined, null, 'text', new Error('x'), { failure: { kind: 1 } }, throwing]) {
      expect(consentFailureOf(e)).toEqual(unknown);
    }
  });
});
