import { DEFAULT_FIELDS, findField, isFieldName } from './fields.js';
import type { FieldDefinition, FilterNode, ItemNode } from './types.js';

/**
 * Escapes exactly `*`, `(`, `)`, `\` and NUL (lowercase hex); every other character stays raw.
 * Text only: a node's value that isn't text throws, and formatFilter writes that node `()`.
 */
const escape = (value: string): string =>
  value.replace(/[*()\\\0]/g, (c) => '\\' + c.charCodeAt(0).toString(16).padStart(2, '0'));

/** Escapes exactly `*`, `(`, `)`, `\` and NUL (lowercase hex); every other character stays raw. */
export function escapeFilterValue(value: string): string {
  // (No value, as Graph gives for an empty property, is the empty text, not a TypeError.)
  return escape(String(value ?? ''));
}

const OPS = { __proto__: null, and: '&', or: '|', not: '!' } as unknown as Record<string, string>;

/**
 * The canonical text of a filter: canonical field names (a name of `fields` in any case is
 * written as defined there), no whitespace, minimal escaping.
 * `pretty: true` puts every component on its own line, indented two spaces per level (up to
 * 32 levels; deeper ones stay there, so the size stays linear). Iterative, so any depth is fine.
 * A part that is not a node of this module (an `approx` node, null, a field name with `(`
 * in it) is written `()`, which no filter parser accepts: dropped, it would widen the
 * filter (`(&(a=b)(c~=d))` as `(&(a=b))`), and written as it came, it could change the
 * filter's structure.
 */
export function formatFilter(
  node: FilterNode,
  options?: { pretty?: boolean; fields?: readonly FieldDefinition[] },
): string {
  const pretty = options?.pretty === true;
  const fields = options?.fields ?? DEFAULT_FIELDS;
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
    let children: unknown;
    if (d < 0) line += ')';
    else if (
      OPS[top?.type] &&
      Array.isArray(
        (children = top.type === 'not' ? [top.child] : (top as { children: unknown }).children),
      )
    ) {
      line += '(' + OPS[top.type];
      stack.push(0);
      depths.push(~depth);
      for (let i = children.length; i--;) {
        stack.push(children[i]);
        depths.push(depth + 1);
      }
    } else {
      try {
        const item = top as ItemNode;
        if (
          !/^(?:equality|present|substring)$/.test(item.type) ||
          !isFieldName(item.field) ||
          (item.type === 'substring' && !Array.isArray(item.any))
        ) {
          throw 0;
        }
        line += `(${findField(fields, item.field)?.name ?? item.field}=${
          item.type === 'present'
            ? '*'
            : item.type === 'equality'
              ? escape(item.value)
              : [item.initial ?? '', ...item.any, item.final ?? ''].map(escape).join('*')
        })`;
      } catch {
        line += '()';
      }
    }
    parts.push(line);
  }
  return parts.join(pretty ? '\n' : '');
}
