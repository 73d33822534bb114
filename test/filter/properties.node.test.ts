import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  escapeFilterValue,
  filtersEqual,
  formatFilter,
  matchesFilter,
  parseFilter,
  toGraphQuery,
  type FilterNode,
  type UserRecord,
} from '../../src/filter/index.js';
import { anyChar, anyValue, filterArb, recordArb, smallValue } from './arbitraries.js';

const RUNS = 10_000;
const big = { maxLength: 1e7, maxDepth: 1000 };

/** Straightforward reference semantics (README.md, "The filter language"), written independently of src/. */
function reference(node: FilterNode, record: UserRecord): boolean {
  switch (node.type) {
    case 'and':
      return node.children.every((c) => reference(c, record));
    case 'or':
      return node.children.some((c) => reference(c, record));
    case 'not':
      return !reference(node.child, record);
  }
  const raw = record[node.field];
  if (typeof raw !== 'string' || raw === '') return false;
  if (node.type === 'present') return true;
  // Upper then lower case, final sigma as sigma: the fold README's matching rules describe.
  const norm = (s: string): string =>
    (node.field === 'phoneNumber' ? s.replace(/[ \-.()]/g, '') : s)
      .toUpperCase()
      .toLowerCase()
      .replace(/ς/g, 'σ');
  const v = norm(raw);
  if (node.type === 'equality') return v === norm(node.value);
  const esc = (s: string): string => norm(s).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = [esc(node.initial ?? ''), ...node.any.map(esc), esc(node.final ?? '')].join(
    '.*?',
  );
  return new RegExp(`^${pattern}$`, 'su').test(v);
}

/** Checks that every quote in an OData filter opens, doubles or closes a string literal. */
function quotesBalanced(filter: string): boolean {
  let inside = false;
  for (let i = 0; i < filter.length; i++) {
    if (filter[i] !== "'") continue;
    if (!inside) {
      inside = true;
    } else if (filter[i + 1] === "'") {
      i++;
    } else {
      inside = false;
      // A literal ends at the end, before ) or , or before " and " / " or ".
      const rest = filter.slice(i + 1);
      if (rest && !/^(\)|,| and | or )/.test(rest)) return false;
    }
  }
  return !inside;
}

describe('properties (fast-check, 10,000 runs each)', () => {
  it('parse(format(x)) ≡ x, plain and pretty', () => {
    fc.assert(
      fc.property(filterArb(anyValue), (node) => {
        for (const pretty of [false, true]) {
          const text = formatFilter(node, { pretty });
          const r = parseFilter(text, big);
          if (!r.ok) throw new Error(`${text}: ${r.error.message}`);
          expect(filtersEqual(r.filter, node)).toBe(true);
          // The very same tree, strictly: no keys the generated one lacks (a `span`, say).
          // (A plain-object copy: fast-check's records may have a null prototype.)
          expect(r.filter).toStrictEqual(structuredClone(node));
          expect(formatFilter(r.filter, { pretty })).toBe(text);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('random strings never throw and errors point inside the text', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc
        .array(
          fc.constantFrom(
            '(',
            ')',
            '&',
            '|',
            '!',
            '=',
            '*',
            '\\',
            'c3',
            'email',
            'dept',
            ' ',
            '\n',
            '~',
            ':',
            ';',
            'a',
            '2a',
            '\0',
            '\uD800',
          ),
          { maxLength: 30 },
        )
        .map((a) => a.join('')),
    );
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 40 }), (s, max) => {
        for (const options of [undefined, { maxLength: max, maxDepth: 2 }]) {
          const r = parseFilter(s, options);
          const problems = r.ok ? r.warnings : [r.error];
          for (const p of problems) {
            expect(p.offset).toBeGreaterThanOrEqual(0);
            expect(p.length).toBeGreaterThanOrEqual(0);
            expect(p.offset + p.length).toBeLessThanOrEqual(s.length);
            expect(p.message.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('mutations of valid filters never throw and errors point inside the text', () => {
    const mutation = fc.record({
      at: fc.nat(),
      remove: fc.integer({ min: 0, max: 3 }),
      insert: fc.oneof(
        fc.constantFrom('', '(', ')', '*', '\\', ' ', '&', '!', '=', '\\c3', '~='),
        anyChar,
      ),
    });
    fc.assert(
      fc.property(
        filterArb(anyValue, 3),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        (node, ms) => {
          let s = formatFilter(node, { pretty: ms.length === 2 });
          for (const m of ms) {
            const at = m.at % (s.length + 1);
            s = s.slice(0, at) + m.insert + s.slice(at + m.remove);
          }
          const r = parseFilter(s);
          const p = r.ok ? undefined : r.error;
          if (p) {
            expect(p.offset).toBeGreaterThanOrEqual(0);
            expect(p.offset + p.length).toBeLessThanOrEqual(s.length);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('any Unicode value survives escape/unescape (minimal escapes and all-hex escapes)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anyValue,
          fc.string({ unit: 'binary', minLength: 1 }),
          fc.string({ unit: 'grapheme', minLength: 1 }),
        ),
        (value) => {
          const minimal = parseFilter(`(department=${escapeFilterValue(value)})`, big);
          expect(minimal.ok && minimal.filter).toEqual(
            expect.objectContaining({ type: 'equality', value }),
          );
          const hex = [...new TextEncoder().encode(value)]
            .map((b) => `\\${b.toString(16).padStart(2, '0')}`)
            .join('');
          const all = parseFilter(`(department=${hex.toUpperCase()})`, big);
          expect(all.ok && all.filter).toEqual(
            expect.objectContaining({ type: 'equality', value }),
          );
          expect(escapeFilterValue(value)).not.toMatch(/[*()\0]/);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('matchesFilter agrees with a reference evaluator on generated records', () => {
    fc.assert(
      fc.property(
        filterArb(smallValue),
        fc.array(recordArb, { minLength: 1, maxLength: 5 }),
        (node, records) => {
          for (const record of records) {
            expect(matchesFilter(node, record)).toBe(reference(node, record));
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('toGraphQuery output never contains an undoubled quote, and residual logic holds', () => {
    fc.assert(
      fc.property(
        filterArb(fc.oneof(anyValue, smallValue)),
        fc.array(recordArb, { maxLength: 3 }),
        (node, records) => {
          const q = toGraphQuery(node);
          if (q.filter !== undefined) expect(quotesBalanced(q.filter)).toBe(true);
          if (q.exact) {
            expect(q.filter).toBeDefined();
            expect(q.residual).toBeUndefined();
          } else {
            expect(q.residual).toBeDefined();
            // A record matching the whole filter always matches the residual.
            for (const r of records)
              if (matchesFilter(node, r))
                expect(matchesFilter(q.residual as FilterNode, r)).toBe(true);
          }
          if (q.filter === undefined) expect(q.residual).toBe(node);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
