import { isHex, isName, isWs } from './parse.js';

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
  const push = (kind: FilterTokenKind, offset: number, end: number): void => {
    const last = tokens[tokens.length - 1];
    // Merge neighbouring tokens of one kind (except parens, escapes, wildcards, operators).
    if (end <= offset) return;
    if (last?.kind === kind && (kind === 'value' || kind === 'whitespace' || kind === 'invalid')) {
      last.length += end - offset;
    } else {
      tokens.push({ kind, offset, length: end - offset });
    }
  };
  // 0: between components; 1: right after (; 2: in a value (after =).
  let state = 0;
  for (let i = 0; i < n;) {
    const c = code(i);
    let j = i + 1;
    let kind: FilterTokenKind = 'invalid';
    if (state === 2) {
      if (c === 41) {
        kind = 'paren';
        state = 0;
      } else if (c === 42) {
        kind = 'wildcard';
      } else if (c === 92) {
        if (isHex(code(i + 1)) && isHex(code(i + 2))) {
          kind = 'escape';
          j += 2;
        }
      } else if (c !== 40 && c) {
        while (j < n && !')*\\(\0'.includes(s.charAt(j))) j++;
        kind = 'value';
      }
    } else if (isWs(c)) {
      while (isWs(code(j))) j++;
      if (state !== 1) kind = 'whitespace';
    } else if (c === 40 || c === 41) {
      kind = 'paren';
      state = c === 40 ? 1 : 0;
    } else if (state === 1 && (c === 38 || c === 124 || c === 33)) {
      kind = 'operator';
      state = 0;
    } else if (state === 1) {
      // A field name (letters, digits, -), then = or, up to the next = ( ), something invalid.
      j = i;
      while (isName(code(j)) && code(j) !== 46) j++;
      push('field', i, j);
      i = j;
      if (code(j) === 61) {
        kind = 'equals';
        j++;
      } else {
        while (j < n && !'=()'.includes(s.charAt(j))) j++;
        if (code(j) === 61) j++;
      }
      state = code(j - 1) === 61 && j > i ? 2 : 0;
    }
    push(kind, i, j);
    i = j;
  }
  return tokens;
}
