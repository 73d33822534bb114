// Runs the local identity provider on its own:
//   npx tsx demo/server/idp/main.ts --port 8443 \
//     --client-id 5b2c7c1e-7a43-4f0e-9b2a-0c3e5d7f9a11 \
//     --redirect-uri http://localhost:5173/demo/redirect.html
// Prints the public configuration that points MSAL (and the element) at it.

import { parseArgs } from 'node:util';
import { DEFAULT_ACCOUNTS, startIdentityProvider } from './index.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env['IDP_PORT'] ?? '0' },
    host: { type: 'string', default: '127.0.0.1' },
    'client-id': {
      type: 'string',
      default: process.env['IDP_CLIENT_ID'] ?? '5b2c7c1e-7a43-4f0e-9b2a-0c3e5d7f9a11',
    },
    'redirect-uri': { type: 'string', multiple: true },
    'cors-origin': { type: 'string', multiple: true },
    quiet: { type: 'boolean', default: false },
  },
});

const redirectUris = values['redirect-uri']?.length
  ? values['redirect-uri']
  : (process.env['IDP_REDIRECT_URIS'] ?? 'http://localhost:5173/demo/redirect.html').split(',');

const idp = await startIdentityProvider({
  port: Number(values.port),
  host: values.host,
  clients: [
    {
      clientId: values['client-id'],
      redirectUris,
      corsOrigins: values['cors-origin'] ?? [],
      name: 'User synchronization (demo)',
    },
  ],
  log: values.quiet ? undefined : (line) => console.log(line),
});

console.log(`identity provider: ${idp.issuer}`);
console.log(`  jwks:            ${idp.jwksUri}`);
console.log(`  client id:       ${values['client-id']}`);
console.log(`  redirect URIs:   ${redirectUris.join(', ')}`);
console.log(
  `  accounts:        ${DEFAULT_ACCOUNTS.map((a) => `${a.username} (${a.kind})`).join(', ')}`,
);
console.log('  element configuration:');
console.log(
  JSON.stringify(
    {
      authority: idp.issuer,
      msalConfig: {
        auth: { knownAuthorities: [idp.authorityHost] },
        system: { protocolMode: 'OIDC' },
      },
    },
    null,
    2,
  ),
);

const stop = () => {
  void idp.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
