import { describe, expect, it } from 'vitest';
import {
  checkSupport,
  compileODataFilter,
  ODataSyntaxError,
  parseODataFilter,
  type ODataExpr,
} from '../../demo/server/graph/odata-filter.js';

const parse = parseODataFilter;

function syntaxError(text: string): ODataSyntaxError {
  try {
    parse(text);
  } catch (e) {
    if (e instanceof ODataSyntaxError) return e;
    throw e;
  }
  throw new Error(`expected a syntax error for ${text}`);
}

describe('OData $filter parser', () => {
  it('parses comparisons, null and doubled quotes', () => {
    expect(parse("department eq 'Sales'")).toEqual({
      kind: 'compare',
      op: 'eq',
      target: { kind: 'property', name: 'department' },
      value: 'Sales',
    });
    expect(parse("surname eq 'O''Brien'")).toMatchObject({ value: "O'Brien" });
    expect(parse("department eq ''''")).toMatchObject({ value: "'" });
    expect(parse('city ne null')).toMatchObject({ kind: 'compare', op: 'ne', value: null });
    expect(parse("mail eq 'a b  c'")).toMatchObject({ value: 'a b  c' });
  });

  it('gives and precedence over or, and not over both', () => {
    const e = parse("city eq 'a' or city eq 'b' and department eq 'c'");
    expect(e.kind).toBe('or');
    expect((e as { right: ODataExpr }).right.kind).toBe('and');
    const p = parse("(city eq 'a' or city eq 'b') and department eq 'c'");
    expect(p.kind).toBe('and');
    const n = parse("not(city eq 'a') and department eq 'c'");
    expect(n).toMatchObject({ kind: 'and', left: { kind: 'not' } });
    expect(parse("not not(city eq 'a')")).toMatchObject({ kind: 'not', operand: { kind: 'not' } });
  });

  it('parses functions (any case), in, and lambdas', () => {
    expect(parse("startsWith(department,'Sa')")).toMatchObject({ kind: 'call', fn: 'startswith' });
    expect(parse("endswith(mail, '@x.com')")).toMatchObject({ kind: 'call', fn: 'endswith' });
    expect(parse("department in ('Sales', 'R&D')")).toMatchObject({
      kind: 'in',
      values: ['Sales', 'R&D'],
    });
    expect(parse("businessPhones/any(p:p eq '+1 555')")).toMatchObject({
      kind: 'lambda',
      quantifier: 'any',
      collection: 'businessPhones',
      variable: 'p',
      body: { kind: 'compare', target: { kind: 'variable', name: 'p' } },
    });
  });

  it('reports syntax errors with their position', () => {
    expect(syntaxError("department eq 'Sales").position).toBe(14);
    expect(syntaxError("department eq 'Sales')").message).toMatch(/position 21/);
    expect(syntaxError('').message).toMatch(/empty/);
    expect(syntaxError("department = 'x'").message).toMatch(/unexpected character/);
    expect(syntaxError('department eq Sales').message).toMatch(/string literal/);
    expect(syntaxError("not department eq 'x'").message).toMatch(/not/);
    expect(syntaxError("(department eq 'x'").message).toMatch(/expected '\)'/);
    expect(syntaxError("department gt 'x'").message).toMatch(/not supported/);
    expect(syntaxError("frobnicate(department,'x')").message).toMatch(/unknown function/);
    expect(syntaxError("department eq 'a' and").position).toBe(21);
    expect(syntaxError('('.repeat(200) + "city eq 'a'" + ')'.repeat(200)).message).toMatch(/deep/);
  });
});

describe('Graph support check (documented per property)', () => {
  const verdict = (f: string) => checkSupport(parse(f));

  it('accepts default clauses without advanced headers', () => {
    for (const f of [
      "mail eq 'a@b.c'",
      "startsWith(mail,'a')",
      "department eq 'Sales'",
      "startsWith(department,'Sa')",
      "city in ('NYC','Milan')",
      "businessPhones/any(p:p eq '+1 555')",
      "department eq 'Sales' and city eq 'NYC' or mail eq 'x'",
    ]) {
      expect(verdict(f), f).toEqual({ advanced: false });
    }
  });

  it('marks advanced clauses', () => {
    for (const f of [
      "endsWith(mail,'@x.com')",
      "department ne 'Temp'",
      "not(department eq 'Temp')",
      "officeLocation eq 'Bldg (A)'",
      "startsWith(officeLocation,'HQ')",
      'department ne null',
      'city eq null',
      "not(businessPhones/any(p:p eq '1'))",
    ]) {
      const v = verdict(f);
      expect(v.advanced, f).toBe(true);
      expect(v.refusal, f).toBeUndefined();
      expect(v.advancedRefusal?.code).toBe('Request_UnsupportedQuery');
    }
  });

  it('refuses what Graph does not support at all', () => {
    for (const f of [
      "contains(department,'ale')",
      "endsWith(department,'les')",
      "endsWith(city,'an')",
      'mail ne null',
      'mail eq null',
      "startsWith(businessPhones,'+1')",
      "businessPhones eq '1'",
      "businessPhones/any(p:startsWith(p,'+1'))",
      "businessPhones/all(p:p eq '1')",
      `department eq '${'x'.repeat(121)}'`,
      `city in (${Array.from({ length: 16 }, (_, i) => `'c${i}'`).join(',')})`,
    ]) {
      expect(verdict(f).refusal?.code, f).toBe('Request_UnsupportedQuery');
    }
    expect(verdict("shoeSize eq '42'").refusal?.message).toMatch(
      /Could not find a property named 'shoeSize'/,
    );
  });
});

describe('OData evaluation', () => {
  const users = [
    { department: 'Sales', city: 'NYC', mail: 'a@x.com', businessPhones: ['+1 555', '+39 02'] },
    { department: null, city: 'milan', mail: null, businessPhones: [] },
    { department: "O'Brien Foundation", city: null, mail: 'b@Y.com', businessPhones: ['(555) 1'] },
  ];
  const ids = (f: string) =>
    users.map((u, i) => (compileODataFilter(parse(f))(u) ? i : -1)).filter((i) => i >= 0);

  it('compares case-insensitively', () => {
    expect(ids("department eq 'SALES'")).toEqual([0]);
    expect(ids("city in ('MILAN','nyc')")).toEqual([0, 1]);
    expect(ids("endsWith(mail,'@y.COM')")).toEqual([2]);
    expect(ids("startsWith(department,'o''b')")).toEqual([2]);
  });

  it('treats null like OData: eq false, ne true, not includes it', () => {
    expect(ids("department ne 'Sales'")).toEqual([1, 2]);
    expect(ids("not(department eq 'Sales')")).toEqual([1, 2]);
    expect(ids('department eq null')).toEqual([1]);
    expect(ids('city ne null')).toEqual([0, 1]);
    expect(ids("startsWith(mail,'a')")).toEqual([0]);
  });

  it('matches any element of a collection', () => {
    expect(ids("businessPhones/any(p:p eq '+39 02')")).toEqual([0]);
    expect(ids("not(businessPhones/any(p:p eq '+39 02'))")).toEqual([1, 2]);
    expect(ids("businessPhones/any(p:p in ('(555) 1','x'))")).toEqual([2]);
  });
});
