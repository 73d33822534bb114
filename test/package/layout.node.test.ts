// Issue 2: the top level is exactly the design card's (src/, stories/, test/, demo/,
// package.json, tsconfig.json, vite.config.ts, custom-elements.json), plus README.md, .ci/,
// .storybook/ and tool configs. Read from what git tracks, so build output and
// node_modules (ignored) don't count.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const CARD_FILES = ['package.json', 'tsconfig.json', 'vite.config.ts', 'custom-elements.json'];
/** A tool's configuration: a dotfile, `<tool>.config.*`, `tsconfig.*.json`, a tool's JSON. */
const TOOL_CONFIG =
  /^(\.[\w.-]+|[\w.-]+\.config\.m?[jt]s|tsconfig\.[\w-]+\.json|lit-localize\.json|package-lock\.json)$/;

describe('repository layout', () => {
  it('has at the top level only the design card’s folders and files, README, .ci, .storybook and tool configs', () => {
    const tracked = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
    const folders = new Set(tracked.filter((p) => p.includes('/')).map((p) => p.split('/')[0]));
    expect([...folders].sort()).toEqual(['.ci', '.storybook', 'demo', 'src', 'stories', 'test']);
    const files = tracked.filter((p) => !p.includes('/'));
    for (const file of [...CARD_FILES, 'README.md']) expect(files).toContain(file);
    const others = files.filter((f) => ![...CARD_FILES, 'README.md'].includes(f));
    expect(others.filter((f) => !TOOL_CONFIG.test(f))).toEqual([]);
  });
});
