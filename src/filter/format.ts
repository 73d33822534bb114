import type { FilterNode } from './types.js';

const SPECIAL = /[*()\\\0]/g;
const ESCAPES: Record<string, string> = {
  '*': '\\2a',
  '(': '\\28',
  ')': '\\29',
  '\\': '\\5c',
  '\0': '\\00',
};

/** Escapes exactly `*`, `(`, `)`, `\` and NUL (lowercase hex); every other character stays raw. */
export function escapeFilterValue(value: string): string {
  return value.replace(SPECIAL, (c) => ESCAPES[c] ?? c);
}

function item(node: FilterNode): string {
  switch (node.type) {
    case 'equality':
      return `(${node.field}=${escapeFilterValue(node.value)})`;
    case 'present':
      return `(${node.field}=*)`;
    case 'substring': {
      let s = `(${node.field}=${escapeFilterValue(node.initial ?? '')}*`;
      for (const part of node.any) s += `${escapeFilterValue(part)}*`;
      return `${s}${escapeFilterValue(node.final ?? '')})`;
    }
    default:
      return '';
  }
}

const OPS = { and: '&', or: '|', not: '!' } as const;

/**
 * The canonical text of a filter: canonical field names, no whitespace, minimal escaping.
 * `pretty: true` puts every component on its own line, indented two spaces per level.
 * Iterative, so any depth is fine.
 */
export function formatFilter(node: FilterNode, options?: { pretty?: boolean }): string {
  const pretty = options?.pretty === true;
  const parts: string[] = [];
  // Stack of nodes to write, or closing text (string) to write, with their depth.
  const stack: (FilterNode | string)[] = [node];
  const depths: number[] = [0];
  while (stack.length > 0) {
    const top = stack.pop() as FilterNode | string;
    const depth = depths.pop() as number;
    const indent = pretty ? '  '.repeat(depth) : '';
    if (typeof top === 'string') {
      parts.push(indent + top);
      continue;
    }
    if (top.type === 'and' || top.type === 'or' || top.type === 'not') {
      parts.push(`${indent}(${OPS[top.type]}`);
      stack.push(')');
      depths.push(depth);
      const children = top.type === 'not' ? [top.child] : top.children;
      for (let i = children.length - 1; i >= 0; i--) {
        stack.push(children[i] as FilterNode);
        depths.push(depth + 1);
      }
    } else {
      parts.push(indent + item(top));
    }
  }
  return parts.join(pretty ? '\n' : '');
}
