/**
 * Where a node or a token sits in the source text (UTF-16 code units). Nodes carry it as
 * `span` only when parsed with `{ spans: true }`; otherwise they have no `span` key.
 */
export interface Span {
  offset: number;
  length: number;
}

export interface AndNode {
  readonly type: 'and';
  readonly children: readonly FilterNode[];
  readonly span?: Span;
}
export interface OrNode {
  readonly type: 'or';
  readonly children: readonly FilterNode[];
  readonly span?: Span;
}
export interface NotNode {
  readonly type: 'not';
  readonly child: FilterNode;
  readonly span?: Span;
}
export interface EqualityNode {
  readonly type: 'equality';
  /** Canonical field name. */
  readonly field: string;
  /** Decoded value (escapes resolved), never empty. */
  readonly value: string;
  readonly span?: Span;
}
export interface PresentNode {
  readonly type: 'present';
  readonly field: string;
  readonly span?: Span;
}
export interface SubstringNode {
  readonly type: 'substring';
  readonly field: string;
  /** Text before the first `*` (absent when the value starts with `*`). */
  readonly initial?: string;
  /** Non-empty parts between `*`s, in order. */
  readonly any: readonly string[];
  /** Text after the last `*` (absent when the value ends with `*`). */
  readonly final?: string;
  readonly span?: Span;
}

/**
 * A parsed filter. Nodes are values: to change a filter, build a new node (matchesFilter
 * remembers a node's compiled form by the object, so a node edited in place would be
 * matched as it was).
 */
export type FilterNode = AndNode | OrNode | NotNode | EqualityNode | PresentNode | SubstringNode;
export type ItemNode = EqualityNode | PresentNode | SubstringNode;

/** What Microsoft Graph supports for a property: by default, only with advanced query headers, or not at all. */
export type GraphSupport = 'default' | 'advanced' | 'none';

export interface GraphFieldDefinition {
  /** Graph user property, e.g. `mail`, `city`, `businessPhones`. */
  property: string;
  /** True for a string collection (`businessPhones`): filtered with `any()`. */
  collection?: boolean;
  eq: GraphSupport;
  startsWith: GraphSupport;
  endsWith: GraphSupport;
  ne: GraphSupport;
  /** `ne null`. */
  presence: GraphSupport;
}

export interface FieldDefinition {
  /**
   * Canonical name, as written back by formatFilter. Matched case-insensitively. As LDAP
   * attribute names are (RFC 4512 `descr` or an OID): ASCII letters, digits, `-` and `.`,
   * starting with a letter or digit; a field named otherwise is left out.
   */
  name: string;
  /** i18n key for the field's label. */
  labelKey: string;
  /**
   * The field's visible label, in the page's language (`Job title`): the builder's field
   * list, the help and the suggestions show it. The five default fields have translated
   * labels of their own; another field without one shows its name.
   */
  label?: string;
  /**
   * The field inside a sentence (`job title`: the summary's "users whose job title is
   * Engineer"). Default: `label`, else the default fields' translated nouns, else the name.
   */
  noun?: string;
  /** How the field maps to Graph; absent = never filtered server-side. */
  graph?: GraphFieldDefinition;
  /** `phone` compares ignoring spaces, hyphens, `.`, `(`, `)` (any Unicode space or hyphen). Default `text`. */
  compare?: 'text' | 'phone';
}

export interface ParseOptions {
  fields?: readonly FieldDefinition[];
  /** Maximum text length in UTF-16 code units (default 8192). */
  maxLength?: number;
  /** Maximum nesting of `&`, `|`, `!` (default 32). */
  maxDepth?: number;
  /**
   * Record where each node sits in the text, as `span` (default false: parsing is faster
   * and the tree smaller; turn it on to point into the text, as an editor does).
   */
  spans?: boolean;
}

export type FilterErrorCode =
  | 'empty'
  | 'too-long'
  | 'too-deep'
  | 'raw-nul'
  | 'lone-surrogate'
  | 'missing-parentheses'
  | 'leading-text'
  | 'unclosed-paren'
  | 'unmatched-close-paren'
  | 'multiple-filters'
  | 'trailing-text'
  | 'connector-word'
  | 'empty-parens'
  | 'unexpected-open-paren'
  | 'whitespace-after-paren'
  | 'operand-needs-parentheses'
  | 'invisible-character'
  | 'empty-and'
  | 'empty-or'
  | 'not-without-filter'
  | 'not-with-several'
  | 'missing-field'
  | 'missing-operator'
  | 'whitespace-in-field'
  | 'whitespace-before-equals'
  | 'invalid-field-character'
  | 'unknown-field'
  | 'unknown-field-no-suggestion'
  | 'unsupported-oid'
  | 'unsupported-attribute-option'
  | 'unsupported-extensible'
  | 'unsupported-approx'
  | 'unsupported-greater-or-equal'
  | 'unsupported-less-or-equal'
  | 'unsupported-not-equals'
  | 'empty-value'
  | 'empty-substring-part'
  | 'unescaped-paren-in-value'
  | 'invalid-escape'
  | 'truncated-escape'
  | 'invalid-utf8'
  | 'internal';

export type FilterWarningCode =
  | 'value-leading-whitespace'
  | 'value-trailing-whitespace'
  | 'value-starts-with-equals'
  | 'value-contains-connector';

export interface FilterProblem<C extends string> {
  /** Stable message key. */
  code: C;
  /** English text: what is wrong and how to fix it. */
  message: string;
  /** Start of the place to underline, in UTF-16 code units, within [0, text.length]. */
  offset: number;
  length: number;
  /**
   * Values a translation needs (`field`, `suggestion`, `position` (1-based), …). `missing: '='`
   * on an unknown field: a name alone, with no = after it (`(Sales)`, a value without its field).
   */
  params: Record<string, string | number>;
}

export type FilterError = FilterProblem<FilterErrorCode>;
export type FilterWarning = FilterProblem<FilterWarningCode>;

export type ParseResult =
  { ok: true; filter: FilterNode; warnings: FilterWarning[] } | { ok: false; error: FilterError };

/**
 * A user as the matcher sees it; hosts may add fields of their own by name. A value is a
 * string (numbers and other values count as their text); a list counts by its first value;
 * null, undefined, '' and functions are absent.
 */
export interface UserRecord {
  email?: string | null;
  department?: string | null;
  officeLocation?: string | null;
  location?: string | null;
  phoneNumber?: string | null;
  [field: string]: unknown;
}
