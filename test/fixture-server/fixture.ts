// Browser-side helpers for the fixture backend served by wtr-plugin.mjs.
import type { Integration } from '../../src/backend/types.js';

export interface FixtureFault {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  times?: number;
  delayMs?: number;
  status?: number;
  body?: unknown;
  raw?: string;
  contentType?: string;
  headers?: Record<string, string>;
  problem?: Record<string, unknown>;
  drop?: boolean;
  hang?: boolean;
}

export interface FixtureSetup {
  items?: Integration[];
  faults?: FixtureFault[];
  latencyMs?: number;
}

export interface LoggedRequest {
  method: string;
  path: string;
  /** The query string, with its `?` ('' when none). */
  query: string;
  idempotencyKey: string | null;
  headers: Record<string, string>;
  body: unknown;
  at: number;
}

let counter = 0;

/** Creates a fresh scenario and returns its collection endpoint. */
export async function scenario(setup: FixtureSetup = {}): Promise<{
  id: string;
  endpoint: string;
  log: () => Promise<LoggedRequest[]>;
  items: () => Promise<Integration[]>;
  faults: (faults: FixtureFault[]) => Promise<void>;
  clearFaults: () => Promise<void>;
  setItems: (items: Integration[]) => Promise<void>;
}> {
  const id = `s${Date.now().toString(36)}-${++counter}-${Math.random().toString(36).slice(2, 7)}`;
  const control = `/fixture-api/${id}/_control`;
  const res = await fetch(control, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(setup),
  });
  if (!res.ok) throw new Error(`fixture set-up failed: ${res.status}`);
  const state = async () =>
    (await (await fetch(control)).json()) as { items: Integration[]; log: LoggedRequest[] };
  return {
    id,
    endpoint: `/fixture-api/${id}/integrations`,
    log: async () => (await state()).log,
    items: async () => (await state()).items,
    // Appends faults without resetting items or the log.
    clearFaults: async () => {
      await fetch(control, { method: 'PATCH', body: JSON.stringify({ clearFaults: true }) });
    },
    // The collection as another admin (or an earlier request) left it; the log stays.
    setItems: async (items) => {
      await fetch(control, { method: 'PATCH', body: JSON.stringify({ items }) });
    },
    faults: async (faults) => {
      const res = await fetch(control, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ faults }),
      });
      if (!res.ok) throw new Error(`fixture fault set-up failed: ${res.status}`);
    },
  };
}

export function integration(over: Partial<Integration> = {}): Integration {
  return {
    id: 'int-a',
    source: 'entra-id',
    displayName: 'Entra ID — contoso.com',
    tenantId: '11111111-2222-3333-4444-555555555555',
    filter: '(department=Sales)',
    status: 'active',
    statusMessage: 'Synchronized 42 users.',
    managedBy: 'customer',
    createdAt: '2024-03-01T09:30:00Z',
    updatedAt: '2024-03-02T09:30:00Z',
    lastSyncAt: '2024-03-05T08:00:00Z',
    userCount: 42,
    ...over,
  };
}

export function vendorWebex(over: Partial<Integration> = {}): Integration {
  return integration({
    id: 'int-webex',
    source: 'webex',
    displayName: 'Webex — Imagicle',
    tenantId: undefined,
    filter: null,
    managedBy: 'vendor',
    statusMessage: 'Synchronizing every hour.',
    ...over,
  });
}

/**
 * Holds (`hang`) or fails (`fail`) the test page's own module requests whose path contains
 * `match` (a lazily loaded chunk), until openModuleGate(). Only one gate at a time.
 */
export async function gateModules(match: string, mode: 'hang' | 'fail'): Promise<void> {
  const res = await fetch('/fixture-api/_modules', {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ match, mode }),
  });
  if (!res.ok) throw new Error(`module gate set-up failed: ${res.status}`);
}

/** Lets the held module requests go on, and later ones through. */
export async function openModuleGate(): Promise<void> {
  await fetch('/fixture-api/_modules', { method: 'DELETE' });
}
