import type { FilterErrorCode, FilterWarningCode } from './types.js';

/**
 * English message templates, one per stable code. `{name}` is replaced by `params.name`;
 * `{position}` is always 1-based (the n-th character), while `offset` is 0-based.
 * A UI translates by code, using the same params.
 */
export const FILTER_MESSAGES: Readonly<Record<FilterErrorCode | FilterWarningCode, string>> = {
  empty: 'the filter is empty: write one, e.g. (department=Sales)',
  'too-long': 'the filter has {length} characters, more than {max}: shorten it',
  'too-deep': 'this ( at {position} nests deeper than {max} levels: flatten the filter',
  'raw-nul': 'a NUL character at {position}: write it as \\00',
  'lone-surrogate': 'an invalid character at {position}: retype it',
  'missing-parentheses': 'a filter needs parentheses: write ({text})',
  'unclosed-paren': 'this ( at {position} is never closed: add a )',
  'unmatched-close-paren': 'this ) at {position} has no matching (: remove it',
  'multiple-filters': 'a second filter starts at {position}: combine them in (&…) or (|…)',
  'trailing-text': "unexpected '{text}' after the filter: remove it",
  'empty-parens': '() is empty: write a condition in it, e.g. (department=Sales)',
  'unexpected-open-paren': 'this ( at {position} is not expected: write a field name, &, | or !',
  'whitespace-after-paren': 'remove the space at {position} after (',
  'operand-needs-parentheses': "'{text}' at {position} must be in parentheses",
  'empty-and': '(&) needs at least one filter in it',
  'empty-or': '(|) needs at least one filter in it',
  'not-without-filter': '(!) needs one filter in it: (!(department=Temp))',
  'not-with-several': '(! takes one filter; a second starts at {position}: use (&…) or (|…)',
  'missing-field': 'a field name is missing before = at {position}',
  'missing-operator': "'{field}' has no =: write ({field}=value) or ({field}=*)",
  'whitespace-in-field': 'remove the space at {position}: a field name has no spaces',
  'whitespace-before-equals': 'remove the space at {position} before =',
  'invalid-field-character': "'{char}' at {position} can't be in a field name",
  'unknown-field': "unknown field '{field}': did you mean {suggestion}?",
  'unknown-field-no-suggestion': "unknown field '{field}': use {fields}",
  'unsupported-oid': "numeric OIDs like '{field}' are not supported: use {fields}",
  'unsupported-attribute-option': "attribute options like '{option}' are not supported: remove it",
  'unsupported-extensible': "extensible match '{text}' is not supported: use = with * wildcards",
  'unsupported-approx': "'~=' is not supported: use = with * wildcards",
  'unsupported-greater-or-equal': "'>=' is not supported: use = with * wildcards",
  'unsupported-less-or-equal': "'<=' is not supported: use = with * wildcards",
  'unsupported-not-equals': "'!=' is not supported: write (!({field}=value))",
  'empty-value': "the value of '{field}' is empty: write a value, or * for any",
  'empty-substring-part': "'**' at {position} leaves an empty part: use one *",
  'unescaped-paren-in-value': 'write ( at {position} in a value as \\28 (and ) as \\29)',
  'invalid-escape': "'{text}' at {position} is not an escape: write \\ and two hex digits, or \\5c",
  'truncated-escape': "the escape '{text}' at {position} needs two hex digits",
  'invalid-utf8': "'{text}' at {position} is not valid UTF-8: write the character itself",
  internal: 'the filter could not be read ({text})',
  'value-leading-whitespace': "the value of '{field}' starts with a space",
  'value-trailing-whitespace': "the value of '{field}' ends with a space",
  'value-starts-with-equals': "the value of '{field}' starts with '='",
};

/** Every error code, so a UI can check that it has a translation for each. */
export const FILTER_ERROR_CODES: readonly FilterErrorCode[] = Object.keys(FILTER_MESSAGES).filter(
  (k) => !k.startsWith('value-'),
) as FilterErrorCode[];

export const FILTER_WARNING_CODES = Object.keys(FILTER_MESSAGES).filter((k) =>
  k.startsWith('value-'),
) as FilterWarningCode[];

export function formatMessage(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
