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

function isWs(c: string): boolean {
  return c === ' ' || c === '\n' || c === '\t' || c === '\r';
}
const HEX = /^[0-9a-fA-F]{2}$/;

/**
 * Splits any text into tokens for syntax highlighting. The tokens cover the whole text,
 * in order, without gaps or overlap. Lenient: it never throws and never validates more
 * than highlighting needs (parseFilter reports the errors).
 */
export function tokenizeFilter(text: string): FilterToken[] {
  const tokens: FilterToken[] = [];
  const s = typeof text === 'string' ? text : '';
  const n = s.length;
  const push = (kind: FilterTokenKind, offset: number, end: number): void => {
    if (end <= offset) return;
    const last = tokens[tokens.length - 1];
    // Merge neighbouring tokens of one kind (except parens, escapes, wildcards, operators).
    if (
      last &&
      last.kind === kind &&
      (kind === 'value' || kind === 'whitespace' || kind === 'invalid')
    ) {
      last.length += end - offset;
    } else {
      tokens.push({ kind, offset, length: end - offset });
    }
  };
  // 'between': between components; 'open': right after (; 'value': after =.
  let state: 'between' | 'open' | 'value' = 'between';
  let i = 0;
  while (i < n) {
    const c = s[i] as string;
    if (state === 'value') {
      if (c === ')') {
        push('paren', i, i + 1);
        state = 'between';
        i++;
      } else if (c === '*') {
        push('wildcard', i, i + 1);
        i++;
      } else if (c === '\\') {
        const ok = HEX.test(s.slice(i + 1, i + 3));
        push(ok ? 'escape' : 'invalid', i, ok ? i + 3 : i + 1);
        i += ok ? 3 : 1;
      } else if (c === '(' || c === '\0') {
        push('invalid', i, i + 1);
        i++;
      } else {
        let j = i + 1;
        while (j < n && !')*\\(\0'.includes(s[j] as string)) j++;
        push('value', i, j);
        i = j;
      }
      continue;
    }
    if (isWs(c)) {
      let j = i + 1;
      while (j < n && isWs(s[j] as string)) j++;
      push(state === 'open' ? 'invalid' : 'whitespace', i, j);
      i = j;
      continue;
    }
    if (c === '(') {
      push('paren', i, i + 1);
      state = 'open';
      i++;
      continue;
    }
    if (c === ')') {
      push('paren', i, i + 1);
      state = 'between';
      i++;
      continue;
    }
    if (state === 'open' && (c === '&' || c === '|' || c === '!')) {
      push('operator', i, i + 1);
      state = 'between';
      i++;
      continue;
    }
    if (state === 'open') {
      let j = i;
      while (j < n && /[A-Za-z0-9-]/.test(s[j] as string)) j++;
      push('field', i, j);
      if (j < n && s[j] === '=') {
        push('equals', j, j + 1);
        state = 'value';
        i = j + 1;
        continue;
      }
      // Anything up to the next =, ( or ) is not a usable name or operator.
      let k = j;
      while (k < n && !'=()'.includes(s[k] as string)) k++;
      if (k < n && s[k] === '=') k++;
      push('invalid', j, k);
      state = k > j && s[k - 1] === '=' ? 'value' : 'between';
      i = k;
      continue;
    }
    push('invalid', i, i + 1);
    i++;
  }
  return tokens;
}
