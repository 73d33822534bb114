import type { Integration } from '../backend/types.js';

export interface UcxIntegrationUpdatedDetail {
  integration: Integration;
}

/** Fired when the backend confirmed a filter change (PATCH 200). */
export class UcxIntegrationUpdatedEvent extends CustomEvent<UcxIntegrationUpdatedDetail> {
  static readonly eventName = 'ucx-integration-updated';
  constructor(detail: UcxIntegrationUpdatedDetail) {
    super(UcxIntegrationUpdatedEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ucx-integration-updated': UcxIntegrationUpdatedEvent;
  }
}
