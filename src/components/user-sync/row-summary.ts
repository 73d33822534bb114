// A row's plain-language summary of its filter. Loaded with the list (import(), see the
// section's #load), not in the first paint: the filter parser and the summary's words are
// about 4 KB gzip that the empty shell never uses.
import { parseSyntax } from '../../filter/parse.js';
import { summarizeFilter } from '../filter-editor/summary.js';

/** The summary of a stored filter, or null when it doesn't parse (the row shows the text). */
export function summarizeStoredFilter(filter: string): string | null {
  const parsed = parseSyntax(filter);
  return parsed.ok ? summarizeFilter(parsed.filter) : null;
}
