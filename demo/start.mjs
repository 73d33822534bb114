#!/usr/bin/env node
// `npm start`: the one-command demo (demo/server/dev/main.ts, run with tsx).
// Prints one URL; Ctrl-C stops everything. See demo/README.md.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { constants } from 'node:os';

const root = new URL('..', import.meta.url).pathname;
const tsx = join(root, 'node_modules', '.bin', 'tsx');
if (!existsSync(tsx)) {
  console.error('Dependencies are missing: run `npm install` first.');
  process.exit(1);
}

const child = spawn(tsx, [join(root, 'demo/server/dev/main.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});

// Ctrl-C in a terminal reaches the whole process group; a signal sent to this
// process alone (npm, a test, a supervisor) is passed on. Either way this
// process waits for the server to stop and exits with its code.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  });
}
child.on('exit', (code, signal) => {
  // Killed from outside (SIGKILL, the out-of-memory killer…): say so, not a silent exit.
  // (tsx passes a signal on as the exit code 128 + its number.) Ctrl-C, SIGTERM and SIGHUP
  // are the ways to stop it: nothing to say.
  const killedBy =
    signal ??
    (code !== null && code > 128
      ? Object.keys(constants.signals).find((name) => constants.signals[name] === code - 128)
      : undefined);
  const asked = ['SIGINT', 'SIGTERM', 'SIGHUP'].includes(killedBy ?? '');
  if (killedBy && !asked) console.error(`The demo stopped: its server was ended by ${killedBy}.`);
  process.exit(code ?? (asked ? 0 : 1));
});
child.on('error', (err) => {
  console.error(`Could not start the demo: ${err.message}`);
  process.exit(1);
});
