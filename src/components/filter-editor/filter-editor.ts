import { warnPropertyAttributes } from '../../internal/property-attributes.js';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { classMap } from 'lit/directives/class-map.js';
import { repeat } from 'lit/directives/repeat.js';
import { localized, msg, str } from '@lit/localize';
import { FIELD_NAME } from '../../filter/fields.js';
import {
  DEFAULT_FIELDS,
  formatFilter,
  parseFilter,
  type FieldDefinition,
  type FilterError,
  type ParseOptions,
  type ParseResult,
  type Span,
} from '../../filter/index.js';
import { placeInText } from './sent-place.js';
import { filterEditorStyles } from './filter-editor.styles.js';
import { tokenizeFilter } from '../../filter/tokenize.js';
import { segmentTokens, type HighlightSegment } from './tokenizer.js';
import {
  fieldLabel,
  placed,
  placedMessage,
  problemMessage,
  quotedValueWarnings,
} from './messages.js';
import { summarizeFilter } from './summary.js';
import { suggestionsAt, type Suggestion } from './autocomplete.js';
import {
  CONDITIONS,
  findItem,
  fromBuilder,
  needsValue,
  newGroup,
  newRow,
  toBuilder,
  type BuilderGroup,
  type BuilderItem,
  type BuilderRow,
  type Condition,
  type Incomplete,
  type Unrepresentable,
} from './builder-model.js';
import { UcxFilterChangeEvent, type UcxFilterChangeDetail } from './filter-change-event.js';
import { LangController } from '../../internal/lang-controller.js';

export type FilterEditorMode = 'text' | 'builder';

/** Incomplete builder items by id, for marking them and for naming what a switch drops. */
function byId(items: readonly Incomplete[]): Map<number, Incomplete['kind']> {
  return new Map(items.map((i) => [i.id, i.kind]));
}

/** The editor's default length limit, the engine's own (`parseFilter`'s `maxLength`). */
export const DEFAULT_MAX_LENGTH = 8192;

/** The seed's examples, offered in the help and insertable with a click. */
export const FILTER_EXAMPLES: readonly string[] = [
  '(department=Sales)',
  '(email=*@company.com)',
  '(phoneNumber=+1555456*)',
  '(&(department=Sales)(location=NYC))',
  '(|(department=Sales)(department=Marketing))',
  '(!(department=Temp))',
];

/**
 * The examples' plain-language meanings, made once per language: the help renders on every
 * keystroke, and parsing and summarizing the same six filters each time was wasted. Keyed
 * by a translated sentence, so whatever sets the runtime's locale (this package or the host),
 * a new language makes new meanings.
 */
let exampleCache: { key: string; meanings: string[] } | undefined;
function exampleMeanings(): string[] {
  const key = summarizeFilter(undefined);
  if (exampleCache?.key !== key) {
    exampleCache = {
      key,
      meanings: FILTER_EXAMPLES.map((ex) => {
        const parsed = parseFilter(ex, { fields: DEFAULT_FIELDS });
        return summarizeFilter(parsed.ok ? parsed.filter : undefined);
      }),
    };
  }
  return exampleCache.meanings;
}

/** Host field names already said to be unusable (see #fields). */
const warnedFields = new Set<string>();

/** Deepest nesting of groups the builder offers ("Add group" disappears below it). */
const MAX_BUILDER_DEPTH = 4;

/** Keys that only modify another: they don't end an offer to type over an `=`. */
const MODIFIER_KEYS = ['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock'];

/** The builder's conditions and nested groups, each numbered in reading order (by id). */
interface Numbers {
  rows: Map<number, number>;
  groups: Map<number, number>;
}

/**
 * An editor for LDAP (RFC 4515) data-source filters: a highlighted text field with live
 * validation, autocomplete, Format and help, or a builder of conditions grouped with AND / OR,
 * with a plain-language summary of what the filter selects. Form-associated: inside a
 * `<form>` it submits its text under `name`, takes part in validation (an invalid filter
 * blocks submission; an empty one is valid and means "all users"; a `readonly` or disabled
 * editor is left out of validation, as a native field is) and resets with the form.
 * A page's `<label for>` naming its id, or a `<label>` around it, labels it as a native
 * control: its text names the filter field, and a click on it focuses the field.
 *
 * The submitted form value is the text as typed (so nothing the admin wrote is rewritten);
 * `canonicalValue` gives the canonical form (`formatFilter`) a backend should store.
 *
 * Light or dark follows the element's `color-scheme` (the operating system's choice by
 * default; set `color-scheme: light` or `dark` on the element to decide).
 *
 * @tag ucx-filter-editor
 * @summary LDAP filter editor (text with highlighting, or builder) with validation and summary.
 *
 * @attr lang - UI language, page-wide (falls back to the closest [lang], the page's, the browser's).
 *
 * @fires {Event} input - When the filter changes by the admin's action (typing, autocomplete, Format, examples, builder).
 * @fires {Event} change - When a change is committed (the field loses focus after typing, a builder control or button changes it, Format, an example). A mode switch alone changes nothing: the text is rewritten only when the builder edits it.
 * @fires {UcxFilterChangeEvent} ucx-filter-change - `UcxFilterChangeEvent` with `{ value, valid, canonical?, error? }` on every admin change. Bubbles, composed.
 *
 * @csspart base - The wrapper of everything.
 * @csspart header - The row with the label and the mode switch.
 * @csspart label - The visible label.
 * @csspart hint - The help text under the label (linked with `aria-describedby`).
 * @csspart mode-switch - The Text / Builder radio group.
 * @csspart toolbar - The row of text-mode actions (Format).
 * @csspart format-button - The Format button.
 * @csspart field - The bordered box holding the textarea and its highlighted mirror.
 * @csspart textarea - The `<textarea>` (its text is transparent; the mirror shows it).
 * @csspart highlight - The highlighted mirror behind the textarea.
 * @csspart token - Every highlighted token; also `token-field`, `token-operator`, `token-value`, `token-escape`, `token-wildcard`, `token-paren`, `token-equals`, `token-whitespace`, `token-invalid`.
 * @csspart error-range - The token part(s) the current error points at (wavy underline).
 * @csspart autocomplete - The suggestions listbox.
 * @csspart autocomplete-option - One suggestion.
 * @csspart error - The error message ("Line 2, column 5: …").
 * @csspart warnings - The list of non-blocking warnings.
 * @csspart notice - Messages about mode switching (why the builder can't show the filter).
 * @csspart summary - The plain-language summary.
 * @csspart help - The help disclosure (`<details>`).
 * @csspart help-toggle - The help disclosure's `<summary>`.
 * @csspart example - A clickable example in the help.
 * @csspart builder - The builder box.
 * @csspart builder-group - A group of conditions (the root one too).
 * @csspart builder-combinator - A group's AND / OR select.
 * @csspart builder-row - A condition row.
 * @csspart builder-field - A row's field select.
 * @csspart builder-condition - A row's condition select.
 * @csspart builder-value - A row's value input.
 * @csspart builder-remove - Remove buttons (row or group).
 * @csspart builder-add-row - "Add condition" buttons.
 * @csspart builder-add-group - "Add group" buttons.
 *
 * @cssprop [--ucx-font-family=inherit] - Font of the labels and messages.
 * @cssprop [--ucx-font-family-mono=ui-monospace, …, monospace] - Font of the filter text.
 * @cssprop [--ucx-editor-font-size=0.9375rem] - Size of the filter text.
 * @cssprop [--ucx-editor-max-height=24em] - How tall the text field grows with its text before it scrolls (the admin can still drag it taller).
 * @cssprop [--ucx-color-text=#1f2328 (dark: #e6edf3)] - Text colour.
 * @cssprop [--ucx-color-text-muted=#57606a (dark: #9da7b3)] - Hint and summary colour.
 * @cssprop [--ucx-color-surface=#ffffff (dark: #161b22)] - Background of the field and popups; when dark, also of the editor itself, so its light text stays readable on a light page (`ucx-filter-editor { background: none }` lets a dark page show through).
 * @cssprop [--ucx-color-surface-raised=#f6f8fa (dark: #1f2630)] - Background of notices (the section's raised surface; `--ucx-color-surface-alt`, its older name here, still works).
 * @cssprop [--ucx-color-border=#818b98 (dark: #6e7681)] - Borders.
 * @cssprop [--ucx-color-danger=#b42318 (dark: #ff7b72)] - Errors and the error underline.
 * @cssprop [--ucx-color-accent=#0b5cad (dark: #4493f8)] - Selected mode, active suggestion, links.
 * @cssprop [--ucx-color-on-accent=#ffffff (dark: #0d1117)] - Text on the accent colour.
 * @cssprop [--ucx-color-focus=#0b5cad (dark: #79c0ff)] - Focus rings.
 * @cssprop [--ucx-radius=6px] - Corner radius.
 * @cssprop [--ucx-space=8px] - Base spacing.
 * @cssprop [--ucx-syntax-field=#0550ae (dark: #79c0ff)] - Field names.
 * @cssprop [--ucx-syntax-operator=#6639ba (dark: #d2a8ff)] - `&`, `|`, `!`.
 * @cssprop [--ucx-syntax-value=#116329 (dark: #7ee787)] - Values.
 * @cssprop [--ucx-syntax-escape=#953800 (dark: #ffa657)] - Escapes such as `\28`.
 * @cssprop [--ucx-syntax-wildcard=#a40e26 (dark: #ff7b72)] - The `*` wildcard.
 * @cssprop [--ucx-syntax-paren=var(--ucx-color-text)] - Parentheses and `=`.
 */
@localized()
export class UcxFilterEditor extends LitElement {
  static override styles = filterEditorStyles;
  static formAssociated = true;
  static override shadowRootOptions: ShadowRootInit = {
    ...LitElement.shadowRootOptions,
    delegatesFocus: true,
  };

  private readonly internals: ElementInternals;

  constructor() {
    super();
    this.internals = this.attachInternals();
    // Alone on a page too, it speaks the language around it (its lang, `<html lang>`).
    new LangController(this);
    // A host `<label>`'s click: the browser focuses the element, which delegatesFocus hands to
    // the first focusable inside (the Text radio), then sends the element a click of its own
    // (target the element itself, not something inside it). As for a native control, the
    // label's click goes to the field: what focus() focuses.
    this.addEventListener('click', (e) => {
      if (e.composedPath()[0] === this) this.focus();
    });
    // The host's labels aren't watched (no observer): read again when focus comes in, so a
    // label added or changed since the last render names the field from the render this
    // asks for (a frame later: the field's name follows just after focus arrives).
    this.addEventListener('focusin', () => {
      if (this.#readHostLabel() !== this.#hostLabel) this.requestUpdate();
    });
  }

  // ---------------------------------------------------------------- public API

  private _value = '';

  /** The filter text (as typed, or as the builder wrote it). Blank means "all users". */
  @property()
  get value(): string {
    return this._value;
  }
  set value(v: string) {
    // Line breaks as a textarea keeps them (CR LF and CR become LF), so every offset into the
    // value (an error's place, the caret put there) is the same in the text field.
    const next = v === null || v === undefined ? '' : String(v).replace(/\r\n?/g, '\n');
    if (next !== this._value) {
      // A notice about the old text (why the builder could not show it) is stale with new text,
      // and so is an offer to type over an `=` (set again by a completion, after its own input).
      // The same text written back (a dialog that binds `.value` to what was typed) is neither.
      this.notice = '';
      this.#typeOver = undefined;
    }
    this._value = next;
    this.#dirty = true;
    // Any change, the admin's or the host's, answers a marked problem.
    if (this.#marked || this.#sentMessage !== undefined) {
      this.#marked = undefined;
      this.#sentMessage = undefined;
      this.requestUpdate();
    }
    this.syncFormState();
  }

  /**
   * The value a form reset returns to. As a textarea's: set while the value is untouched (not
   * typed in nor set since the element was made or reset), it is the value too. By default the
   * value the element first renders with (so a value a framework sets just after adding it).
   */
  @property({ attribute: false }) defaultValue?: string;

  /** The value was set, by the admin or the page, since the element was made or reset. */
  #dirty = false;

  /** No reset value given before the first render: the value the element has then (true). */
  #defaultFromFirstValue(): boolean {
    if (this.hasUpdated || this.defaultValue !== undefined) return false;
    this.defaultValue = this._value;
    return true;
  }

  /** Form field name. */
  @property({ reflect: true }) name = '';

  /** Visible label. Default: "Data source filters" (localized). */
  @property() label?: string;

  /**
   * Fields the filter may use (default: `DEFAULT_FIELDS`, the five of README's "The filter
   * language"). A name is letters, digits, `-` and `.`, starting with a letter or digit; a field named
   * otherwise is left out.
   */
  @property({ attribute: false }) fields: readonly FieldDefinition[] = DEFAULT_FIELDS;

  #fieldsGiven: unknown = DEFAULT_FIELDS;
  #fieldsUsable: readonly FieldDefinition[] = DEFAULT_FIELDS;
  #fieldsLength = DEFAULT_FIELDS.length;
  /**
   * The fields as used: a page written in JavaScript can slip a null or nameless entry into
   * its list, or set the list to null. The engine skips such entries, and so do the help,
   * autocomplete and the builder (rather than throw while rendering); no list means the defaults.
   * A name no filter can hold (`job_title`, `first name`) is skipped too, and the console says
   * so: offered, the builder would write it as `()` and the text could never parse.
   */
  get #fields(): readonly FieldDefinition[] {
    const given: unknown = this.fields;
    const length = Array.isArray(given) ? given.length : -1;
    // (Also when the same list grew or shrank: a host that pushed a field and re-rendered.)
    if (given !== this.#fieldsGiven || length !== this.#fieldsLength) {
      this.#fieldsGiven = given;
      this.#fieldsLength = length;
      const usable: FieldDefinition[] = [];
      const unusable: string[] = [];
      for (const f of Array.isArray(given) ? (given as unknown[]) : DEFAULT_FIELDS) {
        const name = (f as FieldDefinition | null)?.name;
        if (typeof name !== 'string' || !name) continue;
        if (FIELD_NAME.test(name)) usable.push(f as FieldDefinition);
        else unusable.push(`'${name}'`);
      }
      this.#fieldsUsable = usable;
      if (unusable.length && !warnedFields.has(unusable.join())) {
        warnedFields.add(unusable.join()); // (once a list: a host may make it anew each render)
        console.warn(
          `<ucx-filter-editor>: skipped the field${unusable.length > 1 ? 's' : ''} ${unusable.join(', ')}: a field's name is letters, digits, '-' and '.', starting with a letter or digit (as LDAP attribute names are), or a filter can't hold it.`,
        );
      }
    }
    return this.#fieldsUsable;
  }

  /** `text` (highlighted text field) or `builder` (rows of conditions). */
  @property({ reflect: true }) mode: FilterEditorMode = 'text';

  /** Longest accepted filter, in UTF-16 code units (default 8192, as the engine; 0, negative or empty: the default). */
  @property({ type: Number, attribute: 'max-length' }) maxLength = DEFAULT_MAX_LENGTH;

  /**
   * The limit in effect: a positive number of characters; anything else (`max-length="-1"`,
   * HTML's "no limit", an empty attribute read as 0, NaN) is the default.
   */
  get #maxLength(): number {
    const m = this.maxLength;
    return typeof m === 'number' && m > 0 ? Math.floor(m) : DEFAULT_MAX_LENGTH;
  }

  /** When set, a blank filter is invalid (`valueMissing`). Off by default: blank = all users. */
  @property({ type: Boolean, reflect: true }) required = false;

  @property({ type: Boolean, reflect: true }) disabled = false;

  @property({ type: Boolean, reflect: true }) readonly = false;

  /** How this editor parses: its fields and length limit. */
  #parseOptions(): ParseOptions {
    return { fields: this.#fields, maxLength: this.#maxLength };
  }

  /** The parse result of the current text; `undefined` when the text is blank (all users). */
  get result(): ParseResult | undefined {
    const text = this._value;
    const cache = this.parseCache;
    if (
      cache &&
      cache.text === text &&
      cache.fields === this.#fields &&
      cache.maxLength === this.#maxLength
    ) {
      return cache.result;
    }
    const result = text.trim() === '' ? undefined : parseFilter(text, this.#parseOptions());
    this.parseCache = { text, fields: this.#fields, maxLength: this.#maxLength, result };
    return result;
  }

  /** Canonical text: `''` when blank, `formatFilter(filter)` when valid, `null` when invalid. */
  get canonicalValue(): string | null {
    const r = this.result;
    if (!r) return '';
    return r.ok ? formatFilter(r.filter) : null;
  }

  get validity(): ValidityState {
    return this.internals.validity;
  }
  get validationMessage(): string {
    return this.internals.validationMessage;
  }
  get willValidate(): boolean {
    return this.internals.willValidate;
  }
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  /** The page's `<label>`s for the editor (`ElementInternals.labels`), as on native controls. */
  get labels(): NodeList {
    return this.internals.labels;
  }

  checkValidity(): boolean {
    return this.internals.checkValidity();
  }

  reportValidity(): boolean {
    const ok = this.internals.reportValidity();
    if (!ok) this.prominent = true;
    return ok;
  }

  /**
   * Moves focus to the filter and, when it is invalid, shows the error prominently
   * ("Invalid LDAP filters" and the reason with its place) with the caret at the error.
   * Returns whether the filter is valid.
   */
  showError(): boolean {
    const r = this.result;
    const invalid = !!r && !r.ok;
    const marked = this.#marked;
    // The builder can't show a place in the text, or carry a backend's word on the whole
    // filter (describeSentProblem): back to the text, where it is underlined and said.
    if ((invalid || marked || this.#sentMessage !== undefined) && this.mode === 'builder') {
      this.mode = 'text';
    }
    this.prominent = invalid;
    void this.updateComplete.then(() => {
      const ta = this.textarea;
      if (this.mode === 'text' && ta) {
        ta.focus();
        const at = r && !r.ok ? r.error.offset : marked?.offset;
        if (at !== undefined) ta.setSelectionRange(at, at);
      } else {
        this.focus();
      }
    });
    return !invalid;
  }

  /**
   * Underlines what a backend found wrong in the filter it was sent: `offset` and `length`
   * point into the canonical text (`canonicalValue`); the admin's own text is underlined at
   * the component holding that place, until the value changes. Pass the canonical text that
   * was `sent`, and nothing is marked when the filter has changed since. Validity is not
   * changed (the filter parses; only the backend refused it). `showError()` then shows it.
   */
  markSentProblem(offset: number, length: number, sent?: string): void {
    const current = sent === undefined || this.canonicalValue === sent;
    this.#marked = current
      ? placeInText(this._value, { offset, length }, this.#parseOptions())
      : undefined;
    this.requestUpdate();
  }

  /** Where the last markSentProblem() points in the text (cleared by any change of value). */
  #marked: Span | undefined;

  /**
   * Says what a backend found wrong in the filter it was sent (the host shows `message`
   * too): until the value changes, the text field is marked invalid for assistive
   * technology (`aria-invalid`) and describes itself with the message ("Line 2, column 3: …"
   * where markSentProblem() gave it a place), so focusing it tells why and where. Pass the canonical text that was `sent`, and nothing is said when the filter has
   * changed since. Validity is not changed, as with markSentProblem(); `showError()` then
   * takes the admin to the text field (from the builder too), which says it.
   */
  describeSentProblem(message: string, sent?: string): void {
    const current = sent === undefined || this.canonicalValue === sent;
    this.#sentMessage = current && message ? String(message) : undefined;
    this.requestUpdate();
  }

  /** The last describeSentProblem()'s message (cleared by any change of value). */
  #sentMessage: string | undefined;

  /**
   * Pretty-prints a valid filter (one component per line). In text mode the change goes
   * through the textarea's editing history, so Ctrl+Z undoes it. Returns false when there
   * is nothing to format (blank or invalid).
   */
  format(): boolean {
    const r = this.result;
    if (!r || !r.ok) return false;
    const pretty = formatFilter(r.filter, { pretty: true });
    if (pretty === this._value) return true;
    if (pretty.length > this.#maxLength) {
      // The indentation is ours: it must not make a valid filter too long.
      const length = pretty.length;
      const max = this.#maxLength;
      this.notice = msg(
        str`On several lines the filter would be ${length} characters long, over the limit of ${max}: it stays as it is.`,
        { id: 'filter-editor.notice.format-too-long' },
      );
      return false;
    }
    const ta = this.textarea;
    if (this.mode === 'text' && ta && !this.isDisabled && !this.readonly) {
      ta.focus();
      ta.select();
      this.insertText(pretty);
      this.dispatchEvent(new Event('change', { bubbles: true }));
    } else {
      this.value = pretty;
      this.emitInput();
      this.dispatchEvent(new Event('change', { bubbles: true }));
    }
    return true;
  }

  /** Focuses the textarea (text mode) or the first builder control. */
  override focus(options?: FocusOptions): void {
    const target =
      this.mode === 'text'
        ? this.textarea
        : this.renderRoot.querySelector<HTMLElement>(
            '.builder select, .builder input, .builder button',
          );
    if (target) target.focus(options);
    else super.focus(options);
  }

  // --------------------------------------------------------------- form hooks

  formResetCallback(): void {
    this.value = this.defaultValue ?? '';
    this.#dirty = false;
    this.prominent = false;
    this.notice = '';
    this.closeSuggestions();
  }

  formStateRestoreCallback(stateValue: string | File | FormData | null): void {
    // (A restore can come before the first render, during the upgrade: the text the page
    // wrote stays the reset value, as a textarea's default is never the restored text.)
    this.#defaultFromFirstValue();
    if (typeof stateValue === 'string') this.value = stateValue;
  }

  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  // ------------------------------------------------------------ internal state

  @state() private formDisabled = false;
  /** Error shown prominently after `showError()` / `reportValidity()`. */
  @state() private prominent = false;
  /** Why a mode switch didn't happen, or what it changed. */
  @state() private notice = '';
  @state() private suggestions: Suggestion[] = [];
  @state() private activeSuggestion = 0;
  @state() private root?: BuilderGroup;
  /** Builder rows / groups left out of the text (no value yet, or empty), by id. */
  @state() private incomplete = new Map<number, Incomplete['kind']>();
  /**
   * Rows the admin has left (focus went elsewhere) without a value. Only these are marked in
   * the danger colour: a row just added, or being filled, says it has no value yet as a hint.
   */
  @state() private leftEmpty = new Set<number>();
  /** The empty row the builder shows for an empty filter, until the admin touches it. */
  #starterRow: number | undefined;

  @query('textarea') private textarea?: HTMLTextAreaElement;
  @query('pre') private mirror?: HTMLPreElement;
  @query('.suggestions') private popup?: HTMLElement;

  private parseCache?: {
    text: string;
    fields: readonly FieldDefinition[];
    maxLength: number;
    result: ParseResult | undefined;
  };
  /** The text the builder tree was made from (rebuilt when `value` changes from outside). */
  private builtFrom?: string;
  private inserting = false;
  private pendingFocus?: string;

  private get isDisabled(): boolean {
    return this.disabled || this.formDisabled;
  }

  /** The text of the host's labels (see `labels`) as of the last render; '' when none. */
  #hostLabel = '';

  #readHostLabel(): string {
    // A label's text as a screen reader reads it: not what is hidden from it (an
    // aria-hidden "*" of a required field, a [hidden] hint), scripts or styles, nor the
    // editor itself inside a label around it.
    const skip = (n: Node) =>
      n === this ||
      (n instanceof Element &&
        n.matches('[hidden], [aria-hidden="true"], script, style, template'));
    return Array.from(this.internals.labels, (label) => {
      let text = '';
      const walker = document.createTreeWalker(
        label,
        NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT,
        {
          acceptNode: (n) => (skip(n) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
        },
      );
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (n instanceof Text) text += n.data;
      }
      return text;
    })
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
  }

  /**
   * The field's accessible name where the visible label can't give it (the internal
   * `<label for>` and the builder's `aria-labelledby` reach only it): the host's labels name
   * it, as they would a native control; with `label=""`, the default label does. `undefined`:
   * the visible label names it.
   */
  #fieldName(): string | undefined {
    if (this.#hostLabel) return this.#hostLabel;
    const own = this.label;
    return typeof own === 'string' && own.trim() === '' ? defaultLabel() : undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    warnPropertyAttributes(this, ['fields']);
    // Inner controls' input/change events stop at the shadow root; the element dispatches
    // its own, once per change of `value`, so hosts never see a mode radio's input.
    this.renderRoot.addEventListener('input', stop);
    this.renderRoot.addEventListener('change', stop);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.renderRoot.removeEventListener('input', stop);
    this.renderRoot.removeEventListener('change', stop);
    this.#sizeWatch?.disconnect();
    this.#sizeWatch = undefined;
    this.#grownFor = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The reset value: by default the value at the first render, not when connected, since
    // React's wrappers (@lit/react) set properties just after adding the element. Given while
    // the value is untouched, it is the value too (`<UcxFilterEditor defaultValue=…>`).
    if (
      !this.#defaultFromFirstValue() &&
      changed.has('defaultValue') &&
      !this.#dirty &&
      this.defaultValue != null
    ) {
      this.value = this.defaultValue;
      this.#dirty = false;
    }
    // Every render reads the host's labels again (a few nodes; see the focusin listener).
    this.#hostLabel = this.#readHostLabel();
    // A mode the editor doesn't have (`mode="Builder"`, a typo, null): builder in any case,
    // else text, so one of the two is always shown and checked.
    if (this.mode !== 'text' && this.mode !== 'builder') {
      this.mode = String(this.mode ?? '').toLowerCase() === 'builder' ? 'builder' : 'text';
    }
    if (this.mode === 'builder' && this.builtFrom !== this._value) {
      if (!this.buildFromValue()) this.mode = 'text';
    }
    if (changed.has('mode') && this.mode === 'text') this.closeSuggestions();
    const r = this.result;
    if (this.prominent && (!r || r.ok)) this.prominent = false;
  }

  protected override updated(): void {
    this.syncFormState();
    this.growWithText();
    this.syncScroll();
    this.placePopup();
    if (this.pendingFocus) {
      const el = this.renderRoot.querySelector<HTMLElement>(this.pendingFocus);
      this.pendingFocus = undefined;
      // After this update: moving focus can commit (change) the control being left.
      if (el) queueMicrotask(() => el.focus());
    }
  }

  private syncFormState(): void {
    if (!this.internals) return;
    this.internals.setFormValue(this._value, this._value);
    const r = this.result;
    const anchor =
      (this.mode === 'text' ? this.textarea : undefined) ??
      this.renderRoot?.querySelector?.<HTMLElement>('.builder select') ??
      undefined;
    let flags: ValidityStateFlags | undefined;
    let message = '';
    if (r && !r.ok) {
      flags = { customError: true };
      message = this.#shownMessage(r.error);
    } else if (this.required && !r) {
      flags = { valueMissing: true };
      message = msg('Enter a filter.', { id: 'filter-editor.value-missing' });
    }
    if (!flags) this.internals.setValidity({});
    else if (anchor) this.internals.setValidity(flags, message, anchor);
    else this.internals.setValidity(flags, message);
  }

  /**
   * The error in the admin's words: placed ("Line 1, column 31: …") in text mode; in builder
   * mode, where no line or column is on screen, the reason alone. There the builder's own text
   * can only be too long (a host's `max-length`) or too deep, and the reason says so.
   */
  #shownMessage(error: FilterError): string {
    return this.mode === 'builder'
      ? problemMessage(error, this.#fields)
      : placedMessage(this._value, error, this.#fields);
  }

  private detail(): UcxFilterChangeDetail {
    const r = this.result;
    const value = this._value;
    if (!r) return { value, valid: true, canonical: '' };
    if (r.ok) return { value, valid: true, canonical: formatFilter(r.filter) };
    const e: FilterError = r.error;
    return {
      value,
      valid: false,
      error: {
        code: e.code,
        message: placedMessage(value, e, this.#fields),
        offset: e.offset,
        length: e.length,
      },
    };
  }

  /** `input` + `ucx-filter-change` on the host, after `value` changed by the admin's action. */
  private emitInput(): void {
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    this.dispatchEvent(new UcxFilterChangeEvent(this.detail()));
  }

  // ------------------------------------------------------------------ text mode

  private onTextInput(e: Event): void {
    const ta = e.target as HTMLTextAreaElement;
    if (this.mode === 'builder') {
      // The text field out of sight changed: Chromium and WebKit keep one undo history a
      // page, so Ctrl+Z in the builder can reach the typing done before it. Not the admin's
      // change: the text goes back, and nothing is said.
      e.stopPropagation();
      ta.value = this._value;
      return;
    }
    if (ta.value === this._value) return;
    this.value = ta.value;
    this.notice = '';
    this.inserted = '';
    this.emitInput();
    if (this.inserting) {
      this.closeSuggestions();
      return;
    }
    const ie = e as InputEvent;
    const typed =
      // (A name goes on with digits and hyphens too: extensionAttribute12, msDS-….)
      ie.inputType === 'insertText' &&
      typeof ie.data === 'string' &&
      /[(A-Za-z0-9-]$/.test(ie.data);
    const deleting = ie.inputType?.startsWith('delete');
    if (typed || (this.suggestions.length > 0 && deleting)) this.refreshSuggestions();
    else this.closeSuggestions();
  }

  private onTextChange(): void {
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  private onTextKeydown(e: KeyboardEvent): void {
    // `=` typed right after a completion that ended with one: typed over, not doubled (as
    // editors do with the characters they insert themselves). Any other key ends the offer,
    // but not a modifier alone (on Italian or German keyboards `=` is Shift+0).
    if (!MODIFIER_KEYS.includes(e.key)) {
      const over = this.#typeOver;
      this.#typeOver = undefined;
      const ta = this.textarea;
      if (
        e.key === '=' &&
        !e.isComposing &&
        over &&
        ta?.value === over.text &&
        ta.selectionStart === over.at &&
        ta.selectionEnd === over.at
      ) {
        e.preventDefault();
        return;
      }
    }
    const open = this.suggestions.length > 0;
    if (open) {
      const n = this.suggestions.length;
      switch (e.key) {
        case 'ArrowDown':
        case 'ArrowUp':
          e.preventDefault();
          this.activeSuggestion = (this.activeSuggestion + (e.key === 'ArrowDown' ? 1 : n - 1)) % n;
          // A long host list may reach past the dialog's edge: keep the active option in view.
          void this.updateComplete.then(() =>
            this.renderRoot
              .querySelector(`#suggestion-${this.activeSuggestion}`)
              ?.scrollIntoView({ block: 'nearest' }),
          );
          return;
        case 'Enter':
        case 'Tab':
          if (e.shiftKey || e.ctrlKey || e.altKey || e.metaKey) break;
          e.preventDefault();
          this.acceptSuggestion(this.activeSuggestion);
          return;
        case 'Escape':
          // Closing the list must not also close a surrounding dialog.
          e.preventDefault();
          e.stopPropagation();
          this.closeSuggestions();
          return;
        case 'ArrowLeft':
        case 'ArrowRight':
        case 'Home':
        case 'End':
        case 'PageUp':
        case 'PageDown':
          this.closeSuggestions();
          return;
      }
      return;
    }
    if ((e.key === ' ' && e.ctrlKey) || (e.key === 'ArrowDown' && e.altKey)) {
      e.preventDefault();
      this.refreshSuggestions();
    }
  }

  private refreshSuggestions(): void {
    this.inserted = ''; // (asked for anew: what was inserted before is old news)
    const ta = this.textarea;
    if (!ta || ta.selectionStart !== ta.selectionEnd) {
      this.closeSuggestions();
      return;
    }
    const wasOpen = this.suggestions.length > 0;
    this.suggestions = suggestionsAt(ta.value, ta.selectionStart, this.#fields);
    this.activeSuggestion = 0;
    if (!wasOpen && this.suggestions.length > 0) {
      // (Kept while the list stays open, so typing doesn't turn the line into another.)
      this.#explain = !this.#suggestionsSaid;
      this.#suggestionsSaid = true;
    }
  }

  private closeSuggestions(): void {
    this.#typeOver = undefined; // (a click, leaving the field, typing: the offer ends too)
    if (this.suggestions.length > 0) this.suggestions = [];
  }

  private acceptSuggestion(index: number): void {
    const s = this.suggestions[index];
    const ta = this.textarea;
    this.closeSuggestions();
    if (!s || !ta) return;
    ta.focus();
    ta.setSelectionRange(s.from, s.to);
    this.insertText(s.insert);
    if (s.insert.endsWith('=')) this.#typeOver = { at: ta.selectionStart, text: ta.value };
    this.inserted = s.insert; // (said: see renderSuggestionsStatus)
  }

  /** The suggestions' keys have been said once; #explain: they are being said now. */
  #suggestionsSaid = false;
  #explain = false;

  /** The last completion inserted, until the next change of the text. */
  @state() private inserted = '';

  /**
   * What the suggestions' status line says: how many there are when the list opens or
   * their number changes (a live region speaks when its text changes, so typing that keeps
   * the list as it is says nothing), then what was inserted. The text field can't be a
   * combobox (ARIA allows no role on a textarea), so the list's opening is said here.
   */
  private renderSuggestionsStatus(): TemplateResult {
    const n = this.suggestions.length;
    // How to use the list is said while it is open the first time; after that, how many.
    const said =
      n === 1
        ? this.#explain
          ? msg('1 suggestion: Enter to insert it.', { id: 'filter-editor.suggestions.one' })
          : msg('1 suggestion', { id: 'filter-editor.suggestions.count-one' })
        : n > 1
          ? this.#explain
            ? msg(str`${n} suggestions: Up and Down to choose, Enter to insert.`, {
                id: 'filter-editor.suggestions.many',
              })
            : msg(str`${n} suggestions`, { id: 'filter-editor.suggestions.count' })
          : this.inserted
            ? msg(str`Inserted ${this.inserted}`, { id: 'filter-editor.suggestions.inserted' })
            : '';
    return html`<span class="suggestions-status visually-hidden" role="status">${said}</span>`;
  }

  /**
   * The caret and the text right after a completion ending with `=` (see onTextKeydown): the
   * offer holds only while both are unchanged (not after a value set by code, or a click).
   */
  #typeOver: { at: number; text: string } | undefined;

  /**
   * Replaces the textarea's selection with `text` through the browser's editing commands,
   * so the change joins the undo history (Ctrl+Z); falls back to `setRangeText`.
   */
  private insertText(text: string): void {
    const ta = this.textarea;
    if (!ta) return;
    const start = ta.selectionStart;
    const end = ta.selectionEnd;
    const expected = ta.value.slice(0, start) + text + ta.value.slice(end);
    this.inserting = true;
    let ok = false;
    try {
      ok = document.execCommand('insertText', false, text);
    } catch {
      ok = false;
    }
    if (!ok || ta.value !== expected) {
      ta.value = expected;
      ta.setSelectionRange(start + text.length, start + text.length);
      ta.dispatchEvent(
        new InputEvent('input', {
          bubbles: true,
          composed: true,
          inputType: 'insertReplacementText',
          data: text,
        }),
      );
    }
    this.inserting = false;
  }

  /** What the textarea was last sized for (see growWithText). */
  #grownFor: { ta: HTMLTextAreaElement; value: string; width: number } | undefined;
  #sizeWatch: ResizeObserver | undefined;

  /**
   * Where `field-sizing: content` is not in effect (Safari before 26, Firefox before 139),
   * grows the textarea with its text by hand, up to the CSS max-block-size, as newer
   * browsers do natively. Only when the text, the textarea or its width changed, so a
   * height the admin dragged stays until they type. A hidden textarea (a closed dialog)
   * has no size to measure: a ResizeObserver sizes it once it is shown.
   */
  private growWithText(): void {
    const ta = this.textarea;
    if (!ta) return;
    const width = ta.clientWidth;
    const last = this.#grownFor;
    if (last && last.ta === ta && last.value === ta.value && last.width === width) return;
    const style = getComputedStyle(ta);
    if ((style as { fieldSizing?: string }).fieldSizing === 'content') {
      this.#grownFor = { ta, value: ta.value, width };
      return;
    }
    // Resizing inside the observer's callback would make it report a loop: next frame.
    this.#sizeWatch ??= new ResizeObserver(() => requestAnimationFrame(() => this.growWithText()));
    this.#sizeWatch.observe(ta);
    if (!width) return;
    this.#grownFor = { ta, value: ta.value, width };
    ta.style.blockSize = 'auto';
    const edges =
      style.boxSizing === 'border-box'
        ? parseFloat(style.borderTopWidth) + parseFloat(style.borderBottomWidth)
        : -(parseFloat(style.paddingTop) + parseFloat(style.paddingBottom));
    ta.style.blockSize = `${ta.scrollHeight + edges}px`;
  }

  /** The text scrolled (Firefox scrolls to the caret after the input is handled): the
   * mirror follows, and so do the suggestions placed at its caret. */
  private onTextScroll(): void {
    this.syncScroll();
    if (this.suggestions.length > 0) this.placePopup();
  }

  private syncScroll(): void {
    const ta = this.textarea;
    const pre = this.mirror;
    if (!ta || !pre) return;
    pre.scrollTop = ta.scrollTop;
    pre.scrollLeft = ta.scrollLeft;
  }

  /** Puts the suggestions popup under the caret, measured on the mirror's text. */
  private placePopup(): void {
    const popup = this.popup;
    const ta = this.textarea;
    const pre = this.mirror;
    if (!popup || !ta || !pre) return;
    const field = popup.parentElement as HTMLElement;
    const caret = ta.selectionStart;
    let rect: DOMRect | undefined;
    let acc = 0;
    for (const span of Array.from(pre.querySelectorAll('span'))) {
      const len = span.textContent?.length ?? 0;
      if (caret <= acc + len) {
        const node = Array.from(span.childNodes).find((c) => c.nodeType === Node.TEXT_NODE);
        if (node) {
          const range = document.createRange();
          const at = Math.max(0, caret - acc);
          range.setStart(node, Math.max(0, at - 1));
          range.setEnd(node, Math.max(at, 1));
          rect = range.getBoundingClientRect();
        }
        break;
      }
      acc += len;
    }
    const box = field.getBoundingClientRect();
    const left = rect ? rect.right - box.left : 8;
    let top = rect ? rect.bottom - box.top + 2 : 24;
    // Above the caret when it doesn't fit below it, in what can be seen (the window, or a
    // scrolling dialog around the editor) and there is more room above.
    if (rect) {
      const seen = visibleBounds(field);
      const height = popup.offsetHeight;
      const below = seen.bottom - rect.bottom;
      const above = rect.top - seen.top;
      if (height > below && above > below) top = rect.top - box.top - height - 2;
    }
    popup.style.left = `${Math.max(0, Math.min(left, box.width - popup.offsetWidth))}px`;
    popup.style.top = `${top}px`;
  }

  private insertExample(example: string): void {
    if (this.isDisabled || this.readonly) return;
    if (this.mode === 'builder') {
      this.insertExampleInBuilder(example);
      return;
    }
    const ta = this.textarea;
    if (!ta) return;
    ta.focus();
    const text = ta.value;
    const trimmed = text.trim();
    if (trimmed === '') ta.select();
    else if (this.result?.ok) {
      // Put at the caret if that gives a filter (inside a set, between its members);
      // otherwise the two are joined with AND, the admin's text kept as it is.
      const atCaret = text.slice(0, ta.selectionStart) + example + text.slice(ta.selectionEnd);
      if (!parseFilter(atCaret, this.#parseOptions()).ok) {
        ta.select();
        example = trimmed.startsWith('(&')
          ? `${trimmed.slice(0, -1)}${example})`
          : `(&${trimmed}${example})`;
      }
    }
    this.insertText(example);
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  /**
   * An example added to the builder's conditions, joined with AND as in the text (the
   * admin's rows kept, unfinished ones too); in place of the untouched starter row only.
   */
  private insertExampleInBuilder(example: string): void {
    const parsed = parseFilter(example, this.#parseOptions());
    const conv = parsed.ok ? toBuilder(parsed.filter) : undefined;
    const root = this.root;
    if (!conv?.ok || !root) return;
    const added = conv.root.combinator === 'and' ? conv.root.items : [conv.root];
    const untouched =
      root.items.length === 1 && root.items[0]?.id === this.#starterRow && !this._value.trim();
    if (untouched) {
      this.#starterRow = undefined;
      root.items = added;
    } else if (root.combinator === 'and') root.items.push(...added);
    else this.root = newGroup('and', [root, ...added]);
    this.commitBuilder(true);
  }

  // --------------------------------------------------------------- mode switch

  private onModeInput(e: Event): void {
    const mode = (e.target as HTMLInputElement).value as FilterEditorMode;
    if (this.isDisabled) return;
    // Neither direction changes the value (so no change event): only builder edits do.
    if (mode === 'builder' && this.mode !== 'builder') {
      // The text stays as typed (its layout, its field-name case) until the builder
      // changes something: a look at the builder and back loses nothing.
      const before = this.notice;
      if (this.buildFromValue()) this.mode = 'builder';
      else this.#refusedBuilder(e.target as HTMLInputElement, before);
    } else if (mode === 'text' && this.mode !== 'text') {
      this.notice = this.#droppedNotice();
      this.mode = 'text';
      this.incomplete = new Map();
    }
    // Puts the radios back when the switch was refused.
    this.requestUpdate();
  }

  #sayAgain: ReturnType<typeof setTimeout> | undefined;

  /**
   * The builder refused the filter: focus goes back to the Text radio, which is checked
   * again (left on an unchecked Builder, arrow keys would read as a choice that didn't
   * happen), and the reason is said again when it is the same as last time: a live
   * region speaks only when its text changes, so it is emptied a moment first.
   */
  #refusedBuilder(radio: HTMLInputElement, before: string): void {
    void this.updateComplete.then(() => {
      if (this.renderRoot instanceof ShadowRoot && this.renderRoot.activeElement === radio) {
        this.renderRoot
          .querySelector<HTMLInputElement>('input[name="mode"][value="text"]')
          ?.focus();
      }
    });
    const reason = this.notice;
    if (!reason || reason !== before) return;
    this.notice = '';
    clearTimeout(this.#sayAgain);
    const text = this._value;
    this.#sayAgain = setTimeout(() => {
      // (Not about a text changed meanwhile: a page's value, the admin's typing.)
      if (this.mode === 'text' && !this.notice && this._value === text) this.notice = reason;
    }, 150);
  }

  /** What a switch to text left out of the builder's state, in words ('' for nothing). */
  #droppedNotice(): string {
    // Not the starter row alone: the admin left nothing out.
    const dropped = [...this.incomplete].filter(([id]) => id !== this.#starterRow);
    const rows = dropped.some(([, kind]) => kind === 'row');
    const groups = dropped.some(([, kind]) => kind === 'group');
    if (rows && groups) {
      return msg('Conditions without a value and empty groups were left out of the text.', {
        id: 'filter-editor.notice.incomplete-and-empty-dropped',
      });
    }
    if (groups) {
      return msg('Empty groups were left out of the text.', {
        id: 'filter-editor.notice.empty-groups-dropped',
      });
    }
    return rows
      ? msg('Conditions without a value were left out of the text.', {
          id: 'filter-editor.notice.incomplete-dropped',
        })
      : '';
  }

  /** Builds the builder tree from the current text; says why when it can't. */
  private buildFromValue(): boolean {
    const r = this.result;
    if (r && !r.ok) {
      this.notice = msg(
        'The builder can only show a valid filter: fix the error in the text first, or clear it.',
        { id: 'filter-editor.notice.invalid' },
      );
      return false;
    }
    const conv = toBuilder(r?.filter);
    if (!conv.ok) {
      this.notice = this.whyNotBuilder(conv.why);
      return false;
    }
    this.#starterRow = undefined;
    // (No starter row when the page allows no fields: it could only be written `()`.)
    if (conv.root.items.length === 0 && this.#fields.length) {
      const starter = newRow(this.firstField());
      this.#starterRow = starter.id;
      conv.root.items.push(starter);
    }
    this.root = conv.root;
    this.builtFrom = this._value;
    this.incomplete = byId(fromBuilder(conv.root).incomplete);
    this.notice = '';
    return true;
  }

  private whyNotBuilder(why: Unrepresentable): string {
    switch (why.reason) {
      case 'substring': {
        const field = why.field;
        return msg(
          str`The builder can’t show this filter: the value for ${field} has a * in the middle (like a*b*c); the builder only offers is, starts with, ends with and contains. Keep editing it as text.`,
          { id: 'filter-editor.notice.substring' },
        );
      }
      case 'not-of-group':
        return msg(
          'The builder can’t show this filter: it applies ! to a group of conditions; the builder only negates single conditions. Keep editing it as text.',
          { id: 'filter-editor.notice.not-of-group' },
        );
      case 'double-not':
        return msg(
          'The builder can’t show this filter: it contains !(!…); remove the double negation or keep editing it as text.',
          { id: 'filter-editor.notice.double-not' },
        );
    }
  }

  // -------------------------------------------------------------- builder mode

  private firstField(): string {
    return this.#fields[0]?.name ?? '';
  }

  /**
   * Writes the builder's state into `value` as canonical text, indented when the admin's
   * text was on several lines (as Format writes it). Rows without a value and empty groups
   * are left out (and marked), so every builder state is a valid filter.
   */
  private commitBuilder(change: boolean): void {
    if (!this.root) return;
    const { node, incomplete } = fromBuilder(this.root);
    this.incomplete = byId(incomplete);
    // A row given a value is no longer 'left empty': cleared again while typing, it is a hint
    // until the admin leaves it again.
    const left = [...this.leftEmpty].filter((id) => this.incomplete.has(id));
    if (left.length !== this.leftEmpty.size) this.leftEmpty = new Set(left);
    const canonical = node ? formatFilter(node) : '';
    const pretty = node && this._value.includes('\n') ? formatFilter(node, { pretty: true }) : '';
    // (On one line when the indentation would take it over the length limit.)
    const text = pretty && pretty.length <= this.#maxLength ? pretty : canonical;
    // A builder action that leaves the filter as it was (a row added but not filled yet)
    // keeps the admin's text, its layout and case included.
    const r = this.result;
    const changed =
      text !== this._value &&
      (r ? !r.ok || formatFilter(r.filter) !== canonical : canonical !== '');
    this.builtFrom = changed ? text : this._value;
    if (changed) {
      this.value = text;
      this.emitInput();
      if (change) this.dispatchEvent(new Event('change', { bubbles: true }));
    }
    this.requestUpdate();
  }

  private updateRow(
    row: BuilderRow,
    patch: Partial<Pick<BuilderRow, 'field' | 'condition' | 'value'>>,
  ): void {
    if (this.readonly || this.isDisabled) return;
    // Nothing new: `change` repeats what `input` already wrote, and a focused field removed by
    // a render (a mode switch) fires it during that render, where an update would be a second
    // one (Lit's "change-in-update" warning in a host's console).
    const keys = Object.keys(patch) as (keyof typeof patch)[];
    if (keys.every((k) => row[k] === patch[k])) return;
    if (row.id === this.#starterRow) this.#starterRow = undefined;
    Object.assign(row, patch);
    this.commitBuilder(false);
  }

  /**
   * Focus left a row for somewhere else: mark it if it still has no value. Not the starter
   * row (a blank filter, all users, is what it stands for), not a row the admin can't edit,
   * and not when the window lost focus (the row's control keeps it).
   */
  private onRowLeft(row: BuilderRow, e: FocusEvent): void {
    const el = e.currentTarget as HTMLElement;
    const to = e.relatedTarget as Node | null;
    if (to ? el.contains(to) : el.contains((this.renderRoot as ShadowRoot).activeElement)) return;
    if (row.id === this.#starterRow || this.readonly || this.isDisabled) return;
    if (this.incomplete.has(row.id) && !this.leftEmpty.has(row.id)) {
      this.leftEmpty = new Set(this.leftEmpty).add(row.id);
    }
  }

  private onBuilderChange(): void {
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  private addRow(group: BuilderGroup): void {
    const row = newRow(this.firstField());
    group.items.push(row);
    this.pendingFocus = `#field-${row.id}`;
    this.commitBuilder(true);
  }

  private addGroup(group: BuilderGroup): void {
    const row = newRow(this.firstField());
    const child = newGroup(group.combinator === 'and' ? 'or' : 'and', [row]);
    group.items.push(child);
    this.pendingFocus = `#field-${row.id}`;
    this.commitBuilder(true);
  }

  private removeItem(item: BuilderItem): void {
    if (!this.root) return;
    const found = findItem(this.root, item.id);
    const parent = found?.parent;
    if (!parent) return;
    const index = parent.items.indexOf(item);
    parent.items.splice(index, 1);
    const next = parent.items[index] ?? parent.items[index - 1];
    this.pendingFocus = next
      ? next.kind === 'row'
        ? `#field-${next.id}`
        : `#combinator-${next.id}`
      : `#add-row-${parent.id}`;
    this.commitBuilder(true);
  }

  private setCombinator(group: BuilderGroup, value: string): void {
    if (this.readonly || this.isDisabled) return;
    group.combinator = value === 'or' ? 'or' : 'and';
    this.commitBuilder(false);
  }

  // ------------------------------------------------------------------- render

  private conditionLabel(c: Condition): string {
    switch (c) {
      case 'is':
        return msg('is', { id: 'filter-editor.condition.is' });
      case 'isNot':
        return msg('is not', { id: 'filter-editor.condition.is-not' });
      case 'startsWith':
        return msg('starts with', { id: 'filter-editor.condition.starts-with' });
      case 'notStartsWith':
        return msg('does not start with', { id: 'filter-editor.condition.not-starts-with' });
      case 'endsWith':
        return msg('ends with', { id: 'filter-editor.condition.ends-with' });
      case 'notEndsWith':
        return msg('does not end with', { id: 'filter-editor.condition.not-ends-with' });
      case 'contains':
        return msg('contains', { id: 'filter-editor.condition.contains' });
      case 'notContains':
        return msg('does not contain', { id: 'filter-editor.condition.not-contains' });
      case 'present':
        return msg('is present (has any value)', { id: 'filter-editor.condition.present' });
      case 'notPresent':
        return msg('is not present (empty)', { id: 'filter-editor.condition.not-present' });
    }
  }

  protected override render(): TemplateResult {
    const r = this.result;
    const invalid = !!r && !r.ok;
    const warnings = this.#warningTexts(r); // (once per render: the text field and the list)
    const building = this.mode === 'builder' && !!this.root;
    return html`
      <div part="base" class="base ${this.isDisabled ? 'disabled' : ''}">
        ${this.renderHeader()}
        <p id="hint" part="hint" class="hint">${this.#hint()}</p>
        ${this.renderText(r, warnings.length > 0, building)}
        ${building ? this.renderBuilder(this.root as BuilderGroup) : nothing}
        ${this.renderProblems(r, warnings)}
        <div id="notice" part="notice" class="notice" role="status">${this.notice}</div>
        <p id="summary" part="summary" class="summary">
          ${
            invalid
              ? msg('Fix the error to see which users the filter selects.', {
                  id: 'filter-editor.summary.invalid',
                })
              : this.required && !r
                ? msg('Enter a filter to see which users it selects.', {
                    id: 'filter-editor.summary.missing',
                  })
                : summarizeFilter(r && r.ok ? r.filter : undefined, this.#fields)
          }
        </p>
        ${this.renderHelp()} ${building ? nothing : this.renderSuggestionsStatus()}
      </div>
    `;
  }

  /** What the field is for; "Optional" only where an empty filter (all users) is allowed. */
  #hint(): string {
    if (this.required) {
      return this.mode === 'builder'
        ? msg(
            'Required. Choose which users to synchronize: add conditions, grouped with AND or OR.',
            { id: 'filter-editor.hint-builder-required' },
          )
        : msg(
            'Required. Choose which users to synchronize, in LDAP filter syntax, e.g. (department=Sales).',
            { id: 'filter-editor.hint-required' },
          );
    }
    return this.mode === 'builder'
      ? msg(
          'Optional. Choose which users to synchronize: add conditions, grouped with AND or OR. With none, all users are included.',
          { id: 'filter-editor.hint-builder' },
        )
      : msg(
          'Optional. Choose which users to synchronize, in LDAP filter syntax, e.g. (department=Sales). Leave it empty to include all users.',
          { id: 'filter-editor.hint' },
        );
  }

  private renderHeader(): TemplateResult {
    // A required field's asterisk is for the eye: the field itself says it is required.
    const label = html`${this.label ?? defaultLabel()}${
      this.required ? html`<span class="required" aria-hidden="true"> *</span>` : nothing
    }`;
    const labelTemplate =
      this.mode === 'text'
        ? html`<label id="label" part="label" class="label" for="input">${label}</label>`
        : html`<span id="label" part="label" class="label">${label}</span>`;
    return html`
      <div part="header" class="header">
        ${labelTemplate}
        <div
          part="mode-switch"
          class="modes"
          role="radiogroup"
          aria-label=${msg('Editing mode', { id: 'filter-editor.mode' })}
        >
          <label
            ><input
              type="radio"
              name="mode"
              value="text"
              .checked=${live(this.mode === 'text')}
              ?disabled=${this.isDisabled}
              @change=${this.onModeInput}
            />${msg('Text', { id: 'filter-editor.mode.text' })}</label
          ><label
            ><input
              type="radio"
              name="mode"
              value="builder"
              .checked=${live(this.mode === 'builder')}
              ?disabled=${this.isDisabled}
              @change=${this.onModeInput}
            />${msg('Builder', { id: 'filter-editor.mode.builder' })}</label
          >
        </div>
      </div>
    `;
  }

  /**
   * The text field, also while the builder is shown (parked out of sight then): the same
   * textarea comes back with its editing history, so Ctrl+Z after a look at the builder
   * still undoes the typing before it.
   */
  private renderText(
    r: ParseResult | undefined,
    warnings: boolean,
    hidden: boolean,
  ): TemplateResult {
    // Invalid as parsed, or as a backend found it (describeSentProblem).
    const sent = this.#sentMessage;
    const invalid = (!!r && !r.ok) || sent !== undefined;
    const text = this._value;
    // (Parked, the text is not seen: the builder's keystrokes don't highlight it.)
    const segments = hidden
      ? []
      : segmentTokens(text, tokenizeFilter(text), r && !r.ok ? r.error : this.#marked);
    const describedBy = [
      'hint',
      r && !r.ok ? 'error' : sent !== undefined ? 'sent-problem' : '',
      warnings ? 'warnings' : '',
      'summary',
    ]
      .filter(Boolean)
      .join(' ');
    const open = this.suggestions.length > 0;
    const canFormat = !!r && r.ok && !this.isDisabled && !this.readonly;
    return html`
      <div part="toolbar" class="toolbar" ?hidden=${hidden}>
        <button
          type="button"
          part="format-button"
          ?disabled=${!canFormat}
          @click=${() => this.format()}
        >
          ${msg('Format', { id: 'filter-editor.format' })}
        </button>
      </div>
      <div class="text-field" ?data-parked=${hidden}>
        <div part="field" class=${classMap({ field: true, invalid })}>
          <pre part="highlight" class="highlight" aria-hidden="true" dir="ltr"><code>${segments.map(
            (s) => this.renderSegment(s),
          )}</code></pre>
          <textarea
            id="input"
            part="textarea"
            dir="ltr"
            rows="4"
            spellcheck="false"
            autocomplete="off"
            autocapitalize="off"
            .value=${live(text)}
            ?disabled=${this.isDisabled}
            ?readonly=${this.readonly}
            ?required=${this.required}
            aria-label=${this.#fieldName() ?? nothing}
            aria-invalid=${invalid ? 'true' : 'false'}
            aria-describedby=${describedBy}
            aria-autocomplete="list"
            aria-controls=${open ? 'suggestions' : nothing}
            aria-activedescendant=${open ? `suggestion-${this.activeSuggestion}` : nothing}
            @input=${this.onTextInput}
            @change=${this.onTextChange}
            @keydown=${this.onTextKeydown}
            @scroll=${this.onTextScroll}
            @blur=${this.closeSuggestions}
            @click=${this.closeSuggestions}
          ></textarea>
          ${open ? this.renderSuggestions() : nothing}
          ${
            sent !== undefined
              ? html`<span id="sent-problem" class="visually-hidden"
                  >${
                    // Where the backend's problem is, as a problem of ours is said: the
                    // underline alone is only seen.
                    this.#marked ? placed(text, this.#marked.offset, sent) : sent
                  }</span
                >`
              : nothing
          }
        </div>
      </div>
    `;
  }

  private renderSegment(s: HighlightSegment): TemplateResult {
    const part = `token token-${s.kind}${s.error ? ' error-range' : ''}`;
    return html`<span
      class=${`token token-${s.kind}${s.error ? ' error-range' : ''}`}
      part=${part}
      data-kind=${s.kind}
      ?data-error=${s.error}
      >${s.text}</span
    >`;
  }

  // The options are chosen by keyboard from the textarea (aria-activedescendant); the click
  // handler is for pointers only.
  /* eslint-disable lit-a11y/click-events-have-key-events */
  private renderSuggestions(): TemplateResult {
    return html`<ul
      id="suggestions"
      part="autocomplete"
      class="suggestions"
      role="listbox"
      aria-label=${msg('Suggestions', { id: 'filter-editor.suggestions' })}
    >
      ${this.suggestions.map(
        (s, i) =>
          html`<li
            id=${`suggestion-${i}`}
            part="autocomplete-option"
            role="option"
            aria-selected=${i === this.activeSuggestion ? 'true' : 'false'}
            @mousedown=${(e: Event) => e.preventDefault()}
            @click=${() => this.acceptSuggestion(i)}
          >
            <code>${s.kind === 'field' ? s.key : s.kind === 'equals' ? '=' : s.key}</code>
            ${this.suggestionDescription(s)}
          </li>`,
      )}
    </ul>`;
  }
  /* eslint-enable lit-a11y/click-events-have-key-events */

  /** What a suggestion means, in words; nothing when that only repeats its text. */
  private suggestionDescription(s: Suggestion): TemplateResult | typeof nothing {
    const text = this.suggestionText(s);
    const same = text.replace(/\s+/g, '').toLowerCase() === s.key.toLowerCase();
    return same ? nothing : html`<span class="meaning">${text}</span>`;
  }

  private suggestionText(s: Suggestion): string {
    switch (s.kind) {
      case 'field':
        return fieldLabel(this.#fields.find((f) => f.name === s.key) ?? s.key);
      case 'equals':
        return msg('equals', { id: 'filter-editor.suggest.equals' });
      case 'operator':
        return s.key === '&'
          ? msg('all of (AND)', { id: 'filter-editor.suggest.and' })
          : s.key === '|'
            ? msg('any of (OR)', { id: 'filter-editor.suggest.or' })
            : msg('not (NOT)', { id: 'filter-editor.suggest.not' });
    }
  }

  /** What is legal but likely a slip: the engine's warnings, then the editor's own. */
  #warningTexts(r: ParseResult | undefined): string[] {
    if (!r?.ok) return [];
    return [
      ...r.warnings.map((w) => placedMessage(this._value, w, this.#fields)),
      ...quotedValueWarnings(this._value),
    ];
  }

  private renderProblems(r: ParseResult | undefined, warnings: readonly string[]): TemplateResult {
    const error = r && !r.ok ? r.error : undefined;
    return html`
      <div
        id="error"
        part="error"
        class=${classMap({ error: true, prominent: this.prominent && !!error })}
      >
        ${
          error
            ? html`${
                  this.prominent
                    ? html`<strong class="error-title"
                        >${msg('Invalid LDAP filters', { id: 'filter-editor.invalid-title' })}</strong
                      >`
                    : nothing
                }<span class="error-message">${this.#shownMessage(error)}</span>`
            : nothing
        }
      </div>
      ${
        warnings.length > 0
          ? html`<ul id="warnings" part="warnings" class="warnings">
              ${warnings.map((w) => html`<li>${w}</li>`)}
            </ul>`
          : nothing
      }
    `;
  }

  private renderHelp(): TemplateResult {
    const op = (code: string, meaning: string): TemplateResult =>
      html`<tr>
        <td><code dir="ltr">${code}</code></td>
        <td>${meaning}</td>
      </tr>`;
    return html`
      <details part="help" class="help">
        <summary part="help-toggle">
          ${msg('Help: fields, operators and examples', { id: 'filter-editor.help' })}
        </summary>
        <table>
          <caption class="visually-hidden">
            ${msg('Fields', { id: 'filter-editor.help.fields' })}
          </caption>
          <thead>
            <tr>
              <th scope="col">${msg('Field', { id: 'filter-editor.help.field' })}</th>
              <th scope="col">${msg('Meaning', { id: 'filter-editor.help.meaning' })}</th>
            </tr>
          </thead>
          <tbody>
            ${this.#fields.map(
              (f) =>
                html`<tr>
                  <td><code dir="ltr">${f.name}</code></td>
                  <td>${fieldLabel(f)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
        <table>
          <caption class="visually-hidden">
            ${msg('Operators', { id: 'filter-editor.help.operators' })}
          </caption>
          <thead>
            <tr>
              <th scope="col">${msg('Operator', { id: 'filter-editor.help.operator' })}</th>
              <th scope="col">${msg('Meaning', { id: 'filter-editor.help.meaning' })}</th>
            </tr>
          </thead>
          <tbody>
            ${op(msg('(field=value)', { id: 'filter-editor.help.op.equals-syntax' }), msg('the field is equal to the value (case-insensitive)', { id: 'filter-editor.help.op.equals' }))}
            ${op('*', msg('any text: a*, *a, *a*; (field=*) means the field has a value', { id: 'filter-editor.help.op.wildcard' }))}
            ${op('(&(…)(…))', msg('all of the conditions (AND)', { id: 'filter-editor.help.op.and' }))}
            ${op('(|(…)(…))', msg('any of the conditions (OR)', { id: 'filter-editor.help.op.or' }))}
            ${op('(!(…))', msg('not the condition (NOT)', { id: 'filter-editor.help.op.not' }))}
            ${op('\\28 \\29 \\2a \\5c', msg('write ( ) * \\ inside a value', { id: 'filter-editor.help.op.escapes' }))}
          </tbody>
        </table>
        <p>
          ${msg(
            'Examples (select one to add it: at the cursor where it fits, else joined with AND):',
            {
              id: 'filter-editor.help.examples',
            },
          )}
        </p>
        <ul class="examples">
          ${exampleMeanings().map((meaning, i) => {
            const ex = FILTER_EXAMPLES[i]!;
            return html`<li>
              <button
                type="button"
                part="example"
                class="example"
                data-example=${ex}
                ?disabled=${this.isDisabled || this.readonly}
                @click=${() => this.insertExample(ex)}
              >
                <code dir="ltr">${ex}</code> <span>${meaning}</span>
              </button>
            </li>`;
          })}
        </ul>
      </details>
    `;
  }

  private renderBuilder(root: BuilderGroup): TemplateResult {
    // Conditions are numbered in reading order, nested groups included, and so are the nested
    // groups (apart): a screen reader tells "Remove group 2" from "Remove group 1". Numbered
    // here, not while rendering: a nested group's rows render after the rows that follow it.
    const numbers: Numbers = { rows: new Map(), groups: new Map() };
    const walk = (group: BuilderGroup): void => {
      for (const item of group.items) {
        if (item.kind === 'row') numbers.rows.set(item.id, numbers.rows.size + 1);
        else {
          numbers.groups.set(item.id, numbers.groups.size + 1);
          walk(item);
        }
      }
    };
    walk(root);
    return html`<div part="builder" class="builder">${this.renderGroup(root, 0, numbers)}</div>`;
  }

  private renderGroup(group: BuilderGroup, depth: number, numbers: Numbers): TemplateResult {
    const locked = this.isDisabled || this.readonly;
    const empty = group.items.length === 0;
    // A page that allows no fields (`fields = []`): nothing to add, only a blank filter.
    const noFields = this.#fields.length === 0;
    const g = numbers.groups.get(group.id) ?? 0;
    const root = depth === 0 ? this.#fieldName() : undefined; // (the whole builder's name)
    return html`<div
      part="builder-group"
      class="group"
      role="group"
      aria-labelledby=${depth === 0 && root === undefined ? 'label' : nothing}
      aria-label=${depth === 0 ? (root ?? nothing) : msg(str`Group ${g}`, { id: 'filter-editor.builder.group' })}
    >
      <div class="group-head">
        <label>
          ${msg('Match', { id: 'filter-editor.builder.match' })}
          <select
            id=${`combinator-${group.id}`}
            part="builder-combinator"
            ?disabled=${locked}
            .value=${live(group.combinator)}
            @input=${(e: Event) => this.setCombinator(group, (e.target as HTMLSelectElement).value)}
            @change=${(e: Event) => {
              this.setCombinator(group, (e.target as HTMLSelectElement).value);
              this.onBuilderChange();
            }}
          >
            <option value="and" ?selected=${group.combinator === 'and'}>
              ${msg('all conditions (AND)', { id: 'filter-editor.builder.and' })}
            </option>
            <option value="or" ?selected=${group.combinator === 'or'}>
              ${msg('any condition (OR)', { id: 'filter-editor.builder.or' })}
            </option>
          </select>
        </label>
        ${
          depth > 0
            ? html`<button
                type="button"
                part="builder-remove"
                aria-label=${msg(str`Remove group ${g}`, { id: 'filter-editor.builder.remove-group-n' })}
                ?disabled=${locked}
                @click=${() => this.removeItem(group)}
              >
                ${msg('Remove group', { id: 'filter-editor.builder.remove-group' })}
              </button>`
            : nothing
        }
      </div>
      ${
        empty
          ? html`<p class="empty">
              ${
                depth === 0 && noFields
                  ? msg(
                      'This page allows no fields, so only a blank filter: all users are included.',
                      {
                        id: 'filter-editor.builder.no-fields',
                      },
                    )
                  : depth === 0
                    ? msg('No conditions: all users are included.', {
                        id: 'filter-editor.builder.empty-root',
                      })
                    : msg('This group is empty and is left out: add a condition or remove it.', {
                        id: 'filter-editor.builder.empty-group',
                      })
              }
            </p>`
          : nothing
      }
      ${repeat(
        group.items,
        (item) => item.id,
        (item) =>
          item.kind === 'row'
            ? this.renderRow(item, numbers.rows.get(item.id) ?? 0)
            : this.renderGroup(item, depth + 1, numbers),
      )}
      ${noFields ? nothing : this.renderGroupActions(group, depth, g, locked)}
    </div>`;
  }

  private renderGroupActions(
    group: BuilderGroup,
    depth: number,
    g: number,
    locked: boolean,
  ): TemplateResult {
    return html`<div class="group-actions">
      <button
        type="button"
        id=${`add-row-${group.id}`}
        part="builder-add-row"
        aria-label=${
          depth === 0
            ? nothing
            : msg(str`Add condition to group ${g}`, { id: 'filter-editor.builder.add-row-n' })
        }
        ?disabled=${locked}
        @click=${() => this.addRow(group)}
      >
        ${msg('Add condition', { id: 'filter-editor.builder.add-row' })}
      </button>
      ${
        depth < MAX_BUILDER_DEPTH
          ? html`<button
              type="button"
              part="builder-add-group"
              aria-label=${
                depth === 0
                  ? nothing
                  : msg(str`Add group inside group ${g}`, {
                      id: 'filter-editor.builder.add-group-n',
                    })
              }
              ?disabled=${locked}
              @click=${() => this.addGroup(group)}
            >
              ${msg('Add group', { id: 'filter-editor.builder.add-group' })}
            </button>`
          : nothing
      }
    </div>`;
  }

  private renderRow(row: BuilderRow, n: number): TemplateResult {
    const locked = this.isDisabled || this.readonly;
    const incomplete = this.incomplete.has(row.id);
    const flagged = incomplete && this.leftEmpty.has(row.id);
    const fieldKnown = this.#fields.some((f) => f.name === row.field);
    return html`<div
      part="builder-row"
      class=${classMap({ row: true, incomplete: flagged })}
      role="group"
      aria-label=${msg(str`Condition ${n}`, { id: 'filter-editor.builder.row' })}
      @focusout=${(e: FocusEvent) => this.onRowLeft(row, e)}
    >
      <select
        id=${`field-${row.id}`}
        part="builder-field"
        aria-label=${msg(str`Field of condition ${n}`, { id: 'filter-editor.builder.field' })}
        ?disabled=${locked}
        .value=${live(row.field)}
        @input=${(e: Event) => this.updateRow(row, { field: (e.target as HTMLSelectElement).value })}
        @change=${(e: Event) => {
          this.updateRow(row, { field: (e.target as HTMLSelectElement).value });
          this.onBuilderChange();
        }}
      >
        ${fieldKnown ? nothing : html`<option value=${row.field} selected>${row.field}</option>`}
        ${this.#fields.map(
          (f) =>
            html`<option value=${f.name} ?selected=${f.name === row.field}>
              ${fieldLabel(f)}
            </option>`,
        )}
      </select>
      <select
        id=${`condition-${row.id}`}
        part="builder-condition"
        aria-label=${msg(str`Comparison of condition ${n}`, { id: 'filter-editor.builder.condition' })}
        ?disabled=${locked}
        .value=${live(row.condition)}
        @input=${(e: Event) =>
          this.updateRow(row, { condition: (e.target as HTMLSelectElement).value as Condition })}
        @change=${(e: Event) => {
          this.updateRow(row, { condition: (e.target as HTMLSelectElement).value as Condition });
          this.onBuilderChange();
        }}
      >
        ${CONDITIONS.map(
          (c) =>
            html`<option value=${c} ?selected=${c === row.condition}>
              ${this.conditionLabel(c)}
            </option>`,
        )}
      </select>
      ${
        needsValue(row.condition)
          ? html`<input
              id=${`value-${row.id}`}
              part="builder-value"
              type="text"
              dir="ltr"
              spellcheck="false"
              autocomplete="off"
              aria-label=${msg(str`Value of condition ${n}`, { id: 'filter-editor.builder.value' })}
              aria-describedby=${incomplete ? `row-message-${row.id}` : nothing}
              ?disabled=${this.isDisabled}
              ?readonly=${this.readonly}
              .value=${live(row.value)}
              @input=${(e: Event) => this.updateRow(row, { value: (e.target as HTMLInputElement).value })}
              @change=${(e: Event) => {
                this.updateRow(row, { value: (e.target as HTMLInputElement).value });
                this.onBuilderChange();
              }}
            />`
          : nothing
      }
      <button
        type="button"
        part="builder-remove"
        aria-label=${msg(str`Remove condition ${n}`, { id: 'filter-editor.builder.remove-row' })}
        ?disabled=${locked}
        @click=${() => this.removeItem(row)}
      >
        ${msg('Remove', { id: 'filter-editor.builder.remove' })}
      </button>
      ${
        incomplete
          ? html`<span
              id=${`row-message-${row.id}`}
              class=${flagged ? 'row-message' : 'row-message hint'}
            >
              ${msg('No value yet: this condition is left out of the filter until it has one.', {
                id: 'filter-editor.builder.incomplete',
              })}
            </span>`
          : nothing
      }
    </div>`;
  }
}

/** The visible label when the element has none of its own. */
function defaultLabel(): string {
  return msg('Data source filters', { id: 'filter-editor.label' });
}

/** A computed scroll padding in pixels: a length, or a percentage of the box ('auto': 0). */
function padding(value: string, height: number): number {
  const n = parseFloat(value);
  if (Number.isNaN(n)) return 0;
  return value.endsWith('%') ? (n * height) / 100 : n;
}

function stop(e: Event): void {
  e.stopPropagation();
}

/**
 * The part of the window `el` can be seen in: clipped by every scrolling box around it, less
 * the scroll padding such a box declares for what covers its edges (a dialog's sticky header
 * and footer: the suggestions must not open under its Cancel and Create).
 */
function visibleBounds(el: Element): { top: number; bottom: number } {
  // The window first, less the page's own scroll padding (a site's sticky header).
  const page = getComputedStyle(document.documentElement);
  let top = padding(page.scrollPaddingTop, innerHeight);
  let bottom = innerHeight - padding(page.scrollPaddingBottom, innerHeight);
  for (let n: Element | null = el.parentElement; n;) {
    const style = getComputedStyle(n);
    if (n !== document.documentElement && style.overflowY !== 'visible') {
      const r = n.getBoundingClientRect();
      top = Math.max(top, r.top + padding(style.scrollPaddingTop, r.height));
      bottom = Math.min(bottom, r.bottom - padding(style.scrollPaddingBottom, r.height));
    }
    n = n.parentElement ?? ((n.getRootNode() as ShadowRoot).host || null);
  }
  return { top, bottom };
}
