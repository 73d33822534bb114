// Reads custom-elements.json into a flat description of the package's elements
// and event classes, shared by generate-docs.mjs and generate-framework-types.mjs.
// Tag names come from the manifest (each element class carries `@tag`).
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';

export async function loadElements(manifestPath) {
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));

  const declarations = manifest.modules.flatMap((mod) =>
    (mod.declarations ?? []).map((d) => ({ ...d, path: mod.path })),
  );

  // Event name constants: `static readonly eventName = 'ucx-…'` on event classes.
  const events = declarations
    .filter((d) => d.kind === 'class' && d.superclass?.name === 'CustomEvent')
    .map((d) => {
      const field = (d.members ?? []).find((m) => m.name === 'eventName' && m.static);
      return {
        name: d.name,
        path: d.path,
        description: d.description,
        eventName: field?.default?.replace(/^['"`]|['"`]$/g, ''),
      };
    })
    .sort((a, b) => (a.eventName ?? '').localeCompare(b.eventName ?? ''));
  const eventClassByName = new Map(events.map((e) => [e.eventName, e.name]));

  const elements = declarations
    .filter((d) => d.kind === 'class' && d.tagName)
    .map((d) => {
      const tag = d.tagName;
      const members = d.members ?? [];
      const attributes = d.attributes ?? [];
      const attrByField = new Map(
        attributes.filter((a) => a.fieldName).map((a) => [a.fieldName, a]),
      );
      const properties = members
        .filter(
          (m) =>
            m.kind === 'field' &&
            !m.static &&
            (m.privacy === undefined || m.privacy === 'public') &&
            !m.name.startsWith('_') &&
            !m.name.startsWith('#'),
        )
        .map((m) => ({
          name: m.name,
          attribute: m.attribute ?? attrByField.get(m.name)?.name,
          type: m.type?.text,
          default: m.default,
          description: m.description,
          readonly: m.readonly,
        }));
      // Attributes without a field (e.g. `lang`, observed by hand).
      for (const a of attributes) {
        if (!a.fieldName && !properties.some((p) => p.attribute === a.name)) {
          properties.push({
            name: '',
            attribute: a.name,
            type: a.type?.text ?? 'string',
            description:
              a.description ??
              (a.name === 'lang'
                ? "UI language, page-wide (falls back to the closest [lang], the page's, the browser's)."
                : ''),
          });
        }
      }
      const methods = members.filter(
        (m) =>
          m.kind === 'method' &&
          !m.static &&
          (m.privacy === undefined || m.privacy === 'public') &&
          !m.name.startsWith('#') &&
          ![
            'render',
            'connectedCallback',
            'disconnectedCallback',
            'attributeChangedCallback',
            'firstUpdated',
            'updated',
            'willUpdate',
          ].includes(m.name),
      );
      const events = (d.events ?? [])
        .filter((e) => e.name)
        .map((e) => ({
          name: e.name,
          description: e.description,
          className:
            eventClassByName.get(e.name) ??
            (e.type?.text && e.type.text !== 'Event' ? e.type.text : undefined),
          type: e.type?.text,
        }))
        .sort((a, b) => a.name.localeCompare(b.name));
      return {
        tag,
        name: d.name,
        path: d.path,
        summary: d.summary,
        description: d.description,
        properties,
        methods,
        events,
        slots: d.slots ?? [],
        cssParts: d.cssParts ?? [],
        cssProperties: d.cssProperties ?? [],
      };
    })
    .filter((e) => e.tag);
  return { elements, events };
}

/**
 * What both generators start with: the repository root, whether `--check` was
 * given, and the elements of the manifest (`--manifest <path>`, default
 * custom-elements.json).
 */
export async function generatorContext(scriptUrl, argv = process.argv.slice(2)) {
  const root = resolve(dirname(fileURLToPath(scriptUrl)), '../..');
  const at = argv.indexOf('--manifest');
  const manifest = at >= 0 ? (argv[at + 1] ?? 'custom-elements.json') : 'custom-elements.json';
  const { elements, events } = await loadElements(resolve(root, manifest));
  return { root, check: argv.includes('--check'), elements, events };
}

/**
 * Writes generated files, formatted as Prettier would (so `npm run format:check`
 * accepts them), or with `check` only reports the stale ones. Exits 1 when a
 * file is stale under `check`.
 */
export async function writeGenerated(root, files, { check, command }) {
  let stale = 0;
  for (const [file, raw] of Object.entries(files)) {
    const path = join(root, file);
    const text = await prettier.format(raw, {
      ...(await prettier.resolveConfig(path)),
      filepath: path,
    });
    const current = existsSync(path) ? await readFile(path, 'utf8') : '';
    if (current === text) continue;
    if (check) {
      stale++;
      console.error(`${file} is out of date: run ${command}`);
    } else {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, text);
      console.log(`wrote ${file}`);
    }
  }
  if (stale) process.exit(1);
}
