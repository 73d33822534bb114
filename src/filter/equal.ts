import type { FilterNode } from './types.js';

function sameItem(a: FilterNode, b: FilterNode): boolean {
  if (a.type === 'equality' && b.type === 'equality') {
    return a.field === b.field && a.value === b.value;
  }
  if (a.type === 'present' && b.type === 'present') return a.field === b.field;
  if (a.type === 'substring' && b.type === 'substring') {
    return (
      a.field === b.field &&
      (a.initial ?? '') === (b.initial ?? '') &&
      (a.final ?? '') === (b.final ?? '') &&
      a.any.length === b.any.length &&
      a.any.every((p, i) => p === b.any[i])
    );
  }
  return false;
}

/**
 * Structural equality of two filters, ignoring `span`s (and an absent vs empty
 * `initial`/`final`). Iterative, so any depth is fine.
 */
export function filtersEqual(a: FilterNode, b: FilterNode): boolean {
  const left: FilterNode[] = [a];
  const right: FilterNode[] = [b];
  while (left.length > 0) {
    const x = left.pop() as FilterNode;
    const y = right.pop() as FilterNode;
    if (x.type !== y.type) return false;
    if (x.type === 'not' && y.type === 'not') {
      left.push(x.child);
      right.push(y.child);
    } else if ((x.type === 'and' || x.type === 'or') && (y.type === 'and' || y.type === 'or')) {
      if (x.children.length !== y.children.length) return false;
      for (let i = 0; i < x.children.length; i++) {
        left.push(x.children[i] as FilterNode);
        right.push(y.children[i] as FilterNode);
      }
    } else if (!sameItem(x, y)) {
      return false;
    }
  }
  return true;
}
