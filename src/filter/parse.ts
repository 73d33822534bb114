import { DEFAULT_FIELDS, fieldTable, suggestField } from './fields.js';
import { FILTER_MESSAGES, formatMessage } from './messages.js';
import type {
  FieldDefinition,
  FilterError,
  FilterErrorCode,
  FilterNode,
  FilterWarning,
  FilterWarningCode,
  ParseOptions,
  ParseResult,
} from './types.js';

// Character codes.
const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const LPAREN = 40;
const RPAREN = 41;
const STAR = 42;
const BACKSLASH = 92;
const EQUALS = 61;
const AMP = 38;
const PIPE = 124;
const BANG = 33;

/** Whitespace allowed around components: space, tab, newline (LF, and CR of CRLF). */
function isWs(c: number): boolean {
  return c === SPACE || c === LF || c === TAB || c === CR;
}

/** ASCII letters, digits, `-` (RFC 4512 keystring) and `.` (so OIDs read as one name). */
function isNameChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 46
  );
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

class ParseFailure {
  constructor(readonly error: FilterError) {}
}

function problem<C extends FilterErrorCode | FilterWarningCode>(
  code: C,
  offset: number,
  length: number,
  params: Record<string, string | number> = {},
): {
  code: C;
  message: string;
  offset: number;
  length: number;
  params: Record<string, string | number>;
} {
  const all = { position: offset + 1, ...params };
  return { code, message: formatMessage(FILTER_MESSAGES[code], all), offset, length, params: all };
}

function fail(
  code: FilterErrorCode,
  offset: number,
  length: number,
  params?: Record<string, string | number>,
): never {
  throw new ParseFailure(problem(code, offset, length, params));
}

interface Frame {
  type: 'and' | 'or' | 'not';
  open: number;
  children: FilterNode[];
}

/**
 * Parses an RFC 4515 filter restricted to the configured fields (DESIGN.md §6).
 * Never throws: any failure, even an internal one, comes back as `{ ok: false }`.
 * Iterative (explicit stack), so depth can never overflow the call stack.
 */
export function parseFilter(text: string, options?: ParseOptions): ParseResult {
  let src = '';
  try {
    src = typeof text === 'string' ? text : String(text);
    return parse(src, options ?? {});
  } catch (e) {
    if (e instanceof ParseFailure) {
      // Problems are reported in text order: past the length limit, "too long" comes first
      // (so 50,000 levels of `(!` still end in too-deep, found near the start). An unclosed (
      // is only found at the end of the text, so it is past the limit too.
      const max = options?.maxLength ?? 8192;
      if (
        src.length > max &&
        (e.error.offset + e.error.length > max || e.error.code === 'unclosed-paren')
      ) {
        return {
          ok: false,
          error: problem('too-long', max, src.length - max, { max, length: src.length }),
        };
      }
      return { ok: false, error: e.error };
    }
    let detail = 'unknown';
    try {
      detail = String(e);
    } catch {
      // keep 'unknown'
    }
    return { ok: false, error: problem('internal', 0, src.length, { text: detail }) };
  }
}

function parse(text: string, options: ParseOptions): ParseResult {
  const maxLength = options.maxLength ?? 8192;
  const maxDepth = options.maxDepth ?? 32;
  const fields = options.fields ?? DEFAULT_FIELDS;
  const table = fieldTable(fields);
  const n = text.length;
  const warnings: FilterWarning[] = [];

  const nul = text.indexOf('\0');
  if (nul >= 0) fail('raw-nul', nul, 1);
  checkSurrogates(text);

  const skipWs = (p: number): number => {
    while (p < n && isWs(text.charCodeAt(p))) p++;
    return p;
  };
  /** End of the run of text starting at p, up to whitespace or a parenthesis. */
  const runEnd = (p: number): number => {
    let q = p;
    while (q < n) {
      const c = text.charCodeAt(q);
      if (isWs(c) || c === LPAREN || c === RPAREN) break;
      q++;
    }
    return q === p ? Math.min(p + 1, n) : q;
  };
  const trimmedEnd = (): number => {
    let e = n;
    while (e > 0 && isWs(text.charCodeAt(e - 1))) e--;
    return e;
  };
  const fieldList = fields.map((f) => f.name).join(', ');

  let pos = skipWs(0);
  if (pos === n) fail('empty', 0, n);
  if (text.charCodeAt(pos) !== LPAREN) {
    if (text.charCodeAt(pos) === RPAREN) fail('unmatched-close-paren', pos, 1);
    const end = trimmedEnd();
    fail('missing-parentheses', pos, end - pos, { text: text.slice(pos, end) });
  }

  const stack: Frame[] = [];
  let fieldError: FilterError | undefined;

  /** Parses an item whose ( is at `open`; the name starts at open+1. Returns with pos after ). */
  const parseItem = (open: number): FilterNode => {
    const nameStart = open + 1;
    let p = nameStart;
    while (p < n && isNameChar(text.charCodeAt(p))) p++;
    const name = text.slice(nameStart, p);
    if (p >= n) {
      if (name) fail('missing-operator', nameStart, name.length, { field: name });
      fail('unclosed-paren', open, 1);
    }
    const c = text.charCodeAt(p);
    if (c !== EQUALS) {
      const next = p + 1 < n ? text.charCodeAt(p + 1) : -1;
      if (isWs(c)) {
        const q = skipWs(p);
        const after = text.charAt(q);
        if (name && after !== '' && '=~<>!:;'.includes(after)) {
          fail('whitespace-before-equals', p, q - p);
        }
        fail(name ? 'whitespace-in-field' : 'whitespace-after-paren', p, q - p);
      }
      if (c === 59 /* ; */ && name) {
        let q = p;
        while (q < n && !'=:()'.includes(text.charAt(q))) q++;
        fail('unsupported-attribute-option', p, q - p, { field: name, option: text.slice(p, q) });
      }
      if (c === 58 /* : */) {
        let q = p;
        while (q < n && text.charCodeAt(q) !== RPAREN) {
          if (text.charCodeAt(q) === EQUALS) {
            q++;
            break;
          }
          q++;
        }
        fail('unsupported-extensible', nameStart, q - nameStart, {
          text: text.slice(nameStart, q),
        });
      }
      if (next === EQUALS && name) {
        if (c === 126 /* ~ */) fail('unsupported-approx', p, 2, { field: name });
        if (c === 62 /* > */) fail('unsupported-greater-or-equal', p, 2, { field: name });
        if (c === 60 /* < */) fail('unsupported-less-or-equal', p, 2, { field: name });
        if (c === BANG) fail('unsupported-not-equals', p, 2, { field: name });
      }
      if (c === RPAREN || c === LPAREN) {
        if (name) fail('missing-operator', nameStart, name.length, { field: name });
      }
      fail('invalid-field-character', p, 1, { char: text[p] ?? '' });
    }
    if (!name) fail('missing-field', p, 1);
    // An unknown field is reported only if the syntax is fine (structure first).
    const def = table.get(name) ?? table.get(name.toLowerCase());
    if (!def) fieldError ??= unknownField(name, nameStart, fields, fieldList);
    const field = def ?? { name };

    // The value: from after = to the closing ).
    const vs = p + 1;
    let i = vs;
    let segStart = vs;
    let cur = '';
    let parts: string[] | undefined;
    let stars: number[] | undefined;
    for (;;) {
      if (i >= n) fail('unclosed-paren', open, 1);
      const v = text.charCodeAt(i);
      if (v === RPAREN) break;
      if (v === STAR) {
        cur += text.slice(segStart, i);
        (parts ??= []).push(cur);
        (stars ??= []).push(i);
        cur = '';
        segStart = ++i;
      } else if (v === BACKSLASH) {
        cur += text.slice(segStart, i);
        const r = decodeEscapes(text, i);
        cur += r.value;
        segStart = i = r.end;
      } else if (v === LPAREN) {
        fail('unescaped-paren-in-value', i, 1, { field: field.name });
      } else {
        i++;
      }
    }
    const close = i;
    cur += text.slice(segStart, close);
    pos = close + 1;
    const span = { offset: open, length: close + 1 - open };
    if (close === vs) fail('empty-value', vs, 0, { field: field.name });
    if (close - vs === 1 && parts) return { type: 'present', field: field.name, span };

    // Warnings for legal-but-suspicious values.
    const first = text.charCodeAt(vs);
    if (isWs(first)) {
      warnings.push(
        problem('value-leading-whitespace', vs, skipWs(vs) - vs, { field: field.name }),
      );
    } else if (first === EQUALS) {
      warnings.push(problem('value-starts-with-equals', vs, 1, { field: field.name }));
    }
    if (isWs(text.charCodeAt(close - 1))) {
      let s = close - 1;
      while (s > vs && isWs(text.charCodeAt(s - 1))) s--;
      if (s > vs || !isWs(first)) {
        warnings.push(problem('value-trailing-whitespace', s, close - s, { field: field.name }));
      }
    }

    if (!parts) return { type: 'equality', field: field.name, value: cur, span };
    parts.push(cur);
    const last = parts.length - 1;
    for (let k = 1; k < last; k++) {
      if (parts[k] === '') {
        const at = stars?.[k - 1] ?? vs;
        fail('empty-substring-part', at, 2, { field: field.name });
      }
    }
    const node: FilterNode = {
      type: 'substring',
      field: field.name,
      any: parts.slice(1, last),
      span,
    };
    if (parts[0]) node.initial = parts[0];
    if (parts[last]) node.final = parts[last];
    return node;
  };

  for (;;) {
    // pos is at the ( of a component.
    const open = pos;
    pos++;
    if (pos >= n) fail('unclosed-paren', open, 1);
    const c = text.charCodeAt(pos);
    let done: FilterNode | undefined;
    if (c === AMP || c === PIPE || c === BANG) {
      if (stack.length >= maxDepth) fail('too-deep', open, 2, { max: maxDepth });
      stack.push({ type: c === AMP ? 'and' : c === PIPE ? 'or' : 'not', open, children: [] });
      pos++;
    } else if (c === RPAREN) {
      fail('empty-parens', open, 2);
    } else if (c === LPAREN) {
      fail('unexpected-open-paren', pos, 1);
    } else if (isWs(c)) {
      fail('whitespace-after-paren', pos, skipWs(pos) - pos);
    } else {
      done = parseItem(open);
    }

    // Close as many sets as end here, until the next component starts.
    for (;;) {
      let frame = stack[stack.length - 1];
      if (done) {
        if (!frame) {
          pos = skipWs(pos);
          if (pos === n) {
            if (fieldError) throw new ParseFailure(fieldError);
            if (n > maxLength) fail('too-long', maxLength, n - maxLength);
            return { ok: true, filter: done, warnings };
          }
          const t = text.charCodeAt(pos);
          const end = trimmedEnd();
          if (t === RPAREN) fail('unmatched-close-paren', pos, 1);
          fail(t === LPAREN ? 'multiple-filters' : 'trailing-text', pos, end - pos, {
            text: text.slice(pos, end),
          });
        }
        frame.children.push(done);
        done = undefined;
      }
      frame = frame as Frame;
      pos = skipWs(pos);
      if (pos >= n) fail('unclosed-paren', frame.open, 1);
      const t = text.charCodeAt(pos);
      if (t === RPAREN) {
        const span = { offset: frame.open, length: pos + 1 - frame.open };
        const count = frame.children.length;
        if (count === 0) {
          fail(
            frame.type === 'and'
              ? 'empty-and'
              : frame.type === 'or'
                ? 'empty-or'
                : 'not-without-filter',
            frame.open,
            pos + 1 - frame.open,
          );
        }
        stack.pop();
        pos++;
        done =
          frame.type === 'not'
            ? { type: 'not', child: frame.children[0] as FilterNode, span }
            : { type: frame.type, children: frame.children, span };
        continue;
      }
      if (t === LPAREN) {
        if (frame.type === 'not' && frame.children.length > 0) {
          fail('not-with-several', pos, 1);
        }
        break;
      }
      const end = runEnd(pos);
      fail('operand-needs-parentheses', pos, end - pos, { text: text.slice(pos, end) });
    }
  }
}

function unknownField(
  name: string,
  offset: number,
  fields: readonly FieldDefinition[],
  fieldList: string,
): FilterError {
  const params = { field: name, fields: fieldList };
  if (/^[0-9][0-9.]*$/.test(name)) return problem('unsupported-oid', offset, name.length, params);
  const dot = name.indexOf('.');
  if (dot >= 0) return problem('invalid-field-character', offset + dot, 1, { char: '.' });
  const suggestion = suggestField(name, fields);
  return suggestion
    ? problem('unknown-field', offset, name.length, { ...params, suggestion })
    : problem('unknown-field-no-suggestion', offset, name.length, params);
}

function checkSurrogates(text: string): void {
  const at = text.search(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  if (at >= 0) fail('lone-surrogate', at, 1);
}

/**
 * Decodes a run of `\hh` escapes starting at `start` as UTF-8 bytes, strictly (no overlong
 * forms, no surrogates, nothing above U+10FFFF: decodeURIComponent's rules). Raw text between
 * escapes ends the run, so a multi-byte character must be escaped as a whole.
 */
function decodeEscapes(text: string, start: number): { value: string; end: number } {
  const n = text.length;
  let i = start;
  while (i < n && text.charCodeAt(i) === BACKSLASH) {
    if (i + 1 >= n) fail('truncated-escape', i, 1, { text: '\\' });
    if (hexValue(text.charCodeAt(i + 1)) < 0) {
      fail('invalid-escape', i, 2, { text: text.slice(i, i + 2) });
    }
    if (i + 2 >= n || text.charCodeAt(i + 2) === RPAREN) {
      fail('truncated-escape', i, 2, { text: text.slice(i, i + 2) });
    }
    if (hexValue(text.charCodeAt(i + 2)) < 0) {
      fail('invalid-escape', i, 3, { text: text.slice(i, i + 3) });
    }
    i += 3;
  }
  const escaped = text.slice(start, i);
  try {
    return { value: decodeURIComponent(escaped.replace(/\\/g, '%')), end: i };
  } catch {
    return fail('invalid-utf8', start, i - start, { text: escaped });
  }
}
