import { DEFAULT_FIELDS, findField } from './fields.js';
import { childrenOf, isCyclic, isItemNode } from './well-formed.js';
import type { FieldDefinition, FilterNode, ItemNode, UserRecord } from './types.js';

/** Values of the fields a filter uses, already folded, `undefined` when absent or empty. */
type Values = (string | undefined)[];
type Test = (values: Values) => boolean;
type Fold = (s: string) => string;

/**
 * Locale-independent case fold (same on both sides of every comparison). Beyond ASCII,
 * toLowerCase alone is not one: ſ, ß and SS, µ and μ, ϐ and β lower differently; upper
 * then lower case brings them together (close to Unicode's full case folding). And a Σ at
 * the end of a word lowers to ς, elsewhere to σ, so ς becomes σ: `ΑΣ` matches `ασ`, and a
 * substring part ending in σ matches inside a word.
 */
const NON_ASCII = /[^\0-\x7f]/;
const foldText: Fold = (s) => {
  s = s.toLowerCase();
  if (!NON_ASCII.test(s)) return s;
  s = s.toUpperCase().toLowerCase();
  return s.includes('ς') ? s.replace(/ς/g, 'σ') : s;
};

/**
 * Phone numbers compare ignoring spaces, hyphens, `.`, `(`, `)`, and case-insensitively for
 * any letters. Spaces and hyphens as LDAP's telephoneNumberMatch reads them (RFC 4518
 * §2.2, §2.6.3): every Unicode space (a number copied from Outlook or Word often has
 * no-break ones), the hyphens U+058A, U+2010, U+2011, U+2212, U+FE63, U+FF0D, and the
 * control and format characters, which §2.2 maps to nothing (tabs, line breaks, NEL, the
 * soft hyphen, zero-width spaces and joiners, the bidi marks that Teams and Outlook put
 * around a number).
 */
const foldPhone: Fold = (s) =>
  foldText(s.replace(/[\s\p{Cc}\p{Cf}\-.()\u058a\u2010\u2011\u2212\ufe63\uff0d]/gu, ''));

/**
 * The test of one item on the folded values: presence (defined), equality (`eq`), or
 * substring (initial, parts in order without overlap, final). One function for all kinds,
 * so the evaluation loop calls one shape of closure.
 */
function itemTest(node: ItemNode, i: number, fold: Fold): Test {
  const eq = node.type === 'equality' ? fold(node.value) : undefined;
  const sub = node.type === 'substring' ? node : undefined;
  const initial = fold(sub?.initial ?? '');
  const final = fold(sub?.final ?? '');
  const any = sub ? sub.any.map(fold) : [];
  return (v) => {
    const s = v[i];
    if (s === undefined) return false;
    if (eq !== undefined) return s === eq;
    if (!s.startsWith(initial)) return false;
    let at = initial.length;
    for (const part of any) {
      const found = s.indexOf(part, at);
      if (found < 0) return false;
      at = found + part.length;
    }
    return s.length - final.length >= at && s.endsWith(final);
  };
}

/**
 * Compiles a filter into a predicate over user records (README, "The filter language"):
 * case-insensitive; substring parts in order without overlap; presence = non-empty value;
 * phone fields ignore spaces, hyphens, `.`, `(`, `)`; an absent field makes an item false.
 * Each record's used fields are folded once, then every clause is a plain string test.
 *
 * The tree becomes a flat list of item tests, each with where to go next when it is true
 * (`next[2i]`) and when it is false (`next[2i+1]`): another test, or the answer (-1 true,
 * -2 false). Evaluation is a loop with exact short-circuiting and no recursion, so any
 * depth is fine.
 */
export function compileFilter(
  node: FilterNode,
  options?: { fields?: readonly FieldDefinition[] },
): (record: UserRecord) => boolean {
  const fields = options?.fields ?? DEFAULT_FIELDS;
  const names: string[] = [];
  const folds: Fold[] = [];
  const tests: Test[] = [];
  const next: number[] = [];
  // Right to left, depth first. A subtree starts at its leftmost item, which is the last
  // test created while walking it, so NEXT ("the next sibling") resolves, when a node is
  // reached, to the last test created so far.
  const NEXT = -3;
  const stack: [FilterNode, number, number][] = [[node, -1, -2]];
  // A tree with a part this module doesn't make (an `approx` node, null, a value that
  // isn't text, an empty AND) matches nobody: read some other way, it could match more
  // users than meant. So does a tree that holds itself, whose walk would never end.
  let invalid = true;
  try {
    invalid = isCyclic(node);
    while (stack.length && !invalid) {
      const [n, t0, f0] = stack.pop() as [FilterNode, number, number];
      const t = t0 === NEXT ? tests.length - 1 : t0;
      const f = f0 === NEXT ? tests.length - 1 : f0;
      const kids = childrenOf(n) as FilterNode[] | undefined;
      if (n.type === 'not' && kids) {
        stack.push([n.child, f, t]);
      } else if (kids) {
        const and = n.type === 'and';
        const last = kids.length - 1;
        kids.forEach((c, i) => {
          stack.push([c, i === last || !and ? t : NEXT, i === last || and ? f : NEXT]);
        });
      } else if (isItemNode(n)) {
        // The record's key is the field's name as defined (a node may spell it in any case,
        // as formatFilter and toGraphQuery read it). (A field name formatFilter can't write,
        // `a(b`, `__proto__`, is no item: read as a key, `__proto__` would find every
        // record's prototype, a non-empty value.)
        const def = findField(fields, n.field);
        const name = def?.name ?? n.field;
        let index = names.indexOf(name);
        if (index < 0) {
          index = names.push(name) - 1;
          folds.push(def?.compare === 'phone' ? foldPhone : foldText);
        }
        tests.push(itemTest(n, index, folds[index] as Fold));
        next.push(t, f);
      } else invalid = true;
    }
  } catch {
    invalid = true;
  }
  if (invalid) return () => false;

  const start = tests.length - 1;
  const count = names.length;
  return (record) => {
    const values: Values = new Array<string | undefined>(count);
    for (let i = 0; i < count; i++) {
      let raw = record?.[names[i] as string];
      const fold = folds[i] as Fold;
      // A list counts by its first value (as Graph's businessPhones[0]); a function (such as
      // an inherited `constructor`) is no value; anything else counts as its text.
      if (Array.isArray(raw)) raw = raw[0];
      values[i] =
        typeof raw === 'string'
          ? raw === ''
            ? undefined
            : fold(raw)
          : raw == null || typeof raw === 'function'
            ? undefined
            : fold(String(raw)) || undefined;
    }
    let i = start;
    while (i >= 0) i = next[2 * i + ((tests[i] as Test)(values) ? 0 : 1)] as number;
    return i === -1;
  };
}

const compiled = new WeakMap<FilterNode, (record: UserRecord) => boolean>();

/**
 * True when the record matches the filter. Compiles the filter once per node object
 * (cached) when the default fields are used; pass `fields` for a host's own list.
 */
export function matchesFilter(
  node: FilterNode,
  record: UserRecord,
  options?: { fields?: readonly FieldDefinition[] },
): boolean {
  // (Not a node object, such as null: nothing to remember it by.)
  if (options?.fields || Object(node) !== node) return compileFilter(node, options)(record);
  let fn = compiled.get(node);
  if (!fn) compiled.set(node, (fn = compileFilter(node)));
  return fn(record);
}
