import { formatFilter } from './format.js';
import type { FilterNode } from './types.js';

/**
 * Structural equality of two filters, ignoring `span`s (and an absent vs empty
 * `initial`/`final`): their canonical texts are equal, since formatting is one-to-one on
 * valid trees (escaping is minimal and unambiguous). Iterative, so any depth is fine.
 */
export function filtersEqual(a: FilterNode, b: FilterNode): boolean {
  return formatFilter(a) === formatFilter(b);
}
