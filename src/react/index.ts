// `ucx-user-sync/react`: React components for the package's elements, made
// with @lit/react. Importing this module registers the tags (it imports
// `ucx-user-sync/define`). Properties are set as properties (so objects and
// functions such as `fetch`, `requestHeaders`, `msalConfig`, `consent` pass
// through), and every custom event has a typed `on…` prop.
//
//   import { UcxUserSync } from 'ucx-user-sync/react';
//   <UcxUserSync endpoint="/api/integrations" clientId="…"
//     onIntegrationCreated={(e) => console.log(e.detail.integration)} />
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import '../ucx-user-sync.js';
import '../ucx-filter-editor.js';
import { UcxUserSync as UcxUserSyncElement } from '../components/user-sync/user-sync.js';
import { UcxFilterEditor as UcxFilterEditorElement } from '../components/filter-editor/filter-editor.js';
import type { UcxFilterChangeEvent } from '../components/filter-editor/filter-change-event.js';
import type {
  UcxBeforeCreateEvent,
  UcxConsentGrantedEvent,
  UcxErrorEvent,
  UcxIntegrationCreatedEvent,
  UcxIntegrationDeletedEvent,
  UcxIntegrationUpdatedEvent,
} from '../events/index.js';

/** `<ucx-user-sync>` as a React component. */
export const UcxUserSync = createComponent({
  react: React,
  tagName: 'ucx-user-sync',
  elementClass: UcxUserSyncElement,
  displayName: 'UcxUserSync',
  events: {
    onIntegrationCreated: 'ucx-integration-created' as EventName<UcxIntegrationCreatedEvent>,
    onIntegrationUpdated: 'ucx-integration-updated' as EventName<UcxIntegrationUpdatedEvent>,
    onIntegrationDeleted: 'ucx-integration-deleted' as EventName<UcxIntegrationDeletedEvent>,
    onConsentGranted: 'ucx-consent-granted' as EventName<UcxConsentGrantedEvent>,
    /** Cancelable: call `event.preventDefault()` to veto (or take over) the creation. */
    onBeforeCreate: 'ucx-before-create' as EventName<UcxBeforeCreateEvent>,
    onUcxError: 'ucx-error' as EventName<UcxErrorEvent>,
  },
});

/** `<ucx-filter-editor>` as a React component (form-associated; `name` submits its text). */
export const UcxFilterEditor = createComponent({
  react: React,
  tagName: 'ucx-filter-editor',
  elementClass: UcxFilterEditorElement,
  displayName: 'UcxFilterEditor',
  events: {
    /** Every change the admin makes: `{ value, valid, canonical?, error? }`. */
    onFilterChange: 'ucx-filter-change' as EventName<UcxFilterChangeEvent>,
    onInput: 'input' as EventName<Event>,
    onChange: 'change' as EventName<Event>,
  },
});

export type UcxUserSyncProps = React.ComponentProps<typeof UcxUserSync>;
export type UcxFilterEditorProps = React.ComponentProps<typeof UcxFilterEditor>;

export type {
  UcxBeforeCreateEvent,
  UcxConsentGrantedEvent,
  UcxErrorEvent,
  UcxFilterChangeEvent,
  UcxIntegrationCreatedEvent,
  UcxIntegrationDeletedEvent,
  UcxIntegrationUpdatedEvent,
};
