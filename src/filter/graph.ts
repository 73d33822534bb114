import { fieldsOf, findField, isFieldName, type FieldListOption } from './fields.js';
import { isCyclic, isItemNode } from './well-formed.js';
import type { FieldDefinition, FilterNode, GraphFieldDefinition, UserRecord } from './types.js';

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

/**
 * The `$select` list for GET /users (comma-separated, as Graph expects): the user's id and
 * names, and the Graph property of each field.
 */
export function graphUserSelect(fields?: FieldListOption): string {
  const names = ['id', 'displayName', 'userPrincipalName'];
  for (const f of fieldsOf(fields)) {
    const p = f?.graph?.property;
    // (Not for a field left out, whose name no filter can hold: see graphUserToRecord.)
    if (p && isFieldName(f.name) && !names.includes(p)) names.push(p);
  }
  return names.join(',');
}

/** The `$select` list for the default fields. */
export const GRAPH_USER_SELECT = graphUserSelect();

/**
 * Maps a Graph user to the record the matcher sees: each field's Graph property (the first
 * of a collection), so by default mail, department, officeLocation, city, businessPhones[0].
 */
export function graphUserToRecord(user: GraphUser, fields?: FieldListOption): UserRecord {
  const record: UserRecord = {};
  const u: GraphUser = user || {};
  // (no list, or null, is the default list; a null entry is skipped, as toGraphQuery does)
  for (const f of fieldsOf(fields)) {
    const g = f?.graph;
    if (!g || !isFieldName(f.name)) continue; // (a name no filter can hold: no key of a record)
    let v = u[g.property];
    if (g.collection) v = Array.isArray(v) ? v[0] : undefined;
    record[f.name] = typeof v === 'string' ? v : null;
  }
  return record;
}

/** Graph limits: `eq` values at most 120 characters, `in` at most 15 values. */
const MAX_VALUE = 120;
const MAX_IN = 15;

/**
 * A translated node. Every translation is a *superset* of the matching users (so a
 * client-side residual can cut it down); `exact` says it is exactly the set; `composite`:
 * it has a top-level `and`/`or`, so it needs parentheses as an operand.
 */
export type Translation = [filter: string, advanced: boolean, exact: boolean, composite?: boolean];

/** Unescaped value → OData string literal: double every `'`. */
const literal = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/** A translation when Graph supports it at all (`none`: undefined). */
const when = (support: string, filter: string, exact: boolean): Translation | undefined =>
  support === 'none' ? undefined : [filter, support === 'advanced', exact];

/**
 * Translates a filter to a Graph `/users` `$filter` (what Graph supports per field: DEFAULT_FIELDS). All-or-nothing
 * per node: an AND keeps its translatable children server-side and returns the others as
 * `residual`; an OR is translated whole (every member) or not at all; a NOT only as `ne`
 * over an exactly translated equality. Iterative, so any depth is fine. A host's own field
 * list goes in `{ fields }`, as for parseFilter and matchesFilter.
 *
 * Decisions (each keeps the server result a superset of the real matches):
 * - Graph compares these string properties case-insensitively, like our matcher, so `eq`
 *   and `startsWith`/`endsWith` on a text field are exact.
 * - Phone fields are never sent: our match ignores spaces, hyphens, `.`, `(`, `)`, but Graph's
 *   `businessPhones/any(p:p eq '…')` compares the stored text as is, so `+1 555 0100` in
 *   the directory would be missed by `+15550100` (a subset, which no residual can repair),
 *   even when the filter's value has no ignorable characters.
 * - Other collection fields (a host's) use `any()`, a superset of "the first value
 *   matches": not exact, and never under a NOT.
 * - Presence `ne null` is treated as a superset (a stored empty string would pass it),
 *   so it is not exact and never negated.
 * - `a*b` becomes `startsWith and endsWith` (a superset: they may overlap); `*x*` has no
 *   Graph equivalent (no `contains`), only its initial/final parts are used.
 * - `(!(f=v))` keeps the users without `f` ("an absent field makes the item false"), so
 *   it becomes `f ne 'v' or f eq null` (advanced): exact whether Graph's `ne` keeps the
 *   nulls (as in OData) or leaves them out (its docs drop users for whom a filter
 *   "evaluates to false or null"). Where Graph can't test for null (`mail`), the NOT stays
 *   in the browser.
 */
export function toGraphQuery(node: FilterNode, options?: FieldListOption): GraphQuery {
  // `{ fields }` as parseFilter and matchesFilter take it, or (as before) the list itself.
  const done = translations(node, fieldsOf(options));
  const result = done.get(node);
  if (!result) return { advanced: false, exact: false, residual: node };
  const [filter, advanced, exact] = result;
  if (exact) return { filter, advanced, exact };
  let residual = node;
  if (node.type === 'and') {
    const rest = node.children.filter((c) => !done.get(c)?.[2]);
    residual = rest.length === 1 ? (rest[0] as FilterNode) : { type: 'and', children: rest };
  }
  return { filter, advanced, exact, residual };
}

/**
 * The translation of every node reached through `children` from `node` (what toGraphQuery
 * decides for each AND and OR inside, in one pass: the preview's clause report reads it
 * rather than translating each subtree again, which was quadratic in the depth).
 */
export function translations(
  node: FilterNode,
  fields: readonly FieldDefinition[],
): Map<FilterNode, Translation | undefined> {
  const done = new Map<FilterNode, Translation | undefined>();
  // A tree that holds itself, or a host's part whose getter throws (a revoked Proxy):
  // nothing translated, it all stays in the residual.
  try {
    if (isCyclic(node)) return done;
  } catch {
    return done;
  }
  const graphOf = (n: FilterNode): GraphFieldDefinition | undefined => {
    const def = 'field' in n ? findField(fields, n.field) : undefined;
    return def?.compare === 'phone' ? undefined : def?.graph;
  };

  const translate = (n: FilterNode): Translation | undefined => {
    const g = graphOf(n);
    if (n.type === 'not') {
      // Only `(!(f=v))` translates, so deep chains of nots are never descended into.
      const c = n.child;
      if (c.type !== 'equality' || !translate(c)?.[2]) return undefined;
      const h = graphOf(c) as GraphFieldDefinition; // (there: `c` translated exactly)
      if (h.ne === 'none' || h.presence === 'none') return undefined;
      const p = h.property;
      return [
        `${p} ne ${literal(c.value)} or ${p} eq null`,
        h.ne === 'advanced' || h.presence === 'advanced',
        true,
        true,
      ];
    }
    if (n.type === 'and' || n.type === 'or') {
      const or = n.type === 'or';
      const kids = n.children;
      const got: Translation[] = [];
      let advanced = false;
      let exact = true;
      for (const c of kids) {
        const t = done.get(c);
        if (t) {
          got.push(t);
          advanced ||= t[1];
          exact &&= t[2];
        } else if (or) return undefined;
        else exact = false;
      }
      const [first, second] = got;
      if (!first) return undefined;
      if (!second) return [first[0], first[1], exact, first[3]];
      const h = graphOf(kids[0] as FilterNode);
      let filter = '';
      let i = 0;
      if (
        or &&
        h &&
        !h.collection &&
        kids.every((c) => c.type === 'equality' && graphOf(c) === h)
      ) {
        // (|(f=a)(f=b)…) on one plain field → f in ('a','b'), in chunks of 15.
        for (; i < kids.length; i += MAX_IN) {
          filter += `${i ? ' or ' : ''}${h.property} in (${kids
            .slice(i, i + MAX_IN)
            .map((c) => literal((c as { value: string }).value))
            .join(',')})`;
        }
        return [filter, advanced, exact, i > MAX_IN];
      }
      // Plain concatenation (not join), so very deep trees build ropes instead of copying.
      for (const t of got) {
        filter = (filter ? filter + (or ? ' or ' : ' and ') : '') + (t[3] ? `(${t[0]})` : t[0]);
      }
      return [filter, advanced, exact, true];
    }
    if (!g || !isItemNode(n)) return undefined;
    const p = g.property;
    if (n.type === 'equality') {
      const v = literal(n.value);
      return n.value.length > MAX_VALUE
        ? undefined
        : when(g.eq, g.collection ? `${p}/any(x:x eq ${v})` : `${p} eq ${v}`, !g.collection);
    }
    if (g.collection) return undefined;
    if (n.type === 'present') return when(g.presence, `${p} ne null`, false);
    if (n.type !== 'substring') return undefined;
    let filter = '';
    let advanced = false;
    let exact = !n.any.length;
    let k = 0;
    // The Graph function names are also the support keys.
    for (const fn of ['startsWith', 'endsWith'] as const) {
      const part = fn === 'endsWith' ? n.final : n.initial;
      const support = g[fn];
      if (!part) continue;
      if (support !== 'none' && part.length <= MAX_VALUE) {
        filter += `${k++ ? ' and ' : ''}${fn}(${p},${literal(part)})`;
        advanced ||= support === 'advanced';
      } else exact = false;
    }
    return k ? [filter, advanced, exact && k < 2, k > 1] : undefined;
  };

  // Parents before children (the list grows while it is read), then translated in
  // reverse: children first. A part that isn't a node of this module (an `approx` node,
  // null, a value that isn't text) is not translated: it stays in the residual.
  const order = [node];
  for (const n of order) {
    const kids = (n as { children?: unknown } | null)?.children;
    if (Array.isArray(kids)) for (const c of kids) order.push(c as FilterNode);
  }
  for (let i = order.length; i--;) {
    try {
      done.set(order[i] as FilterNode, translate(order[i] as FilterNode));
    } catch {
      done.set(order[i] as FilterNode, undefined);
    }
  }
  return done;
}
