import { Code, problem } from './messages.js';
import { limit, parseSyntax } from './parse.js';
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
    text.length > limit(options.maxLength, 8192)
  ) {
    return;
  }
  const words = text.match(WORDS);
  const word = words?.[0];
  if (!word) return secondFilter(text, code, options);
  const and = isAnd(word);
  // One kind of word, and no set of the other kind: mixed and / or has no one reading.
  if (words.some((w) => isAnd(w) !== and) || text.includes(and ? '(|' : '(&')) return;
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
      const at = text.search(WORDS);
      return {
        ok: false,
        error: problem(Code.connectorWord, at, word.length, {
          word,
          text: meant,
          position: [...text.slice(0, at)].length + 1,
        }),
      };
    }
  }
}

/**
 * `department=Sales (location=NYC)`: a bare condition, then a filter. Wrapping it all in
 * parentheses (the parser's advice) would not parse; it is two filters to combine.
 */
function secondFilter(text: string, code: string, options: ParseOptions): ParseResult | undefined {
  const at = text.indexOf('(');
  if (
    code !== 'missing-parentheses' ||
    at < 0 ||
    !/^\s*[^()=\s]+\s*=[^()]*$/.test(text.slice(0, at))
  ) {
    return;
  }
  const rest = parseSyntax(text.slice(at), options);
  if (!rest.ok && !rest.error.code.startsWith('unknown-field')) return;
  return {
    ok: false,
    error: problem(Code.multipleFilters, at, text.trimEnd().length - at, {
      position: [...text.slice(0, at)].length + 1,
    }),
  };
}
