// Issue 3: "every builder state yields valid canonical text" and "switching modes keeps the
// filter", for every state the builder's rows and groups can be in (fast-check), not only
// the ones the browser tests click through.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CONDITIONS,
  fromBuilder,
  needsValue,
  newGroup,
  toBuilder,
  type BuilderGroup,
  type BuilderItem,
  type BuilderRow,
} from '../../../src/components/filter-editor/builder-model.js';
import { filtersEqual, formatFilter, parseFilter } from '../../../src/filter/index.js';
import { FIELD_NAMES, anyValue } from '../../filter/arbitraries.js';

const RUNS = 5_000;
/** The builder offers groups four deep (MAX_BUILDER_DEPTH in filter-editor.ts). */
const DEPTH = 4;
/** The limit is its own check (the editor says "too long"); here, the text's shape. */
const NO_LIMIT = { maxLength: Infinity };

const rowArb: fc.Arbitrary<BuilderRow> = fc.record({
  kind: fc.constant('row' as const),
  id: fc.nat(),
  field: fc.constantFrom(...FIELD_NAMES),
  condition: fc.constantFrom(...CONDITIONS),
  // Rows the admin hasn't filled yet (''), and values with everything that needs escaping.
  value: fc.oneof(fc.constant(''), anyValue),
});

function groupArb(depth: number): fc.Arbitrary<BuilderGroup> {
  const item: fc.Arbitrary<BuilderItem> =
    depth < DEPTH ? fc.oneof({ weight: 3, arbitrary: rowArb }, groupArb(depth + 1)) : rowArb;
  return fc.record({
    kind: fc.constant('group' as const),
    id: fc.nat(),
    combinator: fc.constantFrom('and' as const, 'or' as const),
    items: fc.array(item, { maxLength: depth === 0 ? 5 : 3 }),
  });
}

const filled = (row: BuilderRow): boolean => !needsValue(row.condition) || row.value !== '';
/** Some row in the group, however deep, is filled in. */
const hasFilled = (g: BuilderGroup): boolean =>
  g.items.some((i) => (i.kind === 'row' ? filled(i) : hasFilled(i)));

/** Rows without a value, and nested groups with nothing filled in and no row of their own. */
function incompleteIds(group: BuilderGroup, root = true): number[] {
  const ids = group.items.flatMap((i) =>
    i.kind === 'row' ? (filled(i) ? [] : [i.id]) : incompleteIds(i, false),
  );
  if (!root && !hasFilled(group) && !group.items.some((i) => i.kind === 'row')) ids.push(group.id);
  return ids;
}

describe('the builder model: every state is a valid filter', () => {
  it('writes canonical text that parses back to the same filter (plain and pretty)', () => {
    fc.assert(
      fc.property(groupArb(0), (root) => {
        const { node } = fromBuilder(root);
        if (!node) return;
        const text = formatFilter(node);
        const parsed = parseFilter(text, NO_LIMIT);
        expect(parsed.ok, `${text}: ${parsed.ok ? '' : parsed.error.message}`).toBe(true);
        if (!parsed.ok) return;
        expect(filtersEqual(parsed.filter, node)).toBe(true);
        // Canonical: formatting what was read writes the same text again.
        expect(formatFilter(parsed.filter)).toBe(text);
        const pretty = parseFilter(formatFilter(node, { pretty: true }), NO_LIMIT);
        expect(pretty.ok && formatFilter(pretty.filter)).toBe(text);
      }),
      { numRuns: RUNS },
    );
  });

  it('leaves out exactly the rows without a value and the empty groups, and says which', () => {
    fc.assert(
      fc.property(groupArb(0), (root) => {
        const { node, incomplete } = fromBuilder(root);
        expect(incomplete.map((i) => i.id).sort()).toEqual(incompleteIds(root).sort());
        // Nothing filled in anywhere: no filter (all users), not an empty (&).
        expect(node !== undefined).toBe(hasFilled(root));
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps the filter when switching to text and back (what the builder writes, it can show)', () => {
    fc.assert(
      fc.property(groupArb(0), (root) => {
        const { node } = fromBuilder(root);
        if (!node) return;
        const parsed = parseFilter(formatFilter(node), NO_LIMIT);
        if (!parsed.ok) throw new Error(parsed.error.message);
        const back = toBuilder(parsed.filter);
        expect(back.ok).toBe(true);
        if (!back.ok) return;
        const again = fromBuilder(back.root);
        expect(again.incomplete).toEqual([]);
        expect(again.node && filtersEqual(again.node, node)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('writes a value exactly as typed, whatever it holds', () => {
    const row = (value: string): BuilderGroup =>
      newGroup('and', [{ kind: 'row', id: 1, field: 'department', condition: 'contains', value }]);
    const text = (value: string) => formatFilter(fromBuilder(row(value)).node!);
    expect(text('R*D (EU) \\ 50%')).toBe('(department=*R\\2aD \\28EU\\29 \\5c 50%*)');
    expect(text('a\0b')).toBe('(department=*a\\00b*)');
  });
});
