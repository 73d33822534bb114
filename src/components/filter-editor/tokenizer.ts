/**
 * A small, lenient tokenizer for syntax highlighting of LDAP filter text.
 *
 * It never throws and covers every UTF-16 unit of the input exactly once, so the
 * highlighted mirror always has the same text as the textarea above it. It does
 * not decide validity (the engine's `parseFilter` does); a character it can't
 * place is an `invalid` token.
 */

export type HighlightKind =
  | 'paren'
  | 'operator'
  | 'field'
  | 'equals'
  | 'value'
  | 'escape'
  | 'wildcard'
  | 'whitespace'
  | 'invalid';

export interface HighlightToken {
  kind: HighlightKind;
  offset: number;
  length: number;
}

const WS = new Set([' ', '\t', '\n', '\r']);
const HEX = /^[0-9a-fA-F]{2}$/;
/** Characters that end an attribute description. */
const FIELD_END = new Set(['=', '(', ')', '~', '>', '<', ' ', '\t', '\n', '\r', '*']);

type State = 'outside' | 'afterOpen' | 'afterField' | 'value';

export function tokenizeForHighlight(text: string): HighlightToken[] {
  const tokens: HighlightToken[] = [];
  const push = (kind: HighlightKind, offset: number, length: number): void => {
    const last = tokens[tokens.length - 1];
    // Merge adjacent runs of the same kind (except structural single characters).
    if (
      last &&
      last.kind === kind &&
      last.offset + last.length === offset &&
      (kind === 'value' || kind === 'whitespace' || kind === 'invalid')
    ) {
      last.length += length;
    } else {
      tokens.push({ kind, offset, length });
    }
  };
  let state: State = 'outside';
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i] as string;
    switch (state) {
      case 'outside':
        if (WS.has(c)) push('whitespace', i, 1);
        else if (c === '(') {
          push('paren', i, 1);
          state = 'afterOpen';
        } else if (c === ')') push('paren', i, 1);
        else push('invalid', i, 1);
        i += 1;
        break;
      case 'afterOpen':
        if (WS.has(c)) {
          push('whitespace', i, 1);
          i += 1;
        } else if (c === '&' || c === '|' || c === '!') {
          push('operator', i, 1);
          state = 'outside';
          i += 1;
        } else if (c === '(') {
          push('paren', i, 1);
          i += 1;
        } else if (c === ')') {
          push('paren', i, 1);
          state = 'outside';
          i += 1;
        } else if (c === '=') {
          push('equals', i, 1);
          state = 'value';
          i += 1;
        } else {
          let j = i;
          while (j < n && !FIELD_END.has(text[j] as string)) j += 1;
          if (j === i) {
            push('invalid', i, 1);
            i += 1;
          } else {
            push('field', i, j - i);
            i = j;
            state = 'afterField';
          }
        }
        break;
      case 'afterField':
        if (c === '=') {
          push('equals', i, 1);
          state = 'value';
          i += 1;
        } else if ((c === '~' || c === '>' || c === '<') && text[i + 1] === '=') {
          // Unsupported match operators: shown as invalid, then read the value.
          push('invalid', i, 2);
          state = 'value';
          i += 2;
        } else if (c === ')') {
          push('paren', i, 1);
          state = 'outside';
          i += 1;
        } else if (c === '(') {
          push('paren', i, 1);
          state = 'afterOpen';
          i += 1;
        } else {
          push(WS.has(c) ? 'whitespace' : 'invalid', i, 1);
          i += 1;
        }
        break;
      case 'value':
        if (c === ')') {
          push('paren', i, 1);
          state = 'outside';
          i += 1;
        } else if (c === '*') {
          push('wildcard', i, 1);
          i += 1;
        } else if (c === '\\') {
          const hex = text.slice(i + 1, i + 3);
          if (HEX.test(hex)) {
            push('escape', i, 3);
            i += 3;
          } else {
            push('invalid', i, 1);
            i += 1;
          }
        } else if (c === '(' || c === '\0') {
          push('invalid', i, 1);
          i += 1;
        } else {
          push('value', i, 1);
          i += 1;
        }
        break;
    }
  }
  return tokens;
}

export interface HighlightSegment {
  kind: HighlightKind;
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
  tokens: readonly HighlightToken[],
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
