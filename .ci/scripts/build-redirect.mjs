#!/usr/bin/env node
// Builds the ready-to-serve MSAL 5 redirect page into dist/redirect/:
// redirect.html loads one bundled module (MSAL's redirect bridge) and has no
// inline script, so it works under a strict CSP (script-src 'self').
// Hosts copy both files to their origin and register redirect.html as an SPA
// redirect URI; see README, "Host checklist".
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const outdir = join(root, 'dist', 'redirect');
mkdirSync(outdir, { recursive: true });

await build({
  entryPoints: [join(root, 'src/auth/redirect-bridge.ts')],
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  outfile: join(outdir, 'redirect-bridge.js'),
  logLevel: 'error',
  legalComments: 'none',
});

writeFileSync(
  join(outdir, 'redirect.html'),
  `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="referrer" content="no-referrer" />
    <title>Microsoft sign-in</title>
    <!-- MSAL 5 redirect bridge. Serve with Cache-Control: no-store and without a
         Cross-Origin-Opener-Policy header. -->
    <script type="module" src="./redirect-bridge.js"></script>
  </head>
  <body></body>
</html>
`,
);
