// The JSX typings, referenced as README says.
/// <reference types="ucx-user-sync/types/jsx-react" />

export const section = (
  <ucx-user-sync
    endpoint="/api/user-sync/integrations"
    client-id="00000000-0000-0000-0000-000000000000"
    onucx-integration-created={(e) => console.log(e.detail.integration.id)}
  />
);
