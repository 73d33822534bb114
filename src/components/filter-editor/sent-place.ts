import {
  DEFAULT_FIELDS,
  formatFilter,
  parseFilter,
  type FilterNode,
  type ParseOptions,
  type Span,
} from '../../filter/index.js';

/**
 * Where, in the admin's own text, is a place a backend reported in the canonical text it
 * was sent (`formatFilter`, which drops whitespace and fixes field-name case): the span of
 * the innermost component whose canonical text holds that place. The same range when the
 * text is already canonical; undefined when the text doesn't parse.
 */
export function placeInText(text: string, sent: Span, options: ParseOptions): Span | undefined {
  const r = parseFilter(text, { ...options, spans: true });
  if (!r.ok) return undefined;
  const format = (n: FilterNode) => formatFilter(n, { fields: options.fields ?? DEFAULT_FIELDS });
  if (format(r.filter) === text) return sent;
  let node = r.filter;
  let start = 0;
  // Down the tree (iteratively: any depth) to the child holding the place: a set's
  // children follow its `(&`, `(|` or `(!`.
  for (;;) {
    const children = node.type === 'not' ? [node.child] : 'children' in node ? node.children : [];
    let at = start + 2;
    const holder = children.find((child) => {
      const length = format(child).length;
      if (sent.offset >= at && sent.offset < at + length) return true;
      at += length;
      return false;
    });
    if (!holder) break;
    node = holder;
    start = at;
  }
  return node.span;
}
