// The accounts of the local identity provider. Entra-shaped: every account has
// a tenant id (`tid`), an object id (`oid`) and a UPN-like `preferred_username`.

/** Microsoft's tenant id for personal (consumer) Microsoft accounts. */
export const CONSUMER_TENANT_ID = '9188040d-6c67-4c5b-b112-36a304b66dad';

/** The work tenant of the demo accounts. */
export const CONTOSO_TENANT_ID = '7c1f2b7e-3d7a-4a55-9a8e-2f4f1c9b6e01';

export type AccountKind = 'admin' | 'user' | 'personal';

export interface IdpAccount {
  /** Subject (`sub`) and accountId in oidc-provider. */
  sub: string;
  username: string;
  name: string;
  tid: string;
  oid: string;
  kind: AccountKind;
}

export const DEFAULT_ACCOUNTS: readonly IdpAccount[] = [
  {
    sub: 'c2f0f1d4-admin',
    username: 'admin@contoso.example',
    name: 'Ada Admin',
    tid: CONTOSO_TENANT_ID,
    oid: '0b6a3f52-7a3e-4d8e-9d0c-5a1e2f3b4c01',
    kind: 'admin',
  },
  {
    sub: 'c2f0f1d4-user',
    username: 'user@contoso.example',
    name: 'Ugo User',
    tid: CONTOSO_TENANT_ID,
    oid: '0b6a3f52-7a3e-4d8e-9d0c-5a1e2f3b4c02',
    kind: 'user',
  },
  {
    sub: 'c2f0f1d4-personal',
    username: 'someone@outlook.example',
    name: 'Pat Personal',
    tid: CONSUMER_TENANT_ID,
    oid: '0b6a3f52-7a3e-4d8e-9d0c-5a1e2f3b4c03',
    kind: 'personal',
  },
];
