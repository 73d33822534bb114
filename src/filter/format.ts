import type { FilterNode } from './types.js';

/** Escapes exactly `*`, `(`, `)`, `\` and NUL (lowercase hex); every other character stays raw. */
export function escapeFilterValue(value: string): string {
  return value.replace(/[*()\\\0]/g, (c) => '\\' + c.charCodeAt(0).toString(16).padStart(2, '0'));
}

/** The canonical text of an item (equality, presence, substring); '' for a set. */
export function formatItem(node: FilterNode): string {
  if (node.type === 'equality') return `(${node.field}=${escapeFilterValue(node.value)})`;
  if (node.type === 'present') return `(${node.field}=*)`;
  if (node.type !== 'substring') return '';
  return `(${node.field}=${[node.initial ?? '', ...node.any, node.final ?? ''].map(escapeFilterValue).join('*')})`;
}

/** Deeper levels of a pretty filter stay at this indentation, so its size stays linear. */
const MAX_INDENT = 32;
const OPS = { and: '&', or: '|', not: '!' } as const;

/**
 * The canonical text of a filter: canonical field names, no whitespace, minimal escaping.
 * `pretty: true` puts every component on its own line, indented two spaces per level (up to
 * 32 levels; deeper ones stay there). Iterative, so any depth is fine.
 */
export function formatFilter(node: FilterNode, options?: { pretty?: boolean }): string {
  const pretty = options?.pretty === true;
  const parts: string[] = [];
  // Stack of nodes to write, or closing text (string) to write, with their depth.
  const stack: (FilterNode | string)[] = [node];
  const depths = [0];
  while (stack.length > 0) {
    const top = stack.pop() as FilterNode | string;
    const depth = depths.pop() as number;
    const indent = pretty ? '  '.repeat(Math.min(depth, MAX_INDENT)) : '';
    if (typeof top === 'string' || !(top.type in OPS)) {
      parts.push(indent + (typeof top === 'string' ? top : formatItem(top)));
      continue;
    }
    const set = top as FilterNode & { type: keyof typeof OPS };
    parts.push(`${indent}(${OPS[set.type]}`);
    stack.push(')');
    depths.push(depth);
    const children = set.type === 'not' ? [set.child] : set.children;
    for (let i = children.length; i--;) {
      stack.push(children[i] as FilterNode);
      depths.push(depth + 1);
    }
  }
  return parts.join(pretty ? '\n' : '');
}
