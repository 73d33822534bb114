import type { FieldDefinition, GraphSupport } from './types.js';

const SUPPORT: Record<string, GraphSupport> = { d: 'default', a: 'advanced', n: 'none' };

/** One field from a compact spec: Graph support letters for eq, startsWith, endsWith, ne, presence. */
function field(name: string, property: string, support: string, phone?: boolean): FieldDefinition {
  const [eq, startsWith, endsWith, ne, presence] = [...support].map((c) => SUPPORT[c] ?? 'none');
  const def: FieldDefinition = {
    name,
    labelKey: `filter.field.${name}`,
    graph: {
      property,
      eq: eq ?? 'none',
      startsWith: startsWith ?? 'none',
      endsWith: endsWith ?? 'none',
      ne: ne ?? 'none',
      presence: presence ?? 'none',
    },
  };
  if (phone && def.graph) {
    def.compare = 'phone';
    def.graph.collection = true;
  }
  return def;
}

/**
 * The five default fields. Graph support follows REFERENCES.md ("Microsoft Graph /users
 * $filter by field"), letters d(efault) a(dvanced) n(one) for eq, startsWith, endsWith,
 * ne, presence; `startsWith` on `businessPhones` is undocumented, so it is none.
 */
export const DEFAULT_FIELDS: readonly FieldDefinition[] = Object.freeze([
  field('email', 'mail', 'ddaan'),
  field('department', 'department', 'ddnaa'),
  field('officeLocation', 'officeLocation', 'aanaa'),
  field('location', 'city', 'ddnaa'),
  field('phoneNumber', 'businessPhones', 'dnnan', true),
]);

const tables = new WeakMap<readonly FieldDefinition[], Map<string, FieldDefinition>>();

/** Case-insensitive lookup table from a field list (cached per list). */
export function fieldTable(fields: readonly FieldDefinition[]): Map<string, FieldDefinition> {
  let table = tables.get(fields);
  if (!table) {
    table = new Map();
    for (const f of fields) table.set(f.name.toLowerCase(), f);
    tables.set(fields, table);
  }
  return table;
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const sub = (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      cur[j] = Math.min(sub, (prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1);
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (let j = 0; j < long.length && i < short.length; j++) if (short[i] === long[j]) i++;
  return i === short.length;
}

/**
 * The nearest field name for an unknown one: a small edit distance, an abbreviation
 * (`dept` → department), or the field's Graph property name (`city` → location).
 */
export function suggestField(name: string, fields: readonly FieldDefinition[]): string | undefined {
  const n = name.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const f of fields) {
    for (const candidate of [f.name, f.graph?.property]) {
      if (!candidate) continue;
      const c = candidate.toLowerCase();
      let score = distance(n, c);
      if (score > Math.max(1, Math.floor(n.length / 3))) {
        score =
          n.length >= 3 && n[0] === c[0] && isSubsequence(n, c)
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
