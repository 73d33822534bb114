import type { FilterNode, ItemNode } from '../../filter/index.js';

/** The conditions a builder row offers. */
export type Condition =
  | 'is'
  | 'isNot'
  | 'startsWith'
  | 'notStartsWith'
  | 'endsWith'
  | 'notEndsWith'
  | 'contains'
  | 'notContains'
  | 'present'
  | 'notPresent';

export const CONDITIONS: readonly Condition[] = [
  'is',
  'isNot',
  'startsWith',
  'notStartsWith',
  'endsWith',
  'notEndsWith',
  'contains',
  'notContains',
  'present',
  'notPresent',
];

export function needsValue(condition: Condition): boolean {
  return condition !== 'present' && condition !== 'notPresent';
}

export interface BuilderRow {
  kind: 'row';
  id: number;
  field: string;
  condition: Condition;
  /** The value as the admin means it (not escaped); escaping happens on output. */
  value: string;
}

export interface BuilderGroup {
  kind: 'group';
  id: number;
  combinator: 'and' | 'or';
  items: BuilderItem[];
}

export type BuilderItem = BuilderRow | BuilderGroup;

let nextId = 1;
export function newId(): number {
  return nextId++;
}

export function newRow(field: string): BuilderRow {
  return { kind: 'row', id: newId(), field, condition: 'is', value: '' };
}

export function newGroup(
  combinator: 'and' | 'or' = 'and',
  items: BuilderItem[] = [],
): BuilderGroup {
  return { kind: 'group', id: newId(), combinator, items };
}

/** Why a valid filter can't be shown in the builder. */
export type Unrepresentable =
  { reason: 'substring'; field: string } | { reason: 'not-of-group' } | { reason: 'double-not' };

export type ToBuilderResult =
  { ok: true; root: BuilderGroup } | { ok: false; why: Unrepresentable };

class NotRepresentable extends Error {
  constructor(readonly why: Unrepresentable) {
    super(why.reason);
  }
}

/** Converts an AST (or no filter) into builder groups and rows, when it can. */
export function toBuilder(node: FilterNode | undefined): ToBuilderResult {
  try {
    if (!node) return { ok: true, root: newGroup('and') };
    if (node.type === 'and' || node.type === 'or') return { ok: true, root: groupOf(node) };
    return { ok: true, root: newGroup('and', [itemOf(node)]) };
  } catch (e) {
    if (e instanceof NotRepresentable) return { ok: false, why: e.why };
    throw e;
  }
}

function groupOf(node: FilterNode & { type: 'and' | 'or' }): BuilderGroup {
  return newGroup(
    node.type,
    node.children.map((c) => itemOf(c)),
  );
}

function itemOf(node: FilterNode): BuilderItem {
  switch (node.type) {
    case 'and':
    case 'or':
      return groupOf(node);
    case 'not': {
      const child = node.child;
      if (child.type === 'and' || child.type === 'or')
        throw new NotRepresentable({ reason: 'not-of-group' });
      if (child.type === 'not') throw new NotRepresentable({ reason: 'double-not' });
      return rowOf(child, true);
    }
    default:
      return rowOf(node, false);
  }
}

function rowOf(node: ItemNode, negated: boolean): BuilderRow {
  const row = (condition: Condition, value: string): BuilderRow => ({
    kind: 'row',
    id: newId(),
    field: node.field,
    condition,
    value,
  });
  switch (node.type) {
    case 'equality':
      return row(negated ? 'isNot' : 'is', node.value);
    case 'present':
      return row(negated ? 'notPresent' : 'present', '');
    case 'substring': {
      const { initial, any, final } = node;
      if (initial !== undefined && any.length === 0 && final === undefined) {
        return row(negated ? 'notStartsWith' : 'startsWith', initial);
      }
      if (initial === undefined && any.length === 0 && final !== undefined) {
        return row(negated ? 'notEndsWith' : 'endsWith', final);
      }
      if (initial === undefined && any.length === 1 && final === undefined) {
        return row(negated ? 'notContains' : 'contains', any[0] ?? '');
      }
      throw new NotRepresentable({ reason: 'substring', field: node.field });
    }
  }
}

/** A row or group the builder can't turn into text yet (shown as incomplete). */
export interface Incomplete {
  id: number;
  kind: 'row' | 'group';
}

/**
 * Converts builder state into an AST. Incomplete rows (no value) and empty nested
 * groups are left out of the AST and listed in `incomplete`, so the AST is always
 * valid; the element reports incomplete items as a validity error (they block
 * Create) rather than emitting invalid text. A group with one member collapses
 * into that member; an empty root means "no filter" (all users).
 */
export function fromBuilder(root: BuilderGroup): { node?: FilterNode; incomplete: Incomplete[] } {
  const incomplete: Incomplete[] = [];
  const node = groupNode(root, incomplete, true);
  return node ? { node, incomplete } : { incomplete };
}

function groupNode(
  group: BuilderGroup,
  incomplete: Incomplete[],
  isRoot: boolean,
): FilterNode | undefined {
  const children: FilterNode[] = [];
  for (const item of group.items) {
    const node =
      item.kind === 'row' ? rowNode(item, incomplete) : groupNode(item, incomplete, false);
    if (node) children.push(node);
  }
  if (children.length === 0) {
    if (!isRoot && !group.items.some((i) => i.kind === 'row'))
      incomplete.push({ id: group.id, kind: 'group' });
    return undefined;
  }
  if (children.length === 1) return children[0];
  return { type: group.combinator, children };
}

function rowNode(row: BuilderRow, incomplete: Incomplete[]): FilterNode | undefined {
  const { field, condition, value } = row;
  if (needsValue(condition) && value === '') {
    incomplete.push({ id: row.id, kind: 'row' });
    return undefined;
  }
  let item: ItemNode;
  switch (condition) {
    case 'is':
    case 'isNot':
      item = { type: 'equality', field, value };
      break;
    case 'startsWith':
    case 'notStartsWith':
      item = { type: 'substring', field, initial: value, any: [] };
      break;
    case 'endsWith':
    case 'notEndsWith':
      item = { type: 'substring', field, any: [], final: value };
      break;
    case 'contains':
    case 'notContains':
      item = { type: 'substring', field, any: [value] };
      break;
    case 'present':
    case 'notPresent':
      item = { type: 'present', field };
      break;
  }
  const negated =
    condition === 'isNot' ||
    condition === 'notStartsWith' ||
    condition === 'notEndsWith' ||
    condition === 'notContains' ||
    condition === 'notPresent';
  return negated ? { type: 'not', child: item } : item;
}

/** Finds an item and its parent group by id. */
export function findItem(
  root: BuilderGroup,
  id: number,
): { item: BuilderItem; parent: BuilderGroup | undefined } | undefined {
  if (root.id === id) return { item: root, parent: undefined };
  for (const item of root.items) {
    if (item.id === id) return { item, parent: root };
    if (item.kind === 'group') {
      const found = findItem(item, id);
      if (found) return found;
    }
  }
  return undefined;
}

/** Number of rows (complete or not) in the tree. */
export function countRows(group: BuilderGroup): number {
  return group.items.reduce((n, i) => n + (i.kind === 'row' ? 1 : countRows(i)), 0);
}
