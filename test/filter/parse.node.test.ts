import { describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_FIELDS,
  FILTER_ERROR_CODES,
  FILTER_MESSAGES,
  filtersEqual,
  formatFilter,
  parseFilter,
  type FieldDefinition,
  type FilterErrorCode,
  type FilterNode,
  type ParseOptions,
} from '../../src/filter/index.js';
import { JOB_TITLE } from './host-fields.js';
import { parseSyntax } from '../../src/filter/parse.js';

function ok(text: string, options?: ParseOptions): FilterNode {
  const r = parseFilter(text, options);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(text)} to parse: ${r.error.message}`);
  return r.filter;
}

const eq = (field: string, value: string): FilterNode => ({ type: 'equality', field, value });

describe('valid filters', () => {
  const cases: [string, FilterNode, string][] = [
    ['(department=Sales)', eq('department', 'Sales'), '(department=Sales)'],
    [
      '(&(department=Sales)(location=NYC))',
      { type: 'and', children: [eq('department', 'Sales'), eq('location', 'NYC')] },
      '(&(department=Sales)(location=NYC))',
    ],
    [
      '(!(department=Temp))',
      { type: 'not', child: eq('department', 'Temp') },
      '(!(department=Temp))',
    ],
    [
      '(email=*@company.com)',
      { type: 'substring', field: 'email', any: [], final: '@company.com' },
      '(email=*@company.com)',
    ],
    ['(email=*)', { type: 'present', field: 'email' }, '(email=*)'],
    [
      '(department=*ale*)',
      { type: 'substring', field: 'department', any: ['ale'] },
      '(department=*ale*)',
    ],
    ['(Department=Sales)', eq('department', 'Sales'), '(department=Sales)'],
    ['(OFFICELOCATION=x)', eq('officeLocation', 'x'), '(officeLocation=x)'],
    ['(phonenumber=+1 555)', eq('phoneNumber', '+1 555'), '(phoneNumber=+1 555)'],
    [
      '(&(department=Sales))',
      { type: 'and', children: [eq('department', 'Sales')] },
      '(&(department=Sales))',
    ],
    ['(department=R&D)', eq('department', 'R&D'), '(department=R&D)'],
    [
      '(officeLocation=Bldg \\28A\\29)',
      eq('officeLocation', 'Bldg (A)'),
      '(officeLocation=Bldg \\28A\\29)',
    ],
    ['(email=a\\2ab@x.com)', eq('email', 'a*b@x.com'), '(email=a\\2ab@x.com)'],
    ['(department=M\\c3\\bcller)', eq('department', 'Müller'), '(department=Müller)'],
    ['(department=M\\C3\\BCller)', eq('department', 'Müller'), '(department=Müller)'],
    ['(department=Müller)', eq('department', 'Müller'), '(department=Müller)'],
    ['(department=Sales )', eq('department', 'Sales '), '(department=Sales )'],
    ['(department=\\5c)', eq('department', '\\'), '(department=\\5c)'],
    ['(department=a\\00b)', eq('department', 'a\0b'), '(department=a\\00b)'],
    ['(department=\\41\\42)', eq('department', 'AB'), '(department=AB)'],
    ['(department=\\e2\\82\\ac)', eq('department', '€'), '(department=€)'],
    ['(department=\\f0\\9f\\98\\80)', eq('department', '😀'), '(department=😀)'],
    ['(department=\\28\\c3\\bc\\29)', eq('department', '(ü)'), '(department=\\28ü\\29)'],
    ['(department=\\2A\\5C)', eq('department', '*\\'), '(department=\\2a\\5c)'],
    ['(department=😀)', eq('department', '😀'), '(department=😀)'],
    ['(department=a=b)', eq('department', 'a=b'), '(department=a=b)'],
    ['(department=tab\there)', eq('department', 'tab\there'), '(department=tab\there)'],
    [
      '(email=a*b*c)',
      { type: 'substring', field: 'email', initial: 'a', any: ['b'], final: 'c' },
      '(email=a*b*c)',
    ],
    ['(email=a*)', { type: 'substring', field: 'email', initial: 'a', any: [] }, '(email=a*)'],
    ['(email=*\\2a*)', { type: 'substring', field: 'email', any: ['*'] }, '(email=*\\2a*)'],
    [
      '(|(location=NYC)(location=LA)(!(email=*)))',
      {
        type: 'or',
        children: [
          eq('location', 'NYC'),
          eq('location', 'LA'),
          { type: 'not', child: { type: 'present', field: 'email' } },
        ],
      },
      '(|(location=NYC)(location=LA)(!(email=*)))',
    ],
    [
      '  \n(&\n  (department=Sales)\n\t(|\r\n    (location=NYC)\n    (location=LA)\n  )\n)\n  ',
      {
        type: 'and',
        children: [
          eq('department', 'Sales'),
          { type: 'or', children: [eq('location', 'NYC'), eq('location', 'LA')] },
        ],
      },
      '(&(department=Sales)(|(location=NYC)(location=LA)))',
    ],
    [
      '(& (department=Sales) )',
      { type: 'and', children: [eq('department', 'Sales')] },
      '(&(department=Sales))',
    ],
    [
      '(! (department=Sales))',
      { type: 'not', child: eq('department', 'Sales') },
      '(!(department=Sales))',
    ],
  ];
  it.each(cases)('%j', (text, expected, canonical) => {
    const node = ok(text);
    expect(filtersEqual(node, expected)).toBe(true);
    expect(formatFilter(node)).toBe(canonical);
    expect(filtersEqual(ok(formatFilter(node, { pretty: true })), expected)).toBe(true);
  });

  it('gives spans into the original text when asked for', () => {
    const text = '(&\n (department=Sales)\n (!(email=*))(email=a*b*c))';
    const node = ok(text, { spans: true });
    expect(node.span).toEqual({ offset: 0, length: text.length });
    if (node.type !== 'and') throw new Error('and expected');
    const [a, b, c] = node.children;
    expect(a?.span).toEqual({ offset: 4, length: 18 });
    const at = (n: FilterNode | undefined) =>
      text.slice(n?.span?.offset, (n?.span?.offset ?? 0) + (n?.span?.length ?? 0));
    expect(at(b)).toBe('(!(email=*))');
    expect(b?.type === 'not' && at(b.child)).toBe('(email=*)');
    expect(at(c)).toBe('(email=a*b*c)');
  });

  it('leaves spans out by default (a smaller tree, parsed faster)', () => {
    const node = ok('(&(department=Sales)(!(email=*))(email=a*b*c)(location=*NYC))');
    const all: FilterNode[] = [node];
    for (const n of all) {
      expect('span' in n).toBe(false); // (no key at all: strict deep equality holds)
      if (n.type === 'and' || n.type === 'or') all.push(...n.children);
      if (n.type === 'not') all.push(n.child);
    }
    expect(all).toHaveLength(6);
    expect(JSON.stringify(node)).not.toContain('span');
  });
});

describe('warnings', () => {
  const cases: [string, string, number, number][] = [
    ['(department=Sales )', 'value-trailing-whitespace', 17, 1],
    ['(department= Sales)', 'value-leading-whitespace', 12, 1],
    ['(department=\n  Sales)', 'value-leading-whitespace', 12, 3],
    ['(department==Sales)', 'value-starts-with-equals', 12, 1],
    ['(department=*Sales  )', 'value-trailing-whitespace', 18, 2],
    // Valid, but a department named "Sales and location=NYC": SQL's and / or, underlined.
    ['(department=Sales and location=NYC)', 'value-contains-connector', 18, 3],
    ['(department=Sales OR department = IT)', 'value-contains-connector', 18, 2],
    ['(department=Sales && location=NYC)', 'value-contains-connector', 18, 2],
    // Written as escapes: the value still starts or ends with a space, or starts with = (as
    // formatFilter writes it back, raw). The escape is underlined whole.
    ['(department=\\20Sales)', 'value-leading-whitespace', 12, 3],
    ['(department= \\20Sales)', 'value-leading-whitespace', 12, 4],
    ['(department=Sales\\20)', 'value-trailing-whitespace', 17, 3],
    ['(department=*Sales\\09 )', 'value-trailing-whitespace', 18, 4],
    ['(department=\\3dSales)', 'value-starts-with-equals', 12, 3],
    // Spaces that don't look like one (pasted from a document): no-break, narrow no-break,
    // ideographic, zero-width; the value matches nobody all the same.
    ['(department=Sales\u00a0)', 'value-trailing-whitespace', 17, 1],
    ['(department=\u00a0Sales)', 'value-leading-whitespace', 12, 1],
    ['(department=Sales\u202f)', 'value-trailing-whitespace', 17, 1],
    ['(department=Sales\u3000\u200b)', 'value-trailing-whitespace', 17, 2],
    ['(department=\ufeffSales)', 'value-leading-whitespace', 12, 1],
    // The same spaces written as UTF-8 escapes: underlined whole too, every byte of them.
    ['(department=\\c2\\a0Sales)', 'value-leading-whitespace', 12, 6],
    ['(department=Sales\\c2\\a0)', 'value-trailing-whitespace', 17, 6],
    ['(department=\\e2\\80\\8bSales)', 'value-leading-whitespace', 12, 9],
    ['(department=Sales \\e3\\80\\80\\20)', 'value-trailing-whitespace', 17, 13],
    ['(department=\\c3\\a9Sales\\c2\\a0)', 'value-trailing-whitespace', 23, 6],
  ];
  it.each(cases)('%j → %s at %i+%i', (text, code, offset, length) => {
    const r = parseFilter(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({ code, offset, length, params: { field: 'department' } });
    expect(r.warnings[0]?.message).toMatch(/department/);
  });
  it('both ends', () => {
    const r = parseFilter('(department= Sales )');
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual([
      'value-leading-whitespace',
      'value-trailing-whitespace',
    ]);
  });
  it('come in text order, with their positions', () => {
    const r = parseFilter('(&(department= Sales and location=NYC )(location=Rome ))');
    expect(r.ok && r.warnings.map((w) => `${w.code}@${w.offset}`)).toEqual([
      'value-leading-whitespace@14',
      'value-contains-connector@21',
      'value-trailing-whitespace@37',
      'value-trailing-whitespace@53',
    ]);
    expect(r.ok && r.warnings.map((w) => w.params?.['position'])).toEqual([15, 22, 38, 54]);
  });
  it('no warnings for clean input', () => {
    const r = parseFilter('(&(department=Sales)(email=*@x.com))');
    expect(r.ok && r.warnings).toEqual([]);
    // A no-break space inside a value (Sa\u00a0les) is part of it, as a space is.
    const inside = parseFilter('(department=Sa\u00a0les)');
    expect(inside.ok && inside.warnings).toEqual([]);
    // "and" in a value with no condition after it is a value: Research and Development.
    for (const text of [
      '(department=Research and Development)',
      '(department=a=b)',
      '(department=x or y)',
      '(department=a\\5c20)', // a backslash, then "20"
      '(department=Sales\\20*)', // the space is inside, before a *
    ]) {
      const v = parseFilter(text);
      expect(v.ok && v.warnings, text).toEqual([]);
    }
  });
});

// [input, code, offset, length, message fragment]
const errors: [string, FilterErrorCode, number, number, RegExp][] = [
  ['', 'empty', 0, 0, /empty/],
  ['  \n\t ', 'empty', 0, 5, /empty/],
  ['department=Sales', 'missing-parentheses', 0, 16, /\(department=Sales\)/],
  ['  department=Sales  ', 'missing-parentheses', 2, 16, /parentheses/],
  // The )s that close nothing are not in the advice, however many.
  [`department=x${')'.repeat(8180)}`, 'missing-parentheses', 0, 8192, /: \(department=x\)$/],
  ['(department=Sales', 'unclosed-paren', 0, 1, /this \( at 1 is never closed/],
  ['(&(department=Sales)(location=NYC)', 'unclosed-paren', 0, 1, /never closed/],
  ['(&(department=Sales)(location=NYC', 'unclosed-paren', 20, 1, /at 21 is never closed/],
  ['(department=Sales))', 'unmatched-close-paren', 18, 1, /no matching/],
  [')', 'unmatched-close-paren', 0, 1, /no matching/],
  ['()', 'empty-parens', 0, 2, /empty/],
  ['((department=Sales))', 'unexpected-open-paren', 1, 1, /not expected/],
  ['(department=Sales)(location=NYC)', 'multiple-filters', 18, 14, /\(&…\)/],
  // Text before a filter is removed, not wrapped in parentheses with it.
  ['filter: (department=Sales)', 'leading-text', 0, 8, /remove 'filter:' before the filter/],
  ['😀(department=Sales)', 'leading-text', 0, 2, /remove '😀' before/],
  ['\ufeff(department=Sales)', 'leading-text', 0, 1, /remove 'U\+FEFF' before/],
  ['\u00a0(department=Sales)', 'leading-text', 0, 1, /remove 'U\+00A0' before/], // from Word
  ['\u{e0067}(department=Sales)', 'leading-text', 0, 2, /remove 'U\+E0067' before/],
  ['(department=Sales)x', 'trailing-text', 18, 1, /'x'/],
  ['(department=Sales) x y ', 'trailing-text', 19, 3, /'x y'/],
  // Invisible characters are named wherever a message quotes them.
  ['(department=Sales)\u00a0', 'trailing-text', 18, 1, /remove 'U\+00A0' after/],
  ['(\u00a0department=Sales)', 'invalid-field-character', 1, 1, /remove 'U\+00A0' at 2/],
  // SQL's NOT before a filter with an error of its own: that error, in place. Removing the
  // NOT (the advice for other text before a filter) would invert the filter.
  ['not (location=NYC))', 'unmatched-close-paren', 18, 1, /at 19 has no matching/],
  ['NOT (department = Sales)', 'whitespace-before-equals', 15, 1, /space at 16 before =/],
  ['not (department=Sales', 'unclosed-paren', 4, 1, /at 5 is never closed/],
  ['not(department=Sales)x', 'trailing-text', 21, 1, /remove 'x' after/],
  ['note (department=Sales)', 'leading-text', 0, 5, /remove 'note'/],
  ['(&)', 'empty-and', 0, 3, /\(&\)/],
  ['(& )', 'empty-and', 0, 4, /\(&\)/],
  ['(|)', 'empty-or', 0, 3, /\(\|\)/],
  ['(!)', 'not-without-filter', 0, 3, /\(!\)/],
  ['(department=)', 'empty-value', 12, 1, /empty/], // the ) the value goes before
  ['(!(a=b)(c=d))', 'not-with-several', 7, 1, /one filter/],
  ['(!(department=a) (department=b))', 'not-with-several', 17, 1, /one filter/],
  ['(!department=Temp)', 'operand-needs-parentheses', 2, 15, /'department=Temp'.*parentheses/],
  ['(&(department=a)x)', 'operand-needs-parentheses', 16, 1, /'x'/],
  // A condition whole, its value's spaces too: the advice must give a filter that parses.
  ['(!location=New York)', 'operand-needs-parentheses', 2, 17, /'location=New York' at 3/],
  ['(&(department=a)officeLocation=Bldg 1 )', 'operand-needs-parentheses', 16, 21, /Bldg 1'/],
  // …but not over the next condition: `location=NYC location=Rome` are two, so are lines.
  ['(|location=NYC location=Rome)', 'operand-needs-parentheses', 2, 12, /'location=NYC' at 3/],
  [
    '(&\n  location=NYC\n  department=Sales\n)',
    'operand-needs-parentheses',
    5,
    12,
    /'location=NYC'/,
  ],
  [
    '(&(department=a)location=New York, department=Sales)',
    'operand-needs-parentheses',
    16,
    17,
    /York' at/,
  ],
  // In (! after its filter: parentheses would give (! two filters.
  ['(!(department=x)department=y)', 'not-with-several', 16, 12, /one filter/],
  // A name with no = that is no field: the name is the first slip, not the =.
  ['(dept)', 'unknown-field', 1, 4, /did you mean department\?/],
  ['dept', 'unknown-field', 0, 4, /did you mean department\?/],
  ['not', 'unknown-field-no-suggestion', 0, 3, /unknown field 'not'/],
  ['dept)(location=NYC)', 'unknown-field', 0, 4, /did you mean department\?/],
  // A number or a dotted name alone: a value without its field, not an OID or a bad character.
  ['(12345)', 'missing-operator', 1, 5, /has no =/],
  ['(john.doe)', 'missing-operator', 1, 8, /has no =/],
  // A name for the filter before it, not a condition: remove it.
  ['filter=(department=Sales)', 'leading-text', 0, 7, /remove 'filter=' before the filter/],
  [' ldapFilter = (&(department=a)(location=b))', 'leading-text', 1, 12, /'ldapFilter ='/],
  // Conditions one a line, or after a comma: in one pair of parentheses they would be one
  // value ("Sales, location=NYC"); they are filters to combine.
  ['department=Sales\nlocation=NYC', 'multiple-filters', 17, 12, /\(&…\)/],
  ['department=Sales, location=NYC', 'multiple-filters', 18, 12, /second filter at 19/],
  ['department=Sales; location=NYC ', 'multiple-filters', 18, 12, /second filter/],
  ['department=Sales,location=NYC)', 'multiple-filters', 17, 12, /second filter at 18/],
  // A comma in a value, before a name that is no field (a DN, R&D, ou=…): one value.
  ['department=R&D, ou=x', 'missing-parentheses', 0, 20, /\(department=R&D, ou=x\)$/],
  // A bare condition with no value: said at its =, not "add parentheses: (department=)".
  ['department=', 'empty-value', 10, 1, /'department' has an empty value/],
  ['dept=', 'empty-value', 4, 1, /'dept' has an empty value/],
  // SQL's == is an equality, not a value that starts with =.
  ['department == Sales', 'missing-parentheses', 0, 19, /add parentheses: \(department=Sales\)$/],
  // Nothing but an odd space or an invisible character: named, not taken for a field.
  ['\u00a0', 'invisible-character', 0, 1, /^remove U\+00A0 at 1/],
  [' \u3000 ', 'invisible-character', 1, 1, /U\+3000 at 2/],
  ['\ufeff\n', 'invisible-character', 0, 1, /U\+FEFF/],
  ['(department =Sales)', 'whitespace-before-equals', 11, 1, /space at 12/],
  ['(department\t\t=Sales)', 'whitespace-before-equals', 11, 2, /space/],
  ['(depart ment=Sales)', 'whitespace-in-field', 7, 1, /space/],
  ['( department=Sales)', 'whitespace-after-paren', 1, 1, /space/],
  ['(=Sales)', 'missing-field', 1, 1, /field name is missing/],
  ['(department)', 'missing-operator', 1, 10, /\(department=value\)/],
  ['(department', 'missing-operator', 1, 10, /has no =/],
  ['(department )', 'missing-operator', 1, 10, /has no =/], // the = is missing, not a space
  ['(department \n)', 'missing-operator', 1, 10, /has no =/],
  // A field, a space, a value: the = is missing (removing the space would not help).
  ['(department Sales)', 'missing-operator', 1, 10, /write \(department=value\)/],
  ['(Location  NYC)', 'missing-operator', 1, 8, /has no =/],
  ['(department ~= Sales)', 'whitespace-before-equals', 11, 1, /space/],
  // An = further on: the space is the slip, not a missing =.
  ['(department Sales=x)', 'whitespace-in-field', 11, 1, /space/],
  ['(department *=x)', 'whitespace-in-field', 11, 1, /space/],
  ['(department!=Sales)', 'unsupported-not-equals', 11, 2, /!\(department=value\)/],
  [
    '(department~=x)',
    'unsupported-approx',
    11,
    2,
    /'~=' is not supported: use = with \* wildcards/,
  ],
  ['(department>=x)', 'unsupported-greater-or-equal', 11, 2, />=/],
  ['(department<=x)', 'unsupported-less-or-equal', 11, 2, /<=/],
  ['(department:caseExactMatch:=x)', 'unsupported-extensible', 1, 27, /extensible/],
  ['(:dn:2.4.8.10:=x)', 'unsupported-extensible', 1, 14, /extensible/],
  ['(department=Sales(HQ))', 'unescaped-paren-in-value', 17, 1, /\\28/],
  ['(department=Sales\\)', 'invalid-escape', 17, 2, /not an escape/],
  ['(department=Sales\\2)', 'truncated-escape', 17, 2, /two hex digits/],
  ['(department=Sales\\2', 'truncated-escape', 17, 2, /two hex digits/],
  ['(department=Sales\\', 'truncated-escape', 17, 1, /two hex digits/],
  ['(department=Sales\\zz)', 'invalid-escape', 17, 2, /not an escape/],
  ['(department=Sales\\2z)', 'invalid-escape', 17, 3, /not an escape/],
  ['(department=\\😀)', 'invalid-escape', 12, 3, /'\\😀'/],
  ['(department=\\2😀)', 'invalid-escape', 12, 4, /'\\2😀'/],
  ['(department=a**b)', 'empty-substring-part', 13, 2, /\*\*/],
  ['(department=**)', 'empty-substring-part', 12, 2, /\*\*/],
  [
    '(title=x)',
    'unknown-field-no-suggestion',
    1,
    5,
    /unknown field 'title': use email, department/,
  ],
  ['(dept=x)', 'unknown-field', 1, 4, /unknown field 'dept': did you mean department\?/],
  ['(mail=x)', 'unknown-field', 1, 4, /did you mean email\?/],
  ['(city=x)', 'unknown-field', 1, 4, /did you mean location\?/],
  ['(departmnet=x)', 'unknown-field', 1, 10, /did you mean department\?/],
  // Two letters swapped count as one slip, so short names are caught too.
  ['(emial=x)', 'unknown-field', 1, 5, /did you mean email\?/],
  ['(eamil=x)', 'unknown-field', 1, 5, /did you mean email\?/],
  // Longer than a field by up to a third of the name: still near it; one more letter, not.
  ['(departmentxxxxx=x)', 'unknown-field', 1, 15, /did you mean department\?/],
  ['(departmentxxxxxx=x)', 'unknown-field-no-suggestion', 1, 16, /use email, department/],
  ['(&(department=x)(phone=1))', 'unknown-field', 17, 5, /did you mean phoneNumber\?/],
  ['(department;lang-en=x)', 'unsupported-attribute-option', 11, 8, /';lang-en'/],
  ['(2.5.4.11=x)', 'unsupported-oid', 1, 8, /OID/],
  ['(depart.ment=x)', 'invalid-field-character', 7, 1, /'\.'/],
  ['(depart_ment=x)', 'invalid-field-character', 7, 1, /'_'/],
  ['(dépt=x)', 'invalid-field-character', 2, 1, /'é'/],
  ['(😀=x)', 'invalid-field-character', 1, 2, /'😀'/], // the whole emoji, not half
  ['(department😀=x)', 'invalid-field-character', 11, 2, /'😀'/],
  ['(department=a\0b)', 'raw-nul', 13, 1, /NUL/],
  ['\0', 'raw-nul', 0, 1, /NUL/],
  ['(department=\\c3)', 'invalid-utf8', 12, 3, /UTF-8/],
  ['(department=\\c3x)', 'invalid-utf8', 12, 3, /UTF-8/],
  ['(department=\\ff)', 'invalid-utf8', 12, 3, /not valid UTF-8: write the character itself/],
  ['(department=\\c0\\80)', 'invalid-utf8', 12, 3, /'\\c0'/], // C0 starts no character (overlong)
  ['(department=\\ed\\a0\\80)', 'invalid-utf8', 12, 9, /UTF-8/], // surrogate
  ['(department=\\f4\\90\\80\\80)', 'invalid-utf8', 12, 12, /UTF-8/], // > U+10FFFF
  ['(department=\\bc)', 'invalid-utf8', 12, 3, /UTF-8/], // lone continuation
  ['(department=\\41\\c3)', 'invalid-utf8', 15, 3, /'\\c3'/], // ASCII, then a cut sequence
  // Only the bad character of a run is underlined: its lead byte and what it announces.
  ['(department=\\41\\42\\ff)', 'invalid-utf8', 18, 3, /'\\ff' at 19/],
  ['(department=\\c3\\bc\\ff)', 'invalid-utf8', 18, 3, /'\\ff'/],
  ['(department=\\c3\\bc\\e2\\82)', 'invalid-utf8', 18, 6, /'\\e2\\82'/],
  ['(department=\\c3\\41\\42)', 'invalid-utf8', 12, 3, /'\\c3'/], // \41 is no continuation byte
  ['(department=\\ff\\41\\42)', 'invalid-utf8', 12, 3, /'\\ff'/],
  ['(department=\\ff\\c3\\a9)', 'invalid-utf8', 12, 3, /'\\ff'/], // not the é after it
  // SQL's and / or: the word is underlined and the filter meant is spelled out.
  [
    'department=Sales and location=NYC',
    'connector-word',
    17,
    3,
    /^LDAP has no 'and': write \(&\(department=Sales\)\(location=NYC\)\)$/,
  ],
  [
    '(department=Sales) OR (department=Marketing)',
    'connector-word',
    19,
    2,
    /'OR'.*write \(\|\(department=Sales\)\(department=Marketing\)\)$/,
  ],
  [
    '(&(department=Sales) && (location=NYC))',
    'connector-word',
    21,
    2,
    /write \(&\(department=Sales\)\(location=NYC\)\)$/,
  ],
  ['(department=Sales)AND(location=NYC)', 'connector-word', 18, 3, /'AND'/],
  // The word and a second slip (a ) missing, nothing after the word): how LDAP combines
  // filters, in general, not 'put and in parentheses' ((and)) or 'remove or (…' (half of it).
  ['(&(department=a) and (department=b)', 'connector-word', 17, 3, /'and': write \(&\(…\)\(…\)\)$/],
  ['(&(department=a) and)', 'connector-word', 17, 3, /'and': write \(&\(…\)\(…\)\)$/],
  ['(&(department=a) && )', 'connector-word', 17, 2, /'&&': write \(&\(…\)\(…\)\)$/],
  ['(department=a) or (department=b', 'connector-word', 15, 2, /'or': write \(\|\(…\)\(…\)\)$/],
  ['(department=a) or', 'connector-word', 15, 2, /'or': write \(\|\(…\)\(…\)\)$/],
  // No word between: two filters (wrapping it all, the parser's advice, would not parse).
  [
    'department=Sales (location=NYC)',
    'multiple-filters',
    17,
    14,
    /a second filter at 18: put both in \(&…\) or \(\|…\)/,
  ],
  // A ( in a bare condition's value: escape it (wrapping it all would not parse).
  ['department=a (b)', 'unescaped-paren-in-value', 13, 1, /write \( at 14 as \\28/],
  // A value with "and" in it is a value.
  [
    'department=Research and Development',
    'missing-parentheses',
    0,
    35,
    /\(department=Research and Development\)/,
  ],
  // Mixed and / or, read as SQL reads it (and before or), never advice that drops a part.
  [
    'department=Sales and location=NYC or email=x',
    'connector-word',
    17,
    3,
    /write \(\|\(&\(department=Sales\)\(location=NYC\)\)\(email=x\)\)$/,
  ],
  [
    '(|(department=Sales) and (location=NYC))',
    'connector-word',
    21,
    3,
    /write \(\|\(&\(department=Sales\)\(location=NYC\)\)\)$/,
  ],
  // A vertical tab or a form feed between filters: named, to remove (not "in parentheses").
  ['(&(department=a)\v(location=b))', 'invisible-character', 16, 1, /^remove U\+000B at 17/],
  ['(&(department=a)\f(location=b))', 'invisible-character', 16, 1, /U\+000C/],
  // A no-break or zero-width space pasted between filters: named, to remove.
  ['(&(department=a)\u00a0(location=b))', 'invisible-character', 16, 1, /^remove U\+00A0 at 17/],
  ['(!\u200b(department=a))', 'invisible-character', 2, 1, /U\+200B/],
  ['(&(department=a)(location=b)\u00a0)', 'invisible-character', 28, 1, /U\+00A0/],
  ['(department=a\uD800b)', 'lone-surrogate', 13, 1, /invalid character/],
  ['(department=a\uDC00)', 'lone-surrogate', 13, 1, /invalid character/],
];

describe('errors', () => {
  it("say it in the issue's own words", () => {
    const message = (text: string) => {
      const r = parseFilter(text);
      return r.ok ? undefined : r.error.message;
    };
    expect(message('(|(email=a@b)(department=Sales')).toBe('this ( at 14 is never closed');
    expect(message('(dept=Sales)')).toBe("unknown field 'dept': did you mean department?");
    expect(message('(department~=Sales)')).toBe("'~=' is not supported: use = with * wildcards");
  });

  it.each(errors)('%j → %s at %i+%i', (text, code, offset, length, message) => {
    const r = parseFilter(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ code, offset, length });
    expect(r.error.message).toMatch(message);
    expect(r.error.params.position).toBe(offset + 1);
    expect(offset + length).toBeLessThanOrEqual(text.length);
  });

  it('the filter suggested for and / or parses, and means what was typed', () => {
    const cases: [string, string][] = [
      ['department=Sales and location=NYC', '(&(department=Sales)(location=NYC))'],
      ['department = Sales  AND  location= NYC', '(&(department=Sales)(location=NYC))'],
      [
        'department=Sales || department=IT || department=HR',
        '(|(department=Sales)(department=IT)(department=HR))',
      ],
      ['(department=Sales) and location=NYC', '(&(department=Sales)(location=NYC))'],
      [
        '(&(department=Sales)\n  and (!(location=NYC))\n  and (email=*@x.com))',
        '(&(department=Sales)(!(location=NYC))(email=*@x.com))',
      ],
      ['(&(!(department=Temp)) and (location=NYC))', '(&(!(department=Temp))(location=NYC))'],
      // An unknown field is the next thing to fix, not a reason to withhold the rewrite.
      ['dept=Sales and location=NYC', '(&(dept=Sales)(location=NYC))'],
      // "and" inside a value is the value's; a set of the other kind, whole, is one part.
      ['(department=R and D) and (location=NYC)', '(&(department=R and D)(location=NYC))'],
      ['(&(department=a)(location=b)) or (email=c)', '(|(&(department=a)(location=b))(email=c))'],
      // SQL's NOT, before a filter or a bare condition.
      ['(department=a) and not (location=b)', '(&(department=a)(!(location=b)))'],
      // Mixed and / or: and binds first, as in SQL; in a set, and across sets.
      [
        '(department=Sales) or (location=NYC) and (email=*@x.com)',
        '(|(department=Sales)(&(location=NYC)(email=*@x.com)))',
      ],
      [
        'department=a and location=b or department=c and location=d',
        '(|(&(department=a)(location=b))(&(department=c)(location=d)))',
      ],
      ['(!(department=a) and (location=b))', '(!(&(department=a)(location=b)))'],
      [
        '(&(department=a) and (location=b)) or (email=c)',
        '(|(&(department=a)(location=b))(email=c))',
      ],
      [
        '(&(|(department=a) or (department=b)) and (location=c))',
        '(&(|(department=a)(department=b))(location=c))',
      ],
      ['not (department=Temp)', '(!(department=Temp))'],
      ['NOT department = Temp', '(!(department=Temp))'],
    ];
    for (const [typed, meant] of cases) {
      const r = parseFilter(typed);
      expect(r.ok ? 'parsed' : r.error.code, typed).toBe('connector-word');
      if (r.ok) continue;
      const text = String(r.error.params.text);
      const suggested = parseFilter(text);
      expect(suggested.ok ? formatFilter(suggested.filter) : text, typed).toBe(meant);
      if (!suggested.ok) expect(suggested.error.code).toBe('unknown-field');
    }
  });

  it('a bare condition gets advice that parses: the spaces around = gone, or the real problem', () => {
    const spaced = parseFilter('department = Sales');
    expect(spaced).toMatchObject({ ok: false, error: { code: 'missing-parentheses' } });
    expect(!spaced.ok && parseFilter(`(${String(spaced.error.params.text)})`).ok).toBe(true);
    expect(parseFilter('department!=a')).toMatchObject({
      error: { code: 'unsupported-not-equals', offset: 10, length: 2 },
    });
    const paren = parseFilter('department=(a) and location=b');
    expect(paren).toMatchObject({ error: { code: 'unescaped-paren-in-value', offset: 11 } });
    expect(!paren.ok && paren.error.message).toMatch(/at 12/);
  });

  it('no and / or rewrite while a part is missing, or past the length limit', () => {
    for (const typed of [
      'department=Sales and ',
      'department=Sales or',
      'department=Sales AND\n',
      'department=Sales and location=NYC and ',
      'and department=Sales',
    ]) {
      const r = parseFilter(typed);
      expect(!r.ok && r.error.code, typed).not.toBe('connector-word');
    }
    // The rewrite reads no further than the parser does: past maxLength, the parser's error.
    const long = '(&(department=Sales) and (location=NYC))' + ' '.repeat(9000) + 'x';
    expect(parseFilter(long)).toMatchObject({ error: { code: 'operand-needs-parentheses' } });
    expect(parseFilter(long.slice(0, 60), { maxLength: 50 })).toMatchObject({
      error: { code: 'operand-needs-parentheses' },
    });
    expect(parseFilter(long.slice(0, 60))).toMatchObject({ error: { code: 'connector-word' } });
  });

  it('params carry what a translation needs', () => {
    const r = parseFilter('(&(dept=x))');
    expect(!r.ok && r.error.params).toMatchObject({
      field: 'dept',
      suggestion: 'department',
      position: 4,
    });
  });

  it('every error code has an English message, and the table above covers every code', () => {
    for (const code of FILTER_ERROR_CODES) expect(FILTER_MESSAGES[code]).toBeTruthy();
    const covered = new Set<string>(errors.map((e) => e[1]));
    covered.add('too-long').add('too-deep').add('internal');
    expect(FILTER_ERROR_CODES.filter((c) => !covered.has(c))).toEqual([]);
  });

  it('position counts characters: an emoji before the error is one', () => {
    const r = parseFilter('(department=😀)(x=1)');
    expect(r).toMatchObject({ ok: false, error: { code: 'multiple-filters', offset: 15 } });
    expect(!r.ok && r.error.params.position).toBe(15);
    expect(!r.ok && r.error.message).toContain('at 15');
    const w = parseFilter('(department=😀 )');
    expect(w.ok && w.warnings[0]?.params.position).toBe(14);
  });

  it('suggests parentheses around the filter, not around a stray )', () => {
    const r = parseFilter('department=Sales)');
    expect(!r.ok && r.error.params.text).toBe('department=Sales');
    expect(!r.ok && r.error.message).toBe('add parentheses: (department=Sales)');
    const keep = parseFilter('&(a=1)(b=2)');
    expect(!r.ok && !keep.ok && keep.error.params.text).toBe('&(a=1)(b=2)');
    // (The parser's own advice: parseFilter advises on what that would not parse.)
    for (const [text, suggested] of [
      ['department=Sales))', 'department=Sales'],
      ['a)b', 'a)b'],
      ['x)y)', 'x)y'],
    ]) {
      const e = parseSyntax(text as string);
      expect(!e.ok && e.error.params.text, text).toBe(suggested);
    }
  });

  it('structure errors come before unknown fields', () => {
    const r = parseFilter('(&(title=x)');
    expect(!r.ok && r.error.code).toBe('unclosed-paren');
  });

  it('never throws for non-string input', () => {
    // A JavaScript caller might pass anything; no value at all (an unset field) is empty.
    for (const nothing of [undefined, null]) {
      expect(parseFilter(nothing as unknown as string)).toMatchObject({
        ok: false,
        error: { code: 'empty', offset: 0, length: 0 },
      });
    }
    const r2 = parseFilter({
      toString: () => {
        throw new Error('boom');
      },
    } as unknown as string);
    expect(r2).toMatchObject({ ok: false, error: { code: 'internal', offset: 0, length: 0 } });
  });

  it("never throws when a host's option getter throws, whatever it throws", () => {
    const messageThrows = new Error('x');
    Object.defineProperty(messageThrows, 'message', {
      get() {
        throw new Error('y');
      },
    });
    // Arrays look like the parser's own failures; an Error whose message can't be read.
    for (const thrown of [undefined, [], [99, 0, 0], [5, 3, 2], messageThrows, 'text']) {
      const options = {
        get maxDepth(): number {
          throw thrown;
        },
      };
      expect(parseFilter('(department=x)', options)).toMatchObject({
        ok: false,
        error: { code: 'internal', offset: 0, message: 'the filter could not be read (unknown)' },
      });
    }
  });

  it('never throws for `throw undefined` in a getter, even before any failure', async () => {
    vi.resetModules(); // a fresh parser, that has never failed yet
    const fresh = await import('../../src/filter/index.js');
    const options = {
      get maxDepth(): number {
        throw undefined;
      },
    };
    expect(fresh.parseFilter('(department=x)', options)).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });

  it("is not confused by a host's getter that parses another filter", () => {
    const fields = {
      get fields(): readonly FieldDefinition[] {
        parseFilter('(email=zzz)');
        return DEFAULT_FIELDS;
      },
    };
    expect(parseFilter('(department=Sales)', fields)).toMatchObject({
      ok: true,
      filter: eq('department', 'Sales'),
    });
    const spans = {
      get spans(): boolean {
        parseFilter('(x');
        return false;
      },
    };
    expect(parseFilter('(department=Sales)', spans)).toMatchObject({ ok: true });
    // Suggestions read the field definitions while the parse is still going.
    const reentrant: FieldDefinition[] = DEFAULT_FIELDS.map((f) =>
      f.name !== 'department'
        ? f
        : {
            ...f,
            get graph() {
              parseFilter('(location=Rome)(x=y)');
              return f.graph;
            },
          },
    );
    expect(parseFilter('(&(departmnt=Sales)(location=NYC))', { fields: reentrant })).toMatchObject({
      ok: false,
      error: { code: 'unknown-field', offset: 3, length: 9 },
    });
  });

  it('a cut text ending in spaces after a name is too long, not missing its =', () => {
    expect(parseFilter('(department     =x)', { maxLength: 14 })).toMatchObject({
      ok: false,
      error: { code: 'too-long' },
    });
  });
});

describe('limits', () => {
  it('length: 8192 by default', () => {
    const value = 'x'.repeat(8192 - '(department=)'.length);
    expect(parseFilter(`(department=${value})`).ok).toBe(true);
    const r = parseFilter(`(department=${value}x)`);
    expect(r).toMatchObject({ ok: false, error: { code: 'too-long', offset: 8192, length: 1 } });
    expect(!r.ok && r.error.params).toMatchObject({ max: 8192, length: 8193 });
  });
  it('too long across an emoji: underlined from the emoji, whole', () => {
    // The limit falls between the two halves of the first 😀 (UTF-16 units, as maxlength).
    expect(parseFilter('(a=😀😀)', { maxLength: 4 })).toMatchObject({
      ok: false,
      error: { code: 'too-long', offset: 3, length: 5, params: { position: 4 } },
    });
  });
  it('length: configurable', () => {
    expect(parseFilter('(email=abc)', { maxLength: 10 })).toMatchObject({
      ok: false,
      error: { code: 'too-long', offset: 10, length: 1 },
    });
    expect(parseFilter('(email=abc)', { maxLength: 11 }).ok).toBe(true);
  });
  it('an earlier error inside the limit is reported first', () => {
    const r = parseFilter(`(department=${'x'.repeat(9000)}`, { maxLength: 100 });
    expect(r).toMatchObject({ ok: false, error: { code: 'too-long', offset: 100 } });
    const r2 = parseFilter(`(dept~=${'x'.repeat(9000)})`);
    expect(r2).toMatchObject({ ok: false, error: { code: 'unsupported-approx', offset: 5 } });
  });
  it('past the limit, the rest is not read: reaching the limit is too-long', () => {
    // An unknown field near the start of a text that is otherwise valid but too long: the
    // parser stops one character past the limit, so the text is too long before it is
    // anything else (and a 10 MB text costs what 8 KB does).
    const items = '(email=x)'.repeat(1_000_000);
    const r = parseFilter(`(&(dept=x)${items})`);
    expect(r).toMatchObject({ ok: false, error: { code: 'too-long', offset: 8192 } });
    expect(!r.ok && r.error.params).toMatchObject({ max: 8192, length: 9_000_011 });
    const tooLong = { ok: false, error: { code: 'too-long', offset: 8192 } };
    // An escape cut by the limit: too-long, not a truncated escape.
    const atEscape = '(department=' + 'x'.repeat(8192 - 13) + '\\2a)';
    expect(atEscape.indexOf('\\')).toBe(8191);
    expect(parseFilter(atEscape)).toMatchObject(tooLong);
    expect(parseFilter(atEscape, { maxLength: atEscape.length }).ok).toBe(true);
    // Trailing text reaching past the limit, a finished filter then more past it, an
    // unknown field held back: all too-long, as when the whole text is read.
    expect(parseFilter('(email=a)' + 'x'.repeat(8183) + ' more')).toMatchObject(tooLong);
    expect(parseFilter('(dept=x)' + ' '.repeat(8185) + '(email=y)')).toMatchObject(tooLong);
    // Two or more characters over (the text cut) or just one (read whole): the same answer;
    // within the limit, the unknown field.
    const cases: [string, number, string, number][] = [
      ['(dept=x)x', 7, 'too-long', 7],
      ['(dept=x)', 7, 'too-long', 7],
      ['(dept=x)  ', 8, 'too-long', 8],
      ['(dept=x)', 8, 'unknown-field', 1],
      ['department=Sales yyyyyy', 16, 'too-long', 16],
    ];
    for (const [text, maxLength, code, offset] of cases) {
      expect(parseFilter(text, { maxLength }), text).toMatchObject({
        ok: false,
        error: { code, offset },
      });
    }
    // An emoji across the limit is read whole: an earlier real error is still the one shown.
    const emoji = '(email=a(b' + 'x'.repeat(8182) + '😀tail';
    expect(emoji.charCodeAt(8192)).toBe(0xd83d);
    expect(parseFilter(emoji)).toMatchObject({
      ok: false,
      error: { code: 'unescaped-paren-in-value', offset: 8 },
    });
  });
  it('positions stay right and cheap over thousands of warnings', () => {
    const clause = '(email= 😀 )';
    const text = `(&${clause.repeat(5000)})`;
    const r = parseFilter(text, { maxLength: Infinity });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.warnings).toHaveLength(10_000);
    // Each clause is 12 UTF-16 units but 11 characters; its value starts 7 characters in.
    r.warnings.forEach((w, k) => {
      const clauseStart = 2 + Math.floor(k / 2) * 11;
      expect(w.params.position).toBe(clauseStart + (k % 2 ? 10 : 8));
    });
  });
  it('options that are not limits fall back to the defaults, and never throw', () => {
    const long = `(department=${'x'.repeat(9000)})`;
    for (const maxLength of [NaN, -1, '100', Symbol('x'), 10n, null]) {
      expect(parseFilter(long, { maxLength } as never)).toMatchObject({
        ok: false,
        error: { code: 'too-long', offset: 8192, params: { max: 8192 } },
      });
    }
    expect(parseFilter('(email=abcd)', { maxLength: 10.7 })).toMatchObject({
      ok: false,
      error: { code: 'too-long', offset: 10 },
    });
    expect(parseFilter(nest(33), { maxDepth: NaN })).toMatchObject({
      ok: false,
      error: { code: 'too-deep', params: { max: 32 } },
    });
    const throwing = {
      get maxLength(): number {
        throw new Error('boom');
      },
    };
    expect(parseFilter('(email=x)', throwing)).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });
  it('a text over 1 Mi characters (its own node literals) gives the same trees', () => {
    // Every node shape the parser builds: not, sets of one, two and three, presence,
    // equality, and substrings with and without initial, final and one to three middles.
    const shapes =
      '(!(department=Temp))(&(email=a))(|(location=NYC)(location=Rome))' +
      '(&(email=a)(email=b)(email=c))(email=*)(phoneNumber=+1 555)(email=a*)(email=*b)' +
      '(email=a*b)(email=*m*)(email=a*m*n*b)(email=*m*n*o*)';
    const small = ok(`(|${shapes})`);
    const repeats = Math.ceil((2 ** 20 + 1) / shapes.length);
    const big = ok(`(|${shapes.repeat(repeats)})`, { maxLength: Infinity });
    const children = (node: FilterNode) => (node as { children: readonly FilterNode[] }).children;
    const expected = Array.from({ length: repeats }, () => children(small)).flat();
    expect(children(big)).toStrictEqual(expected);
    // The same shapes, down to the order of the properties (V8's hidden classes).
    expect(JSON.stringify(children(big))).toBe(JSON.stringify(expected));
  });
  const nest = (levels: number, op = '!'): string =>
    `(${op}`.repeat(levels) + '(email=x)' + ')'.repeat(levels);
  it('depth: 32 levels of &, |, ! by default', () => {
    expect(parseFilter(nest(32)).ok).toBe(true);
    expect(parseFilter(nest(33))).toMatchObject({
      ok: false,
      error: { code: 'too-deep', offset: 64, length: 2, params: { max: 32 } },
    });
    expect(parseFilter(nest(33, '&')).ok).toBe(false);
    expect(parseFilter(nest(5), { maxDepth: 4 })).toMatchObject({
      ok: false,
      error: { code: 'too-deep' },
    });
    expect(parseFilter(nest(100), { maxDepth: 100, maxLength: 1e6 }).ok).toBe(true);
  });
  it('50,000 levels of (! end in too-deep, not a crash', () => {
    const text = '(!'.repeat(50_000);
    expect(parseFilter(text)).toMatchObject({ ok: false, error: { code: 'too-deep', offset: 64 } });
    expect(parseFilter(nest(50_000))).toMatchObject({ ok: false, error: { code: 'too-deep' } });
    const huge = parseFilter(nest(50_000), { maxDepth: 60_000, maxLength: 1e7 });
    expect(huge.ok).toBe(true);
  });
});

describe('host fields', () => {
  const fields: FieldDefinition[] = [...DEFAULT_FIELDS, JOB_TITLE];
  it('accepts a host list, case-insensitively, written back canonically', () => {
    const r = parseFilter('(JOBTITLE=Engineer)', { fields });
    expect(r.ok && formatFilter(r.filter)).toBe('(jobTitle=Engineer)');
    expect(parseFilter('(jobTitle=x)')).toMatchObject({ ok: false });
    const r2 = parseFilter('(jobtitel=x)', { fields });
    expect(!r2.ok && r2.error.message).toMatch(/did you mean jobTitle\?/);
  });

  it('follows a list the host changes after using it', () => {
    const list: FieldDefinition[] = [...DEFAULT_FIELDS];
    expect(parseFilter('(department=a)', { fields: list }).ok).toBe(true);
    list.push({ name: 'title', labelKey: 'x.title' });
    expect(parseFilter('(title=a)', { fields: list }).ok).toBe(true);
    list.splice(1, 1); // department
    const r = parseFilter('(department=a)', { fields: list });
    expect(r).toMatchObject({ ok: false, error: { code: 'unknown-field-no-suggestion' } });
    const office = parseFilter('(officeLocation=a)', { fields: list });
    expect(office.ok && office.filter).toMatchObject({ field: 'officeLocation' });
  });

  it('says so when the host configured no fields at all, rather than "use " and nothing', () => {
    const r = parseFilter('(department=a)', { fields: [] });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'unknown-field-no-suggestion',
        message: "unknown field 'department': no fields are configured",
        params: { fields: '' },
      },
    });
  });

  it('keeps the default definitions as they are: a host adapts a copy', () => {
    // The parser reads the default names once, so they must not change under it.
    const email = DEFAULT_FIELDS[0] as FieldDefinition;
    expect(() => Object.assign(email, { name: 'mail' })).toThrow(TypeError);
    expect(() => Object.assign(email.graph ?? {}, { property: 'userPrincipalName' })).toThrow(
      TypeError,
    );
    expect(parseFilter('(email=a@b.c)').ok).toBe(true);
    const renamed = DEFAULT_FIELDS.map((f) => (f === email ? { ...f, name: 'mail' } : f));
    const r = parseFilter('(MAIL=a@b.c)', { fields: renamed });
    expect(r.ok && formatFilter(r.filter)).toBe('(mail=a@b.c)');
  });

  it('matches names with digits, - and . exactly, and lets the last of equal names win', () => {
    const own = (name: string): FieldDefinition => ({ name, labelKey: `x.${name}` });
    const list = [own('cost-center'), own('ext.id2'), own('Cost-Center')];
    const r = parseFilter('(&(COST-CENTER=1)(Ext.Id2=2))', { fields: list });
    expect(r.ok && formatFilter(r.filter)).toBe('(&(Cost-Center=1)(ext.id2=2))');
    // A control character is not the `-` or a digit that `| 32` would make of it.
    expect(parseFilter('(cost\rcenter=1)', { fields: list }).ok).toBe(false);
    expect(parseFilter('(ext.id\x12=2)', { fields: list }).ok).toBe(false);
    // A name that is not RFC 4512 text is never matched, even when configured.
    expect(parseFilter('(cost_center=1)', { fields: [own('cost_center')] })).toMatchObject({
      ok: false,
      error: { code: 'invalid-field-character' },
    });
  });

  it('finds each of several fields that start alike, one a prefix of another', () => {
    // The parser tries only the names that start with the typed character: all of them.
    const own = (name: string): FieldDefinition => ({ name, labelKey: `x.${name}` });
    const list = [own('Dept'), own(''), own('department'), own('dep'), own('2fa'), own('Depot')];
    const text = '(&(DEPT=1)(Department=2)(dep=3)(2FA=4)(depot=5)(DEPARTMENT=6))';
    const r = parseFilter(text, { fields: list });
    expect(r.ok && formatFilter(r.filter)).toBe(
      '(&(Dept=1)(department=2)(dep=3)(2fa=4)(Depot=5)(department=6))',
    );
    expect(parseFilter('(depa=1)', { fields: list })).toMatchObject({
      ok: false,
      error: { code: 'unknown-field', offset: 1, length: 4 },
    });
    // `d` is in the list's index, `e` (email) is not: the default list is not mixed in.
    expect(parseFilter('(email=a)', { fields: list })).toMatchObject({ ok: false });
  });
});
