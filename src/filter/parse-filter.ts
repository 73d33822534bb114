import { Code, problem } from './messages.js';
import { MAX_LENGTH, at, limit, parseSyntax } from './parse.js';
import type { Params } from './messages.js';
import type { ParseOptions, ParseResult } from './types.js';

/**
 * `and` and `or` standing alone (after a space or ')', before a space, '(' or the end); `&&`
 * and `||` anywhere.
 */
const WORDS = /(?<=[\s)])(?:and|or)(?=[\s(]|$)|&&|\|\|/gi;
const isAnd = (w: string): boolean => /and|&/i.test(w);

/**
 * Parses an RFC 4515 filter restricted to the configured fields (README, "The filter
 * language"); never throws. Filters joined by a word LDAP doesn't have, the commonest slip of
 * someone who knows SQL (`department=Sales and location=NYC`, `(a=b) OR (c=d)`,
 * `(&(a=b) && (c=d))`), get `connector-word` with the filter meant, where the parser's own
 * error (wrap it all in parentheses, remove the text after the filter) would lead astray.
 */
export function parseFilter(text: string, options?: ParseOptions): ParseResult {
  const result = parseSyntax(text, options);
  try {
    return (!result.ok && connectorWord(text, result.error.code, options ?? {})) || result;
  } catch {
    return result; // (an option's getter that throws the second time it is read)
  }
}

function connectorWord(text: string, code: string, options: ParseOptions): ParseResult | undefined {
  // Only for the three errors whose advice would lead astray, and only within the length
  // limit: like the parser, nothing past it is read.
  if (
    (code !== 'missing-parentheses' &&
      code !== 'trailing-text' &&
      code !== 'operand-needs-parentheses') ||
    typeof text !== 'string' ||
    text.length > limit(options.maxLength, MAX_LENGTH)
  ) {
    return;
  }
  const found = [...text.matchAll(WORDS)];
  const first = found[0];
  if (!first) return secondFilter(text, code, options);
  const word = first[0];
  const and = isAnd(word);
  // One kind of word, and no set of the other kind: mixed and / or has no one reading.
  if (found.some((m) => isAnd(m[0]) !== and) || text.includes(and ? '(|' : '(&')) return;
  // The parts, bare conditions put in parentheses; then without the words (inside a set that
  // already says & or |), else in a set. Every part must be there (not `a=b and`), and the
  // whole must parse, an unknown field aside: so `department=Research and Development`, a
  // value, gets no rewrite.
  const parts = text.split(WORDS).map((part) => part.trim());
  if (parts.some((part) => !part)) return;
  const joined = parts
    .map((part) => (part[0] === '(' ? part : `(${part.replace(/\s*=\s*/, '=')})`))
    .join('');
  for (const meant of [joined, `(${and ? '&' : '|'}${joined})`]) {
    const r = parseSyntax(meant, options);
    if (r.ok || r.error.code.startsWith('unknown-field')) {
      return failure(text, Code.connectorWord, first.index, word.length, { word, text: meant });
    }
  }
}

/**
 * `department=Sales (location=NYC)`: a bare condition, then a filter. Wrapping it all in
 * parentheses (the parser's advice) would not parse; it is two filters to combine.
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
  const rest = parseSyntax(text.slice(open), options);
  if (!rest.ok && !rest.error.code.startsWith('unknown-field')) return;
  return failure(text, Code.multipleFilters, open, text.trimEnd().length - open, {});
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
