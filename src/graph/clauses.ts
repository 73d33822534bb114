import { translations } from '../filter/graph.js';
import { childrenOf, isCyclic, isItemNode } from '../filter/well-formed.js';
import {
  DEFAULT_FIELDS,
  formatFilter,
  toGraphQuery,
  type FieldDefinition,
  type FilterNode,
  type ItemNode,
  type Span,
} from '../filter/index.js';

/** Where a clause of the filter is evaluated during a preview. */
export type ClauseWhere = 'graph' | 'browser' | 'unsupported';

export interface ClauseReport {
  /** The clause as written back by formatFilter, e.g. `(department=Sales)`. */
  clause: string;
  /** Canonical field name. */
  field: string;
  where: ClauseWhere;
  /** Short English reason, e.g. "Graph has no contains: filtered in the browser". */
  reason: string;
  /** Stable key for the reason, for translation. */
  reasonCode: ClauseReasonCode;
  /** Where the clause sits in the filter text, when the parser recorded it. */
  span?: Span;
}

export type ClauseReasonCode =
  | 'graph'
  | 'graph-advanced'
  | 'no-contains'
  | 'no-ends-with'
  | 'no-starts-with'
  | 'partly-graph'
  | 'presence-unsupported'
  | 'presence-prefilter'
  | 'phone-format'
  | 'collection'
  | 'too-long'
  | 'in-or'
  | 'in-not'
  | 'in-not-null'
  | 'no-eq'
  | 'not-in-graph';

const REASONS: Record<ClauseReasonCode, string> = {
  graph: 'filtered by Microsoft Graph',
  'graph-advanced': 'filtered by Microsoft Graph as an advanced query (ConsistencyLevel: eventual)',
  'no-contains': 'Graph has no contains: filtered in the browser',
  'no-ends-with': "Graph can't match the end of {property}: filtered in the browser",
  'no-starts-with': "Graph can't match the start of {property}: filtered in the browser",
  'partly-graph': 'Graph narrows it with startsWith/endsWith, the rest is checked in the browser',
  'presence-unsupported': "Graph can't test whether {property} is set: filtered in the browser",
  'presence-prefilter': "Graph's 'ne null' narrows it, the browser confirms the value is not empty",
  'phone-format':
    'Graph compares phone numbers exactly as stored; ours ignore spaces, -, ., ( and ): filtered in the browser',
  collection: 'Graph matches any of the values, not the first: filtered in the browser',
  'too-long': "the value is longer than Graph's 120 characters: filtered in the browser",
  'in-or': "part of an OR with a clause Graph can't filter: filtered in the browser",
  'in-not': 'Graph can negate only a plain equality: filtered in the browser',
  'in-not-null':
    "Graph can't find the users without {property}, whom this keeps: filtered in the browser",
  'no-eq': "Graph can't filter {property} by value: filtered in the browser",
  'not-in-graph': "not a Microsoft Graph property: can't be previewed",
};

function report(
  leaf: ItemNode,
  where: ClauseWhere,
  code: ClauseReasonCode,
  property: string,
): ClauseReport {
  const r: ClauseReport = {
    clause: formatFilter(leaf),
    field: leaf.field,
    where,
    reason: REASONS[code].replace('{property}', property),
    reasonCode: code,
  };
  if (leaf.span) r.span = leaf.span;
  return r;
}

/** A field's definition as toGraphQuery finds it (case-insensitive; the last of equal names). */
function lookup(fields: readonly FieldDefinition[], name: string): FieldDefinition | undefined {
  const n = name.toLowerCase();
  for (let i = fields.length; i--;) if (fields[i]?.name.toLowerCase() === n) return fields[i];
  return undefined;
}

/** Why a single clause is not exactly translatable (or where it goes when it is). */
function ownReport(leaf: ItemNode, fields: readonly FieldDefinition[]): ClauseReport {
  const def = lookup(fields, leaf.field);
  const g = def?.graph;
  if (!def || !g) return report(leaf, 'unsupported', 'not-in-graph', leaf.field);
  const q = toGraphQuery(leaf, fields);
  if (q.exact) return report(leaf, 'graph', q.advanced ? 'graph-advanced' : 'graph', g.property);
  const p = g.property;
  if (def.compare === 'phone') return report(leaf, 'browser', 'phone-format', p);
  if (g.collection) return report(leaf, 'browser', 'collection', p);
  if (leaf.type === 'present') {
    return report(
      leaf,
      'browser',
      g.presence === 'none' ? 'presence-unsupported' : 'presence-prefilter',
      p,
    );
  }
  if (leaf.type === 'equality') {
    return report(leaf, 'browser', g.eq === 'none' ? 'no-eq' : 'too-long', p);
  }
  if (leaf.any.length > 0 && q.filter === undefined)
    return report(leaf, 'browser', 'no-contains', p);
  if (q.filter !== undefined) return report(leaf, 'browser', 'partly-graph', p);
  if (leaf.final !== undefined && g.endsWith === 'none')
    return report(leaf, 'browser', 'no-ends-with', p);
  if (leaf.initial !== undefined && g.startsWith === 'none') {
    return report(leaf, 'browser', 'no-starts-with', p);
  }
  return report(leaf, 'browser', 'no-contains', p);
}

/**
 * One report per leaf clause, in filter order: 'graph' when Microsoft Graph filters it
 * exactly, 'browser' when the browser does (with the reason), 'unsupported' when it can't
 * be previewed at all. Mirrors toGraphQuery: an AND splits per child; an OR or a NOT
 * is either wholly server-side or wholly in the browser.
 */
export function reportClauses(
  node: FilterNode | null,
  fields: readonly FieldDefinition[] = DEFAULT_FIELDS,
): ClauseReport[] {
  const out: ClauseReport[] = [];
  // (A host's tree that holds itself has no clauses to list: its walk would never end.)
  try {
    if (!node || isCyclic(node)) return out;
  } catch {
    return out;
  }
  // Explicit stack (filters may nest deeply); children pushed in reverse keep the order.
  type Forced = 'in-or' | 'in-not' | 'in-not-null';
  type Entry = { n: FilterNode; forced?: Forced; decided?: boolean; advanced?: boolean };
  const stack: Entry[] = [{ n: node }];
  // What toGraphQuery decides for each node, made once for the whole tree.
  const translated = translations(node, fields);
  while (stack.length > 0) {
    const { n, forced, decided, advanced } = stack.pop() as Entry;
    // A part the engine doesn't make (an empty value or AND, null) matches nobody and is
    // sent nowhere: no clause to report.
    if (!isItemNode(n) && !childrenOf(n)) continue;
    if (n.type === 'equality' || n.type === 'present' || n.type === 'substring') {
      const own = ownReport(n, fields);
      const property = lookup(fields, n.field)?.graph?.property ?? n.field;
      if (forced && own.where === 'graph') {
        out.push(report(n, 'browser', forced, forced === 'in-not-null' ? property : n.field));
      } else if (advanced && own.where === 'graph') {
        // Under an exact NOT: sent as `ne … or eq null`, an advanced query.
        out.push(report(n, 'graph', 'graph-advanced', property));
      } else out.push(own);
      continue;
    }
    let nextForced = forced;
    let nextDecided = decided;
    let nextAdvanced = advanced;
    if (!decided) {
      const t = translated.get(n);
      if (t?.[2]) {
        nextDecided = true; // every leaf below is exactly translated
        nextAdvanced = n.type === 'not' && t[1];
      } else if (n.type === 'or') {
        nextForced = 'in-or';
        nextDecided = true;
      } else if (n.type === 'not') {
        // A NOT keeps the users without the field: Graph must be able to ask for them.
        const c = n.child as FilterNode | undefined; // (absent in a host's slip: see above)
        const g = isItemNode(c) ? lookup(fields, c.field)?.graph : undefined;
        nextForced = c?.type === 'equality' && g?.presence === 'none' ? 'in-not-null' : 'in-not';
        nextDecided = true;
      }
    }
    const children = n.type === 'not' ? [n.child] : n.children;
    for (let i = children.length - 1; i >= 0; i--) {
      const entry: Entry = { n: children[i] as FilterNode };
      if (nextForced) entry.forced = nextForced;
      if (nextDecided) entry.decided = true;
      if (nextAdvanced) entry.advanced = true;
      stack.push(entry);
    }
  }
  return out;
}
