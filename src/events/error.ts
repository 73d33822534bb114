export type UcxErrorStage = 'validation' | 'consent' | 'backend' | 'load';

export interface UcxErrorDetail {
  stage: UcxErrorStage;
  /**
   * Stable code: a filter error code, a consent failure kind (or `other-tenant`: Preview, when
   * editing, signed in to another organization than the integration's), a problem code or
   * `http-<status>`.
   */
  code: string;
  /** The message shown to the admin (localized). */
  message: string;
  /** HTTP status, for backend and load failures. */
  status?: number;
  /** Request / correlation id, when the server sent one. */
  requestId?: string;
}

/** Fired whenever the element shows the admin a failure. */
export class UcxErrorEvent extends CustomEvent<UcxErrorDetail> {
  static readonly eventName = 'ucx-error';
  constructor(detail: UcxErrorDetail) {
    super(UcxErrorEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ucx-error': UcxErrorEvent;
  }
}
