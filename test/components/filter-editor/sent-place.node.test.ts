import { describe, expect, it } from 'vitest';
import { placeInText } from '../../../src/components/filter-editor/sent-place.js';
import { formatFilter, parseFilter } from '../../../src/filter/index.js';

/** The place of `clause` in the canonical text of `text` (what the dialog sends). */
function sentPlace(text: string, clause: string) {
  const r = parseFilter(text);
  if (!r.ok) throw new Error(r.error.message);
  const canonical = formatFilter(r.filter);
  const offset = canonical.indexOf(clause);
  if (offset < 0) throw new Error(`${clause} is not in ${canonical}`);
  return { offset, length: clause.length };
}

describe('placeInText: a place in the sent (canonical) text, in the admin’s own text', () => {
  it('is the same place when the text is canonical', () => {
    const text = '(&(department=Sales)(location=NYC))';
    expect(placeInText(text, { offset: 21, length: 14 }, {})).toEqual({ offset: 21, length: 14 });
  });

  it('is the component holding it when the admin wrote spaces, lines and other cases', () => {
    const text = '(&\n  (Department=Sales)\n  (|(location=NYC) (LOCATION=Rome))\n)';
    const place = placeInText(text, sentPlace(text, '(location=Rome)'), {});
    expect(text.slice(place!.offset, place!.offset + place!.length)).toBe('(LOCATION=Rome)');
    const first = placeInText(text, sentPlace(text, 'department=Sales'), {});
    expect(text.slice(first!.offset, first!.offset + first!.length)).toBe('(Department=Sales)');
  });

  it('goes through a NOT to its filter, and stops at a set when the place is its own', () => {
    const text = '(& (!(department=Temp)) (email=*@x.com))';
    const inner = placeInText(text, sentPlace(text, 'Temp'), {});
    expect(text.slice(inner!.offset, inner!.offset + inner!.length)).toBe('(department=Temp)');
    // The `&` of the set itself: the whole filter.
    expect(placeInText(text, { offset: 1, length: 1 }, {})).toEqual({
      offset: 0,
      length: text.length,
    });
  });

  it('is undefined when the text does not parse', () => {
    expect(placeInText('(department=', { offset: 0, length: 1 }, {})).toBeUndefined();
  });
});
