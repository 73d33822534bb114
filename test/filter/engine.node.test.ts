import { describe, expect, it } from 'vitest';
import {
  compileFilter,
  DEFAULT_FIELDS,
  escapeFilterValue,
  FILTER_MESSAGES,
  filtersEqual,
  formatFilter,
  GRAPH_USER_SELECT,
  graphUserSelect,
  graphUserToRecord,
  matchesFilter,
  parseFilter,
  suggestField,
  toGraphQuery,
  type FieldDefinition,
  type FilterNode,
  type UserRecord,
} from '../../src/filter/index.js';
import { tokenizeFilter } from '../../src/filter/tokenize.js';
import * as Code from '../../src/filter/code.js';
import { JOB_TITLE } from './host-fields.js';

function f(text: string): FilterNode {
  const r = parseFilter(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.filter;
}

describe('formatFilter', () => {
  it('escapes exactly * ( ) \\ NUL in lowercase hex, everything else raw', () => {
    const node: FilterNode = { type: 'equality', field: 'department', value: 'a*(b)\\\0 é😀\n=' };
    expect(formatFilter(node)).toBe('(department=a\\2a\\28b\\29\\5c\\00 é😀\n=)');
  });
  it('pretty: two spaces per level, one component per line', () => {
    expect(
      formatFilter(f('(&(department=Sales)(|(location=NYC)(!(email=*))))'), { pretty: true }),
    ).toBe(
      '(&\n  (department=Sales)\n  (|\n    (location=NYC)\n    (!\n      (email=*)\n    )\n  )\n)',
    );
    expect(formatFilter(f('(email=a*b)'), { pretty: true })).toBe('(email=a*b)');
  });
  it('writes field names in their canonical case, also in trees built by hand', () => {
    const node: FilterNode = {
      type: 'and',
      children: [
        { type: 'equality', field: 'DEPARTMENT', value: 'Sales' },
        { type: 'present', field: 'officelocation' },
        { type: 'equality', field: 'jobtitle', value: 'x' },
      ],
    };
    expect(formatFilter(node)).toBe('(&(department=Sales)(officeLocation=*)(jobtitle=x))');
    const fields: FieldDefinition[] = [{ name: 'jobTitle', labelKey: 'x' }];
    expect(formatFilter(node, { fields })).toBe(
      '(&(DEPARTMENT=Sales)(officelocation=*)(jobTitle=x))',
    );
  });
});

describe('matchesFilter', () => {
  const user: UserRecord = {
    email: 'Ann.Lee@Company.com',
    department: 'Sales',
    officeLocation: 'Bldg (A)',
    location: null,
    phoneNumber: '+1 (555) 010-0.99',
  };
  const cases: [string, boolean][] = [
    ['(department=sales)', true],
    ['(DEPARTMENT=SALES)', true],
    ['(department=Sale)', false],
    ['(department=Sales )', false],
    ['(email=*@company.com)', true],
    ['(email=ann*)', true],
    ['(email=*lee*)', true],
    ['(email=a*n*c*m)', true],
    ['(email=*com*com)', true],
    ['(email=*company*company.com)', false],
    ['(email=ann.lee@company.com*m)', false], // parts may not overlap
    ['(department=s*s)', true],
    ['(department=sa*ales)', false], // overlap
    ['(officeLocation=Bldg \\28A\\29)', true],
    ['(officeLocation=*\\28*)', true],
    ['(location=*)', false],
    ['(location=NYC)', false],
    ['(!(location=NYC))', true], // absent field: item false, so not is true
    ['(!(department=Temp))', true],
    ['(phoneNumber=+15550100.99)', true],
    // RFC 4518's spaces and hyphens: no-break space, tab, non-breaking hyphen, minus sign,
    // fullwidth hyphen; a soft hyphen is mapped to nothing.
    ['(phoneNumber=+1\u00a0\\28555\\29\u2011010\u22120\uff0d99\t)', true],
    ['(phoneNumber=+1\u00ad555*)', true],
    ['(phoneNumber=+15550100.98)', false],
    ['(phoneNumber=+1555010099)', true],
    ['(phoneNumber=+1-555-010-0-99)', true],
    ['(phoneNumber=\\28555\\29*)', false],
    ['(phoneNumber=+1\\28555\\29*)', true],
    ['(phoneNumber=*555*99)', true],
    ['(phoneNumber=*)', true],
    ['(&(department=Sales)(email=*@company.com))', true],
    ['(&(department=Sales)(location=*))', false],
    ['(|(department=HR)(location=*)(email=*ann*))', true],
    ['(|(department=HR)(location=*))', false],
  ];
  it.each(cases)('%s → %s', (text, expected) => {
    expect(matchesFilter(f(text), user)).toBe(expected);
    expect(compileFilter(f(text))(user)).toBe(expected);
  });
  it('a phone number copied with no-break spaces and hyphens matches one typed plainly', () => {
    const record = { phoneNumber: '+1\u00a0555\u2011010\u202f0199' };
    expect(matchesFilter(f('(phoneNumber=+15550100199)'), record)).toBe(true);
    expect(matchesFilter(f('(phoneNumber=+1 555-0100*)'), record)).toBe(true);
    expect(matchesFilter(f('(phoneNumber=+1555010019)'), record)).toBe(false);
    // Bidi marks and embeddings (as Teams and Outlook copy a number), a word joiner, NEL.
    for (const copied of [
      '\u202a+1 555 0100199\u202c',
      '\u200e+1 555 0100199',
      '+1\u2060555\u00850100199',
    ]) {
      expect(matchesFilter(f('(phoneNumber=+15550100199)'), { phoneNumber: copied }), copied).toBe(
        true,
      );
    }
  });
  it('presence means a non-empty value', () => {
    expect(matchesFilter(f('(department=*)'), { department: '' })).toBe(false);
    expect(matchesFilter(f('(!(department=*))'), { department: '' })).toBe(true);
    expect(matchesFilter(f('(!(department=Temp))'), {})).toBe(true);
  });
  it('is locale-independent for case folding (Turkish İ/ı are not special)', () => {
    expect(matchesFilter(f('(department=ISTANBUL)'), { department: 'istanbul' })).toBe(true);
    expect(matchesFilter(f('(department=ÄÖÜ)'), { department: 'äöü' })).toBe(true);
  });
  it('folds Greek sigma: a final Σ lowers to ς, any other to σ, and both match σ', () => {
    expect(matchesFilter(f('(department=ΑΣ)'), { department: 'ασ' })).toBe(true);
    expect(matchesFilter(f('(department=*Σ*)'), { department: 'ΟΔΟΣ' })).toBe(true);
    expect(matchesFilter(f('(department=οδος)'), { department: 'ΟΔΟΣ' })).toBe(true);
    expect(matchesFilter(f('(phoneNumber=ΑΣ 1)'), { phoneNumber: 'ασ-1' })).toBe(true);
  });
  it('folds case beyond lower case: ſ and s, ß and SS, µ and μ, ϐ and β, ϑ and θ', () => {
    expect(matchesFilter(f('(department=s)'), { department: 'ſ' })).toBe(true);
    expect(matchesFilter(f('(department=STRASSE)'), { department: 'Straße' })).toBe(true);
    expect(matchesFilter(f('(department=*aße)'), { department: 'STRASSE' })).toBe(true);
    expect(matchesFilter(f('(department=µ)'), { department: 'μ' })).toBe(true);
    expect(matchesFilter(f('(department=β)'), { department: 'ϐ' })).toBe(true);
    expect(matchesFilter(f('(department=θ)'), { department: 'ϑ' })).toBe(true);
    // Still text, not look-alikes: a Latin a is not a Cyrillic а.
    expect(matchesFilter(f('(department=a)'), { department: 'а' })).toBe(false);
  });
  it('works with host fields by name', () => {
    const fields: FieldDefinition[] = [...DEFAULT_FIELDS, { name: 'jobTitle', labelKey: 'x' }];
    const r = parseFilter('(jobtitle=*engineer)', { fields });
    expect(r.ok && matchesFilter(r.filter, { jobTitle: 'Senior Engineer' }, { fields })).toBe(true);
  });
  it('a function (an inherited constructor) is no value; a list counts by its first value', () => {
    const fields: FieldDefinition[] = [
      { name: 'constructor', labelKey: 'x' },
      { name: 'manager', labelKey: 'y' },
    ];
    const present = (text: string, record: UserRecord) => {
      const r = parseFilter(text, { fields });
      return r.ok && matchesFilter(r.filter, record, { fields });
    };
    expect(present('(constructor=*)', {})).toBe(false);
    expect(present('(constructor=x)', { constructor: 'x' } as UserRecord)).toBe(true);
    expect(present('(manager=42)', { manager: 42 })).toBe(true);
    // A list by its first value, as Graph's businessPhones[0]; an empty list is absent.
    expect(present('(manager=ann)', { manager: ['Ann', 'Bob'] })).toBe(true);
    expect(present('(manager=bob)', { manager: ['Ann', 'Bob'] })).toBe(false);
    expect(present('(manager=*)', { manager: [] })).toBe(false);
    expect(present('(manager=sales)', { manager: new String('Sales') })).toBe(true);
  });
});

describe('parts that are not nodes of this module (a JavaScript host’s slip)', () => {
  // An approx node (RFC 4515 has ~=, this dialect not), null, a number for a value, a field
  // name that would read as filter syntax: none may widen the filter or throw.
  const approx = { type: 'approx', field: 'location', value: 'NYC' } as unknown as FilterNode;
  const sales: FilterNode = { type: 'equality', field: 'department', value: 'Sales' };
  const withApprox: FilterNode = { type: 'and', children: [sales, approx] };
  const odd: FilterNode[] = [
    approx,
    null as unknown as FilterNode,
    { type: 'equality', field: 'department', value: 42 } as unknown as FilterNode,
    { type: 'equality', field: 'dep)(x', value: 'v' },
    { type: 'constructor' } as unknown as FilterNode,
    { type: 'not' } as unknown as FilterNode,
    { type: 'and' } as unknown as FilterNode,
    { type: 'or', children: null } as unknown as FilterNode,
    // Strings where nodes go: never written as filter text.
    { type: 'or', children: [sales, '(department=*)'] } as unknown as FilterNode,
    { type: 'and', children: ')(department=*' } as unknown as FilterNode,
    { type: 'substring', field: 'department', any: 'xy' } as unknown as FilterNode,
    // Field names formatFilter can't write: read as keys they found values (`__proto__`
    // every record's prototype, a non-empty value), so they matched.
    { type: 'present', field: '__proto__' },
    { type: 'equality', field: '__proto__', value: '[object Object]' },
    { type: 'present', field: 'a(b' },
    { type: 'present', field: ['department'] } as unknown as FilterNode,
    // What parseFilter refuses: `(&)` and `(|)` (no filter parser reads them the same way:
    // an empty AND matched everyone), an empty value, an empty or missing substring part,
    // a lone surrogate (which can't be written back, and made a Graph URL throw).
    { type: 'and', children: [] },
    { type: 'or', children: [] },
    { type: 'not', child: { type: 'and', children: [] } },
    { type: 'equality', field: 'department', value: '' },
    { type: 'equality', field: 'department', value: 'a\ud800' },
    { type: 'substring', field: 'department', any: [''] },
    { type: 'substring', field: 'department', initial: '', any: [], final: '' },
    { type: 'substring', field: 'department', initial: 'a', any: ['b', ''] },
    { type: 'present', field: '-x' },
  ];
  it('formatFilter writes them (), which does not parse, instead of dropping them', () => {
    expect(formatFilter(withApprox)).toBe('(&(department=Sales)())');
    expect(formatFilter(odd[8]!)).toBe('(|(department=Sales)())');
    for (const node of odd) {
      const text = formatFilter(node);
      expect(parseFilter(text).ok, text).toBe(false);
    }
    expect(formatFilter({ type: 'not', child: approx }, { pretty: true })).toBe('(!\n  ()\n)');
  });
  it('matchesFilter: a tree that holds one matches nobody, also under a NOT', () => {
    const record = { department: 'Sales', location: 'Paris' };
    expect(matchesFilter(withApprox, record)).toBe(false);
    expect(matchesFilter({ type: 'not', child: withApprox }, record)).toBe(false);
    for (const node of odd) expect(matchesFilter(node, record)).toBe(false);
    expect(matchesFilter({ type: 'present', field: 'a(b' }, { 'a(b': 'x' })).toBe(false);
    expect(matchesFilter({ type: 'present', field: '__proto__' }, {})).toBe(false);
  });
  it('filtersEqual: such a tree equals nothing, not even itself', () => {
    expect(filtersEqual(withApprox, withApprox)).toBe(false);
    expect(filtersEqual(odd[8]!, f('(|(department=Sales)(department=*))'))).toBe(false);
    for (const node of odd) expect(filtersEqual(node, node)).toBe(false);
    expect(filtersEqual(approx, { type: 'constructor' } as unknown as FilterNode)).toBe(false);
    expect(filtersEqual(sales, { ...sales })).toBe(true);
  });
  it('toGraphQuery leaves them to the residual and never throws', () => {
    expect(toGraphQuery(withApprox)).toEqual({
      filter: "department eq 'Sales'",
      advanced: false,
      exact: false,
      residual: approx,
    });
    for (const node of odd) expect(toGraphQuery(node)).toMatchObject({ exact: false });
  });
  it('a field list of null (as { fields: null } a JavaScript host may pass) is the default list', () => {
    const node = f('(&(DEPARTMENT=Sales)(email=a*))');
    const fields = null as unknown as FieldDefinition[];
    expect(formatFilter(node, { fields })).toBe('(&(department=Sales)(email=a*))');
    expect(formatFilter(node, { fields, pretty: true })).toContain('(department=Sales)');
  });
  it('a field spelled in another case is read as the field, by every function', () => {
    const node: FilterNode = { type: 'equality', field: 'DEPARTMENT', value: 'Sales' };
    expect(formatFilter(node)).toBe('(department=Sales)');
    expect(matchesFilter(node, { department: 'sales' })).toBe(true);
    expect(toGraphQuery(node)).toEqual({
      filter: "department eq 'Sales'",
      advanced: false,
      exact: true,
    });
  });
  it('a tree that holds itself is no filter: every function returns, none throws', () => {
    const and = { type: 'and', children: [sales] } as { type: 'and'; children: FilterNode[] };
    and.children.push(and);
    const not = { type: 'not' } as { type: 'not'; child: FilterNode };
    not.child = { type: 'or', children: [sales, not] };
    for (const node of [and, not]) {
      expect(formatFilter(node)).toBe('()');
      expect(formatFilter(node, { pretty: true })).toBe('()');
      expect(matchesFilter(node, { department: 'Sales' })).toBe(false);
      expect(filtersEqual(node, node)).toBe(false);
      expect(toGraphQuery(node)).toEqual({ advanced: false, exact: false, residual: node });
    }
    // A part shared by two paths is no cycle.
    const shared: FilterNode = { type: 'or', children: [sales, sales] };
    const twice: FilterNode = { type: 'and', children: [shared, { type: 'not', child: shared }] };
    expect(formatFilter(twice)).toBe(
      '(&(|(department=Sales)(department=Sales))(!(|(department=Sales)(department=Sales))))',
    );
    expect(matchesFilter(twice, { department: 'Sales' })).toBe(false);
  });
  it('a node whose getters throw (a revoked Proxy) throws through no function', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const hostile: FilterNode[] = [
      proxy as FilterNode,
      { type: 'and', children: [sales, proxy as FilterNode] } as FilterNode,
      {
        get type(): string {
          throw new Error('no');
        },
      } as unknown as FilterNode,
    ];
    for (const node of hostile) {
      expect(formatFilter(node)).toMatch(/\(\)/);
      expect(matchesFilter(node, { department: 'Sales' })).toBe(false);
      expect(filtersEqual(node, node)).toBe(false);
      const query = toGraphQuery(node); // (compared by hand: a matcher would read the proxy)
      expect(query.exact).toBe(false);
      expect(query.residual === node).toBe(true);
    }
  });
  it('matchesFilter reads a missing record as one without values', () => {
    expect(matchesFilter(f('(department=Sales)'), null as unknown as UserRecord)).toBe(false);
    expect(matchesFilter(f('(!(department=Sales))'), undefined as unknown as UserRecord)).toBe(
      true,
    );
  });
});

describe('deep trees built by hand do not overflow the stack', () => {
  const leaf: FilterNode = { type: 'equality', field: 'email', value: 'x' };
  let nots: FilterNode = leaf;
  for (let i = 0; i < 100_000; i++) nots = { type: 'not', child: nots };
  let ands: FilterNode = leaf;
  for (let i = 0; i < 100_000; i++)
    ands = {
      type: i % 2 ? 'and' : 'or',
      children: [ands, { type: 'present', field: 'department' }],
    };
  it('format, parse back, equality', () => {
    const text = formatFilter(nots);
    expect(text.length).toBe(100_000 * 3 + 9);
    const back = parseFilter(text, { maxDepth: 200_000, maxLength: 1e7 });
    expect(back.ok && filtersEqual(back.filter, nots)).toBe(true);
    expect(filtersEqual(nots, nots)).toBe(true);
    expect(formatFilter(ands).length).toBeGreaterThan(1_000_000);
  });
  it('pretty: indentation stops growing at 32 levels, so the text stays linear', () => {
    const text = formatFilter(nots, { pretty: true });
    // 100,000 lines of (! at most 64 spaces each, the leaf, and 100,000 lines of ).
    expect(text.length).toBeLessThan(200_001 * (64 + 3) + 20);
    const lines = text.split('\n');
    expect(lines[32]).toBe(`${' '.repeat(64)}(!`);
    expect(lines[33]).toBe(`${' '.repeat(64)}(!`);
    expect(lines[31]).toBe(`${' '.repeat(62)}(!`);
    const back = parseFilter(text, { maxDepth: 200_000, maxLength: 1e8 });
    expect(back.ok && filtersEqual(back.filter, nots)).toBe(true);
    const wide = formatFilter(ands, { pretty: true });
    const again = parseFilter(wide, { maxDepth: 200_000, maxLength: 1e8 });
    expect(again.ok && formatFilter(again.filter, { pretty: true })).toBe(wide);
  });
  it('match', () => {
    expect(matchesFilter(nots, { email: 'x' })).toBe(true); // even number of nots
    expect(matchesFilter(nots, { email: 'y' })).toBe(false);
    expect(matchesFilter(ands, { email: 'x' })).toBe(false);
    expect(matchesFilter(ands, { department: 'd' })).toBe(true);
  });
  it('toGraphQuery', () => {
    const q0 = toGraphQuery(nots);
    expect(q0.exact).toBe(false);
    expect(q0.filter).toBeUndefined();
    expect(q0.residual === nots).toBe(true);
    const q = toGraphQuery(ands);
    expect(q.filter?.length).toBeGreaterThan(100_000);
  });
});

describe('match: short-circuit order on hand-built trees', () => {
  const yes: FilterNode = { type: 'present', field: 'email' };
  const no: FilterNode = { type: 'equality', field: 'email', value: 'nobody' };
  const cases: [FilterNode, boolean][] = [
    [{ type: 'and', children: [yes, { type: 'or', children: [no, yes] }, yes] }, true],
    [{ type: 'and', children: [yes, { type: 'or', children: [no, no] }, yes] }, false],
    [
      {
        type: 'or',
        children: [no, { type: 'and', children: [yes, no] }, { type: 'not', child: no }],
      },
      true,
    ],
    [
      {
        type: 'or',
        children: [
          { type: 'not', child: yes },
          { type: 'and', children: [yes, no] },
        ],
      },
      false,
    ],
  ];
  it.each(cases)('%j → %s', (node, want) => {
    expect(matchesFilter(node, { email: 'a@b.c' })).toBe(want);
  });
});

describe('toGraphQuery', () => {
  const cases: [
    string,
    { filter?: string; advanced: boolean; exact: boolean; residual?: string },
  ][] = [
    ['(department=Sales)', { filter: "department eq 'Sales'", advanced: false, exact: true }],
    ["(department=O'Brien)", { filter: "department eq 'O''Brien'", advanced: false, exact: true }],
    [
      '(officeLocation=Bldg \\28A\\29)',
      { filter: "officeLocation eq 'Bldg (A)'", advanced: true, exact: true },
    ],
    ['(location=NYC)', { filter: "city eq 'NYC'", advanced: false, exact: true }],
    ['(email=ann*)', { filter: "startsWith(mail,'ann')", advanced: false, exact: true }],
    ['(email=*@x.com)', { filter: "endsWith(mail,'@x.com')", advanced: true, exact: true }],
    ['(department=*ale*)', { advanced: false, exact: false, residual: '(department=*ale*)' }],
    ['(department=*ales)', { advanced: false, exact: false, residual: '(department=*ales)' }],
    [
      '(email=a*b)',
      {
        filter: "startsWith(mail,'a') and endsWith(mail,'b')",
        advanced: true,
        exact: false,
        residual: '(email=a*b)',
      },
    ],
    [
      '(department=*)',
      { filter: 'department ne null', advanced: true, exact: false, residual: '(department=*)' },
    ],
    ['(email=*)', { advanced: false, exact: false, residual: '(email=*)' }],
    // Users without a department match too: asked for by name (Graph may leave nulls out of ne).
    [
      '(!(department=Temp))',
      { filter: "department ne 'Temp' or department eq null", advanced: true, exact: true },
    ],
    [
      '(&(department=Sales)(!(location=Rome)))',
      {
        filter: "department eq 'Sales' and (city ne 'Rome' or city eq null)",
        advanced: true,
        exact: true,
      },
    ],
    // Graph can't test mail for null, so the users without one can't be asked for.
    ['(!(email=a@x.com))', { advanced: false, exact: false, residual: '(!(email=a@x.com))' }],
    ['(!(department=T*))', { advanced: false, exact: false, residual: '(!(department=T*))' }],
    ['(phoneNumber=+1 555)', { advanced: false, exact: false, residual: '(phoneNumber=+1 555)' }],
    [
      '(phoneNumber=15550100)',
      { advanced: false, exact: false, residual: '(phoneNumber=15550100)' },
    ],
    [
      "(|(location=NYC)(location=L'A))",
      { filter: "city in ('NYC','L''A')", advanced: false, exact: true },
    ],
    [
      '(|(location=NYC)(department=HR))',
      { filter: "city eq 'NYC' or department eq 'HR'", advanced: false, exact: true },
    ],
    [
      '(|(location=NYC)(department=*HR*))',
      { advanced: false, exact: false, residual: '(|(location=NYC)(department=*HR*))' },
    ],
    [
      '(&(department=Sales)(|(location=A)(location=B))(email=*x*)(phoneNumber=1))',
      {
        filter: "department eq 'Sales' and city in ('A','B')",
        advanced: false,
        exact: false,
        residual: '(&(email=*x*)(phoneNumber=1))',
      },
    ],
    [
      '(&(department=Sales)(email=*x*))',
      { filter: "department eq 'Sales'", advanced: false, exact: false, residual: '(email=*x*)' },
    ],
    [
      '(|(&(department=A)(location=B))(email=c))',
      {
        filter: "(department eq 'A' and city eq 'B') or mail eq 'c'",
        advanced: false,
        exact: true,
      },
    ],
    [
      `(department=${'x'.repeat(121)})`,
      { advanced: false, exact: false, residual: `(department=${'x'.repeat(121)})` },
    ],
  ];
  it.each(cases)('%s', (text, expected) => {
    const q = toGraphQuery(f(text));
    expect(q.filter).toBe(expected.filter);
    expect(q.advanced).toBe(expected.advanced);
    expect(q.exact).toBe(expected.exact);
    expect(q.residual && formatFilter(q.residual)).toBe(expected.residual);
  });
  it('takes a host field list as { fields }, like parseFilter and matchesFilter', () => {
    const fields: FieldDefinition[] = [JOB_TITLE];
    const r = parseFilter('(jobTitle=Engineer)', { fields });
    if (!r.ok) throw new Error(r.error.message);
    const expected = { filter: "jobTitle eq 'Engineer'", advanced: false, exact: true };
    expect(toGraphQuery(r.filter, { fields })).toEqual(expected);
    expect(toGraphQuery(r.filter, fields)).toEqual(expected);
    expect(toGraphQuery(r.filter)).toMatchObject({ exact: false, residual: r.filter });
  });
  it('splits more than 15 values into several in()', () => {
    const values = Array.from({ length: 20 }, (_, i) => `(location=c${i})`).join('');
    const q = toGraphQuery(f(`(|${values})`));
    expect(q.filter?.match(/ in \(/g)).toHaveLength(2);
    expect(q.filter?.split(' or ')[0]?.split(',')).toHaveLength(15);
    expect(q.exact).toBe(true);
  });
  it('maps Graph users to records', () => {
    expect(
      graphUserToRecord({
        id: '1',
        mail: 'a@b.c',
        department: 'D',
        officeLocation: 'O',
        city: 'C',
        businessPhones: ['1', '2'],
      }),
    ).toEqual({
      email: 'a@b.c',
      department: 'D',
      officeLocation: 'O',
      location: 'C',
      phoneNumber: '1',
    });
    expect(graphUserToRecord({ businessPhones: [] })).toEqual({
      email: null,
      department: null,
      officeLocation: null,
      location: null,
      phoneNumber: null,
    });
    expect(graphUserToRecord(null as never)).toEqual({
      email: null,
      department: null,
      officeLocation: null,
      location: null,
      phoneNumber: null,
    });
    expect(GRAPH_USER_SELECT.split(',')).toEqual(
      expect.arrayContaining(['mail', 'department', 'officeLocation', 'city', 'businessPhones']),
    );
  });
});

describe('tokenizeFilter', () => {
  const covers = (text: string): void => {
    const tokens = tokenizeFilter(text);
    let at = 0;
    for (const t of tokens) {
      expect(t.offset).toBe(at);
      expect(t.length).toBeGreaterThan(0);
      at += t.length;
    }
    expect(at).toBe(text.length);
  };
  it('classifies a filter', () => {
    const text = '(&(department=S\\2a*x) (dept~=y))';
    const kinds = tokenizeFilter(text).map(
      (t) => `${t.kind}:${text.slice(t.offset, t.offset + t.length)}`,
    );
    expect(kinds).toEqual([
      'paren:(',
      'operator:&',
      'paren:(',
      'field:department',
      'equals:=',
      'value:S',
      'escape:\\2a',
      'wildcard:*',
      'value:x',
      'paren:)',
      'whitespace: ',
      'paren:(',
      'field:dept',
      'invalid:~=',
      'value:y',
      'paren:)',
      'paren:)',
    ]);
    covers(text);
  });
  it('covers any text', () => {
    for (const t of [
      '',
      ' ',
      '((((',
      ')))',
      '(a\\zz)',
      '(=x)',
      '( a = b )',
      'x\0y',
      '(department=a(b)c)\n',
      '(!\n(email=*))',
    ])
      covers(t);
  });
});

describe('a host list with a null entry (a JavaScript host’s slip)', () => {
  it('is read as if the entry were not there, by every function that takes a list', () => {
    const fields = [null, ...DEFAULT_FIELDS] as unknown as FieldDefinition[];
    const r = parseFilter('(&(email=a*)(department=Sales))', { fields });
    expect(r.ok).toBe(true);
    const node = (r as { filter: FilterNode }).filter;
    expect(matchesFilter(node, { email: 'ab', department: 'sales' }, { fields })).toBe(true);
    expect(matchesFilter(node, { email: 'b', department: 'sales' }, { fields })).toBe(false);
    expect(toGraphQuery(node, { fields }).filter).toBe(
      "startsWith(mail,'a') and department eq 'Sales'",
    );
    expect(formatFilter(node, { fields })).toBe('(&(email=a*)(department=Sales))');
    expect(parseFilter('(emial=a)', { fields })).toMatchObject({
      ok: false,
      error: { code: 'unknown-field', params: { suggestion: 'email' } },
    });
    const unknown = parseFilter('(zzz=a)', { fields });
    expect(!unknown.ok && unknown.error.message).toBe(
      "unknown field 'zzz': use email, department, officeLocation, location, phoneNumber",
    );
  });
  it('an entry without a name is skipped too, also when suggesting a field', () => {
    const fields = [{ labelKey: 'x' }, ...DEFAULT_FIELDS] as unknown as FieldDefinition[];
    expect(parseFilter('(dept=a)', { fields })).toMatchObject({
      ok: false,
      error: { code: 'unknown-field', params: { suggestion: 'department' } },
    });
  });
});

describe('a host field whose name no filter can hold (a JavaScript host’s slip)', () => {
  const graph = DEFAULT_FIELDS[1]!.graph;
  const odd = [
    { name: '-x', labelKey: 'x', graph: { ...graph, property: 'p' } },
    { name: '.y', labelKey: 'y', graph: { ...graph, property: 'q' } },
    { name: 5, labelKey: 'n', graph: { ...graph, property: 7 } },
  ] as unknown as FieldDefinition[];
  const fields = [...odd, ...DEFAULT_FIELDS];
  it('is left out: the parser refuses its name, which the matcher and Graph would read apart', () => {
    // (`(-x=1)` parsed, then formatFilter wrote `()`, matchesFilter said nobody and
    // toGraphQuery `p eq '1'`, exact.)
    expect(parseFilter('(-x=1)', { fields })).toMatchObject({
      ok: false,
      error: { code: 'unknown-field-no-suggestion', offset: 1, length: 2 },
    });
    expect(parseFilter('(.y=1)', { fields })).toMatchObject({
      ok: false,
      error: { code: 'invalid-field-character', offset: 1 },
    });
    expect(graphUserToRecord({ p: 'a', mail: 'm' }, { fields })).toEqual(
      graphUserToRecord({ mail: 'm' }),
    );
  });
  it('does not stop the other fields working (a name that is not text threw in every parse)', () => {
    expect(parseFilter('(department=a)', { fields })).toMatchObject({ ok: true });
    expect(suggestField('dept', { fields })).toBe('department');
    const node = f('(department=a)');
    expect(matchesFilter(node, { department: 'A' }, { fields })).toBe(true);
    expect(toGraphQuery(node, { fields }).filter).toBe("department eq 'a'");
  });
});

describe('the helpers take what the other functions take (a JavaScript host’s call)', () => {
  it('take the field list as `{ fields }` too, as parseFilter and toGraphQuery do, or none', () => {
    const fields = [...DEFAULT_FIELDS, JOB_TITLE];
    expect(graphUserSelect({ fields })).toBe(graphUserSelect(fields));
    expect(graphUserSelect({ fields })).toContain('jobTitle');
    const user = { mail: 'a@b.c', jobTitle: 'Engineer' };
    expect(graphUserToRecord(user, { fields })).toEqual(graphUserToRecord(user, fields));
    expect(graphUserToRecord(user, { fields })[JOB_TITLE.name]).toBe('Engineer');
    expect(suggestField('emial')).toBe('email');
    expect(suggestField('dept', { fields })).toBe('department');
    expect(suggestField(null as unknown as string, fields)).toBeUndefined();
  });

  it('escapeFilterValue writes no value (null, as Graph gives an empty property) as empty text', () => {
    expect(escapeFilterValue(null as unknown as string)).toBe('');
    expect(escapeFilterValue(undefined as unknown as string)).toBe('');
    expect(escapeFilterValue(42 as unknown as string)).toBe('42');
    expect(escapeFilterValue('a*(b)\\')).toBe('a\\2a\\28b\\29\\5c');
  });
});

describe('the parser’s code numbers (code.ts)', () => {
  it('name the codes of FILTER_MESSAGES in its order, every one', () => {
    const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    const keys = Object.keys(FILTER_MESSAGES);
    // Each number is its code's index in the table, and every code has one number.
    expect(Object.entries(Code).map(([name, i]) => [kebab(name), keys[i]])).toEqual(
      Object.keys(Code).map((name) => [kebab(name), kebab(name)]),
    );
    expect(new Set(Object.values(Code)).size).toBe(keys.length);
  });
});
