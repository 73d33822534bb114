/**
 * Runs the reference backend alone:
 *
 *   npx tsx demo/server/backend/main.ts --client-id <app id> \
 *     --issuer 'https://login.microsoftonline.com/{tenantid}/v2.0' \
 *     --jwks-url https://login.microsoftonline.com/common/discovery/v2.0/keys
 *
 * Options (or environment variables):
 *   --port <n>           UCX_BACKEND_PORT      default 8787 (0 = any free port)
 *   --host <addr>        UCX_BACKEND_HOST      default 127.0.0.1
 *   --data-dir <dir>     UCX_BACKEND_DATA_DIR  default demo/server/backend/.data
 *   --base-path <path>   UCX_BACKEND_BASE_PATH default /api/user-sync/integrations
 *   --client-id <id>     UCX_CLIENT_ID         required: the tokens' audience
 *   --issuer <iss>       UCX_ISSUER            required; `{tenantid}` is replaced by the token's tid
 *   --jwks-url <url>     UCX_JWKS_URL          required: the provider's signing keys
 *   --jwks-ca <pem file> UCX_JWKS_CA           CA to trust for an HTTPS JWKS with a local certificate
 *   --faults             UCX_FAULTS=1          enable fault injection (tests only)
 *   --no-demo-controls                         disable POST {base}/_demo/vendor-lock
 *   --no-seed                                  start an empty database empty
 *   --first-sync-ms <n>                        pending → active delay, default 3000
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startBackend } from './server.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    'data-dir': { type: 'string' },
    'base-path': { type: 'string' },
    'client-id': { type: 'string' },
    issuer: { type: 'string' },
    'jwks-url': { type: 'string' },
    'jwks-ca': { type: 'string' },
    faults: { type: 'boolean' },
    'no-demo-controls': { type: 'boolean' },
    'no-seed': { type: 'boolean' },
    'first-sync-ms': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

const env = process.env;
const clientId = values['client-id'] ?? env['UCX_CLIENT_ID'];
const issuer = values.issuer ?? env['UCX_ISSUER'];
const jwksUrl = values['jwks-url'] ?? env['UCX_JWKS_URL'];
if (values.help || !clientId || !issuer || !jwksUrl) {
  console.error(
    'usage: tsx demo/server/backend/main.ts --client-id <id> --issuer <iss> --jwks-url <url> [--port 8787] [--data-dir dir] [--jwks-ca ca.pem] [--faults]',
  );
  process.exit(values.help ? 0 : 2);
}
const caFile = values['jwks-ca'] ?? env['UCX_JWKS_CA'];

const running = await startBackend({
  port: Number(values.port ?? env['UCX_BACKEND_PORT'] ?? 8787),
  host: values.host ?? env['UCX_BACKEND_HOST'] ?? '127.0.0.1',
  dataDir:
    values['data-dir'] ??
    env['UCX_BACKEND_DATA_DIR'] ??
    fileURLToPath(new URL('./.data', import.meta.url)),
  basePath: values['base-path'] ?? env['UCX_BACKEND_BASE_PATH'],
  clientId,
  issuer,
  jwksUrl,
  ...(caFile ? { jwksCa: readFileSync(caFile) } : {}),
  faults: values.faults === true || env['UCX_FAULTS'] === '1',
  demoControls: values['no-demo-controls'] !== true,
  seed: values['no-seed'] !== true,
  firstSyncDelayMs: Number(values['first-sync-ms'] ?? 3000),
  log: (e) =>
    console.log(
      `${e.method} ${e.path} ${e.status} ${e.ms}ms id=${e.requestId}${e.fault ? ` fault=${JSON.stringify(e.fault)}` : ''}`,
    ),
});
console.log(`reference backend: ${running.endpoint}`);

const stop = () => {
  void running.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
