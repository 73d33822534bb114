import type { Integration } from '../backend/types.js';

export interface UcxIntegrationCreatedDetail {
  integration: Integration;
}

/** Fired when the backend confirmed a new integration (201). */
export class UcxIntegrationCreatedEvent extends CustomEvent<UcxIntegrationCreatedDetail> {
  static readonly eventName = 'ucx-integration-created';
  constructor(detail: UcxIntegrationCreatedDetail) {
    super(UcxIntegrationCreatedEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ucx-integration-created': UcxIntegrationCreatedEvent;
  }
}
