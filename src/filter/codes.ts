import type { FilterNode } from './types.js';

/**
 * What the parser reports, before it is put in words: a code's index, the place, the params.
 * The section's rows parse stored filters only to summarize them, never to show an error, so
 * the parser (in the rows' summaries chunk, loaded with the list) names no codes and writes
 * no messages: parseFilter does (messages.ts, `publish`), and 3 KB of message templates stay
 * out of that chunk.
 */
export type Params = Record<string, string | number>;

export interface RawProblem {
  code: CodeIndex;
  offset: number;
  length: number;
  /** With the 1-based `position` (code points) of `offset`. */
  params: Params & { position: number };
}

export type RawResult =
  { ok: true; filter: FilterNode; warnings: RawProblem[] } | { ok: false; error: RawProblem };

/** A problem code's index in FILTER_MESSAGES (code.ts names them). */
export type CodeIndex = number;
