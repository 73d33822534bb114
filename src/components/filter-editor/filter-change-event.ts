/** What `ucx-filter-change` carries. */
export interface UcxFilterChangeDetail {
  /** The text as typed (or as the builder wrote it). */
  value: string;
  /**
   * True when the filter can be used: blank (all users) or a valid filter. (A builder row
   * without a value is left out of `value` until it has one, so it never makes it invalid.)
   */
  valid: boolean;
  /** Canonical text (`formatFilter`), `''` for blank; absent when invalid. */
  canonical?: string;
  /** Why it is invalid: the engine's code, a localized message with its place, and the range. */
  error?: { code: string; message: string; offset: number; length: number };
}

/**
 * Fired by `<ucx-filter-editor>` whenever the admin changes the filter (typing, autocomplete,
 * Format, help examples, builder edits); not when `value` is set by code, nor on a mode switch alone.
 */
export class UcxFilterChangeEvent extends CustomEvent<UcxFilterChangeDetail> {
  static readonly eventName = 'ucx-filter-change';
  constructor(detail: UcxFilterChangeDetail) {
    super(UcxFilterChangeEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ucx-filter-change': UcxFilterChangeEvent;
  }
}
