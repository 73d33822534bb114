import { DEFAULT_FIELDS, fieldTable } from './fields.js';
import type { AndNode, FieldDefinition, FilterNode, OrNode, UserRecord } from './types.js';

export interface GraphQuery {
  /** `$filter` text (not URL-encoded: the caller encodes it), or undefined when nothing translates. */
  filter?: string;
  /** True when the filter needs `ConsistencyLevel: eventual` and `$count=true`. */
  advanced: boolean;
  /** True when the server filter alone returns exactly the matching users (no residual). */
  exact: boolean;
  /** What must still be checked client-side with matchesFilter on the server's results. */
  residual?: FilterNode;
}

/** The part of a Microsoft Graph user the sync reads. */
export interface GraphUser {
  id?: string;
  displayName?: string | null;
  userPrincipalName?: string | null;
  mail?: string | null;
  department?: string | null;
  officeLocation?: string | null;
  city?: string | null;
  businessPhones?: readonly string[] | null;
  [property: string]: unknown;
}

/** The `$select` list for GET /users (comma-separated, as Graph expects). */
export const GRAPH_USER_SELECT =
  'id,displayName,userPrincipalName,mail,department,officeLocation,city,businessPhones';

/** Maps a Graph user to the record the matcher sees: mail, department, officeLocation, city, businessPhones[0]. */
export function graphUserToRecord(user: GraphUser): UserRecord {
  const phones = user.businessPhones;
  return {
    email: user.mail ?? null,
    department: user.department ?? null,
    officeLocation: user.officeLocation ?? null,
    location: user.city ?? null,
    phoneNumber: Array.isArray(phones) && typeof phones[0] === 'string' ? phones[0] : null,
  };
}

/** Graph limits: `eq` values at most 120 characters, `in` at most 15 values. */
const MAX_VALUE = 120;
const MAX_IN = 15;

/**
 * A translated node. Every translation is a *superset* of the matching users (so a
 * client-side residual can cut it down); `exact` says it is exactly the set.
 */
interface Translation {
  filter: string;
  advanced: boolean;
  exact: boolean;
  /** Contains a top-level `and`/`or`, so it needs parentheses as an operand. */
  composite: boolean;
}

/** Unescaped value → OData string literal: double every `'`. */
function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * Translates a filter to a Graph `/users` `$filter` (REFERENCES.md table). All-or-nothing
 * per node: an AND keeps its translatable children server-side and returns the others as
 * `residual`; an OR is translated whole (every member) or not at all; a NOT only as `ne`
 * over an exactly translated equality. Iterative, so any depth is fine.
 *
 * Decisions (each keeps the server result a superset of the real matches):
 * - Graph compares these string properties case-insensitively, like our matcher, so `eq`
 *   and `startsWith`/`endsWith` on a text field are exact.
 * - Phone fields are never sent: our match ignores spaces, `-`, `.`, `(`, `)`, but Graph's
 *   `businessPhones/any(p:p eq '…')` compares the stored text as is, so `+1 555 0100` in
 *   the directory would be missed by `+15550100` (a subset, which no residual can repair),
 *   even when the filter's value has no ignorable characters.
 * - Other collection fields (a host's) use `any()`, a superset of "the first value
 *   matches": not exact, and never under a NOT.
 * - Presence `ne null` is treated as a superset (a stored empty string would pass it),
 *   so it is not exact and never negated.
 * - `a*b` becomes `startsWith and endsWith` (a superset: they may overlap); `*x*` has no
 *   Graph equivalent (no `contains`), only its initial/final parts are used.
 * - `(!(f=v))` becomes `f ne 'v'` (advanced), which, as in OData, keeps users whose `f`
 *   is null, matching "an absent field makes the item false".
 */
export function toGraphQuery(
  node: FilterNode,
  fields: readonly FieldDefinition[] = DEFAULT_FIELDS,
): GraphQuery {
  const table = fieldTable(fields);
  const done = new Map<FilterNode, Translation | null>();
  const lookup = (name: string): FieldDefinition | undefined =>
    table.get(name) ?? table.get(name.toLowerCase());

  const stack: FilterNode[] = [node];
  const expanded: boolean[] = [false];
  while (stack.length > 0) {
    const top = stack.length - 1;
    const n = stack[top] as FilterNode;
    if (n.type === 'and' || n.type === 'or' || n.type === 'not') {
      if (!expanded[top]) {
        expanded[top] = true;
        if (n.type === 'not') {
          // Only `(!(f=v))` translates, so the child's translation is computed here
          // directly and deep chains of nots are never descended into.
          done.set(n, translateNot(n.child, lookup));
          stack.pop();
          expanded.pop();
          continue;
        }
        for (const c of n.children) {
          stack.push(c);
          expanded.push(false);
        }
        continue;
      }
      stack.pop();
      expanded.pop();
      done.set(n, translateSet(n as AndNode | OrNode, done, lookup));
    } else {
      stack.pop();
      expanded.pop();
      done.set(n, translateItem(n, lookup));
    }
  }

  const result = done.get(node) ?? null;
  if (!result) return { advanced: false, exact: false, residual: node };
  if (result.exact) return { filter: result.filter, advanced: result.advanced, exact: true };
  let residual: FilterNode = node;
  if (node.type === 'and') {
    const rest = node.children.filter((c) => done.get(c)?.exact !== true);
    residual = rest.length === 1 ? (rest[0] as FilterNode) : { type: 'and', children: rest };
  }
  return { filter: result.filter, advanced: result.advanced, exact: false, residual };
}

function translateItem(
  n: FilterNode,
  lookup: (name: string) => FieldDefinition | undefined,
): Translation | null {
  if (n.type !== 'equality' && n.type !== 'present' && n.type !== 'substring') return null;
  const def = lookup(n.field);
  const g = def?.graph;
  if (!def || !g || def.compare === 'phone') return null;
  const p = g.property;
  if (n.type === 'equality') {
    if (g.eq === 'none' || n.value.length > MAX_VALUE) return null;
    const advanced = g.eq === 'advanced';
    if (g.collection) {
      return {
        filter: `${p}/any(x:x eq ${literal(n.value)})`,
        advanced,
        exact: false,
        composite: false,
      };
    }
    return { filter: `${p} eq ${literal(n.value)}`, advanced, exact: true, composite: false };
  }
  if (g.collection) return null;
  if (n.type === 'present') {
    if (g.presence === 'none') return null;
    return {
      filter: `${p} ne null`,
      advanced: g.presence === 'advanced',
      exact: false,
      composite: false,
    };
  }
  const pieces: string[] = [];
  let advanced = false;
  let covered = true;
  if (n.initial) {
    if (g.startsWith !== 'none' && n.initial.length <= MAX_VALUE) {
      pieces.push(`startsWith(${p},${literal(n.initial)})`);
      advanced ||= g.startsWith === 'advanced';
    } else covered = false;
  }
  if (n.final) {
    if (g.endsWith !== 'none' && n.final.length <= MAX_VALUE) {
      pieces.push(`endsWith(${p},${literal(n.final)})`);
      advanced ||= g.endsWith === 'advanced';
    } else covered = false;
  }
  if (pieces.length === 0) return null;
  return {
    filter: pieces.join(' and '),
    advanced,
    exact: covered && n.any.length === 0 && pieces.length === 1,
    composite: pieces.length > 1,
  };
}

function translateNot(
  child: FilterNode,
  lookup: (name: string) => FieldDefinition | undefined,
): Translation | null {
  if (child.type !== 'equality') return null;
  const inner = translateItem(child, lookup);
  const g = lookup(child.field)?.graph;
  if (!inner?.exact || !g || g.ne === 'none') return null;
  return {
    filter: `${g.property} ne ${literal(child.value)}`,
    advanced: g.ne === 'advanced',
    exact: true,
    composite: false,
  };
}

function translateSet(
  n: AndNode | OrNode,
  done: Map<FilterNode, Translation | null>,
  lookup: (name: string) => FieldDefinition | undefined,
): Translation | null {
  const parts: Translation[] = [];
  let missing = false;
  for (const c of n.children) {
    const t = done.get(c);
    if (t) parts.push(t);
    else missing = true;
  }
  if (parts.length === 0 || (n.type === 'or' && missing)) return null;
  const advanced = parts.some((t) => t.advanced);
  const exact = !missing && parts.every((t) => t.exact);
  if (n.type === 'or' && parts.length > 1) {
    // (|(f=a)(f=b)…) on one plain field → f in ('a','b'), in chunks of 15.
    const first = n.children[0];
    const g = first && first.type === 'equality' ? lookup(first.field)?.graph : undefined;
    if (
      g &&
      !g.collection &&
      n.children.every((c) => c.type === 'equality' && lookup(c.field)?.graph === g)
    ) {
      const values = n.children.map((c) => literal((c as { value: string }).value));
      const chunks: string[] = [];
      for (let i = 0; i < values.length; i += MAX_IN) {
        chunks.push(`${g.property} in (${values.slice(i, i + MAX_IN).join(',')})`);
      }
      return { filter: chunks.join(' or '), advanced, exact, composite: chunks.length > 1 };
    }
  }
  if (parts.length === 1) return { ...(parts[0] as Translation), exact };
  // Plain concatenation (not join), so very deep trees build ropes instead of copying.
  const op = n.type === 'and' ? ' and ' : ' or ';
  let filter = '';
  for (const t of parts) {
    filter = (filter ? filter + op : '') + (t.composite ? '(' + t.filter + ')' : t.filter);
  }
  return { filter, advanced, exact, composite: true };
}
