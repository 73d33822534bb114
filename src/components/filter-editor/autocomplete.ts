import type { FieldDefinition } from '../../filter/index.js';
import { tokenizeFilter } from '../../filter/tokenize.js';

export interface Suggestion {
  kind: 'field' | 'operator' | 'equals';
  /** Text inserted in place of [from, to). */
  insert: string;
  from: number;
  to: number;
  /** For fields: the field's name; for operators: `&`, `|`, `!`, `=`. */
  key: string;
}

/**
 * What to offer at a caret: after `(` the fields and `&`, `|`, `!`; while typing a
 * field name the fields that start with it (accepting one adds `=` unless it follows);
 * right after a complete field name typed by hand, `=`.
 * Nothing inside values.
 */
export function suggestionsAt(
  text: string,
  caret: number,
  fields: readonly FieldDefinition[],
): Suggestion[] {
  const tokens = tokenizeFilter(text.slice(0, caret));
  const last = tokens[tokens.length - 1];
  if (!last) return [];
  const after = text[caret];
  if (last.kind === 'paren' && text[last.offset] === '(') {
    // Only when the paren opens a component (not when it's a stray one in a value).
    const ops: Suggestion[] =
      after === undefined || after === '\n' || after === ' ' || after === ')' || after === '('
        ? (['&', '|', '!'] as const).map((op) => ({
            kind: 'operator',
            insert: op,
            from: caret,
            to: caret,
            key: op,
          }))
        : [];
    // A name already after the caret (a `(` typed in front of `department=Sales`) is
    // replaced, as mid-word, not pushed along: `(email=Sales`, never `(email=department=Sales`.
    const end = nameEnd(text, caret);
    return [
      ...fields.map((f): Suggestion => ({
        kind: 'field',
        insert: text[end] === '=' ? f.name : `${f.name}=`,
        from: caret,
        to: end,
        key: f.name,
      })),
      ...ops,
    ];
  }
  if (last.kind === 'field' && last.offset + last.length === caret) {
    // Extend over the rest of the name after the caret, so accepting replaces it.
    const end = nameEnd(text, caret);
    const prefix = text.slice(last.offset, caret).toLowerCase();
    const whole = text.slice(last.offset, end).toLowerCase();
    const exact = fields.find((f) => f.name.toLowerCase() === whole);
    const out: Suggestion[] = [];
    for (const f of fields) {
      if (f === exact) continue;
      if (f.name.toLowerCase().startsWith(prefix)) {
        const insert = text[end] === '=' ? f.name : `${f.name}=`;
        out.push({ kind: 'field', insert, from: last.offset, to: end, key: f.name });
      }
    }
    if (exact && text[end] !== '=') {
      out.unshift({
        kind: 'equals',
        insert: `${exact.name}=`,
        from: last.offset,
        to: end,
        key: '=',
      });
    }
    return out;
  }
  return [];
}

/** Where the field name (or name-like run) starting at `from` ends. */
function nameEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length && /[A-Za-z0-9;.-]/.test(text[end] as string)) end += 1;
  return end;
}
