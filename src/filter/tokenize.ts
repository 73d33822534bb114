// Entry `ucx-user-sync/filter/tokenize`: a lenient tokenizer for syntax highlighting.
// Kept out of `ucx-user-sync/filter` so parsers and matchers don't pay for it.
import { isHex, isName, isWs, until } from './parse.js';

export type FilterTokenKind =
  | 'paren'
  | 'operator'
  | 'field'
  | 'equals'
  | 'value'
  | 'escape'
  | 'wildcard'
  | 'whitespace'
  | 'invalid';

export interface FilterToken {
  kind: FilterTokenKind;
  offset: number;
  length: number;
}

const KINDS: FilterTokenKind[] = [
  'paren',
  'operator',
  'field',
  'equals',
  'wildcard',
  'escape',
  'value',
  'whitespace',
  'invalid',
];

/**
 * Splits any text into tokens for syntax highlighting. The tokens cover the whole text,
 * in order, without gaps or overlap. Lenient: it never throws and never validates more
 * than highlighting needs (parseFilter reports the errors).
 */
export function tokenizeFilter(text: string): FilterToken[] {
  const tokens: FilterToken[] = [];
  const s = typeof text === 'string' ? text : '';
  const n = s.length;
  const code = (i: number): number => s.charCodeAt(i);
  let last: FilterToken | undefined;
  // A token of KINDS[k]; neighbouring values, whitespace or invalid text merge into one.
  const push = (k: number, offset: number, end: number): void => {
    if (end <= offset) return;
    if (last && k > 5 && last.kind === KINDS[k]) last.length += end - offset;
    else tokens.push((last = { kind: KINDS[k] as FilterTokenKind, offset, length: end - offset }));
  };
  // 0: between components; 1: right after (; 2: in a value (after =).
  let state = 0;
  for (let i = 0; i < n;) {
    const c = code(i);
    let j = i + 1;
    let k = 8;
    if (state === 2) {
      if (c === 41) {
        k = state = 0;
      } else if (c === 42) {
        k = 4;
      } else if (c === 92) {
        if (isHex(code(i + 1)) && isHex(code(i + 2))) {
          k = 5;
          j += 2;
        }
      } else if (c !== 40 && c) {
        j = until(s, j, ')*\\(\0');
        k = 6;
      }
    } else if (isWs(c)) {
      while (isWs(code(j))) j++;
      if (state !== 1) k = 7;
    } else if (c === 40 || c === 41) {
      k = 0;
      state = c === 40 ? 1 : 0;
    } else if (state === 1 && (c === 38 || c === 124 || c === 33)) {
      k = 1;
      state = 0;
    } else if (state === 1) {
      // A field name (letters, digits, -), then = or, up to the next = ( ), something invalid.
      j = i;
      while (isName(code(j)) && code(j) !== 46) j++;
      push(2, i, j);
      i = j;
      if (code(j) === 61) {
        k = 3;
        j++;
      } else {
        j = until(s, j, '=()');
        if (code(j) === 61) j++;
      }
      state = code(j - 1) === 61 && j > i ? 2 : 0;
    }
    push(k, i, j);
    i = j;
  }
  return tokens;
}
