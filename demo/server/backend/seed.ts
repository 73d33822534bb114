// Sample integrations written on the first start of an empty data folder.
import type { StoredIntegration } from './store.js';

/** Id of the seeded vendor-managed Webex integration (the demo's lock switch toggles it). */
export const VENDOR_WEBEX_ID = '6f1c2a9e-3b7d-4e58-9c0a-1e2b3c4d5e6f';

/**
 * Tenants used by the seed: other organizations than the demo identity provider's (Contoso),
 * so that its administrator's first Create succeeds; editing a seeded row and choosing
 * Preview shows the element's "signed in to another organization" refusal.
 */
export const SEED_TENANTS = {
  northwind: '3f2b8c1d-5e6a-4b7c-8d9e-0a1b2c3d4e5f',
  fabrikam: '7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d',
} as const;

const day = 24 * 60 * 60 * 1000;

export function seedIntegrations(now: Date = new Date()): StoredIntegration[] {
  const at = (daysAgo: number, hours = 0): string =>
    new Date(now.getTime() - daysAgo * day - hours * 3_600_000).toISOString();
  return [
    {
      id: 'b6d3e1f0-8a2c-4c9e-9f1a-2d4e6f8a0c11',
      source: 'entra-id',
      displayName: 'Entra ID — northwind.example',
      tenantId: SEED_TENANTS.northwind,
      filter: '(&(department=Sales)(location=NYC))',
      status: 'active',
      statusMessage: 'Last synchronization completed: 248 users.',
      managedBy: 'customer',
      createdAt: at(94),
      updatedAt: at(12),
      lastSyncAt: at(0, 2),
      userCount: 248,
    },
    {
      id: 'c7e4f2a1-9b3d-4dae-8a2b-3e5f7a9b1d22',
      source: 'entra-id',
      displayName: 'Entra ID — fabrikam.onmicrosoft.com',
      tenantId: SEED_TENANTS.fabrikam,
      filter: '(|(department=Marketing)(email=*@fabrikam.com))',
      status: 'error',
      statusMessage:
        'Microsoft Graph answered 403 Forbidden: the admin consent was revoked. Grant consent again to resume synchronization.',
      managedBy: 'customer',
      createdAt: at(41),
      updatedAt: at(3),
      lastSyncAt: at(3, 5),
      userCount: 57,
    },
    {
      id: VENDOR_WEBEX_ID,
      source: 'webex',
      displayName: 'Webex Control Hub — configured by Imagicle Support',
      filter: null,
      status: 'disabled',
      statusMessage: 'Switched off. Imagicle Support manages this integration.',
      managedBy: 'vendor',
      createdAt: at(180),
      updatedAt: at(1),
    },
  ];
}
