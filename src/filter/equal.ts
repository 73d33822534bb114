import { formatFilter } from './format.js';
import type { FilterNode } from './types.js';

/**
 * Structural equality of two filters, ignoring `span`s (and an absent vs empty
 * `initial`/`final`): their canonical texts are equal, since formatting is one-to-one on
 * valid trees (escaping is minimal and unambiguous). Iterative, so any depth is fine.
 * A tree with a part that isn't a node equals nothing: formatFilter writes that part `()`,
 * which a valid tree's text never holds (its values escape parentheses).
 */
export function filtersEqual(a: FilterNode, b: FilterNode): boolean {
  const text = formatFilter(a);
  return text === formatFilter(b) && !text.includes('()');
}
