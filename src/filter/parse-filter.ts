import * as Code from './code.js';
import type { CodeIndex, Params } from './codes.js';
import { codeOf, problem, publish } from './messages.js';
import { DEFAULT_FIELDS, fieldNames } from './fields.js';
import { MAX_LENGTH, at, limit, parseSyntax } from './parse.js';
import type { ParseOptions, ParseResult } from './types.js';

/** The parser's result in words (codes named, messages written). */
const parse = (text: string, options?: ParseOptions): ParseResult =>
  publish(parseSyntax(text, options));

/**
 * Parentheses and `=` (to know where values are), `and` and `or` standing alone (after a
 * space or ')', before a space, a parenthesis or the end), `&&` and `||` anywhere.
 */
const TOKENS = /[()=]|(?<=[\s)])(?:and|or)(?=[\s()]|$)|&&|\|\|/gi;
const isAnd = (w: string): boolean => /and|&/i.test(w);
/** SQL's NOTs before a filter or a bare condition: `not (a=b)`, `NOT a=b` ('' when none). */
const NOTS = /^(?:not(?:\s*(?=\()|\s+))*/i;
const nots = (part: string): string => (NOTS.exec(part) as RegExpExecArray)[0];

/**
 * A condition without the spaces around its first = (a regular expression for it takes
 * quadratic time on a long run of spaces that ends in something else).
 */
const tidy = (c: string): string => {
  const i = c.indexOf('=');
  // (`department == Sales` is SQL's equality too, not a value that starts with =.)
  return i < 0 ? c : `${c.slice(0, i).trimEnd()}=${c.slice(i + 1).replace(/^\s*=?\s*/, '')}`;
};

/**
 * A part as the filter meant: as written when in parentheses, a bare condition in them
 * (without spaces around its =), `not …` as (!…).
 */
function condition(part: string): string {
  const prefix = nots(part);
  const rest = part.slice(prefix.length);
  const meant = rest[0] === '(' ? rest : `(${tidy(rest)})`;
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
  return r.ok || misnamed(text, r);
};

/**
 * Fails only for a field name that is no field, in a condition (`(dept=a)`); not a word
 * alone in parentheses (`(Development)`), which is no condition at all.
 */
const misnamed = (text: string, r: ParseResult & { ok: false }): boolean =>
  r.error.code.startsWith('unknown-field') && text[r.error.offset + r.error.length] === '=';

function advise(
  text: string,
  result: ParseResult & { ok: false },
  options: ParseOptions,
): ParseResult | undefined {
  const { code } = result.error;
  // Only for the errors whose advice may lead astray, and only within the length limit:
  // like the parser, nothing past it is read.
  if (
    !/^(missing-parentheses|trailing-text|operand-needs-parentheses|leading-text|not-with-several)$/.test(
      code,
    ) ||
    typeof text !== 'string' ||
    text.length > limit(options.maxLength, MAX_LENGTH)
  ) {
    return;
  }
  const words = scan(text);
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
  // The whole must parse, an unknown field aside.
  const meant = rewrite(text, words);
  if (meant && fits(meant, options)) {
    return failure(text, Code.connectorWord, first.index, first.word.length, {
      word: first.word,
      text: meant,
    });
  }
  // The word is where the parser stopped, but the filter meant doesn't parse either (a )
  // missing too, nothing after the word): say how LDAP combines filters, in general. The
  // parser's advice would mislead: 'put and in parentheses' gives (and), 'remove the text
  // after the filter' half the filter.
  if (first.index === result.error.offset) {
    return failure(text, Code.connectorWord, first.index, first.word.length, {
      word: first.word,
      text: isAnd(first.word) ? '(&(…)(…))' : '(|(…)(…))',
    });
  }
  return bareCondition(text, result, options);
}

/** A word outside values, and the content of the set it is in: [from, to). */
interface Word {
  index: number;
  word: string;
  /** '' outside any set, else &, |, ! or ( for an item. */
  set: string;
  from: number;
  to?: number;
}

/** The words outside values (`(department=R and D)` has none), each with its set. */
function scan(text: string): Word[] {
  const words: Word[] = [];
  // The open sets: kind, where the content starts, the words in it (their end is its ')').
  const sets: { set: string; from: number; in: Word[] }[] = [];
  let inValue = false;
  for (const m of text.matchAll(TOKENS)) {
    const t = m[0];
    const i = m.index;
    const open = sets.at(-1);
    if (t === '(') {
      sets.push({ set: /[&|!]/.exec(text.charAt(i + 1))?.[0] ?? '(', from: i + 2, in: [] });
      inValue = false;
    } else if (t === ')') {
      for (const w of sets.pop()?.in ?? []) w.to = i;
      inValue = false;
    } else if (t === '=') {
      inValue = open?.set === '(';
    } else if (!inValue) {
      const w: Word = { index: i, word: t, set: open?.set ?? '', from: open?.from ?? 0 };
      if (open) open.in.push(w);
      else w.to = text.length;
      words.push(w);
    }
  }
  return words;
}

/**
 * The filter meant, set by set: the parts between a set's words (bare conditions put in
 * parentheses, `not …` as (!…)); without the words in a set that already says & or |, else
 * grouped as SQL reads them, and before or (`a or b and c` is (|a(&bc))). Every part must
 * be there (not `a=b and`). Undefined when there is none.
 */
function rewrite(text: string, words: Word[]): string | undefined {
  // One set a round (a few: each is a pass over the text).
  for (let round = 0; words[0] && round < 16; round++, words = scan(text)) {
    const { set, from, to } = words[0];
    if (set === '(' || to === undefined) return;
    const own = words.filter((w) => w.from === from);
    const parts: string[] = [];
    let at = from;
    for (const w of [...own, { index: to, word: '' }]) {
      const part = text.slice(at, w.index).trim();
      if (!part) return;
      parts.push(condition(part));
      at = w.index + w.word.length;
    }
    let meant = parts.join('');
    if (!/[&|]/.test(set) || own.some((w) => isAnd(w.word) !== (set === '&'))) {
      const groups: string[][] = [[]];
      parts.forEach((part, i) => {
        (groups.at(-1) as string[]).push(part);
        if (own[i] && !isAnd(own[i].word)) groups.push([]);
      });
      const anded = groups.map((g) => (g[1] ? `(&${g.join('')})` : (g[0] as string)));
      meant = anded[1] ? `(|${anded.join('')})` : (anded[0] as string);
    }
    text = text.slice(0, from) + meant + text.slice(to);
  }
  return words[0] ? undefined : text;
}

/**
 * `department=Sales (location=NYC)`: a bare condition, then one filter or more. Wrapping it
 * all in parentheses (the parser's advice) would not parse; it is filters to combine.
 */
function secondFilter(text: string, code: string, options: ParseOptions): ParseResult | undefined {
  const open = text.indexOf('(');
  const lead = text.slice(0, open);
  if (code !== 'missing-parentheses' || open < 0 || !/^\s*[^()=\s]+\s*=[^()]*$/.test(lead)) {
    return;
  }
  const after = text.slice(open);
  const rest = parse(after, options);
  if (!rest.ok && rest.error.code !== 'multiple-filters' && !misnamed(after, rest)) return;
  // `filter=(department=Sales)`: a name for the filter, not a condition, before it.
  const label = /^(\s*)(\S[^=]*=)\s*$/.exec(lead);
  if (label) {
    const o = (label[1] as string).length;
    const name = label[2] as string;
    return failure(text, Code.leadingText, o, name.length, { text: name });
  }
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
  // `department=Sales, location=NYC`, one condition a line: in parentheses, one value
  // ("Sales, location=NYC") that nobody meant. They are filters to combine: a condition on
  // a configured field after the separator (not `OU=Sales` in `manager=CN=Bob,OU=Sales`).
  const next = /^[a-z][\w.-]*[ \t]*=/i.test(rest) ? nextCondition(rest, options) : undefined;
  if (next !== undefined) {
    const end = rest.replace(/[\s,;)]+$/, '').length;
    return failure(text, Code.multipleFilters, offset + next, end - next, {});
  }
  // (Parsed once: it fits, or its error is the one placed below.) A name alone that is no
  // field (`dept`, `x`) gets that error: not (dept), which is unknown too.
  const inner = parse(`(${rest})`, options);
  const unknown = !inner.ok && inner.error.code.startsWith('unknown-field');
  if (inner.ok || misnamed(`(${rest})`, inner)) return;
  const tidied = tidy(rest);
  if (!unknown && fits(`(${tidied})`, options)) {
    return failure(text, Code.missingParentheses, offset, length, { text: tidied });
  }
  const at0 = inner.error.offset - 1;
  // `department=`: its value is missing, at the ) the advice would add; said at the = it
  // follows (not "add parentheses: (department=)", which is still wrong).
  if (inner.error.code === 'empty-value' && at0 === rest.length) {
    return failure(text, Code.emptyValue, offset + at0 - 1, 1, { ...inner.error.params });
  }
  // Only an error inside the condition itself (not at the parentheses added around it).
  if (at0 < 0 || at0 + inner.error.length > rest.length) return;
  return failure(text, codeOf(inner.error.code), offset + at0, inner.error.length, {
    ...inner.error.params,
  });
}

/**
 * Where a second condition starts in a bare one's text, after a line break, a comma or a
 * semicolon: a configured field's name and =. Linear (no run of spaces is read twice).
 */
function nextCondition(rest: string, options: ParseOptions): number | undefined {
  const [, names] = fieldNames(options.fields ?? DEFAULT_FIELDS); // (in lower case, cached)
  for (const m of rest.matchAll(/[\n,;][^\S\n]*([a-z][\w.-]*)[ \t]*=/gi)) {
    if (names.includes((m[1] as string).toLowerCase()))
      return m.index + m[0].indexOf(m[1] as string);
  }
  return undefined;
}

/** The error at offset of text, with its 1-based position as the parser gives it. */
function failure(
  text: string,
  code: CodeIndex,
  offset: number,
  length: number,
  params: Params,
): ParseResult {
  return {
    ok: false,
    error: problem(code, offset, length, { ...params, position: at(text, offset) }),
  };
}
