// The OData `$filter` subset Microsoft Graph accepts on /users, as the stand-in needs it:
// a tokenizer, a precedence-climbing parser (or < and < not < comparison), a support
// check against the documented per-property capabilities (Microsoft Graph's
// documentation of each user property's $filter support; see USER_PROPERTIES) and a compiler to a predicate over stored users.
//
// Precedence follows OData 4.01 §5.1.1.1: `not` binds tighter than `eq`/`ne`/`in`,
// which bind tighter than `and`, then `or`. So `not` takes a parenthesised
// expression, a function call or a lambda (`not(department eq 'x')`), as Graph expects.

export type ODataTarget = { kind: 'property'; name: string } | { kind: 'variable'; name: string };

export type ODataExpr =
  | { kind: 'and' | 'or'; left: ODataExpr; right: ODataExpr }
  | { kind: 'not'; operand: ODataExpr }
  | { kind: 'compare'; op: 'eq' | 'ne'; target: ODataTarget; value: string | null }
  | { kind: 'in'; target: ODataTarget; values: string[] }
  | { kind: 'call'; fn: 'startswith' | 'endswith' | 'contains'; target: ODataTarget; value: string }
  | {
      kind: 'lambda';
      quantifier: 'any' | 'all';
      collection: string;
      variable: string;
      body: ODataExpr;
    };

/** A syntax error, with the 0-based position in the filter text. */
export class ODataSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly position: number,
    readonly text: string,
  ) {
    super(`Invalid filter clause: ${reason} at position ${position} in '${text}'.`);
    this.name = 'ODataSyntaxError';
  }
}

type TokenKind = 'ident' | 'string' | 'number' | '(' | ')' | ',' | ':' | '/' | 'eof';
interface Token {
  kind: TokenKind;
  /** Identifier text, or the decoded string literal. */
  value: string;
  pos: number;
}

function isIdentStart(c: string): boolean {
  return /[A-Za-z_$]/.test(c);
}
function isIdentPart(c: string): boolean {
  return /[A-Za-z0-9_.$@]/.test(c);
}

export function tokenizeOData(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (c === '(' || c === ')' || c === ',' || c === ':' || c === '/') {
      tokens.push({ kind: c, value: c, pos: i });
      i++;
      continue;
    }
    if (c === "'") {
      const start = i;
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length)
          throw new ODataSyntaxError('unterminated string literal', start, text);
        const d = text[i] as string;
        if (d === "'") {
          if (text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += d;
        i++;
      }
      tokens.push({ kind: 'string', value, pos: start });
      continue;
    }
    if (/[0-9-]/.test(c)) {
      const start = i;
      i++;
      while (i < text.length && /[0-9.]/.test(text[i] as string)) i++;
      tokens.push({ kind: 'number', value: text.slice(start, i), pos: start });
      continue;
    }
    if (isIdentStart(c)) {
      const start = i;
      i++;
      while (i < text.length && isIdentPart(text[i] as string)) i++;
      tokens.push({ kind: 'ident', value: text.slice(start, i), pos: start });
      continue;
    }
    throw new ODataSyntaxError(`unexpected character '${c}'`, i, text);
  }
  tokens.push({ kind: 'eof', value: '', pos: text.length });
  return tokens;
}

const FUNCTIONS = new Set(['startswith', 'endswith', 'contains']);
const MAX_DEPTH = 100;

/** Parses a `$filter` value (already URL-decoded). Throws ODataSyntaxError. */
export function parseODataFilter(text: string): ODataExpr {
  const tokens = tokenizeOData(text);
  let at = 0;
  const variables: string[] = [];
  let depth = 0;

  const peek = (): Token => tokens[at] as Token;
  const next = (): Token => tokens[at++] as Token;
  const fail = (reason: string, tok: Token = peek()): never => {
    throw new ODataSyntaxError(reason, tok.pos, text);
  };
  const expect = (kind: TokenKind, what: string): Token => {
    const t = peek();
    if (t.kind !== kind) fail(`expected ${what}`);
    return next();
  };
  const isKeyword = (t: Token, word: string): boolean => t.kind === 'ident' && t.value === word;

  function parseOr(): ODataExpr {
    if (++depth > MAX_DEPTH) fail('the filter nests too deeply');
    let left = parseAnd();
    while (isKeyword(peek(), 'or')) {
      next();
      left = { kind: 'or', left, right: parseAnd() };
    }
    depth--;
    return left;
  }

  function parseAnd(): ODataExpr {
    let left = parseUnary();
    while (isKeyword(peek(), 'and')) {
      next();
      left = { kind: 'and', left, right: parseUnary() };
    }
    return left;
  }

  function parseUnary(): ODataExpr {
    if (isKeyword(peek(), 'not')) {
      next();
      const operand = parseBooleanPrimary(true);
      return { kind: 'not', operand };
    }
    return parseComparison();
  }

  /** A parenthesised expression, a function call or a lambda: what `not` may take. */
  function parseBooleanPrimary(afterNot: boolean): ODataExpr {
    const t = peek();
    if (t.kind === '(') {
      next();
      const inner = parseOr();
      expect(')', "')'");
      return inner;
    }
    if (
      t.kind === 'ident' &&
      tokens[at + 1]?.kind === '(' &&
      FUNCTIONS.has(t.value.toLowerCase())
    ) {
      return parseCall();
    }
    if (t.kind === 'ident' && tokens[at + 1]?.kind === '/') return parseLambda();
    if (afterNot && t.kind === 'ident' && t.value === 'not') return parseUnary();
    return fail(
      afterNot ? "'not' must be followed by a parenthesised expression" : 'expected an expression',
    );
  }

  function parseTarget(): ODataTarget {
    const t = peek();
    if (t.kind !== 'ident') return fail('expected a property name');
    next();
    if (variables.includes(t.value)) return { kind: 'variable', name: t.value };
    if (t.value === 'null' || t.value === 'true' || t.value === 'false') {
      return fail(`'${t.value}' can't be compared here: write the property first`, t);
    }
    return { kind: 'property', name: t.value };
  }

  function parseStringLiteral(): string {
    const t = peek();
    if (t.kind !== 'string') return fail('expected a string literal');
    next();
    return t.value;
  }

  function parseCall(): ODataExpr {
    const name = next();
    const fn = name.value.toLowerCase() as 'startswith' | 'endswith' | 'contains';
    expect('(', "'('");
    const target = parseTarget();
    expect(',', "','");
    const value = parseStringLiteral();
    expect(')', "')'");
    return { kind: 'call', fn, target, value };
  }

  function parseLambda(): ODataExpr {
    const collection = next();
    expect('/', "'/'");
    const q = peek();
    if (q.kind !== 'ident' || (q.value !== 'any' && q.value !== 'all')) {
      return fail("expected 'any' or 'all' after '/'");
    }
    next();
    expect('(', "'('");
    const variable = expect('ident', 'a lambda variable').value;
    expect(':', "':'");
    variables.push(variable);
    const body = parseOr();
    variables.pop();
    expect(')', "')'");
    return { kind: 'lambda', quantifier: q.value, collection: collection.value, variable, body };
  }

  function parseComparison(): ODataExpr {
    const t = peek();
    const after = tokens[at + 1];
    if (t.kind === '(' || (t.kind === 'ident' && after?.kind === '/'))
      return parseBooleanPrimary(false);
    if (t.kind === 'ident' && after?.kind === '(' && FUNCTIONS.has(t.value.toLowerCase())) {
      return parseCall();
    }
    if (t.kind === 'ident' && after?.kind === '(') {
      return fail(`unknown function '${t.value}'`);
    }
    const target = parseTarget();
    const op = peek();
    if (isKeyword(op, 'eq') || isKeyword(op, 'ne')) {
      next();
      const v = peek();
      if (isKeyword(v, 'null')) {
        next();
        return { kind: 'compare', op: op.value as 'eq' | 'ne', target, value: null };
      }
      return { kind: 'compare', op: op.value as 'eq' | 'ne', target, value: parseStringLiteral() };
    }
    if (isKeyword(op, 'in')) {
      next();
      expect('(', "'('");
      const values = [parseStringLiteral()];
      while (peek().kind === ',') {
        next();
        values.push(parseStringLiteral());
      }
      expect(')', "')'");
      return { kind: 'in', target, values };
    }
    if (op.kind === 'ident' && ['gt', 'ge', 'lt', 'le', 'has'].includes(op.value)) {
      return fail(`operator '${op.value}' is not supported on string properties`);
    }
    return fail("expected 'eq', 'ne' or 'in'");
  }

  if (peek().kind === 'eof') fail('the filter is empty');
  const expr = parseOr();
  if (peek().kind !== 'eof') fail(`unexpected '${peek().value}'`);
  return expr;
}

// ─── Support: what Graph accepts for each property ─────────────────────────────────

/** Support level of an operation on a property: by default, only as an advanced query, or not at all. */
export type Support = 'default' | 'advanced' | 'none';

export interface PropertyCapabilities {
  /** Canonical spelling (property names are case-insensitive). */
  name: string;
  collection?: boolean;
  eq: Support;
  startsWith: Support;
  endsWith: Support;
  /** `ne` and `not(…)`. */
  ne: Support;
  /** `eq null` / `ne null`. */
  nullCheck: Support;
}

/**
 * The user properties the stand-in can filter, as Microsoft Graph documents them (the five the
 * sync uses) plus a few identity properties with their documented support.
 */
export const USER_PROPERTIES: readonly PropertyCapabilities[] = [
  {
    name: 'mail',
    eq: 'default',
    startsWith: 'default',
    endsWith: 'advanced',
    ne: 'advanced',
    nullCheck: 'none',
  },
  {
    name: 'department',
    eq: 'default',
    startsWith: 'default',
    endsWith: 'none',
    ne: 'advanced',
    nullCheck: 'advanced',
  },
  {
    name: 'officeLocation',
    eq: 'advanced',
    startsWith: 'advanced',
    endsWith: 'none',
    ne: 'advanced',
    nullCheck: 'advanced',
  },
  {
    name: 'city',
    eq: 'default',
    startsWith: 'default',
    endsWith: 'none',
    ne: 'advanced',
    nullCheck: 'advanced',
  },
  {
    name: 'businessPhones',
    collection: true,
    eq: 'default',
    startsWith: 'none',
    endsWith: 'none',
    ne: 'advanced',
    nullCheck: 'none',
  },
  {
    name: 'displayName',
    eq: 'default',
    startsWith: 'default',
    endsWith: 'advanced',
    ne: 'advanced',
    nullCheck: 'advanced',
  },
  {
    name: 'userPrincipalName',
    eq: 'default',
    startsWith: 'default',
    endsWith: 'advanced',
    ne: 'advanced',
    nullCheck: 'none',
  },
  {
    name: 'jobTitle',
    eq: 'default',
    startsWith: 'default',
    endsWith: 'advanced',
    ne: 'advanced',
    nullCheck: 'advanced',
  },
  {
    name: 'id',
    eq: 'default',
    startsWith: 'none',
    endsWith: 'none',
    ne: 'advanced',
    nullCheck: 'none',
  },
];

const PROPERTY_TABLE = new Map(USER_PROPERTIES.map((p) => [p.name.toLowerCase(), p]));

export function lookupProperty(name: string): PropertyCapabilities | undefined {
  return PROPERTY_TABLE.get(name.toLowerCase());
}

/** Graph limits: `eq` values at most 120 characters, `in` at most 15 values. */
export const MAX_EQ_VALUE_LENGTH = 120;
export const MAX_IN_VALUES = 15;

/** Why Graph refuses a query: the error code and message it answers with (HTTP 400). */
export interface Refusal {
  code: string;
  message: string;
}

export interface SupportVerdict {
  /** Needs `ConsistencyLevel: eventual` and `$count=true`. */
  advanced: boolean;
  /** Set when Graph refuses the filter even as an advanced query; `advancedReason` explains the first advanced clause. */
  refusal?: Refusal;
  /** The message Graph gives when the advanced headers are missing. */
  advancedRefusal?: Refusal;
}

const clauseRefusal = (property: string): Refusal => ({
  code: 'Request_UnsupportedQuery',
  message: `Unsupported or invalid query filter clause specified for property '${property}' of resource 'User'.`,
});

/**
 * Classifies a parsed filter: accepted by default, only as an advanced query, or refused
 * (with Graph's code and message).
 */
export function checkSupport(expr: ODataExpr): SupportVerdict {
  const verdict: SupportVerdict = { advanced: false };
  const needAdvanced = (message: string): void => {
    verdict.advanced = true;
    verdict.advancedRefusal ??= { code: 'Request_UnsupportedQuery', message };
  };
  const refuse = (r: Refusal): void => {
    verdict.refusal ??= r;
  };
  const level = (s: Support, property: string, advancedMessage: string): void => {
    if (s === 'none') refuse(clauseRefusal(property));
    else if (s === 'advanced') needAdvanced(advancedMessage);
  };
  // The property a lambda variable stands for, innermost last.
  const lambdaScope: { variable: string; property: PropertyCapabilities }[] = [];

  const resolve = (
    target: ODataTarget,
  ): { prop: PropertyCapabilities; element: boolean } | undefined => {
    if (target.kind === 'variable') {
      const scope = lambdaScope.find((s) => s.variable === target.name);
      return scope ? { prop: scope.property, element: true } : undefined;
    }
    const prop = lookupProperty(target.name);
    if (!prop) {
      refuse({
        code: 'BadRequest',
        message: `Could not find a property named '${target.name}' on type 'microsoft.graph.user'.`,
      });
      return undefined;
    }
    if (prop.collection) {
      refuse(clauseRefusal(prop.name));
      return undefined;
    }
    return { prop, element: false };
  };

  const visit = (e: ODataExpr, negated: boolean): void => {
    switch (e.kind) {
      case 'and':
      case 'or':
        visit(e.left, negated);
        visit(e.right, negated);
        return;
      case 'not':
        needAdvanced("Filter operator 'Not' is not supported.");
        visit(e.operand, true);
        return;
      case 'compare': {
        const r = resolve(e.target);
        if (!r) return;
        if (e.value === null) {
          if (r.element) return refuse(clauseRefusal(r.prop.name));
          return level(r.prop.nullCheck, r.prop.name, 'Unsupported Query.');
        }
        if (e.value.length > MAX_EQ_VALUE_LENGTH) return refuse(clauseRefusal(r.prop.name));
        if (e.op === 'ne') {
          if (r.element) return refuse(clauseRefusal(r.prop.name));
          return level(
            r.prop.ne,
            r.prop.name,
            "Filter operator 'NotEqualsMatch' is not supported.",
          );
        }
        return level(r.prop.eq, r.prop.name, 'Unsupported Query.');
      }
      case 'in': {
        const r = resolve(e.target);
        if (!r) return;
        if (
          e.values.length > MAX_IN_VALUES ||
          e.values.some((v) => v.length > MAX_EQ_VALUE_LENGTH)
        ) {
          return refuse({
            code: 'Request_UnsupportedQuery',
            message: `The 'in' operator on property '${r.prop.name}' accepts at most ${MAX_IN_VALUES} values.`,
          });
        }
        return level(r.prop.eq, r.prop.name, 'Unsupported Query.');
      }
      case 'call': {
        const r = resolve(e.target);
        if (!r) return;
        if (e.fn === 'contains') return refuse(clauseRefusal(r.prop.name));
        if (r.element) return refuse(clauseRefusal(r.prop.name));
        return level(
          e.fn === 'startswith' ? r.prop.startsWith : r.prop.endsWith,
          r.prop.name,
          'Unsupported Query.',
        );
      }
      case 'lambda': {
        const prop = lookupProperty(e.collection);
        if (!prop) {
          return refuse({
            code: 'BadRequest',
            message: `Could not find a property named '${e.collection}' on type 'microsoft.graph.user'.`,
          });
        }
        if (!prop.collection || e.quantifier === 'all') return refuse(clauseRefusal(prop.name));
        // Graph accepts `p eq '…'` (and `in`) over a string collection; anything else is refused.
        const b = e.body;
        const onVariable =
          (b.kind === 'compare' &&
            b.op === 'eq' &&
            b.value !== null &&
            b.target.kind === 'variable') ||
          (b.kind === 'in' && b.target.kind === 'variable');
        if (!onVariable) return refuse(clauseRefusal(prop.name));
        if (negated) level(prop.ne, prop.name, "Filter operator 'Not' is not supported.");
        lambdaScope.push({ variable: e.variable, property: prop });
        visit(b, false);
        lambdaScope.pop();
        return;
      }
    }
  };
  visit(expr, false);
  return verdict;
}

// ─── Evaluation ─────────────────────────────────────────────────────────────────────

/** A stored user as the evaluator sees it: every property as stored (strings, arrays, null). */
export type StoredUser = Record<string, unknown>;

type Getter = (user: StoredUser, scope: Map<string, string>) => unknown;
type Predicate = (user: StoredUser, scope: Map<string, string>) => boolean;

/** Graph compares these string properties case-insensitively. */
const fold = (s: string): string => s.toLowerCase();

/**
 * Compiles a filter to a predicate with OData semantics: comparisons are
 * case-insensitive; `null eq 'x'` is false and `null ne 'x'` is true; functions over
 * null are false; `any` over an empty or missing collection is false.
 */
export function compileODataFilter(expr: ODataExpr): (user: StoredUser) => boolean {
  const getter = (t: ODataTarget): Getter => {
    if (t.kind === 'variable') {
      const name = t.name;
      return (_u, scope) => scope.get(name);
    }
    const name = lookupProperty(t.name)?.name ?? t.name;
    return (u) => u[name];
  };
  const compile = (e: ODataExpr): Predicate => {
    switch (e.kind) {
      case 'and': {
        const a = compile(e.left);
        const b = compile(e.right);
        return (u, s) => a(u, s) && b(u, s);
      }
      case 'or': {
        const a = compile(e.left);
        const b = compile(e.right);
        return (u, s) => a(u, s) || b(u, s);
      }
      case 'not': {
        const a = compile(e.operand);
        return (u, s) => !a(u, s);
      }
      case 'compare': {
        const get = getter(e.target);
        if (e.value === null) {
          const isNull = (v: unknown): boolean => v === null || v === undefined;
          return e.op === 'eq' ? (u, s) => isNull(get(u, s)) : (u, s) => !isNull(get(u, s));
        }
        const want = fold(e.value);
        const eq = (v: unknown): boolean => typeof v === 'string' && fold(v) === want;
        return e.op === 'eq' ? (u, s) => eq(get(u, s)) : (u, s) => !eq(get(u, s));
      }
      case 'in': {
        const get = getter(e.target);
        const set = new Set(e.values.map(fold));
        return (u, s) => {
          const v = get(u, s);
          return typeof v === 'string' && set.has(fold(v));
        };
      }
      case 'call': {
        const get = getter(e.target);
        const want = fold(e.value);
        const test =
          e.fn === 'startswith'
            ? (v: string) => v.startsWith(want)
            : e.fn === 'endswith'
              ? (v: string) => v.endsWith(want)
              : (v: string) => v.includes(want);
        return (u, s) => {
          const v = get(u, s);
          return typeof v === 'string' && test(fold(v));
        };
      }
      case 'lambda': {
        const name = lookupProperty(e.collection)?.name ?? e.collection;
        const body = compile(e.body);
        const variable = e.variable;
        const all = e.quantifier === 'all';
        return (u, s) => {
          const items = u[name];
          if (!Array.isArray(items)) return all;
          const inner = new Map(s);
          for (const item of items) {
            inner.set(variable, String(item));
            if (body(u, inner) !== all) return !all;
          }
          return all;
        };
      }
    }
  };
  const predicate = compile(expr);
  const empty = new Map<string, string>();
  return (user) => predicate(user, empty);
}
