// Server-side re-validation of filters with the same engine as the browser.
import { formatFilter, parseFilter } from '../../../src/filter/index.js';
import type { ProblemInit } from './problem.js';

export type CanonicalFilterResult =
  { ok: true; filter: string | null } | { ok: false; problem: ProblemInit };

/**
 * Parses the submitted filter and returns its canonical text (`formatFilter`), or
 * null for "all users" (null or only whitespace). An invalid filter yields a 400
 * `invalid-filter` problem whose field error carries the engine's code and place.
 */
export function canonicalFilter(text: string | null): CanonicalFilterResult {
  if (text === null || text.trim() === '') return { ok: true, filter: null };
  const result = parseFilter(text);
  if (result.ok) return { ok: true, filter: formatFilter(result.filter) };
  const { error } = result;
  return {
    ok: false,
    problem: {
      status: 400,
      code: 'invalid-filter',
      title: 'Invalid LDAP filters',
      detail: error.message,
      errors: [
        {
          field: 'filter',
          code: error.code,
          message: error.message,
          offset: error.offset,
          length: error.length,
        },
      ],
    },
  };
}
