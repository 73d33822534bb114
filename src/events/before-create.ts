import type { ConsentResult, CreateIntegration } from '../backend/types.js';

export interface UcxBeforeCreateDetail {
  /**
   * What will be POSTed. It is fired before the consent popup opens (the popup
   * must open in the same click), so `consent` is present only when a consent
   * result from this dialog session is being reused.
   */
  body: Omit<CreateIntegration, 'consent'> & { consent?: ConsentResult };
}

/**
 * Fired, cancelable, when the admin clicks Create with valid data. Call
 * `preventDefault()` in the listener (synchronously) to veto: no popup opens, nothing
 * is sent, and the dialog says that the page stopped the creation.
 */
export class UcxBeforeCreateEvent extends CustomEvent<UcxBeforeCreateDetail> {
  static readonly eventName = 'ucx-before-create';
  constructor(detail: UcxBeforeCreateDetail) {
    super(UcxBeforeCreateEvent.eventName, {
      bubbles: true,
      composed: true,
      cancelable: true,
      detail,
    });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ucx-before-create': UcxBeforeCreateEvent;
  }
}
