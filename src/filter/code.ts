/**
 * The parser's problem codes: each one's index in FILTER_MESSAGES (same order; a test checks
 * it), imported as a namespace (`Code.tooLong`). Plain numbers, not a `const enum`: the
 * library build inlines them (and so would a host's bundler), where it compiles each module
 * apart and shipped the enum as a lookup object (2 KB in the section's first paint).
 */
export const empty = 0;
export const tooLong = 1;
export const tooDeep = 2;
export const rawNul = 3;
export const loneSurrogate = 4;
export const missingParentheses = 5;
export const leadingText = 6;
export const unclosedParen = 7;
export const unmatchedCloseParen = 8;
export const multipleFilters = 9;
export const trailingText = 10;
export const connectorWord = 11;
export const emptyParens = 12;
export const unexpectedOpenParen = 13;
export const whitespaceAfterParen = 14;
export const operandNeedsParentheses = 15;
export const invisibleCharacter = 16;
export const emptyAnd = 17;
export const emptyOr = 18;
export const notWithoutFilter = 19;
export const notWithSeveral = 20;
export const missingField = 21;
export const missingOperator = 22;
export const whitespaceInField = 23;
export const whitespaceBeforeEquals = 24;
export const invalidFieldCharacter = 25;
export const unknownField = 26;
export const unknownFieldNoSuggestion = 27;
export const unsupportedOid = 28;
export const unsupportedAttributeOption = 29;
export const unsupportedExtensible = 30;
export const unsupportedApprox = 31;
export const unsupportedGreaterOrEqual = 32;
export const unsupportedLessOrEqual = 33;
export const unsupportedNotEquals = 34;
export const emptyValue = 35;
export const emptySubstringPart = 36;
export const unescapedParenInValue = 37;
export const invalidEscape = 38;
export const truncatedEscape = 39;
export const invalidUtf8 = 40;
export const internal = 41;
export const valueLeadingWhitespace = 42;
export const valueTrailingWhitespace = 43;
export const valueStartsWithEquals = 44;
export const valueContainsConnector = 45;
