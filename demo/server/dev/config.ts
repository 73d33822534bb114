// /demo/config.json: how the demo page configures <ucx-user-sync>. Local mode
// points it at the identity provider mounted under /idp on the same origin; Entra
// mode (UCX_CLIENT_ID set) points it at a real Microsoft Entra tenant.

/** What demo/main.ts reads. */
export interface DemoConfig {
  endpoint: string;
  clientId: string;
  authority: string;
  redirectUri: string;
  supportUrl: string;
  msalConfig?: Record<string, unknown>;
  vendorLockUrl?: string;
  /** Microsoft Graph base URL for Preview (the element's `graph-base-url`). */
  graphBaseUrl?: string;
  hint?: string;
}

/** A real Entra application, from the environment. */
export interface EntraSettings {
  clientId: string;
  /** e.g. https://login.microsoftonline.com/organizations or …/<tenant id>. */
  authority: string;
  /** Registered in Entra as a "Single-page application" redirect URI. */
  redirectUri: string;
}

/** The local provider's client id (any value works; this one is used everywhere). */
export const LOCAL_CLIENT_ID = '5b2c7c1e-7a43-4f0e-9b2a-0c3e5d7f9a11';
export const ENTRA_AUTHORITY = 'https://login.microsoftonline.com/organizations';
/** Microsoft's signing keys and its multi-tenant v2 issuer template. */
export const ENTRA_JWKS_URL = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';
export const ENTRA_ISSUER_TEMPLATE = 'https://login.microsoftonline.com/{tenantid}/v2.0';
export const SUPPORT_URL = 'https://support.acme.example/user-sync';
export const API_BASE_PATH = '/api/user-sync/integrations';
export const IDP_PATH = '/idp';
export const GRAPH_PATH = '/graph';
export const MICROSOFT_GRAPH = 'https://graph.microsoft.com/v1.0';

/**
 * Entra mode when `UCX_CLIENT_ID` is set. `UCX_AUTHORITY` defaults to
 * `organizations`; `UCX_REDIRECT_URI` to `/redirect.html` on the demo's origin.
 */
export function entraFromEnv(
  env: Record<string, string | undefined>,
  origin: string,
): EntraSettings | undefined {
  const clientId = env['UCX_CLIENT_ID']?.trim();
  if (!clientId) return undefined;
  return {
    clientId,
    authority: env['UCX_AUTHORITY']?.trim() || ENTRA_AUTHORITY,
    redirectUri: env['UCX_REDIRECT_URI']?.trim() || `${origin}/redirect.html`,
  };
}

export function localConfig(origin: string): DemoConfig {
  const host = new URL(origin).host;
  return {
    endpoint: `${origin}${API_BASE_PATH}`,
    clientId: LOCAL_CLIENT_ID,
    authority: `${origin}${IDP_PATH}`,
    redirectUri: `${origin}/redirect.html`,
    supportUrl: SUPPORT_URL,
    msalConfig: {
      auth: { knownAuthorities: [host] },
      system: { protocolMode: 'OIDC' },
    },
    vendorLockUrl: `${origin}${API_BASE_PATH}/_demo/vendor-lock`,
    graphBaseUrl: `${origin}${GRAPH_PATH}/v1.0`,
    hint: 'Local identity provider: sign in as admin@contoso.example with any password, then Accept. user@contoso.example needs admin approval; someone@outlook.example is a personal account.',
  };
}

export function entraConfig(origin: string, entra: EntraSettings): DemoConfig {
  return {
    endpoint: `${origin}${API_BASE_PATH}`,
    clientId: entra.clientId,
    authority: entra.authority,
    redirectUri: entra.redirectUri,
    supportUrl: SUPPORT_URL,
    vendorLockUrl: `${origin}${API_BASE_PATH}/_demo/vendor-lock`,
    graphBaseUrl: MICROSOFT_GRAPH,
    hint: 'Microsoft Entra ID: sign in with an administrator of your tenant and grant consent for the organization.',
  };
}
