import { DEFAULT_FIELDS, findField } from './fields.js';
import type { FieldDefinition, FilterNode } from './types.js';
import { childrenOf, isCyclic, isItemNode } from './well-formed.js';

/**
 * Escapes exactly `*`, `(`, `)`, `\` and NUL (lowercase hex); every other character stays raw.
 * (formatFilter writes only values that are text: isItemNode.)
 */
const escape = (value: string): string =>
  value.replace(/[*()\\\0]/g, (c) => '\\' + c.charCodeAt(0).toString(16).padStart(2, '0'));

/** Escapes exactly `*`, `(`, `)`, `\` and NUL (lowercase hex); every other character stays raw. */
export function escapeFilterValue(value: string): string {
  // (No value, as Graph gives for an empty property, is the empty text, not a TypeError.)
  return escape(String(value ?? ''));
}

const OPS: Record<string, string> = { and: '&', or: '|', not: '!' };

/**
 * The canonical text of a filter: canonical field names (a name of `fields` in any case is
 * written as defined there), no whitespace, minimal escaping.
 * `pretty: true` puts every component on its own line, indented two spaces per level (up to
 * 32 levels; deeper ones stay there, so the size stays linear). Iterative, so any depth is fine.
 * A part that is not a node of this module (an `approx` node, null, a field name with `(`
 * in it, an empty value or set: what parseFilter never gives) is written `()`, which no
 * filter parser accepts: dropped, it would widen the filter (`(&(a=b)(c~=d))` as
 * `(&(a=b))`), and written as it came, it could change the filter's structure or not read
 * back. A tree that holds itself (`a.children.push(a)`) is all `()`.
 */
export function formatFilter(
  node: FilterNode,
  options?: { pretty?: boolean; fields?: readonly FieldDefinition[] },
): string {
  try {
    // (A tree that holds itself has no text: its walk would never end.)
    return isCyclic(node)
      ? '()'
      : write(node, options?.pretty === true, options?.fields ?? DEFAULT_FIELDS);
  } catch {
    return '()'; // (a host's node whose getter throws, a revoked Proxy: no text either)
  }
}

function write(node: FilterNode, pretty: boolean, fields: readonly FieldDefinition[]): string {
  const parts: string[] = [];
  // Stack of nodes to write, with their depth; a set's closing ) is marked by its depth
  // written ~depth (negative), never by a value in the stack, where a host's string child
  // could pass for it and be written as filter text.
  const stack: unknown[] = [node];
  const depths = [0];
  while (stack.length) {
    const top = stack.pop() as FilterNode;
    const d = depths.pop() as number;
    const depth = d < 0 ? ~d : d;
    let line = pretty ? '  '.repeat(Math.min(depth, 32)) : '';
    let children: unknown[] | undefined;
    if (d < 0) line += ')';
    else if ((children = childrenOf(top))) {
      line += '(' + OPS[top.type];
      stack.push(0);
      depths.push(~depth);
      for (let i = children.length; i--;) {
        stack.push(children[i]);
        depths.push(depth + 1);
      }
    } else if (isItemNode(top)) {
      line += `(${findField(fields, top.field)?.name ?? top.field}=${
        top.type === 'present'
          ? '*'
          : top.type === 'equality'
            ? escape(top.value)
            : [top.initial ?? '', ...top.any, top.final ?? ''].map(escape).join('*')
      })`;
    } else line += '()';
    parts.push(line);
  }
  return parts.join(pretty ? '\n' : '');
}
