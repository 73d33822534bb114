// The preview's count is the matcher's count over the same directory, whether Graph
// filtered exactly or the browser applied a residual; exact queries are never refused.
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startGraph, type RunningGraph } from '../../demo/server/graph/app.js';
import { generateDirectory } from '../../demo/server/graph/directory.js';
import {
  formatFilter,
  graphUserToRecord,
  matchesFilter,
  toGraphQuery,
  type FilterNode,
} from '../../src/filter/index.js';
import { previewMatchingUsers } from '../../src/graph/index.js';

let graph: RunningGraph;

beforeAll(async () => {
  graph = await startGraph({ users: generateDirectory({ count: 5_000, seed: 11 }) });
});
afterAll(() => graph.close());

const FIELDS = ['email', 'department', 'officeLocation', 'location', 'phoneNumber'] as const;
type Field = (typeof FIELDS)[number];

/** Values that occur in the directory for each field (so filters match something), plus odd ones. */
function valuesOf(field: Field): string[] {
  const records = graph.users.slice(0, 400).map((u) => graphUserToRecord(u));
  const seen = new Set<string>();
  for (const r of records) {
    const v = r[field];
    if (typeof v === 'string' && v) seen.add(v);
  }
  return [...seen].slice(0, 40);
}

const values = {} as Record<Field, string[]>;

const oddValue = fc.constantFrom(
  "O'Brien",
  'R&D',
  'a b',
  '(A)',
  'Sales ',
  "''",
  '+1',
  '555',
  'ü',
  'x%y#z+',
);

function valueFor(field: Field): fc.Arbitrary<string> {
  const real = fc.constantFrom(...values[field]);
  const variant = real.chain((v) =>
    fc.constantFrom(
      v,
      v.toUpperCase(),
      v.toLowerCase(),
      v.replace(/[\s().-]/g, ''), // phone written without separators
    ),
  );
  return fc
    .oneof({ weight: 5, arbitrary: variant }, { weight: 1, arbitrary: oddValue })
    .filter((s) => s.length > 0);
}

/** A non-empty piece of a real value (for substrings). */
function pieceFor(field: Field): fc.Arbitrary<string> {
  return fc
    .tuple(valueFor(field), fc.nat(), fc.nat())
    .map(([v, a, b]) => {
      const start = a % v.length;
      const end = start + 1 + (b % Math.min(6, v.length - start));
      return v.slice(start, end);
    })
    .filter((s) => s.length > 0);
}

function leaf(): fc.Arbitrary<FilterNode> {
  return fc.constantFrom(...FIELDS).chain((field) =>
    fc.oneof(
      {
        weight: 4,
        arbitrary: valueFor(field).map((value): FilterNode => ({ type: 'equality', field, value })),
      },
      { weight: 1, arbitrary: fc.constant<FilterNode>({ type: 'present', field }) },
      {
        weight: 3,
        arbitrary: fc
          .record({
            initial: fc.option(pieceFor(field), { nil: undefined }),
            any: fc.array(pieceFor(field), { maxLength: 2 }),
            final: fc.option(pieceFor(field), { nil: undefined }),
          })
          .filter((s) => s.initial !== undefined || s.any.length > 0 || s.final !== undefined)
          .map((s): FilterNode => {
            return {
              type: 'substring',
              field,
              any: s.any,
              ...(s.initial !== undefined && { initial: s.initial }),
              ...(s.final !== undefined && { final: s.final }),
            };
          }),
      },
    ),
  );
}

const filterArb: fc.Arbitrary<FilterNode> = fc.letrec<{ node: FilterNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 3, arbitrary: leaf() },
    {
      weight: 1,
      arbitrary: fc
        .array(tie('node'), { minLength: 1, maxLength: 3 })
        .map((children): FilterNode => ({ type: 'and', children })),
    },
    {
      weight: 1,
      arbitrary: fc
        .array(tie('node'), { minLength: 1, maxLength: 3 })
        .map((children): FilterNode => ({ type: 'or', children })),
    },
    { weight: 1, arbitrary: tie('node').map((child): FilterNode => ({ type: 'not', child })) },
  ),
})).node;

it('preview count = matchesFilter count over the directory, exact or not; exact queries are accepted', async () => {
  for (const field of FIELDS) values[field] = valuesOf(field);
  const records = graph.users.map((u) => graphUserToRecord(u));
  let exactRuns = 0;
  let residualRuns = 0;
  await fc.assert(
    fc.asyncProperty(filterArb, async (filter) => {
      graph.control.requests.length = 0;
      const truth = records.filter((r) => matchesFilter(filter, r)).length;
      const result = await previewMatchingUsers({
        filter,
        getAccessToken: () => 'token',
        baseUrl: graph.baseUrl,
        sampleSize: 5,
      });
      const label = `${formatFilter(filter)} → ${toGraphQuery(filter).filter ?? '(no server filter)'}`;
      expect(result.count, label).toBe(truth);
      expect(result.exact, label).toBe(toGraphQuery(filter).exact);
      expect(
        graph.control.requests.every((r) => r.status === 200),
        label,
      ).toBe(true);
      if (result.exact) {
        exactRuns++;
        expect(graph.control.requests, label).toHaveLength(1);
      } else residualRuns++;
      expect(result.samples.length).toBe(Math.min(5, truth));
      for (const s of result.samples) {
        const record = {
          email: s.email,
          department: s.department,
          officeLocation: s.officeLocation,
          location: s.city,
          phoneNumber: s.phone,
        };
        expect(matchesFilter(filter, record), label).toBe(true);
      }
    }),
    { numRuns: 200, seed: 20260601, endOnFailure: true },
  );
  expect(exactRuns).toBeGreaterThan(25);
  expect(residualRuns).toBeGreaterThan(25);
}, 120_000);
