import type { Integration } from '../backend/types.js';

export interface UcxIntegrationDeletedDetail {
  /** The integration as it was listed before deletion. */
  integration: Integration;
}

/** Fired when the backend confirmed a deletion (DELETE 204). */
export class UcxIntegrationDeletedEvent extends CustomEvent<UcxIntegrationDeletedDetail> {
  static readonly eventName = 'ucx-integration-deleted';
  constructor(detail: UcxIntegrationDeletedDetail) {
    super(UcxIntegrationDeletedEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ucx-integration-deleted': UcxIntegrationDeletedEvent;
  }
}
