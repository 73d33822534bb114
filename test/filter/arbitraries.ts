import fc from 'fast-check';
import type { FilterNode, UserRecord } from '../../src/filter/index.js';

export const FIELD_NAMES = ['email', 'department', 'officeLocation', 'location', 'phoneNumber'];

/** Any Unicode text, with the characters that need escaping and whitespace mixed in. */
export const anyChar = fc.oneof(
  fc.constantFrom('*', '(', ')', '\\', '\0', ' ', '\n', '\t', '=', "'", 'é', 'ß', '😀', 'İ'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);
export const anyValue = fc.array(anyChar, { minLength: 1, maxLength: 12 }).map((a) => a.join(''));

/** Values from a small alphabet, so generated records often match generated filters. */
export const smallChar = fc.constantFrom(
  'a',
  'B',
  's',
  'S',
  'é',
  'É',
  '1',
  '5',
  '-',
  ' ',
  '.',
  '(',
  ')',
  '*',
  "'",
);
export const smallValue = fc
  .array(smallChar, { minLength: 1, maxLength: 4 })
  .map((a) => a.join(''));

export function filterArb(value: fc.Arbitrary<string>, maxDepth = 4): fc.Arbitrary<FilterNode> {
  const field = fc.constantFrom(...FIELD_NAMES);
  const item: fc.Arbitrary<FilterNode> = fc.oneof(
    fc.record({ type: fc.constant('equality' as const), field, value }),
    fc.record({ type: fc.constant('present' as const), field }),
    fc
      .record({
        field,
        initial: fc.option(value, { nil: undefined }),
        any: fc.array(value, { maxLength: 3 }),
        final: fc.option(value, { nil: undefined }),
      })
      .map(({ field: f, initial, any, final }): FilterNode => {
        // A substring needs at least one part, or it would be presence.
        const parts =
          initial === undefined && final === undefined && any.length === 0 ? ['x'] : any;
        return {
          type: 'substring',
          field: f,
          any: parts,
          ...(initial !== undefined && { initial }),
          ...(final !== undefined && { final }),
        };
      }),
  );
  const { tree } = fc.letrec<{ tree: FilterNode }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', maxDepth, withCrossShrink: true },
      item,
      fc.record({
        type: fc.constant('and' as const),
        children: fc.array(tie('tree'), { minLength: 1, maxLength: 4 }),
      }),
      fc.record({
        type: fc.constant('or' as const),
        children: fc.array(tie('tree'), { minLength: 1, maxLength: 4 }),
      }),
      fc.record({ type: fc.constant('not' as const), child: tie('tree') }),
    ),
  }));
  return tree;
}

export const recordArb: fc.Arbitrary<UserRecord> = fc.record(
  {
    email: fc.option(fc.oneof(smallValue, fc.constant('')), { nil: null }),
    department: fc.option(fc.oneof(smallValue, fc.constant('')), { nil: null }),
    officeLocation: fc.option(smallValue, { nil: null }),
    location: fc.option(smallValue, { nil: undefined }),
    phoneNumber: fc.option(smallValue, { nil: null }),
  },
  { requiredKeys: [] },
);
