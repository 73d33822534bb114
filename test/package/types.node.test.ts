// The published typings, as a host's TypeScript project sees them after `npm install`:
// test/package/consumer is such a project (strict, its own tsconfig), compiled in a
// temporary folder whose node_modules/ucx-user-sync links to this package (built by
// npm test before this suite runs). A type reference directive, unlike an import, is only
// ever looked up in node_modules, so the package has to be there by its name.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const host = mkdtempSync(join(tmpdir(), 'ucx-host-types-'));
afterAll(() => rmSync(host, { recursive: true, force: true }));

describe('published typings in a host project', () => {
  it('type-checks the tags, every event detail and the React and Solid JSX typings', () => {
    cpSync(join(root, 'test/package/consumer'), host, { recursive: true });
    mkdirSync(join(host, 'node_modules'));
    symlinkSync(root, join(host, 'node_modules/ucx-user-sync'), 'dir');
    // React's own typings, which a React host has installed.
    symlinkSync(join(root, 'node_modules/@types'), join(host, 'node_modules/@types'), 'dir');
    // And Solid's, which a Solid host has.
    symlinkSync(join(root, 'node_modules/solid-js'), join(host, 'node_modules/solid-js'), 'dir');
    // The whole host; the define entry alone (the README's example imports nothing else, and
    // its events must still be typed, with no other file's imports to lean on); Solid; the
    // React typings on TypeScript's older resolution, which reads no exports.
    for (const project of [
      host,
      join(host, 'tsconfig.define-only.json'),
      join(host, 'tsconfig.solid.json'),
      join(host, 'tsconfig.node10.json'),
    ]) {
      const tsc = spawnSync(
        process.execPath,
        [join(root, 'node_modules/typescript/bin/tsc'), '-p', project],
        { cwd: host, encoding: 'utf8' },
      );
      // Type errors are on stdout; a crash (no compiler, out of memory) only on stderr.
      expect(`${tsc.stdout}${tsc.stderr}${tsc.error ?? ''}`, project).toBe('');
      expect(tsc.status).toBe(0);
    }
  }, 90_000);
});
