import { Code, problem } from './messages.js';
import { parseSyntax } from './parse.js';
import type { ParseOptions, ParseResult } from './types.js';

/**
 * `and` and `or` standing alone (after a space or ')', before a space or '('); `&&` and `||`
 * anywhere. With the spaces around them, to split on.
 */
const WORD = /(?<=[\s)])(?:and|or)(?=[\s(])|&&|\|\|/i;
const JOINT = /\s*(?:(?<=[\s)])(?:and|or)(?=[\s(])|&&|\|\|)\s*/gi;
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
  if (result.ok) return result;
  const { code } = result.error;
  if (
    code !== 'missing-parentheses' &&
    code !== 'trailing-text' &&
    code !== 'operand-needs-parentheses'
  ) {
    return result;
  }
  // (A text with these errors is within the length limit.)
  const word = typeof text === 'string' && WORD.exec(text);
  if (!word) return result;
  const and = isAnd(word[0]);
  // One kind of word, and no set of the other kind: mixed and / or has no one reading.
  if (text.match(JOINT)?.some((w) => isAnd(w) !== and) || text.includes(and ? '(|' : '(&')) {
    return result;
  }
  // The parts, bare conditions put in parentheses; then without the words (inside a set that
  // already says & or |), else in a set. It must parse, an unknown field aside: so
  // `department=Research and Development`, a value, gets no rewrite.
  const joined = text
    .trim()
    .split(JOINT)
    .map((part) => (part[0] === '(' ? part : `(${part.replace(/\s*=\s*/, '=')})`))
    .join('');
  for (const meant of [joined, `(${and ? '&' : '|'}${joined})`]) {
    const r = parseSyntax(meant, options);
    if (r.ok || r.error.code.startsWith('unknown-field')) {
      return {
        ok: false,
        error: problem(Code.connectorWord, word.index, word[0].length, {
          word: word[0],
          text: meant,
          position: [...text.slice(0, word.index)].length + 1,
        }),
      };
    }
  }
  return result;
}
