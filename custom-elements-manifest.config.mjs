// Generates custom-elements.json from the elements' JSDoc (@summary, @fires,
// @csspart, @cssprop, @slot). The committed manifest is checked fresh by npm test.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** `export const DEFAULT_X = <literal>;` anywhere in src/, so a default reads as its value. */
function defaultConstants() {
  const values = new Map();
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (path.endsWith('.ts')) {
        const text = readFileSync(path, 'utf8');
        for (const m of text.matchAll(/export const (DEFAULT_[A-Z_]+) = ('[^']*'|[\d_.]+);/g)) {
          values.set(m[1], m[2].startsWith("'") ? m[2] : m[2].replace(/_/g, ''));
        }
      }
    }
  };
  walk('src');
  return values;
}

export default {
  globs: ['src/components/**/*.ts', 'src/events/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/**/*.test.ts'],
  // npm test writes a fresh copy elsewhere and compares it with the committed one.
  outdir: process.env.UCX_CEM_OUTDIR ?? '.',
  litelement: true,
  dependencies: false,
  // Only the committed manifest is linked from package.json ("customElements").
  packagejson: !process.env.UCX_CEM_OUTDIR,
  plugins: [
    {
      // The events are documented with @fires (name, class, description); the analyzer also
      // lists each `dispatchEvent(new UcxXEvent(…))` as an event without a name (its name is
      // a static of the class), which tools would offer as a nameless event.
      name: 'ucx-named-events-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const decl of mod.declarations ?? []) {
            if (decl.events) decl.events = decl.events.filter((e) => e.name);
          }
        }
      },
    },
    {
      // The modules that define the tags (package entries `ucx-user-sync/define` and
      // `ucx-user-sync/filter-editor`) call defineElement(), which the analyzer doesn't
      // know: add their tag → class definitions, as `customElements.define` would get.
      name: 'ucx-tag-definitions',
      packageLinkPhase({ customElementsManifest }) {
        const classes = new Map();
        for (const mod of customElementsManifest.modules) {
          for (const decl of mod.declarations ?? []) {
            if (decl.customElement) classes.set(decl.name, mod.path);
          }
        }
        for (const path of ['src/ucx-user-sync.ts', 'src/ucx-filter-editor.ts']) {
          const text = readFileSync(path, 'utf8');
          const exports = [];
          for (const [, tag, name] of text.matchAll(/defineElement\('([^']+)', (\w+)\)/g)) {
            const declaration = { name, module: classes.get(name) };
            exports.push(
              { kind: 'js', name, declaration },
              { kind: 'custom-element-definition', name: tag, declaration },
            );
          }
          customElementsManifest.modules.push({
            kind: 'javascript-module',
            path,
            declarations: [],
            exports,
          });
        }
      },
    },
    {
      // The globbed file order follows the file system's, which differs between
      // machines; sort so the committed manifest is the same everywhere.
      name: 'ucx-sort-modules',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
      },
    },
    {
      // `timeout = DEFAULT_TIMEOUT` would document the constant's name, not its value.
      name: 'ucx-resolve-default-constants',
      packageLinkPhase({ customElementsManifest }) {
        const values = defaultConstants();
        for (const mod of customElementsManifest.modules) {
          for (const decl of mod.declarations ?? []) {
            for (const member of [...(decl.members ?? []), ...(decl.attributes ?? [])]) {
              const value = values.get(member.default);
              if (value !== undefined) member.default = value;
            }
          }
        }
      },
    },
  ],
};
