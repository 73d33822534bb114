import { DEFAULT_FIELDS, fieldNames, suggestField } from './fields.js';
import * as Code from './code.js';
import type { CodeIndex, Params, RawProblem, RawResult } from './codes.js';
import type { FieldDefinition, FilterNode, ParseOptions } from './types.js';

/** A failure in flight: code, offset, length, params (thrown as a plain array, caught below). */
type Failure = [CodeIndex, number, number, Params?];

/**
 * The failure last thrown by the parser: anything else caught is not ours (a host's getter).
 * Starts as a fresh object, so not even `throw undefined` is taken for ours.
 */
let thrown: unknown = {};

const fail = (code: CodeIndex, offset: number, length: number, params?: Params): never => {
  throw (thrown = [code, offset, length, params]);
};

/** What a foreign exception says, for the internal error; reading it may throw too. */
const describe = (e: unknown): string => {
  try {
    return e instanceof Error ? String(e.message) : 'unknown';
  } catch {
    return 'unknown';
  }
};

/** A problem as the parser reports it (codes.ts); parseFilter puts it in words. */
const raw = (code: CodeIndex, offset: number, length: number, params: RawProblem['params']) => ({
  code,
  offset,
  length,
  params,
});

/** Whitespace allowed around components: space, tab, newline (LF, and CR of CRLF). */
export const isWs = (c: number): boolean => c === 32 || c === 10 || c === 9 || c === 13;
/**
 * A space at a value's edge, for its warnings: also a no-break, ideographic or zero-width one
 * (`Sales\u00a0` matches nobody, as `Sales ` doesn't). ASCII first: a value's edges are checked
 * in every parse.
 */
const isSpace = (c: number): boolean =>
  c < 128 ? isWs(c) : c > 0 && /[\s\u200b]/.test(String.fromCharCode(c)); // (NaN: no character)

export const isHex = (c: number): boolean =>
  (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 102);

/** A hex digit's value: its low 4 bits, plus 9 for a letter. */
const hex = (c: number): number => (c & 15) + (c > 64 ? 9 : 0);

/** ASCII letters, digits, `-` (RFC 4512 keystring) and `.` (so OIDs read as one name). */
export const isName = (c: number): boolean =>
  ((c | 32) >= 97 && (c | 32) <= 122) || (c >= 45 && c <= 57 && c !== 47);

/** The first index from p on whose character is in `stop`, or the end. */
export const until = (s: string, p: number, stop: string): number => {
  while (p < s.length && !stop.includes(s.charAt(p))) p++;
  return p;
};

/** A surrogate that is not part of a pair (with `u`, a pair reads as one code point). */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Spaces other than ASCII's, invisible format characters (a BOM, a zero-width space) and
 * control characters other than tab and line breaks (a vertical tab, a form feed).
 */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const INVISIBLE = /[\p{Cf}\p{Z}\x01-\b\v\f\x0e-\x1f\x7f-\x9f]/u;

/** How an invisible character is named in a message: U+FEFF, U+000B (four digits at least). */
const codePoint = (c: string): string =>
  `U+${(c.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}`;

/** Text for a message, its invisible characters and odd spaces named (a no-break space: U+00A0). */
const shown = (s: string): string =>
  s.replace(new RegExp(INVISIBLE, 'gu'), (c) => (c === ' ' ? c : codePoint(c)));

/** The UTF-16 length of the character at i: 2 for a surrogate pair, so no underline halves it. */
const width = (s: string, i: number): number => ((s.codePointAt(i) as number) > 0xffff ? 2 : 1);

/** The position (1-based, in code points) of a UTF-16 offset of s, for messages. */
let atText = '';
let atOffset = 0;
let atCount = 0;
export const at = (s: string, o: number): number => {
  // Counted on from the last call: warnings come in text order, so a parse stays linear.
  if (s !== atText || o < atOffset) {
    atText = s;
    atOffset = atCount = 0;
  }
  atCount += [...s.slice(atOffset, (atOffset = o))].length;
  return atCount + 1;
};

/** The default of `maxLength`. */
export const MAX_LENGTH = 8192;

/** A limit from the options: a number ≥ 0 (Infinity: none), else the default. */
export const limit = (v: unknown, d: number): number =>
  typeof v === 'number' && v >= 0 ? Math.floor(v) : d;

/**
 * Parses an RFC 4515 filter restricted to the configured fields (README, "The filter language").
 * Never throws: any failure, even an internal one, comes back as `{ ok: false }`.
 * Iterative (explicit stack), so depth can never overflow the call stack.
 *
 * The parser itself: `parseFilter` (parse-filter.ts) adds advice for filters joined with
 * `and` / `or`. The section's rows, filters a backend stored, need none of it and import this
 * one, so the advice stays out of their summaries' chunk (row-summary.ts).
 */
export function parseSyntax(text: string, options?: ParseOptions): RawResult {
  let src = '';
  let max = MAX_LENGTH;
  try {
    // Inside the try: an option's getter may throw too. No text (an unset value) is empty.
    max = limit(options?.maxLength, max);
    src = typeof text === 'string' ? text : text == null ? '' : String(text);
    return parse(src, options ?? {}, max);
  } catch (e) {
    const [code, offset, length, params] =
      e === thrown ? (e as Failure) : [Code.internal, 0, src.length, { text: describe(e) }];
    thrown = {}; // (and the failure, with its slices of a text that may be huge, let go)
    // Problems are reported in text order: past the length limit, "too long" comes first
    // (so 50,000 levels of `(!` still end in too-deep, found near the start). An unclosed (
    // is only found at the end of the text, so it is past the limit too. (Not an internal
    // error: it has no place in the text.)
    const n = src.length;
    // Past the limit: underlined from the first character that doesn't fit, whole (not
    // from the second half of an emoji).
    const over = (src.codePointAt(max - 1) as number) > 0xffff ? max - 1 : max;
    return {
      ok: false,
      error:
        n > max && code !== Code.internal && (offset + length > max || code === Code.unclosedParen)
          ? raw(Code.tooLong, over, n - over, { max, length: n, position: at(src, over) })
          : raw(code, offset, length, { position: at(src, offset), ...params }),
    };
  }
}

// The text being parsed and the parser's state: module-level (parsing is synchronous), so
// the helpers below are plain functions, not closures made on every call.
let text = '';
let n = 0;
let pos = 0;
let fields: readonly FieldDefinition[] = DEFAULT_FIELDS;
let warnings: RawProblem[] = [];
/** The fields' names as defined, in lower case, and by first character (see FieldNames). */
let canonical: string[] = [];
let lower: string[] = [];
let heads: number[] = [];
let next: number[] = [];
/** The first unknown field name and where it is: reported once the structure is known good. */
let unknownName: string | undefined;
let unknownAt = 0;
let spans = false;
/** The text was cut one character past the limit: its end is not the real end. */
let cut = false;
/**
 * A big text (over 1 Mi characters, some 35,000 clauses) builds its nodes with literals of
 * its own: `big ? {…} : {…}` below, two copies on purpose. V8 learns per literal
 * (allocation site) whether its objects outlive the young generation, and then allocates
 * them straight in the old one or not. Small filters' nodes die young, a 100,000-clause
 * tree's all survive: sharing the sites, whichever came first taught them wrong for the
 * other (such a tree parsed after many small filters took ~1,200 instead of ~600 ns a
 * clause, copied through the young generation). The bound is high because a 10,000-clause
 * tree still fits the young generation: sent to the old one, it got slower, not faster.
 */
let big = false;
/**
 * Open sets (`depth` of them): the kind (&, |, !), where the ( is, where its children start
 * in `nodes`. Numbers only, so they are kept from parse to parse: a short filter's parse
 * costs a few hundred ns, and making these three arrays was a fifth of it.
 */
const kinds: number[] = [];
const froms: number[] = [];
const starts: number[] = [];
/** The default fields' names, read once (the definitions are frozen). */
const DEFAULT_NAMES = fieldNames(DEFAULT_FIELDS);

const code = (i: number): number => text.charCodeAt(i);

/** The bytes of the UTF-8 character a lead byte starts (1 for one that can't start one). */
const utf8Length = (lead: number): number =>
  lead < 0xc2 || lead > 0xf4 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;

/** The byte an escape `\hh` at s stands for. */
const byteAt = (s: number): number => hex(code(s + 1)) * 16 + hex(code(s + 2));

function skipWs(p: number): number {
  while (isWs(code(p))) p++;
  return p;
}

/**
 * From p on (step 1) or back from p (step -1), past whitespace in a value, raw or escaped
 * (`\20`): where it ends. Every \ in a value that parsed starts an escape.
 */
function spaces(p: number, step: number): number {
  for (;;) {
    // The character just past p that way, raw, or escaped: where its escapes would start
    // (back over UTF-8 continuation bytes, `\c2\a0` is a no-break space) and what they say.
    if (isSpace(code(step > 0 ? p : p - 1))) {
      p += step;
      continue;
    }
    let s = step > 0 ? p : p - 3;
    while (step < 0 && code(s) === 92 && (byteAt(s) & 0xc0) === 0x80 && code(s - 3) === 92) s -= 3;
    if (code(s) !== 92) return p;
    // The escaped character at s (the value parsed: its escapes are UTF-8), whole that way.
    const end = s + 3 * utf8Length(byteAt(s));
    const c = decodeURIComponent(text.slice(s, end).replace(/\\/g, '%'));
    if (c.length !== 1 || !isSpace(c.charCodeAt(0)) || (step > 0 ? s : end) !== p) return p;
    p = step > 0 ? end : s;
  }
}

/** Fails with the text from p to the end, trailing whitespace trimmed (at the real end). */
function failRest(c: CodeIndex, p: number): never {
  let e = n;
  while (e > p && !cut && isWs(code(e - 1))) e--;
  let rest = text.slice(p, e);
  // `department=Sales)` needs (department=Sales), not (department=Sales)): the )s at the end
  // that close nothing go (counted once; counting again for each was quadratic).
  if (c === Code.missingParentheses) {
    let extra = rest.split(')').length - rest.split('(').length;
    let end = rest.length;
    while (extra-- > 0 && rest.charCodeAt(end - 1) === 41) end--;
    rest = rest.slice(0, end);
  }
  // (The text to wrap in parentheses is the filter to write; any other is named for display.)
  return fail(c, p, e - p, { text: c === Code.missingParentheses ? rest : shown(rest) });
}

function parse(source: string, options: ParseOptions, maxLength: number): RawResult {
  // The options first: a host's getter may parse a filter itself, which reuses the state below.
  const maxDepth = limit(options.maxDepth, 32);
  const list = options.fields ?? DEFAULT_FIELDS;
  const [names, low, first, chain] = list === DEFAULT_FIELDS ? DEFAULT_NAMES : fieldNames(list);
  const withSpans = options.spans === true;
  // Only the text up to one character past the limit is read (an emoji there whole):
  // whatever follows can only end in too-long, so a huge text costs no more than one at
  // the limit. Reaching that cut is too-long too (see failRest and the end below).
  n = Math.min(source.length, maxLength + 1);
  n += (source.charCodeAt(n - 1) & 0xfc00) === 0xd800 && n < source.length ? 1 : 0;
  cut = n < source.length;
  big = n > 1 << 20;
  const t = (text = cut ? source.slice(0, n) : source);
  fields = list;
  canonical = names;
  lower = low;
  heads = first;
  next = chain;
  warnings = [];
  unknownName = undefined;
  spans = withSpans;

  pos = t.indexOf('\0');
  if (pos >= 0) fail(Code.rawNul, pos, 1);
  // isWellFormed (ES2024) answers for the whole text in a few ns; the search finds where.
  if (!(t as unknown as { isWellFormed?: () => boolean }).isWellFormed?.()) {
    pos = t.search(LONE_SURROGATE);
    if (pos >= 0) fail(Code.loneSurrogate, pos, 1);
  }

  pos = skipWs(0);
  if (pos === n) fail(Code.empty, 0, n);
  if (code(pos) === 41) fail(Code.unmatchedCloseParen, pos, 1);
  if (code(pos) !== 40) {
    // Nothing but odd spaces and invisible characters (a pasted no-break space, a BOM): the
    // first is named, as between filters (not taken for a field name).
    if (!/[^\s\p{Cf}]/u.test(t.slice(pos))) {
      const w = width(t, pos);
      fail(Code.invisibleCharacter, pos, w, { char: codePoint(t.slice(pos, pos + w)) });
    }
    // `filter: (department=x)`, an emoji or a pasted BOM before a filter: remove it (no
    // operator or = in it, so it isn't a filter missing its parentheses).
    const q = t.indexOf('(', pos);
    const lead = t.slice(pos, q);
    if (q > pos && !/[=&|!)]/.test(lead)) {
      // Invisible characters and odd spaces (a BOM, a no-break space) are named: U+FEFF.
      fail(Code.leadingText, pos, q - pos, { text: shown(lead.replace(/[ \t\n\r]+$/, '')) });
    }
    failRest(Code.missingParentheses, pos);
  }

  // Finished nodes whose set is still open (`top` of them). Children are sliced off at the
  // ), so each array has its exact size.
  const nodes: FilterNode[] = [];
  let top = 0;
  let depth = 0;

  const end = n;
  let p = pos;
  for (;;) {
    // p is at the ( of a component (a local copy of pos, which item() moves).
    const open = p++;
    const c = t.charCodeAt(p);
    let done: FilterNode | undefined;
    if (p >= end) fail(Code.unclosedParen, open, 1);
    if (c === 38 || c === 124 || c === 33) {
      if (depth >= maxDepth) fail(Code.tooDeep, open, 2, { max: maxDepth });
      kinds[depth] = c;
      froms[depth] = open;
      starts[depth++] = top;
      p++;
    } else if (c === 41) {
      fail(Code.emptyParens, open, 2);
    } else if (c === 40) {
      fail(Code.unexpectedOpenParen, p, 1);
    } else if (isWs(c)) {
      fail(Code.whitespaceAfterParen, p, skipWs(p) - p);
    } else {
      done = item(open);
      p = pos;
      if (spans) done = spanned(done, open, p - open);
    }

    // Close as many sets as end here, until the next component starts.
    for (;;) {
      if (done) {
        if (!depth) {
          p = skipWs(p);
          if (p === end) {
            // Replaced by the too-long error with its params in parseSyntax. Before the
            // held-back unknown field, whether the text was cut or is just one over (a cut
            // text is always over).
            if (end > maxLength) fail(Code.tooLong, end, 0);
            if (unknownName !== undefined) throw (thrown = unknownField(unknownName, unknownAt));
            return { ok: true, filter: done, warnings };
          }
          if (t.charCodeAt(p) === 41) fail(Code.unmatchedCloseParen, p, 1);
          failRest(t.charCodeAt(p) === 40 ? Code.multipleFilters : Code.trailingText, p);
        }
        nodes[top++] = done;
        done = undefined;
      }
      if (isWs(t.charCodeAt(p))) p = skipWs(p);
      const kind = kinds[depth - 1] as number;
      const from = froms[depth - 1] as number;
      const start = starts[depth - 1] as number;
      const count = top - start;
      if (p >= end) fail(Code.unclosedParen, from, 1);
      const d = t.charCodeAt(p);
      if (d === 41) {
        if (!count) {
          fail(
            kind === 38 ? Code.emptyAnd : kind === 124 ? Code.emptyOr : Code.notWithoutFilter,
            from,
            p + 1 - from,
          );
        }
        depth--;
        p++;
        let set: FilterNode;
        if (kind === 33) {
          const child = nodes[--top] as FilterNode;
          set = big ? { type: 'not', child } : { type: 'not', child };
        } else {
          // Two children, the usual case, as an array literal: V8 tracks its allocation site
          // and, when a big tree's arrays all survive, allocates them straight in the old
          // generation instead of copying each through the young one (a 100,000-clause
          // balanced tree: ~750 → ~560 ns/clause). Otherwise a loop is faster than slice()
          // for a few children (and a huge new Array() would not get fast elements).
          let children = nodes;
          if (count === 2) {
            const a = nodes[start] as FilterNode;
            const b = nodes[start + 1] as FilterNode;
            children = big ? [a, b] : [a, b];
          } else if (count > 8) children = nodes.slice(start, top);
          else {
            children = new Array<FilterNode>(count);
            for (let k = 0; k < count; k++) children[k] = nodes[start + k] as FilterNode;
          }
          top = start;
          const type = kind === 38 ? 'and' : 'or';
          set = big ? { type, children } : { type, children };
        }
        done = spans ? spanned(set, from, p - from) : set;
        continue;
      }
      if (d === 40) {
        if (kind === 33 && count) fail(Code.notWithSeveral, p, 1);
        break;
      }
      // A no-break space, a zero-width space (pasted from a document): not a space here.
      const ch = t.slice(p, p + width(t, p));
      if (INVISIBLE.test(ch)) fail(Code.invisibleCharacter, p, ch.length, { char: codePoint(ch) });
      // Not a component: underline the run up to whitespace or a parenthesis; a condition's
      // with the words of its value (`location=New York`), to a parenthesis, a line's end or
      // the next condition (`location=NYC location=Rome` are two). In (! after its filter,
      // putting it in parentheses would give (! two filters.
      let q = until(t, p + 1, ' \t\n\r()');
      if (t.slice(p, q).includes('=')) {
        const words = CONDITION_WORDS.exec(t.slice(q, until(t, q, '()\n\r'))) as RegExpExecArray;
        q += words[0].replace(/[,;]+$/, '').length;
      }
      if (kind === 33 && count) fail(Code.notWithSeveral, p, q - p);
      fail(Code.operandNeedsParentheses, p, q - p, { text: t.slice(p, q) });
    }
  }
}

/**
 * The node with its place in the text, for `{ spans: true }` (an editor's parse, a few KB at
 * most): a copy with `span` last. Without the option nodes have no `span` key at all, so a
 * parsed tree deep-equals the same tree built by hand, strictly too (assert.deepStrictEqual,
 * chai's deep.equal), as `parse(format(x)) ≡ x` means.
 */
const spanned = (node: FilterNode, offset: number, length: number): FilterNode => ({
  ...node,
  span: { offset, length },
});

/** An item whose ( is at `open`; the name starts at open+1. Returns with pos after its ). */
function item(open: number): FilterNode {
  const t = text;
  const start = open + 1;
  // Fast path: a configured field name, in any case, right before its `=` (the last
  // definition of a name wins). Letters compare case-insensitively (`| 32`), anything else
  // exactly and only if it may be in a name; what doesn't match takes the path below. Only
  // the names that start with this character are tried (usually one: a fifth of the work).
  const first = t.charCodeAt(start) | 32;
  search: for (let k = first < 128 ? (heads[first] as number) : -1; k >= 0; k = next[k] as number) {
    const l = lower[k] as string;
    const len = l.length;
    if (t.charCodeAt(start + len) !== 61) continue;
    for (let j = 0; j < len; j++) {
      const lc = l.charCodeAt(j);
      const c = t.charCodeAt(start + j);
      if ((lc - 97) >>> 0 < 26 ? (c | 32) !== lc : c !== lc || !isName(c)) continue search;
    }
    return value(open, start + len + 1, canonical[k] as string);
  }
  let p = start;
  while (isName(t.charCodeAt(p))) p++;
  const len = p - start;
  const c = t.charCodeAt(p);
  if (c !== 61) {
    const name = t.slice(start, p);
    const field = { field: name };
    // Not `=`: say what is wrong with the name or the operator. A name that is no field is
    // named first: `(dept)` needs department, not (dept=value).
    const known = lower.includes(name.toLowerCase());
    if (p >= n) noOperator(name, start, known);
    if (isWs(c)) {
      const q = skipWs(p);
      // `(department )`, `(department Sales)`: the = is what is missing, not a space too many
      // (a space inside a name is only likely when the name so far is no field, or an = follows).
      if (
        (q >= n && !cut) ||
        code(q) === 41 ||
        (known && /[()]/.test(t.charAt(until(t, q, '=()'))))
      )
        noOperator(name, start, known);
      fail(
        q < n && '=~<>!:;'.includes(t.charAt(q))
          ? Code.whitespaceBeforeEquals
          : Code.whitespaceInField,
        p,
        q - p,
      );
    }
    let q = until(t, p, '=:()');
    if (c === 59 && len) {
      fail(Code.unsupportedAttributeOption, p, q - p, { field: name, option: t.slice(p, q) });
    }
    if (c === 58) {
      q = until(t, p, '=)');
      if (code(q) === 61) q++;
      fail(Code.unsupportedExtensible, start, q - start, { text: t.slice(start, q) });
    }
    const op = '~><!'.indexOf(t.charAt(p));
    if (op >= 0 && len && code(p + 1) === 61) fail(Code.unsupportedApprox + op, p, 2, field);
    if ((c === 41 || c === 40) && len) noOperator(name, start, known);
    const w = width(t, p);
    fail(Code.invalidFieldCharacter, p, w, { char: shown(t.slice(p, p + w)) });
  }
  if (!len) fail(Code.missingField, p, 1);
  // Not a configured field (the fast path above would have found it).
  const name = t.slice(start, p);
  if (unknownName === undefined) {
    unknownName = name;
    unknownAt = start;
  }
  return value(open, p + 1, name);
}

/**
 * A name with no = after it: missing-operator for a field; for a name that is no field, its
 * error (unknown-field: (dept) needs department, not (dept=value)), with `missing: '='` so
 * an editor can say more (`(Sales)` is a value without its field).
 */
function noOperator(name: string, start: number, known: boolean): never {
  if (!known) {
    const failure = unknownField(name, start);
    // (Not a number or a dotted name, `(12345)`, `(john.doe)`: a value, not an OID or a
    // field with a wrong character; said as a name missing its =.)
    if (failure[0] === Code.unknownField || failure[0] === Code.unknownFieldNoSuggestion) {
      (failure[3] as Params).missing = '=';
      throw (thrown = failure);
    }
  }
  return fail(Code.missingOperator, start, name.length, { field: name });
}

/**
 * The words after a condition's first that are still its value: each after spaces, unless it
 * starts another condition (`name=`, `name =`). Linear: spaces and words don't overlap.
 */
const CONDITION_WORDS = /^(?:[ \t]+(?![a-z][\w.-]*[ \t]*=)[^\s()]+)*/i;

/** `and` / `or` before another condition (`… and location=NYC`), `&&`, `||`, in a raw value. */
const JOINED_IN_VALUE = /\s(and|or)\s+[a-z][\w.-]*\s*=|&&|\|\|/i;

/** The value of an item whose = is at p-1; returns the item node, with pos after its ). */
function value(open: number, p: number, field: string): FilterNode {
  const t = text;
  let i = p;
  let seg = p;
  let cur = '';
  let stars = 0;
  let initial = '';
  let one = '';
  let any: string[] | undefined;
  let doubleStar = -1;
  let spaced = false;
  let c: number;
  for (; ; i++) {
    c = t.charCodeAt(i);
    // Fast path: most characters are none of ( ) * \ and not at the end.
    if (c > 42 && c !== 92) continue;
    if (c === 41) break;
    if (i >= n) fail(Code.unclosedParen, open, 1);
    if (c === 42) {
      if (t.charCodeAt(i - 1) === 42 && doubleStar < 0) doubleStar = i - 1;
      const part = cur + t.slice(seg, i);
      // The first part is `initial`; the middle ones go into `any`, which is only allocated
      // (at its size) once there are two: most substrings have none or one.
      if (++stars === 1) initial = part;
      else if (stars === 2) one = part;
      else if (stars === 3) any = big ? [one, part] : [one, part];
      else (any as string[]).push(part);
      cur = '';
      seg = i + 1;
    } else if (c === 92) {
      // A run of \hh escapes, decoded as UTF-8 bytes (decodeURIComponent's strict rules).
      // Raw text between escapes ends the run, so a multi-byte character is escaped whole.
      let e = i;
      // ASCII bytes (below 0x80, one byte a character) are decoded here; any other byte
      // sends the run to decodeURIComponent, which checks the UTF-8 sequence.
      let ascii = '';
      let utf8 = false;
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
          // Not an escape: up to and including the character that isn't a hex digit, whole.
          const len = bad > 0 ? bad : -bad - 1 + width(t, e - bad - 1);
          fail(bad > 0 ? Code.truncatedEscape : Code.invalidEscape, e, len, {
            text: t.slice(e, e + len),
          });
        }
        const byte = byteAt(e);
        if (byte < 128) ascii += String.fromCharCode(byte);
        else utf8 = true;
        e += 3;
      }
      let decoded = ascii;
      if (utf8) {
        const escaped = t.slice(i, e);
        try {
          decoded = decodeURIComponent(escaped.replace(/\\/g, '%'));
        } catch {
          failUtf8(i, e);
        }
      }
      cur += t.slice(seg, i) + decoded;
      seg = e;
      i = e - 1;
    } else if (c === 40) {
      fail(Code.unescapedParenInValue, i, 1, { field });
    } else if (c < 33) {
      spaced = true; // (for the joined-filters warning below; off the fast path)
    }
  }
  pos = i + 1;
  // Nothing between = and ): underline the ), before which the value goes.
  if (i === p) fail(Code.emptyValue, p, 1, { field });
  if (i - p === 1 && stars) {
    return big ? { type: 'present', field } : { type: 'present', field };
  }
  // Warnings for legal-but-suspicious values, as decoded: `\20Sales` starts with a space too
  // (formatFilter writes it as one). Underlined as written, escapes whole.
  const last = cur + t.slice(seg, i);
  const first = (stars ? initial : last).charCodeAt(0);
  if (first === 61 || isSpace(first)) {
    warnings.push(
      first === 61
        ? raw(Code.valueStartsWithEquals, p, code(p) === 92 ? 3 : 1, { field, position: at(t, p) })
        : raw(Code.valueLeadingWhitespace, p, spaces(p, 1) - p, { field, position: at(t, p) }),
    );
  }
  // `(department=Sales and location=NYC)` is valid: a department named "Sales and location=
  // NYC". Someone who knows SQL meant two filters.
  const eq = spaced ? t.indexOf('=', p) : -1;
  const joined = eq >= 0 && eq < i && JOINED_IN_VALUE.exec(t.slice(p, i));
  if (joined) {
    const w = (joined[1] ?? joined[0]) as string;
    const o = p + joined.index + joined[0].indexOf(w);
    warnings.push(
      raw(Code.valueContainsConnector, o, w.length, { field, word: w, position: at(t, o) }),
    );
  }
  // (Warnings in text order: `at` counts on from the last one, so a parse stays linear.)
  if (isSpace(last.charCodeAt(last.length - 1))) {
    const s = Math.max(p, spaces(i, -1));
    if (s > p || !isSpace(first)) {
      warnings.push(raw(Code.valueTrailingWhitespace, s, i - s, { field, position: at(t, s) }));
    }
  }
  if (!stars) {
    return big
      ? { type: 'equality', field, value: last }
      : { type: 'equality', field, value: last };
  }
  if (doubleStar >= 0) fail(Code.emptySubstringPart, doubleStar, 2, { field });
  // One literal per shape (initial and final are absent, not undefined, when empty): no
  // properties added after creation, which would cost a second allocation per node. Two
  // copies on purpose: a big text's own allocation sites (see `big`).
  if (big) {
    any ??= stars === 2 ? [one] : [];
    return initial
      ? last
        ? { type: 'substring', field, initial, any, final: last }
        : { type: 'substring', field, initial, any }
      : last
        ? { type: 'substring', field, any, final: last }
        : { type: 'substring', field, any };
  }
  any ??= stars === 2 ? [one] : [];
  return initial
    ? last
      ? { type: 'substring', field, initial, any, final: last }
      : { type: 'substring', field, initial, any }
    : last
      ? { type: 'substring', field, any, final: last }
      : { type: 'substring', field, any };
}

/**
 * Fails at the first character of the escape run [i, e) that isn't UTF-8: a lead byte with
 * the continuation bytes (10xxxxxx) that follow it, as many as it announces, or a byte that
 * can't start a character (a continuation byte, C0, C1, F5 to FF) alone; not the whole run.
 */
function failUtf8(i: number, e: number): never {
  for (let s = i; s < e;) {
    const bytes = utf8Length(byteAt(s));
    let end = s + 3;
    while (end < e && end < s + 3 * bytes && (byteAt(end) & 0xc0) === 0x80) end += 3;
    const piece = text.slice(s, end);
    try {
      decodeURIComponent(piece.replace(/\\/g, '%'));
    } catch {
      fail(Code.invalidUtf8, s, end - s, { text: piece });
    }
    s = end;
  }
  // Not reached (the run as a whole did not decode, so one of its pieces doesn't).
  return fail(Code.invalidUtf8, i, e - i, { text: text.slice(i, e) });
}

/**
 * Called last, and suggestField last in it: it reads the host's field definitions, whose
 * getters may parse too (which reuses the state above).
 */
function unknownField(name: string, offset: number): Failure {
  const params: Params = { field: name, fields: canonical.filter((f) => f).join(', ') };
  if (/^[0-9][0-9.]*$/.test(name)) return [Code.unsupportedOid, offset, name.length, params];
  const dot = name.indexOf('.');
  if (dot >= 0) return [Code.invalidFieldCharacter, offset + dot, 1, { char: '.' }];
  const suggestion = suggestField(name, fields);
  if (suggestion) params.suggestion = suggestion;
  return [
    suggestion ? Code.unknownField : Code.unknownFieldNoSuggestion,
    offset,
    name.length,
    params,
  ];
}
