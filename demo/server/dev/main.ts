// `npm start` (through demo/start.mjs): the whole demo on one HTTPS origin.
//
//   PORT=8443                 the port (loopback only); 0 picks a free one
//   UCX_DEMO_MODE=build|dev   production build of demo/ (default) or Vite with HMR
//   UCX_DATA_DIR=…            the backend's SQLite folder (default demo/server/.data)
//   UCX_LOG=1                 log every backend request and identity-provider event
//   UCX_FAULTS=1              the backend's fault injection (tests and failure demos)
//   UCX_CLIENT_ID, UCX_AUTHORITY, UCX_REDIRECT_URI
//                             a real Microsoft Entra tenant instead of the local provider
//
// Prints one URL; Ctrl-C (SIGINT), SIGTERM or SIGHUP stops everything and exits 0.
import type { DemoStack } from './stack.js';

const env = process.env;
const verbose = env['UCX_LOG'] === '1';
if (!verbose) {
  // oidc-provider's start-up notices (Node 20 runtime, in-memory adapter) are
  // about production use of a provider; this one is a local demo.
  const warn = console.warn.bind(console);
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('oidc-provider WARNING')) return;
    warn(...args);
  };
}
const { startDemoStack, DEFAULT_PORT } = await import('./stack.js');

const port = env['PORT'] !== undefined && env['PORT'] !== '' ? Number(env['PORT']) : DEFAULT_PORT;
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`PORT must be a port number (got "${env['PORT']}")`);
  process.exit(2);
}
const mode = env['UCX_DEMO_MODE'] === 'dev' ? 'dev' : 'build';

let stack: DemoStack;
try {
  stack = await startDemoStack({
    port,
    mode,
    env,
    faults: env['UCX_FAULTS'] === '1',
    ...(env['UCX_DATA_DIR'] ? { dataDir: env['UCX_DATA_DIR'] } : {}),
    ...(verbose ? { log: (line: string) => console.log(`  ${line}`) } : {}),
  });
} catch (err) {
  console.error(`The demo could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}

console.log(`ucx-user-sync demo: ${stack.url}`);
if (stack.idp) {
  console.log('  Sign in as admin@contoso.example (any password) and Accept.');
} else {
  console.log(
    `  Microsoft Entra ID, application ${stack.config.clientId}: sign in as a tenant admin.`,
  );
}
console.log('  The certificate is self-signed: accept the browser warning once. Ctrl-C stops.');

let stopping = false;
const stop = (signal: NodeJS.Signals) => {
  if (stopping) process.exit(130); // a second Ctrl-C: don't wait
  stopping = true;
  if (verbose) console.log(`  ${signal}: stopping`);
  const force = setTimeout(() => process.exit(0), 5_000);
  force.unref();
  stack.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
// A closed terminal (or a supervisor's SIGHUP): stop as cleanly as for Ctrl-C.
process.on('SIGHUP', stop);
