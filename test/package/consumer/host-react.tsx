// The JSX typings, referenced as README says.
/// <reference types="ucx-user-sync/types/jsx-react" />

export const section = (
  <ucx-user-sync
    endpoint="/api/user-sync/integrations"
    client-id="00000000-0000-0000-0000-000000000000"
    onucx-integration-created={(e) => console.log(e.detail.integration.id)}
  />
);

// The editor's event is typed too (its class comes from the filter editor, not src/events).
export const editor = (
  <ucx-filter-editor
    value="(department=Sales)"
    onucx-filter-change={(e) => console.log(e.detail.valid, e.detail.canonical)}
  />
);
