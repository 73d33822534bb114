// Apart from types.ts, whose consentProviderOf the section's first paint needs: only the
// dialogs check a consent result.
import type { ConsentResult } from '../backend/types.js';

/**
 * The documented fields of a consent result, checked and copied: a host's consent function
 * (or provider) may resolve with more (an access token, an MSAL account), and nothing else
 * must reach the backend or the `ucx-consent-granted` event. Undefined when a field is
 * missing or of the wrong type (or the value isn't an object at all).
 */
export function consentResultOf(value: unknown): ConsentResult | undefined {
  try {
    const v = value as Partial<Record<keyof ConsentResult, unknown>> | null | undefined;
    const text = (x: unknown, required: boolean): x is string =>
      typeof x === 'string' && (!required || x !== '');
    const scopes = v?.scopes;
    if (
      !v ||
      !text(v.tenantId, true) ||
      !text(v.clientId, true) ||
      !text(v.idToken, true) ||
      !text(v.consentedAt, true) ||
      !text(v.username, false) ||
      !text(v.name, false) ||
      !Array.isArray(scopes) ||
      !scopes.every((s) => typeof s === 'string')
    ) {
      return undefined;
    }
    return {
      tenantId: v.tenantId,
      clientId: v.clientId,
      username: v.username,
      name: v.name,
      idToken: v.idToken,
      scopes: [...(scopes as string[])],
      consentedAt: v.consentedAt,
    };
  } catch {
    return undefined; // a getter that throws, a revoked Proxy
  }
}
