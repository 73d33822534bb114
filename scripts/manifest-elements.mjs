// Reads custom-elements.json into a flat description of the package's elements
// and event classes, shared by generate-docs.mjs and generate-framework-types.mjs.
//
// Tag names: the manifest's own `tagName`, else the `define('tag', Class)`
// calls of src/ucx-user-sync.ts (the one place tags are registered, through a
// guard the analyzer does not follow).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function loadElements(manifestPath, root) {
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
  const defineSource = await readFile(join(root, 'src/ucx-user-sync.ts'), 'utf8').catch(() => '');
  const tags = new Map();
  for (const m of defineSource.matchAll(
    /define\(\s*['"]([a-z][\w-]*-[\w-]*)['"]\s*,\s*(\w+)\s*\)/g,
  )) {
    tags.set(m[2], m[1]);
  }

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
    .filter((d) => d.kind === 'class' && (d.customElement || d.tagName || tags.has(d.name)))
    .map((d) => {
      const tag = d.tagName ?? tags.get(d.name);
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
                ? "UI language (falls back to the closest [lang], then the page's)."
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
