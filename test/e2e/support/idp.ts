// Starts the local identity provider for a test and gives the public MSAL
// configuration that points the element (or the provider) at it.

import {
  startIdentityProvider,
  type IdentityProvider,
  type IdpClient,
} from '../../../demo/server/idp/index.js';

export const TEST_CLIENT_ID = '5b2c7c1e-7a43-4f0e-9b2a-0c3e5d7f9a11';

export async function startTestIdp(clients: IdpClient[]): Promise<IdentityProvider> {
  return startIdentityProvider({
    clients,
    log: process.env['IDP_LOG'] ? (line) => console.log(line) : undefined,
  });
}

/** The public configuration that points MSAL at the local provider. */
export function msalConfigFor(idp: IdentityProvider) {
  return {
    authority: idp.issuer,
    msalConfig: {
      auth: { knownAuthorities: [idp.authorityHost] },
      system: { protocolMode: 'OIDC' as const },
    },
  };
}
