import type { ConsentResult } from '../backend/types.js';

export interface UcxConsentGrantedDetail {
  /** Tenant, account and ID token; never the Graph access token. */
  consent: ConsentResult;
}

/** Fired when the consent popup returned a result. */
export class UcxConsentGrantedEvent extends CustomEvent<UcxConsentGrantedDetail> {
  static readonly eventName = 'ucx-consent-granted';
  constructor(detail: UcxConsentGrantedDetail) {
    super(UcxConsentGrantedEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ucx-consent-granted': UcxConsentGrantedEvent;
  }
}
