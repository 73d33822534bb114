import { isFieldName } from './fields.js';
import type { FilterNode, ItemNode } from './types.js';

/**
 * Text a value can be: not empty (`(department=)` doesn't parse, and `**` has an empty
 * part), and no lone surrogate (it can't be written back or put in a URL). What the parser
 * gives always is; a host's hand-built node may not be.
 */
const isValueText = (v: unknown): v is string =>
  typeof v === 'string' && v !== '' && !/\p{Cs}/u.test(v);

/**
 * An item as the parser makes it: a field name, and values that write back as they are
 * (a substring's start and end may be absent or empty, but one of its parts is there:
 * with none it would read back as a presence test).
 */
export function isItemNode(n: unknown): n is ItemNode {
  const item = n as ItemNode | null;
  if (!item || !isFieldName(item.field)) return false;
  if (item.type === 'present') return true;
  if (item.type === 'equality') return isValueText(item.value);
  if (item.type !== 'substring' || !Array.isArray(item.any)) return false;
  const { initial, any, final } = item;
  return (
    !!(any.length || initial || final) && [...any, initial || 'x', final || 'x'].every(isValueText)
  );
}

/**
 * The children of an AND, OR or NOT (a NOT's one child as a list); undefined for a part
 * that isn't one, or a set with none (`(&)` doesn't parse: built by hand it would match
 * everyone, or no one, depending on who reads it).
 */
export function childrenOf(n: unknown): unknown[] | undefined {
  const set = n as FilterNode | null;
  const kids =
    set?.type === 'not'
      ? [set.child]
      : set?.type === 'and' || set?.type === 'or'
        ? set.children
        : 0;
  return Array.isArray(kids) && kids.length ? kids : undefined;
}

/**
 * Whether a hand-built tree holds itself (`a.children.push(a)`): no walk of it would end.
 * Depth first, without recursion; a part reached by two paths (a shared child) is read once.
 */
export function isCyclic(root: FilterNode): boolean {
  // 0: on the current path (the parts under it are being read); 1: read, with all under it.
  const seen = new Map<unknown, number>();
  const stack: unknown[] = [root];
  while (stack.length) {
    const n = stack[stack.length - 1];
    if (seen.has(n)) {
      stack.pop(); // (back at it, or reached again: read)
      seen.set(n, 1);
      continue;
    }
    seen.set(n, 0);
    for (const c of childrenOf(n) ?? []) {
      if (seen.get(c) === 0) return true;
      stack.push(c);
    }
  }
  return false;
}
