// The published entry points, as a host's backend and bundler see them after
// `npm run build` (npm test builds before this suite runs): the filter module
// imports from plain Node through the package name, with no DOM; the root
// entry has no side effects; every export path resolves to a built file.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  types: string;
  main: string;
  customElements: string;
  exports: Record<string, string | { types: string; default: string }>;
};

function node(code: string): string {
  return execFileSync(process.execPath, ['--input-type=module', '-e', code], {
    cwd: root,
    encoding: 'utf8',
  });
}

describe('package entry points (after npm run build)', () => {
  it('has been built', () => {
    expect(existsSync(join(root, 'dist/filter/index.js')), 'run `npm run build` first').toBe(true);
  });

  it('imports ucx-user-sync/filter from plain Node by the package name', () => {
    const out = node(`
      import { parseFilter, formatFilter, matchesFilter, toGraphQuery } from 'ucx-user-sync/filter';
      const r = parseFilter('(& (Department=Sales)\\n  (location=NYC) )');
      if (!r.ok) throw new Error(r.error.message);
      const bad = parseFilter('(dept=Sales)');
      console.log(JSON.stringify({
        canonical: formatFilter(r.filter),
        match: matchesFilter(r.filter, { department: 'sales', location: 'nyc' }),
        graph: toGraphQuery(r.filter).filter,
        error: bad.ok ? null : bad.error.message,
        dom: typeof document,
      }));
    `);
    const result = JSON.parse(out);
    expect(result.canonical).toBe('(&(department=Sales)(location=NYC))');
    expect(result.match).toBe(true);
    expect(result.graph).toBe("department eq 'Sales' and city eq 'NYC'");
    expect(result.error).toContain('did you mean department?');
    expect(result.dom).toBe('undefined');
  });

  it('resolves every export path to a built file, with types', () => {
    for (const [path, target] of Object.entries(pkg.exports)) {
      if (path.includes('*')) continue;
      const files = typeof target === 'string' ? [target] : [target.default, target.types];
      for (const file of files) {
        expect(existsSync(join(root, file)), `${path} → ${file}`).toBe(true);
      }
    }
  });

  it('publishes every file the exports, the types and the manifest point to', () => {
    // What `npm pack` would put in the tarball (the "files" list): a target that exists
    // here but is left out of it would only break for hosts.
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
        cwd: root,
        encoding: 'utf8',
      }),
    ) as { files: { path: string }[] }[];
    const files = new Set(packed[0]?.files.map((f) => f.path));
    const strip = (p: string) => p.replace(/^\.\//, '');
    const wanted = [pkg.types, pkg.customElements, pkg.main];
    for (const [path, target] of Object.entries(pkg.exports)) {
      const targets = typeof target === 'string' ? [target] : [target.default, target.types];
      if (!path.includes('*')) {
        wanted.push(...targets);
        continue;
      }
      // A pattern export: it has to match something in the tarball.
      for (const t of targets) {
        const [head, tail] = strip(t).split('*') as [string, string];
        const some = [...files].some((f) => f.startsWith(head) && f.endsWith(tail));
        expect(some, `${path} → ${t} matches no published file`).toBe(true);
      }
    }
    for (const file of wanted)
      expect(files.has(strip(file)), `${file} is not published`).toBe(true);
  });

  it('names in its typings only packages it depends on (a strict node_modules has no others)', () => {
    // pnpm gives a package only its own dependencies: a `.d.ts` importing `lit-html` (which
    // tsc writes for an unannotated render()) fails a host's check there.
    const deps = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      peerDependencies?: Record<string, string>;
    };
    const allowed = new Set([
      ...Object.keys(deps.dependencies),
      ...Object.keys(deps.peerDependencies ?? {}),
    ]);
    const named = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.d.ts')) {
          for (const m of readFileSync(path, 'utf8').matchAll(
            /(?:from |import\()['"]([^.'"][^'"]*)['"]/g,
          )) {
            const spec = m[1] as string;
            named.add(
              spec
                .split('/')
                .slice(0, spec.startsWith('@') ? 2 : 1)
                .join('/'),
            );
          }
        }
      }
    };
    walk(join(root, 'dist'));
    expect(named.size).toBeGreaterThan(0);
    expect([...named].filter((name) => !allowed.has(name))).toEqual([]);
  });

  it('ships the ready redirect page with its bundled bridge and no inline script', () => {
    const html = readFileSync(join(root, 'dist/redirect/redirect.html'), 'utf8');
    expect(html).toContain('<script type="module" src="./redirect-bridge.js"></script>');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const bridge = readFileSync(join(root, 'dist/redirect/redirect-bridge.js'), 'utf8');
    expect(bridge.length).toBeGreaterThan(1000);
    expect(bridge).not.toMatch(/^\s*import\s/m); // self-contained: no bare imports left
  });

  it('keeps the root entry free of side effects (no tag is defined by importing it)', () => {
    const index = readFileSync(join(root, 'dist/index.js'), 'utf8');
    expect(index).not.toContain('customElements.define');
    expect(index).not.toContain('ucx-user-sync.js');
  });

  it('describes the tags for tools in custom-elements.json: which module defines each, typed events', () => {
    interface Decl {
      name: string;
      tagName?: string;
      events?: { name?: string; type?: { text: string } }[];
      slots?: { name: string }[];
    }
    interface Mod {
      path: string;
      declarations?: Decl[];
      exports?: { kind: string; name: string; declaration: { name: string; module: string } }[];
    }
    const manifest = JSON.parse(readFileSync(join(root, pkg.customElements), 'utf8')) as {
      modules: Mod[];
    };
    const decls = manifest.modules.flatMap((m) =>
      (m.declarations ?? []).map((d) => [m.path, d] as const),
    );
    const definitions = manifest.modules.flatMap((m) =>
      (m.exports ?? [])
        .filter((e) => e.kind === 'custom-element-definition')
        .map((e) => [m.path, e] as const),
    );
    // The entries a host imports to register the tags: `/define` and `/filter-editor`.
    for (const [tag, entry] of [
      ['ucx-user-sync', 'src/ucx-user-sync.ts'],
      ['ucx-filter-editor', 'src/ucx-filter-editor.ts'],
    ]) {
      const def = definitions.find(([, e]) => e.name === tag);
      expect(def?.[0], tag).toBe(entry);
      const [path, decl] = decls.find(([, d]) => d.tagName === tag) ?? [];
      expect(def?.[1].declaration, tag).toEqual({ name: decl?.name, module: path });
      // Every event has a name and its class, as the JSX typings need.
      expect(decl?.events?.length, tag).toBeGreaterThan(0);
      for (const e of decl?.events ?? []) {
        expect(e.name, tag).toBeTruthy();
        expect(e.type?.text, `${tag} ${e.name}`).toMatch(/^(Ucx\w+Event|Event)$/);
      }
    }
    // The section renders everything itself: no slot to offer.
    expect(decls.find(([, d]) => d.tagName === 'ucx-user-sync')?.[1].slots ?? []).toEqual([]);
  });
});
