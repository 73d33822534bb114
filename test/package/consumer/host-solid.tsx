// Solid, as jsx-solid.d.ts says to use it: objects and functions as prop:, events as on:.
/// <reference types="ucx-user-sync/types/jsx-solid" />
import type { ConsentFunction } from 'ucx-user-sync';

const consent: ConsentFunction = async () => {
  throw new Error('not in this example');
};

export const section = (
  <ucx-user-sync
    endpoint="/api/user-sync/integrations"
    client-id="00000000-0000-0000-0000-000000000000"
    prop:consent={consent}
    prop:requestHeaders={() => ({ 'X-Tenant': 'contoso' })}
    on:ucx-error={(e) => console.log(e.detail.stage, e.detail.message)}
    on:ucx-integration-created={(e) => console.log(e.detail.integration.id)}
  />
);

export const editor = (
  <ucx-filter-editor on:ucx-filter-change={(e) => console.log(e.detail.valid)} />
);
