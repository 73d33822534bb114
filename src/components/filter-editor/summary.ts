import { msg, str } from '@lit/localize';
import type { FieldDefinition, FilterNode, SubstringNode } from '../../filter/index.js';
import { fieldNoun } from './field-noun.js';

type Fields = readonly FieldDefinition[] | undefined;

/**
 * A plain-language, localized sentence for a filter:
 * `(&(department=Sales)(location=NYC)(!(department=Temp)))` →
 * "Users whose department is Sales and whose location is NYC, except those whose
 * department is Temp". `undefined` (no filter) → "All users". A host's fields (`fields`)
 * are named by their `noun` or `label` (see FieldDefinition).
 */
export function summarizeFilter(node: FilterNode | undefined, fields?: Fields): string {
  if (!node) return msg('All users', { id: 'filter-editor.summary.all' });
  const { positive, negative } = splitTop(node);
  const except = negative.map((n) => clause(n, fields)).join(orJoiner());
  if (positive.length === 0) {
    return msg(str`All users except those ${except}`, { id: 'filter-editor.summary.all-except' });
  }
  const main =
    node.type === 'or'
      ? positive.map((n) => clause(n, fields)).join(orJoiner())
      : positive.map((n) => clause(n, fields)).join(andJoiner());
  if (negative.length === 0) {
    return msg(str`Users ${main}`, { id: 'filter-editor.summary.users' });
  }
  return msg(str`Users ${main}, except those ${except}`, {
    id: 'filter-editor.summary.users-except',
  });
}

/** The top level of an AND (or a lone item) split into kept and excluded conditions. */
function splitTop(node: FilterNode): {
  positive: readonly FilterNode[];
  negative: readonly FilterNode[];
} {
  if (node.type === 'not') return { positive: [], negative: [node.child] };
  if (node.type === 'and') {
    const positive: FilterNode[] = [];
    const negative: FilterNode[] = [];
    for (const child of node.children) {
      if (child.type === 'not') negative.push(child.child);
      else positive.push(child);
    }
    return { positive, negative };
  }
  if (node.type === 'or') return { positive: node.children, negative: [] };
  return { positive: [node], negative: [] };
}

function andJoiner(): string {
  return msg(' and ', { id: 'filter-editor.summary.and' });
}
function orJoiner(): string {
  return msg(' or ', { id: 'filter-editor.summary.or' });
}

function substringPattern(node: SubstringNode): string {
  return shown([node.initial ?? '', ...node.any, node.final ?? ''].join('*'));
}

/**
 * A value as the sentence shows it: in quotes when a space starts or ends it (or it is all
 * spaces), which the sentence would otherwise hide ("whose email is" and nothing after it).
 */
const shown = (value: string): string => (/^\s|\s$/u.test(value) ? `"${value}"` : value);

/** A relative clause: "whose department is Sales", "whose email has a value". */
function clause(node: FilterNode, fields: Fields): string {
  switch (node.type) {
    case 'equality': {
      const field = fieldNoun(node.field, fields);
      const value = shown(node.value);
      return msg(str`whose ${field} is ${value}`, { id: 'filter-editor.summary.is' });
    }
    case 'present': {
      const field = fieldNoun(node.field, fields);
      return msg(str`whose ${field} has a value`, { id: 'filter-editor.summary.present' });
    }
    case 'substring': {
      const field = fieldNoun(node.field, fields);
      const { initial, any, final } = node;
      if (initial !== undefined && any.length === 0 && final === undefined) {
        return msg(str`whose ${field} starts with ${shown(initial)}`, {
          id: 'filter-editor.summary.starts',
        });
      }
      if (initial === undefined && any.length === 0 && final !== undefined) {
        return msg(str`whose ${field} ends with ${shown(final)}`, {
          id: 'filter-editor.summary.ends',
        });
      }
      if (initial === undefined && any.length === 1 && final === undefined) {
        const part = shown(any[0] ?? '');
        return msg(str`whose ${field} contains ${part}`, { id: 'filter-editor.summary.contains' });
      }
      const pattern = substringPattern(node);
      return msg(str`whose ${field} matches ${pattern}`, { id: 'filter-editor.summary.matches' });
    }
    case 'not':
      return negatedClause(node.child, fields);
    case 'and': {
      const inner = node.children.map((c) => clause(c, fields)).join(andJoiner());
      return node.children.length > 1 ? `(${inner})` : inner;
    }
    case 'or': {
      const inner = node.children.map((c) => clause(c, fields)).join(orJoiner());
      return node.children.length > 1 ? `(${inner})` : inner;
    }
  }
}

function negatedClause(node: FilterNode, fields: Fields): string {
  switch (node.type) {
    case 'equality': {
      const field = fieldNoun(node.field, fields);
      const value = shown(node.value);
      return msg(str`whose ${field} is not ${value}`, { id: 'filter-editor.summary.is-not' });
    }
    case 'present': {
      const field = fieldNoun(node.field, fields);
      return msg(str`whose ${field} is empty`, { id: 'filter-editor.summary.not-present' });
    }
    case 'substring': {
      const field = fieldNoun(node.field, fields);
      const { initial, any, final } = node;
      if (initial !== undefined && any.length === 0 && final === undefined) {
        return msg(str`whose ${field} does not start with ${shown(initial)}`, {
          id: 'filter-editor.summary.not-starts',
        });
      }
      if (initial === undefined && any.length === 0 && final !== undefined) {
        return msg(str`whose ${field} does not end with ${shown(final)}`, {
          id: 'filter-editor.summary.not-ends',
        });
      }
      if (initial === undefined && any.length === 1 && final === undefined) {
        const part = shown(any[0] ?? '');
        return msg(str`whose ${field} does not contain ${part}`, {
          id: 'filter-editor.summary.not-contains',
        });
      }
      const pattern = substringPattern(node);
      return msg(str`whose ${field} does not match ${pattern}`, {
        id: 'filter-editor.summary.not-matches',
      });
    }
    case 'not':
      return clause(node.child, fields);
    default: {
      const inner = clause(node, fields);
      return msg(str`not ${inner}`, { id: 'filter-editor.summary.not' });
    }
  }
}
