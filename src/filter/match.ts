import { DEFAULT_FIELDS, fieldTable } from './fields.js';
import type { FieldDefinition, FilterNode, ItemNode, UserRecord } from './types.js';

/** Values of the fields a filter uses, already folded, `undefined` when absent or empty. */
type Values = (string | undefined)[];
type Test = (values: Values) => boolean;

/** Locale-independent case fold (same on both sides of every comparison). */
function foldText(s: string): string {
  return s.toLowerCase();
}

/**
 * Phone numbers compare ignoring spaces, `-`, `.`, `(`, `)` (like LDAP's
 * telephoneNumberMatch), and case-insensitively for any letters.
 */
function foldPhone(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 45 || c === 46 || c === 40 || c === 41) {
      out += s.slice(from, i);
      from = i + 1;
    }
  }
  return (from === 0 ? s : out + s.slice(from)).toLowerCase();
}

function itemTest(node: ItemNode, index: number, fold: (s: string) => string): Test {
  if (node.type === 'present') return (v) => v[index] !== undefined;
  if (node.type === 'equality') {
    const want = fold(node.value);
    return (v) => v[index] === want;
  }
  const initial = node.initial ? fold(node.initial) : '';
  const final = node.final ? fold(node.final) : '';
  const any = node.any.map(fold);
  const minLength = initial.length + final.length;
  if (any.length === 0) {
    if (!final) return (v) => v[index]?.startsWith(initial) === true;
    if (!initial) return (v) => v[index]?.endsWith(final) === true;
    return (v) => {
      const s = v[index];
      return s !== undefined && s.length >= minLength && s.startsWith(initial) && s.endsWith(final);
    };
  }
  if (any.length === 1 && !initial && !final) {
    const part = any[0] as string;
    return (v) => v[index]?.includes(part) === true;
  }
  return (v) => {
    const s = v[index];
    if (s === undefined || !s.startsWith(initial)) return false;
    let at = initial.length;
    for (const part of any) {
      const found = s.indexOf(part, at);
      if (found < 0) return false;
      at = found + part.length;
    }
    return s.length - final.length >= at && s.endsWith(final);
  };
}

/** Trees deeper than this are evaluated by an explicit-stack interpreter instead of closures. */
const CLOSURE_DEPTH = 500;

/**
 * Compiles a filter into a predicate over user records (DESIGN.md §6 semantics):
 * case-insensitive; substring parts in order without overlap; presence = non-empty value;
 * phone fields ignore spaces, `-`, `.`, `(`, `)`; an absent field makes an item false.
 * Each record's used fields are folded once, then every clause is a plain string test.
 */
export function compileFilter(
  node: FilterNode,
  options?: { fields?: readonly FieldDefinition[] },
): (record: UserRecord) => boolean {
  const table = fieldTable(options?.fields ?? DEFAULT_FIELDS);
  const names: string[] = [];
  const folds: ((s: string) => string)[] = [];
  const indexOf = new Map<string, number>();
  const tests = new Map<FilterNode, Test>();

  // Post-order walk with an explicit stack: items first, then their sets.
  const order: FilterNode[] = [];
  const walk: FilterNode[] = [node];
  const depth: number[] = [1];
  let maxDepth = 0;
  while (walk.length > 0) {
    const n = walk.pop() as FilterNode;
    const d = depth.pop() as number;
    if (d > maxDepth) maxDepth = d;
    order.push(n);
    if (n.type === 'not') {
      walk.push(n.child);
      depth.push(d + 1);
    } else if (n.type === 'and' || n.type === 'or') {
      for (const c of n.children) {
        walk.push(c);
        depth.push(d + 1);
      }
    } else {
      let index = indexOf.get(n.field);
      if (index === undefined) {
        index = names.length;
        indexOf.set(n.field, index);
        names.push(n.field);
        const def = table.get(n.field) ?? table.get(n.field.toLowerCase());
        folds.push(def?.compare === 'phone' ? foldPhone : foldText);
      }
      tests.set(n, itemTest(n, index, folds[index] as (s: string) => string));
    }
  }

  let test: Test;
  if (maxDepth <= CLOSURE_DEPTH) {
    for (let i = order.length - 1; i >= 0; i--) {
      const n = order[i] as FilterNode;
      if (n.type === 'not') {
        const child = tests.get(n.child) as Test;
        tests.set(n, (v) => !child(v));
      } else if (n.type === 'and' || n.type === 'or') {
        const kids = n.children.map((c) => tests.get(c) as Test);
        const [a, b] = kids as [Test, Test];
        let t: Test;
        if (n.type === 'and') {
          t =
            kids.length === 1
              ? a
              : kids.length === 2
                ? (v) => a(v) && b(v)
                : (v) => {
                    for (const k of kids) if (!k(v)) return false;
                    return true;
                  };
        } else {
          t =
            kids.length === 1
              ? a
              : kids.length === 2
                ? (v) => a(v) || b(v)
                : (v) => {
                    for (const k of kids) if (k(v)) return true;
                    return false;
                  };
        }
        tests.set(n, t);
      }
    }
    test = tests.get(node) as Test;
  } else {
    test = (v) => evaluateDeep(node, tests, v);
  }

  const count = names.length;
  return (record) => {
    const values: Values = new Array<string | undefined>(count);
    for (let i = 0; i < count; i++) {
      const raw = record[names[i] as string];
      values[i] =
        typeof raw === 'string'
          ? raw === ''
            ? undefined
            : (folds[i] as (s: string) => string)(raw)
          : raw === null || raw === undefined
            ? undefined
            : (folds[i] as (s: string) => string)(String(raw)) || undefined;
    }
    return test(values);
  };
}

/** Explicit-stack evaluation with short-circuiting, for trees of any depth. */
function evaluateDeep(root: FilterNode, tests: Map<FilterNode, Test>, values: Values): boolean {
  const nodes: FilterNode[] = [root];
  const next: number[] = [0];
  let result = false;
  let returning = false;
  while (nodes.length > 0) {
    const top = nodes.length - 1;
    const n = nodes[top] as FilterNode;
    if (!returning) {
      if (n.type === 'not') {
        nodes.push(n.child);
        next.push(0);
      } else if (n.type === 'and' || n.type === 'or') {
        if (n.children.length === 0) {
          result = n.type === 'and';
          returning = true;
          nodes.pop();
          next.pop();
        } else {
          next[top] = 1;
          nodes.push(n.children[0] as FilterNode);
          next.push(0);
        }
      } else {
        result = (tests.get(n) as Test)(values);
        returning = true;
        nodes.pop();
        next.pop();
      }
      continue;
    }
    // `result` is the value of one child of n.
    if (n.type === 'not') {
      result = !result;
    } else if (n.type === 'and' || n.type === 'or') {
      const i = next[top] as number;
      if (result === (n.type === 'and') && i < n.children.length) {
        next[top] = i + 1;
        nodes.push(n.children[i] as FilterNode);
        next.push(0);
        returning = false;
        continue;
      }
    }
    nodes.pop();
    next.pop();
  }
  return result;
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
  if (options?.fields) return compileFilter(node, options)(record);
  let fn = compiled.get(node);
  if (!fn) {
    fn = compileFilter(node);
    compiled.set(node, fn);
  }
  return fn(record);
}
