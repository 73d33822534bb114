import { Code, type Params } from './codes.js';
import { codeOf, problem, publish } from './messages.js';
import { MAX_LENGTH, at, limit, parseSyntax } from './parse.js';
import type { ParseOptions, ParseResult } from './types.js';

/** The parser's result in words (codes named, messages written). */
const parse = (text: string, options?: ParseOptions): ParseResult =>
  publish(parseSyntax(text, options));

/**
 * Parentheses and `=` (to know where values are), `and` and `or` standing alone (after a
 * space or ')', before a space, '(' or the end), `&&` and `||` anywhere.
 */
const TOKENS = /[()=]|(?<=[\s)])(?:and|or)(?=[\s(]|$)|&&|\|\|/gi;
const isAnd = (w: string): boolean => /and|&/i.test(w);
/** SQL's NOTs before a filter or a bare condition: `not (a=b)`, `NOT a=b` ('' when none). */
const NOTS = /^(?:not(?:\s*(?=\()|\s+))*/i;
const nots = (part: string): string => (NOTS.exec(part) as RegExpExecArray)[0];

/**
 * A part as the filter meant: as written when in parentheses, a bare condition in them
 * (without spaces around its =), `not …` as (!…).
 */
function condition(part: string): string {
  const prefix = nots(part);
  const rest = part.slice(prefix.length);
  const meant = rest[0] === '(' ? rest : `(${rest.replace(/\s*=\s*/, '=')})`;
  const n = prefix.split(/not/i).length - 1;
  return '(!'.repeat(n) + meant + ')'.repeat(n);
}

/**
 * Parses an RFC 4515 filter restricted to the configured fields (README, "The filter
 * language"); never throws. Filters joined by a word LDAP doesn't have, the commonest slip of
 * someone who knows SQL (`department=Sales and location=NYC`, `(a=b) OR (c=d)`,
 * `(&(a=b) && (c=d))`, `not (a=b)`), get `connector-word` with the filter meant, where the
 * parser's own error (wrap it all in parentheses, remove the text before or after the
 * filter) would lead astray.
 */
export function parseFilter(text: string, options?: ParseOptions): ParseResult {
  const result = parse(text, options);
  try {
    return (!result.ok && advise(text, result, options ?? {})) || result;
  } catch {
    return result; // (an option's getter that throws the second time it is read)
  }
}

/** Parses, or fails only for an unknown field: the structure is what was meant. */
const fits = (text: string, options: ParseOptions): boolean => {
  const r = parse(text, options);
  return r.ok || r.error.code.startsWith('unknown-field');
};

function advise(
  text: string,
  result: ParseResult & { ok: false },
  options: ParseOptions,
): ParseResult | undefined {
  const { code } = result.error;
  // Only for the errors whose advice may lead astray, and only within the length limit:
  // like the parser, nothing past it is read.
  if (
    !/^(missing-parentheses|trailing-text|operand-needs-parentheses|leading-text)$/.test(code) ||
    typeof text !== 'string' ||
    text.length > limit(options.maxLength, MAX_LENGTH)
  ) {
    return;
  }
  // The words outside values (`(department=R and D)` has none), each with the set it is in:
  // '' outside any, else &, |, ! or ( for an item.
  const words: { index: number; word: string; set: string }[] = [];
  const sets: string[] = [];
  let inValue = false;
  for (const m of text.matchAll(TOKENS)) {
    const t = m[0];
    if (t === '(') {
      sets.push(/[&|!]/.exec(text.charAt(m.index + 1))?.[0] ?? '(');
      inValue = false;
    } else if (t === ')') {
      sets.pop();
      inValue = false;
    } else if (t === '=') {
      inValue = sets.at(-1) === '(';
    } else if (!inValue) {
      words.push({ index: m.index, word: t, set: sets.at(-1) ?? '' });
    }
  }
  const first = words[0];
  if (!first) {
    // `not (department=a)`, `NOT department=a`: the filter negated.
    const lead = text.trim();
    const meant = condition(lead);
    const not = nots(lead);
    const o = text.length - text.trimStart().length;
    if (not && fits(meant, options)) {
      return failure(text, Code.connectorWord, o, 3, { word: lead.slice(0, 3), text: meant });
    }
    // `not (location=NYC))`: the error after the NOT, in place. The parser's advice, remove
    // the NOT, would give a filter that means the opposite.
    const after = o + not.length;
    const rest = not ? parse(text.slice(after), options) : undefined;
    if (rest && !rest.ok) {
      const { code: c, offset, length, params } = rest.error;
      return failure(text, codeOf(c), after + offset, length, { ...params });
    }
    return secondFilter(text, code, options) ?? bareCondition(text, result, options);
  }
  const and = isAnd(first.word);
  // One kind of word, each outside any set or in a set of its kind: mixed and / or, or
  // `(|(a=b) and (c=d))`, has no one reading.
  if (words.some((w) => isAnd(w.word) !== and || (w.set && w.set !== (and ? '&' : '|')))) {
    return bareCondition(text, result, options);
  }
  // The parts, bare conditions put in parentheses, `not (…)` as (!…); then without the
  // words (inside a set that already says & or |), else in a set. Every part must be there
  // (not `a=b and`), and the whole must parse, an unknown field aside.
  const parts: string[] = [];
  let from = 0;
  for (const w of [...words, { index: text.length, word: '' }]) {
    parts.push(text.slice(from, w.index).trim());
    from = w.index + w.word.length;
  }
  if (!parts.some((part) => !part)) {
    const joined = parts.map(condition).join('');
    for (const meant of [joined, `(${and ? '&' : '|'}${joined})`]) {
      if (fits(meant, options)) {
        return failure(text, Code.connectorWord, first.index, first.word.length, {
          word: first.word,
          text: meant,
        });
      }
    }
  }
  return bareCondition(text, result, options);
}

/**
 * `department=Sales (location=NYC)`: a bare condition, then one filter or more. Wrapping it
 * all in parentheses (the parser's advice) would not parse; it is filters to combine.
 */
function secondFilter(text: string, code: string, options: ParseOptions): ParseResult | undefined {
  const open = text.indexOf('(');
  if (
    code !== 'missing-parentheses' ||
    open < 0 ||
    !/^\s*[^()=\s]+\s*=[^()]*$/.test(text.slice(0, open))
  ) {
    return;
  }
  const rest = parse(text.slice(open), options);
  if (!rest.ok && !/^(unknown-field|multiple-filters)/.test(rest.error.code)) return;
  return failure(text, Code.multipleFilters, open, text.trimEnd().length - open, {});
}

/**
 * A bare condition (`department = Sales`, `department!=a`): the parser says to add
 * parentheses. If that alone would not parse, say what would: the same condition without
 * the spaces around =, else the error the parenthesized text has, placed in this one.
 */
function bareCondition(
  text: string,
  result: ParseResult & { ok: false },
  options: ParseOptions,
): ParseResult | undefined {
  const { code, offset, length, params } = result.error;
  const rest = params?.['text'];
  if (code !== 'missing-parentheses' || typeof rest !== 'string') return;
  // (Parsed once: it fits, or its error is the one placed below.)
  const inner = parse(`(${rest})`, options);
  if (inner.ok || inner.error.code.startsWith('unknown-field')) return;
  const tidy = rest.replace(/\s*=\s*/, '=');
  if (fits(`(${tidy})`, options)) {
    return failure(text, Code.missingParentheses, offset, length, { text: tidy });
  }
  const at0 = inner.error.offset - 1;
  // Only an error inside the condition itself (not at the parentheses added around it).
  if (at0 < 0 || at0 + inner.error.length > rest.length) return;
  return failure(text, codeOf(inner.error.code), offset + at0, inner.error.length, {
    ...inner.error.params,
  });
}

/** The error at offset of text, with its 1-based position as the parser gives it. */
function failure(
  text: string,
  code: Code,
  offset: number,
  length: number,
  params: Params,
): ParseResult {
  return {
    ok: false,
    error: problem(code, offset, length, { ...params, position: at(text, offset) }),
  };
}
