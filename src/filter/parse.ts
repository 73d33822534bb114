import { DEFAULT_FIELDS, lowerNames, suggestField } from './fields.js';
import { problem, type Params } from './messages.js';
import type {
  FieldDefinition,
  FilterErrorCode,
  FilterNode,
  FilterWarning,
  ParseOptions,
  ParseResult,
} from './types.js';

/** A failure in flight: code, offset, length, params (thrown as a plain array, caught below). */
type Failure = [FilterErrorCode, number, number, Params?];

const fail = (code: FilterErrorCode, offset: number, length: number, params?: Params): never => {
  throw [code, offset, length, params] satisfies Failure;
};

/** Whitespace allowed around components: space, tab, newline (LF, and CR of CRLF). */
export const isWs = (c: number): boolean => c === 32 || c === 10 || c === 9 || c === 13;

export const isHex = (c: number): boolean =>
  (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 102);

/** ASCII letters, digits, `-` (RFC 4512 keystring) and `.` (so OIDs read as one name). */
export const isName = (c: number): boolean =>
  ((c | 32) >= 97 && (c | 32) <= 122) || (c >= 45 && c <= 57 && c !== 47);

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const EMPTY_SET = { 38: 'empty-and', 124: 'empty-or', 33: 'not-without-filter' } as const;
type SetChar = keyof typeof EMPTY_SET;

/**
 * Parses an RFC 4515 filter restricted to the configured fields (DESIGN.md §6).
 * Never throws: any failure, even an internal one, comes back as `{ ok: false }`.
 * Iterative (explicit stack), so depth can never overflow the call stack.
 */
export function parseFilter(text: string, options?: ParseOptions): ParseResult {
  let src = '';
  const max = options?.maxLength ?? 8192;
  try {
    src = typeof text === 'string' ? text : String(text);
    return parse(src, options ?? {}, max);
  } catch (e) {
    if (!Array.isArray(e)) {
      let detail = 'unknown';
      try {
        detail = String(e);
      } catch {
        // keep 'unknown'
      }
      return { ok: false, error: problem('internal', 0, src.length, { text: detail }) };
    }
    const [code, offset, length, params] = e as Failure;
    // Problems are reported in text order: past the length limit, "too long" comes first
    // (so 50,000 levels of `(!` still end in too-deep, found near the start). An unclosed (
    // is only found at the end of the text, so it is past the limit too.
    const n = src.length;
    return {
      ok: false,
      error:
        n > max && (offset + length > max || code === 'unclosed-paren')
          ? problem('too-long', max, n - max, { max, length: n })
          : problem(code, offset, length, params),
    };
  }
}

// The text being parsed and the parser's state: module-level (parsing is synchronous), so
// the helpers below are plain functions, not closures made on every call.
let text = '';
let n = 0;
let pos = 0;
let fields: readonly FieldDefinition[] = DEFAULT_FIELDS;
let warnings: FilterWarning[] = [];
let lower: string[] = [];
let exact: (string | undefined)[] = [];
let fieldError: Failure | undefined;

const code = (i: number): number => text.charCodeAt(i);
const exactNames = new WeakMap<readonly FieldDefinition[], (string | undefined)[]>();

function skipWs(p: number): number {
  while (isWs(code(p))) p++;
  return p;
}

/** Fails with the text from p to the end, trailing whitespace trimmed. */
function failRest(c: FilterErrorCode, p: number): never {
  let e = n;
  while (e > p && isWs(code(e - 1))) e--;
  return fail(c, p, e - p, { text: text.slice(p, e) });
}

function parse(source: string, options: ParseOptions, maxLength: number): ParseResult {
  const maxDepth = options.maxDepth ?? 32;
  text = source;
  n = source.length;
  fields = options.fields ?? DEFAULT_FIELDS;
  lower = lowerNames(fields);
  exact = exactNames.get(fields) ?? [];
  if (!exactNames.has(fields)) {
    // Names that the fast path in item() may match as written: only name characters, and
    // no later definition of the same name (which would win).
    exact = fields.map((f, k) =>
      /^[A-Za-z0-9.-]+$/.test(f.name) && lower.indexOf(lower[k] as string, k + 1) < 0
        ? f.name
        : undefined,
    );
    exactNames.set(fields, exact);
  }
  warnings = [];
  fieldError = undefined;

  pos = text.indexOf('\0');
  if (pos >= 0) fail('raw-nul', pos, 1);
  pos = text.search(LONE_SURROGATE);
  if (pos >= 0) fail('lone-surrogate', pos, 1);

  pos = skipWs(0);
  if (pos === n) fail('empty', 0, n);
  if (code(pos) === 41) fail('unmatched-close-paren', pos, 1);
  if (code(pos) !== 40) failRest('missing-parentheses', pos);

  // Open sets, three entries each: the kind (&, |, !), where the ( is, the children so far.
  const sets: (SetChar | number | FilterNode[])[] = [];
  const t = text;

  for (;;) {
    // pos is at the ( of a component.
    const open = pos++;
    const c = t.charCodeAt(pos);
    let done: FilterNode | undefined;
    if (pos >= n) fail('unclosed-paren', open, 1);
    if (c === 38 || c === 124 || c === 33) {
      if (sets.length >= maxDepth * 3) fail('too-deep', open, 2, { max: maxDepth });
      sets.push(c, open, []);
      pos++;
    } else if (c === 41) {
      fail('empty-parens', open, 2);
    } else if (c === 40) {
      fail('unexpected-open-paren', pos, 1);
    } else if (isWs(c)) {
      fail('whitespace-after-paren', pos, skipWs(pos) - pos);
    } else {
      done = item(open);
    }

    // Close as many sets as end here, until the next component starts.
    for (;;) {
      const top = sets.length;
      const children = sets[top - 1] as FilterNode[];
      if (done) {
        if (!top) {
          pos = skipWs(pos);
          if (pos === n) {
            if (fieldError) throw fieldError;
            if (n > maxLength) fail('too-long', maxLength, n - maxLength);
            return { ok: true, filter: done, warnings };
          }
          if (t.charCodeAt(pos) === 41) fail('unmatched-close-paren', pos, 1);
          failRest(t.charCodeAt(pos) === 40 ? 'multiple-filters' : 'trailing-text', pos);
        }
        children.push(done);
        done = undefined;
      }
      if (isWs(t.charCodeAt(pos))) pos = skipWs(pos);
      const kind = sets[top - 3] as SetChar;
      const from = sets[top - 2] as number;
      if (pos >= n) fail('unclosed-paren', from, 1);
      const d = t.charCodeAt(pos);
      if (d === 41) {
        if (!children.length) fail(EMPTY_SET[kind], from, pos + 1 - from);
        sets.pop();
        sets.pop();
        sets.pop();
        const span = { offset: from, length: ++pos - from };
        done =
          kind === 33
            ? { type: 'not', child: children[0] as FilterNode, span }
            : { type: kind === 38 ? 'and' : 'or', children, span };
        continue;
      }
      if (d === 40) {
        if (kind === 33 && children.length) fail('not-with-several', pos, 1);
        break;
      }
      // Not a component: underline the run up to whitespace or a parenthesis.
      let q = pos + 1;
      while (q < n && !isWs(code(q)) && code(q) !== 40 && code(q) !== 41) q++;
      fail('operand-needs-parentheses', pos, q - pos, { text: t.slice(pos, q) });
    }
  }
}

/** An item whose ( is at `open`; the name starts at open+1. Returns with pos after its ). */
function item(open: number): FilterNode {
  const t = text;
  const start = open + 1;
  // Fast path: a field name written exactly as defined, followed by =.
  for (let k = exact.length; k--;) {
    const e = exact[k];
    const len = e ? e.length : 0;
    if (len && t.charCodeAt(start + len) === 61) {
      let j = 0;
      while (j < len && t.charCodeAt(start + j) === (e as string).charCodeAt(j)) j++;
      if (j === len) return value(open, start + len + 1, e as string);
    }
  }
  let p = start;
  while (isName(t.charCodeAt(p))) p++;
  const len = p - start;
  const c = t.charCodeAt(p);
  if (c !== 61) {
    const name = t.slice(start, p);
    // Not `=`: say what is wrong with the name or the operator.
    if (p >= n) fail('missing-operator', start, len, { field: name });
    if (isWs(c)) {
      const q = skipWs(p);
      fail(
        q < n && '=~<>!:;'.includes(text.charAt(q))
          ? 'whitespace-before-equals'
          : 'whitespace-in-field',
        p,
        q - p,
      );
    }
    let q = p;
    if (c === 59 && len) {
      while (q < n && !'=:()'.includes(text.charAt(q))) q++;
      fail('unsupported-attribute-option', p, q - p, { field: name, option: text.slice(p, q) });
    }
    if (c === 58) {
      while (q < n && code(q) !== 41 && code(q++) !== 61);
      fail('unsupported-extensible', start, q - start, { text: text.slice(start, q) });
    }
    const op = { 126: 'approx', 62: 'greater-or-equal', 60: 'less-or-equal', 33: 'not-equals' }[c];
    if (op && len && code(p + 1) === 61) {
      fail(`unsupported-${op}` as FilterErrorCode, p, 2, { field: name });
    }
    if ((c === 41 || c === 40) && len) fail('missing-operator', start, len, { field: name });
    fail('invalid-field-character', p, 1, { char: text[p] ?? '' });
  }
  if (!len) fail('missing-field', p, 1);
  // The field, case-insensitively, without slicing (the last definition of a name wins).
  // `| 32` lowercases ASCII letters and keeps digits, `-` and `.` as they are.
  let k = lower.length;
  search: while (k--) {
    const l = lower[k] as string;
    if (l.length !== len) continue;
    for (let j = 0; j < len; j++)
      if (l.charCodeAt(j) !== (t.charCodeAt(start + j) | 32)) continue search;
    return value(open, p + 1, (fields[k] as FieldDefinition).name);
  }
  const name = t.slice(start, p);
  fieldError ??= unknownField(name, start, fields);
  return value(open, p + 1, name);
}

/** The value of an item whose = is at p-1; returns the item node, with pos after its ). */
function value(open: number, p: number, field: string): FilterNode {
  const t = text;
  let i = p;
  let seg = p;
  let cur = '';
  let parts: string[] | undefined;
  let doubleStar = -1;
  let c: number;
  for (; ; i++) {
    c = t.charCodeAt(i);
    // Fast path: most characters are none of ( ) * \ and not at the end.
    if (c > 42 && c !== 92) continue;
    if (c === 41) break;
    if (i >= n) fail('unclosed-paren', open, 1);
    if (c === 42) {
      if (code(i - 1) === 42 && doubleStar < 0) doubleStar = i - 1;
      (parts ??= []).push(cur + text.slice(seg, i));
      cur = '';
      seg = i + 1;
    } else if (c === 92) {
      // A run of \hh escapes, decoded as UTF-8 bytes (decodeURIComponent's strict rules).
      // Raw text between escapes ends the run, so a multi-byte character is escaped whole.
      let e = i;
      while (code(e) === 92) {
        const bad =
          e + 1 >= n
            ? 1
            : !isHex(code(e + 1))
              ? -2
              : e + 2 >= n || code(e + 2) === 41
                ? 2
                : isHex(code(e + 2))
                  ? 0
                  : -3;
        if (bad) {
          fail(bad > 0 ? 'truncated-escape' : 'invalid-escape', e, Math.abs(bad), {
            text: text.slice(e, e + Math.abs(bad)),
          });
        }
        e += 3;
      }
      const escaped = text.slice(i, e);
      let decoded = '';
      try {
        decoded = decodeURIComponent(escaped.replace(/\\/g, '%'));
      } catch {
        fail('invalid-utf8', i, e - i, { text: escaped });
      }
      cur += text.slice(seg, i) + decoded;
      seg = e;
      i = e - 1;
    } else if (c === 40) {
      fail('unescaped-paren-in-value', i, 1, { field });
    }
  }
  pos = i + 1;
  const span = { offset: open, length: pos - open };
  if (i === p) fail('empty-value', p, 0, { field });
  if (i - p === 1 && parts) return { type: 'present', field, span };
  // Warnings for legal-but-suspicious values.
  const first = code(p);
  if (first === 61 || isWs(first)) {
    warnings.push(
      first === 61
        ? problem('value-starts-with-equals', p, 1, { field })
        : problem('value-leading-whitespace', p, skipWs(p) - p, { field }),
    );
  }
  if (isWs(code(i - 1))) {
    let s = i - 1;
    while (s > p && isWs(code(s - 1))) s--;
    if (s > p || !isWs(first)) {
      warnings.push(problem('value-trailing-whitespace', s, i - s, { field }));
    }
  }
  const last = cur + text.slice(seg, i);
  if (!parts) return { type: 'equality', field, value: last, span };
  if (doubleStar >= 0) fail('empty-substring-part', doubleStar, 2, { field });
  const node: FilterNode = { type: 'substring', field, any: parts.slice(1), span };
  if (parts[0]) node.initial = parts[0];
  if (last) node.final = last;
  return node;
}

function unknownField(name: string, offset: number, fields: readonly FieldDefinition[]): Failure {
  const params: Params = { field: name, fields: fields.map((f) => f.name).join(', ') };
  if (/^[0-9][0-9.]*$/.test(name)) return ['unsupported-oid', offset, name.length, params];
  const dot = name.indexOf('.');
  if (dot >= 0) return ['invalid-field-character', offset + dot, 1, { char: '.' }];
  const suggestion = suggestField(name, fields);
  if (suggestion) params.suggestion = suggestion;
  return [
    suggestion ? 'unknown-field' : 'unknown-field-no-suggestion',
    offset,
    name.length,
    params,
  ];
}
