import type { FieldDefinition, GraphFieldDefinition, GraphSupport } from './types.js';

/**
 * A name a filter can hold: letters, digits, `-` and `.`, starting with a letter or digit
 * (RFC 4512's keystring, and OIDs), as formatFilter writes it. A host's field named otherwise
 * (`job_title`, `-x`) can't be written.
 */
export const FIELD_NAME = /^[a-z\d][a-z\d.-]*$/i;

/** A field name a filter can hold (FIELD_NAME), and text: what a node must have to be one. */
export const isFieldName = (name: unknown): name is string =>
  typeof name === 'string' && FIELD_NAME.test(name);

const SUPPORT: Record<string, GraphSupport> = { d: 'default', a: 'advanced', n: 'none' };

/** One field from a compact spec: Graph support letters for eq, startsWith, endsWith, ne, presence. */
function field(name: string, property: string, support: string, phone?: boolean): FieldDefinition {
  const graph = { property } as Record<string, unknown>;
  ['eq', 'startsWith', 'endsWith', 'ne', 'presence'].map(
    (k, i) => (graph[k] = SUPPORT[support[i] as string]),
  );
  const def: FieldDefinition = {
    name,
    labelKey: 'filter.field.' + name,
    graph: graph as unknown as GraphFieldDefinition,
  };
  if (phone) {
    def.compare = 'phone';
    graph.collection = true;
  }
  // Frozen, so the parser may read the default names once (parse.ts, DEFAULT_NAMES).
  Object.freeze(graph);
  return Object.freeze(def);
}

/**
 * The five default fields. Graph support follows Microsoft Graph's documentation of `$filter`
 * on `/users` properties (with and without advanced queries), letters d(efault) a(dvanced) n(one) for eq, startsWith, endsWith,
 * ne, presence; `startsWith` on `businessPhones` is undocumented, so it is none.
 */
export const DEFAULT_FIELDS: readonly FieldDefinition[] = Object.freeze([
  field('email', 'mail', 'ddaan'),
  field('department', 'department', 'ddnaa'),
  field('officeLocation', 'officeLocation', 'aanaa'),
  field('location', 'city', 'ddnaa'),
  field('phoneNumber', 'businessPhones', 'dnnan', true),
]);

/**
 * A field's name; empty for a JavaScript host's slip (a null entry, a name that isn't text
 * or not one a filter can hold, `-x`): such a field matches nothing, so no filter names it
 * that formatFilter couldn't write back.
 */
const nameOf = (f: FieldDefinition | null | undefined): string =>
  isFieldName(f?.name) ? f.name : '';

/**
 * A list's names: as defined (nameOf), in lower case, and the parser's index by first
 * character (`heads[c]` is the last field whose lower-case name starts with char code
 * c < 128, `next[k]` the one before field k with the same first character; -1 ends the
 * chain); and the names as given, to see whether the list changed.
 */
export type FieldNames = [
  names: string[],
  lower: string[],
  heads: number[],
  next: number[],
  given: unknown[],
];

/** Per list: its names when cached (see FieldNames). */
const lowered = new WeakMap<readonly FieldDefinition[], FieldNames>();

/**
 * The fields' names, as defined and in lower case (cached per list, and made again when a
 * host has changed the list since); names match case-insensitively.
 */
export function fieldNames(fields: readonly FieldDefinition[]): FieldNames {
  let cached = lowered.get(fields);
  if (
    !cached ||
    cached[0].length !== fields.length ||
    cached[4].some((name, i) => name !== fields[i]?.name)
  ) {
    const names = fields.map(nameOf);
    const lower = names.map((name) => name.toLowerCase());
    const heads = new Array<number>(128).fill(-1);
    const next = lower.map((name, k) => {
      const c = name.charCodeAt(0); // (NaN for an empty name, which is in no chain)
      if (!(c < 128)) return -1;
      const before = heads[c] as number;
      heads[c] = k;
      return before;
    });
    lowered.set(fields, (cached = [names, lower, heads, next, fields.map((f) => f?.name)]));
  }
  return cached;
}

/** The definition of a field name, case-insensitively; the last of equal names wins. */
export function findField(
  fields: readonly FieldDefinition[],
  name: string,
): FieldDefinition | undefined {
  const names = fieldNames(fields)[1];
  const i = names.lastIndexOf(name);
  return fields[i < 0 ? names.lastIndexOf(name.toLowerCase()) : i];
}

/** Edit distance, where swapping two neighbours is one edit (`emial` → email), as typed. */
function distance(a: string, b: string): number {
  let before: number[] = [];
  let prev = [...Array(b.length + 1).keys()];
  for (let i = 0; i < a.length; i++) {
    const cur = [i + 1];
    for (let j = 0; j < b.length; j++) {
      cur[j + 1] = Math.min(
        (prev[j] as number) + (a[i] === b[j] ? 0 : 1),
        (prev[j + 1] as number) + 1,
        (cur[j] as number) + 1,
        a[i] === b[j - 1] && a[i - 1] === b[j] ? (before[j - 1] as number) + 1 : Infinity,
      );
    }
    before = prev;
    prev = cur;
  }
  return prev[b.length] as number;
}

/** A field list as the helpers take it: the list itself, or `{ fields }` as parseFilter takes it. */
export type FieldListOption =
  readonly FieldDefinition[] | { fields?: readonly FieldDefinition[] | null } | null | undefined;

/** The field list of a call's options; no list (or no `fields`) is the default one. */
export const fieldsOf = (options: FieldListOption): readonly FieldDefinition[] =>
  (Array.isArray(options)
    ? options
    : (options as { fields?: readonly FieldDefinition[] } | null | undefined)?.fields) ??
  DEFAULT_FIELDS;

/**
 * The nearest field name for an unknown one: a small edit distance, an abbreviation
 * (`dept` → department), or the field's Graph property name (`city` → location).
 */
export function suggestField(name: string, fields?: FieldListOption): string | undefined {
  const n = String(name ?? '').toLowerCase();
  if (!n) return undefined;
  const near = (n.length / 3) | 0 || 1; // a third of its letters, at least one
  let best: string | undefined;
  let bestScore = Infinity;
  for (const f of fieldsOf(fields)) {
    if (!nameOf(f)) continue; // (a null entry, or one without a name: no field to suggest)
    for (const candidate of [f.name, String(f.graph?.property ?? '')]) {
      const c = candidate.toLowerCase();
      // Far longer than the candidate: neither near it nor an abbreviation of it. Skipped
      // before the distance, whose cost grows with the name (a pasted 8 KB word).
      if (!c || n.length - c.length > near) continue;
      let score = distance(n, c);
      if (score > near) {
        // An abbreviation: same first letter, the letters in order (a subsequence).
        let i = 0;
        for (let j = 0; j < c.length; j++) if (n[i] === c[j]) i++; // n[n.length] matches nothing
        score =
          n.length >= 3 && n[0] === c[0] && i === n.length
            ? 2 + (c.length - n.length) / 100
            : Infinity;
      }
      if (score < bestScore) {
        bestScore = score;
        best = f.name;
      }
    }
  }
  return best;
}
