import { msg, str } from '@lit/localize';
import type { FilterError, FilterWarning, FieldDefinition } from '../../filter/index.js';
import { suggestField } from '../../filter/fields.js';

/**
 * Localized text for the engine's error and warning codes. The engine's English
 * `message` is only a fallback for a code this table doesn't know yet. The place
 * is given separately ("Line 2, column 5: …"), so these sentences don't repeat it.
 */
export function problemMessage(
  problem: FilterError | FilterWarning,
  fields?: readonly FieldDefinition[],
): string {
  const params = problem.params ?? {};
  const p = (key: string): string => {
    const v = params[key];
    return v === undefined ? '' : String(v);
  };
  const field = p('field');
  const text = p('text');
  const max = p('max');
  // A name that is no field with no = after it (`(Sales)`, `(lo` while typing): said as a
  // name missing its =, whose case below tells a value from a field not finished.
  const unknownName = problem.code.startsWith('unknown-field') && p('missing') === '=';
  switch (unknownName ? 'missing-operator' : problem.code) {
    case 'empty':
      return msg('The filter is empty: write one, e.g. (department=Sales).', {
        id: 'filter-editor.error.empty',
      });
    case 'too-long':
      return msg(
        str`The filter is ${p('length')} characters long; the limit is ${max}: shorten it.`,
        {
          id: 'filter-editor.error.too-long',
        },
      );
    case 'too-deep':
      return msg(str`This ( nests deeper than ${max} levels of &, | and !: flatten the filter.`, {
        id: 'filter-editor.error.too-deep',
      });
    case 'raw-nul':
      return msg('A NUL character is not allowed here: write it as \\00.', {
        id: 'filter-editor.error.raw-nul',
      });
    case 'lone-surrogate':
      return msg('This character is not valid Unicode: retype it.', {
        id: 'filter-editor.error.lone-surrogate',
      });
    case 'leading-text':
      return msg(str`Remove '${text}' before the filter: it must start with (.`, {
        id: 'filter-editor.error.leading-text',
      });
    case 'missing-parentheses':
      return msg(str`A filter must be wrapped in parentheses: write (${text}).`, {
        id: 'filter-editor.error.missing-parentheses',
      });
    case 'unclosed-paren':
      return msg('This ( is never closed: add a ).', { id: 'filter-editor.error.unclosed-paren' });
    case 'unmatched-close-paren':
      return msg('This ) has no matching (: remove it.', {
        id: 'filter-editor.error.unmatched-close-paren',
      });
    case 'multiple-filters':
      return msg('A second filter starts here: combine them with (&…) for all or (|…) for any.', {
        id: 'filter-editor.error.multiple-filters',
      });
    case 'trailing-text':
      return msg(str`Unexpected text '${text}' after the filter: remove it.`, {
        id: 'filter-editor.error.trailing-text',
      });
    case 'connector-word':
      if (/^not$/i.test(String(p('word')))) {
        return msg(str`A filter is negated with (!…), not with '${p('word')}': write ${text}.`, {
          id: 'filter-editor.error.connector-word-not',
        });
      }
      return msg(
        str`Filters are combined with & (all of them) or | (any of them), not '${p('word')}': write ${text}.`,
        { id: 'filter-editor.error.connector-word' },
      );
    case 'empty-parens':
      return msg('() is empty: write a condition inside, e.g. (department=Sales).', {
        id: 'filter-editor.error.empty-parens',
      });
    case 'unexpected-open-paren':
      return msg('This ( is not expected: a ( must be followed by a field name, &, | or !.', {
        id: 'filter-editor.error.unexpected-open-paren',
      });
    case 'whitespace-after-paren':
      return msg('Remove this space: a field name must follow ( directly.', {
        id: 'filter-editor.error.whitespace-after-paren',
      });
    case 'invisible-character':
      return msg(
        str`${p('char')} here is not a plain space: delete it (only spaces, tabs and line breaks go between filters).`,
        { id: 'filter-editor.error.invisible-character' },
      );
    case 'operand-needs-parentheses':
      return msg(str`'${text}' must be a filter in parentheses, e.g. (department=Sales).`, {
        id: 'filter-editor.error.operand-needs-parentheses',
      });
    case 'empty-and':
      return msg('(&) needs at least one filter inside: (&(department=Sales)(location=NYC)).', {
        id: 'filter-editor.error.empty-and',
      });
    case 'empty-or':
      return msg('(|) needs at least one filter inside: (|(department=Sales)(department=HR)).', {
        id: 'filter-editor.error.empty-or',
      });
    case 'not-without-filter':
      return msg('(!) needs exactly one filter inside: (!(department=Temp)).', {
        id: 'filter-editor.error.not-without-filter',
      });
    case 'not-with-several':
      return msg(
        '(! takes exactly one filter and a second one starts here: wrap them in (&…) or (|…).',
        {
          id: 'filter-editor.error.not-with-several',
        },
      );
    case 'missing-field':
      return msg('A field name is missing before =, e.g. (department=Sales).', {
        id: 'filter-editor.error.missing-field',
      });
    case 'missing-operator': {
      // `(Sales)` or `(lo` (still typing): a name that is no field is not missing an = after
      // it; it is a value without its field, or a field not finished.
      const name = field.toLowerCase();
      if (fields?.length && name && !fields.some((f) => f.name.toLowerCase() === name)) {
        const meant =
          fields.find((f) => f.name.toLowerCase().startsWith(name))?.name ??
          suggestField(field, fields);
        if (meant) {
          return msg(str`'${field}' is not a field name: did you mean ${meant}?`, {
            id: 'filter-editor.error.missing-operator-partial',
          });
        }
        const example = (fields.find((f) => f.name === 'department') ?? fields[0])!.name;
        return msg(
          str`'${field}' is not a field name: write the field first, e.g. (${example}=${field}).`,
          { id: 'filter-editor.error.missing-operator-value' },
        );
      }
      return msg(str`'${field}' has no =: write (${field}=value) or (${field}=*).`, {
        id: 'filter-editor.error.missing-operator',
      });
    }
    case 'whitespace-in-field':
      return msg('Remove this space: a field name can’t contain spaces.', {
        id: 'filter-editor.error.whitespace-in-field',
      });
    case 'whitespace-before-equals':
      return msg('Remove this space: = must follow the field name directly.', {
        id: 'filter-editor.error.whitespace-before-equals',
      });
    case 'invalid-field-character':
      return msg(str`'${p('char')}' can’t appear in a field name.`, {
        id: 'filter-editor.error.invalid-field-character',
      });
    case 'unknown-field':
      return msg(str`Unknown field '${field}': did you mean ${p('suggestion')}?`, {
        id: 'filter-editor.error.unknown-field',
      });
    case 'unknown-field-no-suggestion':
      // (A page that sets no fields at all, `fields = []`, leaves nothing to name.)
      return p('fields')
        ? msg(str`Unknown field '${field}': use one of ${p('fields')}.`, {
            id: 'filter-editor.error.unknown-field-no-suggestion',
          })
        : msg(str`Unknown field '${field}': this page allows no fields, so only a blank filter.`, {
            id: 'filter-editor.error.no-fields',
          });
    case 'unsupported-oid':
      return msg(
        str`Numeric attribute OIDs like '${field}' are not supported: use one of ${p('fields')}.`,
        {
          id: 'filter-editor.error.unsupported-oid',
        },
      );
    case 'unsupported-attribute-option':
      return msg(
        str`Attribute options like '${p('option')}' are not supported: remove it and write ${field}=….`,
        { id: 'filter-editor.error.unsupported-attribute-option' },
      );
    case 'unsupported-extensible':
      return msg(str`Extensible match '${text}' is not supported: use = with * wildcards.`, {
        id: 'filter-editor.error.unsupported-extensible',
      });
    case 'unsupported-approx':
      return msg("'~=' is not supported: use = with * wildcards.", {
        id: 'filter-editor.error.unsupported-approx',
      });
    case 'unsupported-greater-or-equal':
      return msg("'>=' is not supported: only = (with * wildcards) is.", {
        id: 'filter-editor.error.unsupported-greater-or-equal',
      });
    case 'unsupported-less-or-equal':
      return msg("'<=' is not supported: only = (with * wildcards) is.", {
        id: 'filter-editor.error.unsupported-less-or-equal',
      });
    case 'unsupported-not-equals':
      return msg(str`'!=' is not supported: write (!(${field}=value)).`, {
        id: 'filter-editor.error.unsupported-not-equals',
      });
    case 'empty-value':
      return msg(
        str`The value for '${field}' is empty: write a value, or * for any non-empty value.`,
        {
          id: 'filter-editor.error.empty-value',
        },
      );
    case 'empty-substring-part':
      return msg("'**' leaves an empty part: use a single *.", {
        id: 'filter-editor.error.empty-substring-part',
      });
    case 'unescaped-paren-in-value':
      return msg('A ( inside a value must be written \\28 (and a ) as \\29).', {
        id: 'filter-editor.error.unescaped-paren-in-value',
      });
    case 'invalid-escape':
      return msg(
        str`'${text}' is not a valid escape: \\ must be followed by two hex digits (write \\5c for a backslash).`,
        { id: 'filter-editor.error.invalid-escape' },
      );
    case 'truncated-escape':
      return msg(str`The escape '${text}' is cut short: \\ must be followed by two hex digits.`, {
        id: 'filter-editor.error.truncated-escape',
      });
    case 'invalid-utf8':
      return msg(
        str`'${text}' is not valid UTF-8: write the character itself, or all of its bytes.`,
        { id: 'filter-editor.error.invalid-utf8' },
      );
    case 'value-leading-whitespace':
      return msg(
        str`The value for '${field}' starts with a space or a line break: is that intended?`,
        {
          id: 'filter-editor.warning.value-leading-whitespace',
        },
      );
    case 'value-trailing-whitespace':
      return msg(
        str`The value for '${field}' ends with a space or a line break: is that intended?`,
        {
          id: 'filter-editor.warning.value-trailing-whitespace',
        },
      );
    case 'value-starts-with-equals':
      return msg(str`The value for '${field}' starts with '=': did you type == by mistake?`, {
        id: 'filter-editor.warning.value-starts-with-equals',
      });
    case 'value-contains-connector':
      return msg(
        str`'${p('word')}' is read as part of the value of '${field}'. To combine filters, use (&…) for all of them or (|…) for any.`,
        { id: 'filter-editor.warning.value-contains-connector' },
      );
    default:
      return problem.message;
  }
}

/** 1-based line and column of a UTF-16 offset (column counts code points). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  const last = lines[lines.length - 1] ?? '';
  return { line: lines.length, column: Array.from(last).length + 1 };
}

/** "Line 2, column 5: message", for the place `offset` in `text`. */
export function placed(text: string, offset: number, message: string): string {
  const { line, column } = lineColumn(text, offset);
  return msg(str`Line ${line}, column ${column}: ${message}`, { id: 'filter-editor.error.placed' });
}

/** A problem of the engine's, placed: "Line 2, column 5: message". */
export function placedMessage(
  text: string,
  problem: FilterError | FilterWarning,
  fields?: readonly FieldDefinition[],
): string {
  return placed(text, problem.offset, problemMessage(problem, fields));
}

/** Visible label of a field: its definition's `label`, a translation for the five defaults, else its name. */
export function fieldLabel(field: FieldDefinition | string): string {
  if (typeof field !== 'string' && field.label) return field.label;
  const name = typeof field === 'string' ? field : field.name;
  switch (name) {
    case 'email':
      return msg('Email', { id: 'filter-editor.field.email' });
    case 'department':
      return msg('Department', { id: 'filter-editor.field.department' });
    case 'officeLocation':
      return msg('Office location', { id: 'filter-editor.field.officeLocation' });
    case 'location':
      return msg('Location (city)', { id: 'filter-editor.field.location' });
    case 'phoneNumber':
      return msg('Phone number', { id: 'filter-editor.field.phoneNumber' });
    default:
      return name;
  }
}

/** Quotation marks a value may be typed in: straight, typographic and guillemets. */
const QUOTES = `"'“”‘’«»„`;
const QUOTED = new RegExp(
  `\\(\\s*([A-Za-z][\\w.-]*)\\s*=\\s*([${QUOTES}])([^()${QUOTES}]+)([${QUOTES}])\\s*\\)`,
  'dg',
);

/**
 * The editor's own warnings, beside the engine's: `(department="Sales")` is valid LDAP, but it
 * looks for the quotation marks too, so it imports nobody. "Line 1, column 13: …" each.
 */
export function quotedValueWarnings(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(QUOTED)) {
    const [, field = '', , value = ''] = m;
    const message = msg(
      str`The value for '${field}' is in quotation marks, which LDAP looks for too: write (${field}=${value}).`,
      { id: 'filter-editor.warning.value-quoted' },
    );
    found.push(placed(text, m.indices![2]![0], message));
  }
  return found;
}
