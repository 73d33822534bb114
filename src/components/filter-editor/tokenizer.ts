/**
 * Highlighting in the editor uses the engine's tokenizer (`ucx-user-sync/filter/tokenize`):
 * lenient, never throws, and covers every UTF-16 unit of the input exactly once, so the
 * highlighted mirror always has the same text as the textarea above it. Validity is
 * `parseFilter`'s to decide; here the tokens are only cut at the error range.
 */
import type { FilterToken, FilterTokenKind } from '../../filter/tokenize.js';

export interface HighlightSegment {
  kind: FilterTokenKind;
  text: string;
  /** Inside the error range reported by the parser. */
  error: boolean;
}

/**
 * Splits tokens at the error range's edges, so the error underline can sit on
 * exactly the characters the parser named. A zero-length range at the end of
 * the text gets a one-space marker segment (kind `whitespace`).
 */
export function segmentTokens(
  text: string,
  tokens: readonly FilterToken[],
  error?: { offset: number; length: number },
): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  let start = -1;
  let end = -1;
  if (error) {
    start = Math.max(0, Math.min(error.offset, text.length));
    end = Math.max(start, Math.min(error.offset + Math.max(error.length, 0), text.length));
    // A zero-length range inside the text underlines the character at that place.
    if (end === start && start < text.length) end = start + 1;
  }
  for (const token of tokens) {
    const tStart = token.offset;
    const tEnd = token.offset + token.length;
    const cuts = [tStart];
    if (start > tStart && start < tEnd) cuts.push(start);
    if (end > tStart && end < tEnd) cuts.push(end);
    cuts.push(tEnd);
    for (let k = 0; k < cuts.length - 1; k += 1) {
      const a = cuts[k] as number;
      const b = cuts[k + 1] as number;
      if (b <= a) continue;
      segments.push({
        kind: token.kind,
        text: text.slice(a, b),
        error: start >= 0 && a >= start && b <= end && end > start,
      });
    }
  }
  if (error && start === text.length) {
    segments.push({ kind: 'whitespace', text: ' ', error: true });
  }
  return segments;
}
