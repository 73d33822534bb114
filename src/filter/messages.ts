import type { CodeIndex, Params, RawProblem, RawResult } from './codes.js';
import type { FilterErrorCode, FilterProblem, FilterWarningCode, ParseResult } from './types.js';

/**
 * English message templates, one per stable code: what is wrong and how to fix it.
 * `{name}` is replaced by `params.name`; `{position}` is always 1-based, in code points
 * (an emoji such as 😀 is one, CR LF two), while `offset` is 0-based, in UTF-16 units. A UI translates by code, using the same params.
 */
export const FILTER_MESSAGES: Readonly<Record<FilterErrorCode | FilterWarningCode, string>> = {
  empty: 'empty filter: write e.g. (department=Sales)',
  'too-long': '{length} characters, over {max}: shorten it',
  'too-deep': 'this ( at {position} nests over {max} levels: flatten it',
  'raw-nul': 'NUL at {position}: write it as \\00',
  'lone-surrogate': 'invalid character at {position}: retype it',
  'missing-parentheses': 'add parentheses: ({text})',
  'leading-text': "remove '{text}' before the filter",
  'unclosed-paren': 'this ( at {position} is never closed',
  'unmatched-close-paren': 'this ) at {position} has no matching (: remove it',
  'multiple-filters': 'a second filter at {position}: put both in (&…) or (|…)',
  'trailing-text': "remove '{text}' after the filter",
  'connector-word': "LDAP has no '{word}': write {text}",
  'empty-parens': '() is empty: write a filter in it',
  'unexpected-open-paren': 'this ( at {position} is not expected: write a field, &, | or !',
  'whitespace-after-paren': 'remove the space at {position} after (',
  'operand-needs-parentheses': "put '{text}' at {position} in parentheses",
  'invisible-character':
    'remove {char} at {position}: only spaces, tabs and line breaks go between filters',
  'empty-and': '(&) needs a filter in it',
  'empty-or': '(|) needs a filter in it',
  'not-without-filter': '(!) needs a filter in it',
  'not-with-several': '(! takes one filter: use (&…) or (|…)',
  'missing-field': 'a field name is missing at {position}: write one',
  'missing-operator': "'{field}' has no =: write ({field}=value)",
  'whitespace-in-field': 'remove the space at {position} in the field',
  'whitespace-before-equals': 'remove the space at {position} before =',
  'invalid-field-character': "remove '{char}' at {position} from the field",
  'unknown-field': "unknown field '{field}': did you mean {suggestion}?",
  'unknown-field-no-suggestion': "unknown field '{field}': use {fields}",
  'unsupported-oid': "OID '{field}' is not supported: use {fields}",
  'unsupported-attribute-option': "remove the option '{option}'",
  'unsupported-extensible': 'extensible match is not supported: use = with * wildcards',
  'unsupported-approx': "'~=' is not supported: use = with * wildcards",
  'unsupported-greater-or-equal': "'>=' is not supported: use = with * wildcards",
  'unsupported-less-or-equal': "'<=' is not supported: use = with * wildcards",
  'unsupported-not-equals': "'!=' is not supported: write (!({field}=value))",
  'empty-value': "'{field}' has an empty value: write one, or *",
  'empty-substring-part': "'**' at {position}: write one *",
  'unescaped-paren-in-value': 'write ( at {position} as \\28, ) as \\29',
  'invalid-escape': "'{text}' at {position} is not an escape: write \\ and two hex digits",
  'truncated-escape': "'{text}' at {position} needs two hex digits",
  'invalid-utf8': "'{text}' at {position} is not valid UTF-8: write the character itself",
  internal: 'the filter could not be read ({text})',
  'value-leading-whitespace': "'{field}' value starts with a space",
  'value-trailing-whitespace': "'{field}' value ends with a space",
  'value-starts-with-equals': "'{field}' value starts with '='",
  'value-contains-connector':
    "'{field}' value contains '{word}': to combine filters, use (&…) or (|…)",
};

/** The codes in table order; the parser refers to them by index (code.ts). */
const codes = Object.keys(FILTER_MESSAGES) as (FilterErrorCode | FilterWarningCode)[];
const isWarning = (k: string): boolean => k.startsWith('value-');

/** Every error code, so a UI can check that it has a translation for each. */
export const FILTER_ERROR_CODES: readonly FilterErrorCode[] = codes.filter(
  (k) => !isWarning(k),
) as FilterErrorCode[];

export const FILTER_WARNING_CODES = codes.filter(isWarning) as FilterWarningCode[];

/** The index of a code (a problem reported again at another place). */
export const codeOf = (code: string): CodeIndex => codes.indexOf(code as FilterErrorCode);

/** A problem with its English message; `params` carries the 1-based `position` (code points). */
export function problem(
  code: CodeIndex,
  offset: number,
  length: number,
  all: Params & { position: number },
): FilterProblem<never> {
  const c = codes[code] as FilterErrorCode;
  // (A host's field list can be empty, `fields: []`: then there is no field to name.)
  const template =
    c === 'unknown-field-no-suggestion' && all['fields'] === ''
      ? "unknown field '{field}': no fields are configured"
      : FILTER_MESSAGES[c];
  // A param the template has no value for stays as written ({name}); numbers become text.
  const message = template.replace(/\{(\w+)\}/g, (m, k: string) => `${all[k] ?? m}`);
  return { code: c as never, message, offset, length, params: all };
}

/**
 * A raw problem in words. Module-level on purpose: made inside publish, this closure cost
 * ~450 ns per parseFilter call in V8 (about a third of a 10-clause parse), even when unused.
 */
const out = (p: RawProblem) => problem(p.code, p.offset, p.length, p.params);

/** A parse result with its codes named and its messages written (see codes.ts). */
export function publish(result: RawResult): ParseResult {
  if (!result.ok) return { ok: false, error: out(result.error) };
  // No warnings, the usual case: the result as it is (its empty list is either kind's).
  return result.warnings.length
    ? { ok: true, filter: result.filter, warnings: result.warnings.map(out) }
    : (result as unknown as ParseResult);
}
