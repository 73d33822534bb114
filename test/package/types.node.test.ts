// The published typings, as a host's TypeScript project sees them after `npm install`:
// test/package/consumer is such a project (strict, its own tsconfig), compiled in a
// temporary folder whose node_modules/ucx-user-sync links to this package (built by
// npm test before this suite runs). A type reference directive, unlike an import, is only
// ever looked up in node_modules, so the package has to be there by its name.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const host = mkdtempSync(join(tmpdir(), 'ucx-host-types-'));
afterAll(() => rmSync(host, { recursive: true, force: true }));

describe('published typings in a host project', () => {
  it('type-checks the tags, every event detail and the React JSX typings', () => {
    cpSync(join(root, 'test/package/consumer'), host, { recursive: true });
    mkdirSync(join(host, 'node_modules'));
    symlinkSync(root, join(host, 'node_modules/ucx-user-sync'), 'dir');
    // React's own typings, which a React host has installed.
    symlinkSync(join(root, 'node_modules/@types'), join(host, 'node_modules/@types'), 'dir');
    let output = '';
    try {
      execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', host], {
        cwd: host,
        encoding: 'utf8',
      });
    } catch (e) {
      output = String((e as { stdout?: string }).stdout ?? e);
    }
    expect(output).toBe('');
  }, 60_000);
});
