// Apart from types.ts, whose consentProviderOf the section's first paint needs: only the
// dialogs check a consent result.
import type { ConsentResult } from '../backend/types.js';

/**
 * The documented fields of a consent result, checked and copied: a host's consent function
 * (or provider) may resolve with more (an access token, an MSAL account), and nothing else
 * must reach the backend or the `ucx-consent-granted` event. What MSAL may leave out is
 * filled as the package's own provider fills it (`username` and `name` empty, `scopes` none,
 * `consentedAt` now). Undefined when `tenantId`, `clientId` or `idToken` is missing or
 * empty, or a field has the wrong type (or the value isn't an object at all).
 */
export function consentResultOf(value: unknown): ConsentResult | undefined {
  try {
    const v = value as Partial<Record<keyof ConsentResult, unknown>> | null | undefined;
    if (!v || typeof v !== 'object') return undefined;
    const text = (x: unknown): string | undefined =>
      typeof x === 'string' && x !== '' ? x : undefined;
    const optional = (x: unknown, otherwise: string): string | undefined =>
      x === undefined || x === null ? otherwise : typeof x === 'string' ? x : undefined;
    const tenantId = text(v.tenantId);
    const clientId = text(v.clientId);
    const idToken = text(v.idToken);
    const username = optional(v.username, '');
    const name = optional(v.name, '');
    const consentedAt = optional(v.consentedAt, new Date().toISOString());
    const scopes = v.scopes ?? [];
    if (
      !tenantId ||
      !clientId ||
      !idToken ||
      username === undefined ||
      name === undefined ||
      !consentedAt ||
      !Array.isArray(scopes) ||
      !scopes.every((s) => typeof s === 'string')
    ) {
      return undefined;
    }
    return { tenantId, clientId, username, name, idToken, scopes: [...scopes], consentedAt };
  } catch {
    return undefined; // a getter that throws, a revoked Proxy
  }
}
