import type { FilterNode } from './types.js';

/**
 * What the parser reports, before it is put in words: a code's index, the place, the params.
 * The section's rows parse stored filters only to summarize them, never to show an error, so
 * the parser (in the first-paint bundle) names no codes and writes no messages: parseFilter
 * does (messages.ts, `publish`), and 3 KB of message templates stay out of the first paint.
 */
export type Params = Record<string, string | number>;

export interface RawProblem {
  code: Code;
  offset: number;
  length: number;
  /** With the 1-based `position` (code points) of `offset`. */
  params: Params & { position: number };
}

export type RawResult =
  { ok: true; filter: FilterNode; warnings: RawProblem[] } | { ok: false; error: RawProblem };

/** Indexes of the codes in FILTER_MESSAGES (same order). */
export const enum Code {
  empty,
  tooLong,
  tooDeep,
  rawNul,
  loneSurrogate,
  missingParentheses,
  leadingText,
  unclosedParen,
  unmatchedCloseParen,
  multipleFilters,
  trailingText,
  connectorWord,
  emptyParens,
  unexpectedOpenParen,
  whitespaceAfterParen,
  operandNeedsParentheses,
  invisibleCharacter,
  emptyAnd,
  emptyOr,
  notWithoutFilter,
  notWithSeveral,
  missingField,
  missingOperator,
  whitespaceInField,
  whitespaceBeforeEquals,
  invalidFieldCharacter,
  unknownField,
  unknownFieldNoSuggestion,
  unsupportedOid,
  unsupportedAttributeOption,
  unsupportedExtensible,
  unsupportedApprox,
  unsupportedGreaterOrEqual,
  unsupportedLessOrEqual,
  unsupportedNotEquals,
  emptyValue,
  emptySubstringPart,
  unescapedParenInValue,
  invalidEscape,
  truncatedEscape,
  invalidUtf8,
  internal,
  valueLeadingWhitespace,
  valueTrailingWhitespace,
  valueStartsWithEquals,
  valueContainsConnector,
}
