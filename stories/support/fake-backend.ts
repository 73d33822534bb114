// An in-browser stand-in for the host backend (README.md, "The backend contract",
// src/backend/openapi.yaml), for Storybook only: each story gets a fresh one
// with a canned behaviour, injected through the element's `fetch` property.
// It is a design fixture, not a test of the contract (test/ and demo/server/
// own that).
import type {
  CreateIntegration,
  Integration,
  Problem,
  UpdateIntegration,
} from '../../src/backend/types.js';

/** How one kind of call answers. */
export type Behaviour =
  | { kind: 'ok'; delay?: number }
  /** Never answers (until the element aborts the request). */
  | { kind: 'never' }
  | { kind: 'problem'; status: number; problem: Problem; requestId?: string; delay?: number };

export interface FakeBackendOptions {
  items?: Integration[];
  list?: Behaviour;
  create?: Behaviour;
  update?: Behaviour;
  remove?: Behaviour;
}

export interface FakeBackend {
  fetch: typeof globalThis.fetch;
  /** Requests received, oldest first (method and path). */
  calls: { method: string; path: string; body?: unknown }[];
  /** The backend's current list. */
  items: Integration[];
}

export const ENDPOINT = '/api/user-sync/integrations';

const OK: Behaviour = { kind: 'ok', delay: 150 };

function json(status: number, body: unknown, type = 'application/json', requestId?: string) {
  const headers = new Headers({ 'Content-Type': type });
  if (requestId) headers.set('X-Request-Id', requestId);
  return new Response(status === 204 ? null : JSON.stringify(body), { status, headers });
}

function wait(ms: number, signal: AbortSignal | null | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const abort = () => reject(new DOMException('The operation was aborted.', 'AbortError'));
    if (signal?.aborted) return abort();
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        abort();
      },
      { once: true },
    );
  });
}

let counter = 0;

/**
 * The fixtures' server texts in Italian (status messages, problem details, field errors), for
 * a request in Italian (the element sends its language as Accept-Language), as the reference
 * backend translates its own (demo/server/backend/italian.ts): an Italian story shows no
 * English server text.
 */
const ITALIAN: Record<string, string> = {
  'The first synchronization starts in a few minutes.':
    'La prima sincronizzazione inizia tra pochi minuti.',
  'Waiting for the first synchronization.': 'In attesa della prima sincronizzazione.',
  'Consent was revoked in the tenant.': 'Il consenso è stato revocato nel tenant.',
  'The directory service did not answer in time.':
    'Il servizio di directory non ha risposto in tempo.',
  'Microsoft Graph did not confirm application access for the tenant.':
    'Microsoft Graph non ha confermato l’accesso dell’applicazione per il tenant.',
  'This directory does not allow filtering on department.':
    'Questa directory non consente di filtrare per reparto.',
  'The synchronization service is restarting.':
    'Il servizio di sincronizzazione si sta riavviando.',
};
const inItalian = (request: Request): boolean =>
  /^it\b/i.test(request.headers.get('Accept-Language') ?? '');
const italian = (text: string | undefined): string | undefined =>
  text === undefined ? text : (ITALIAN[text] ?? text);
const localized = (items: Integration[], request: Request): Integration[] =>
  inItalian(request)
    ? items.map((i) => ({ ...i, statusMessage: ITALIAN[i.statusMessage ?? ''] ?? i.statusMessage }))
    : items;
/** A problem's own texts (detail, field messages) in the request's language. */
function localizedProblem(problem: Problem, request: Request): Problem {
  if (!inItalian(request)) return problem;
  return {
    ...problem,
    ...(problem.detail === undefined ? {} : { detail: italian(problem.detail) }),
    ...(problem.errors
      ? { errors: problem.errors.map((e) => ({ ...e, message: italian(e.message) ?? e.message })) }
      : {}),
  };
}

/** A fresh backend with its own list. */
export function fakeBackend(options: FakeBackendOptions = {}): FakeBackend {
  const items = structuredClone(options.items ?? []);
  const calls: FakeBackend['calls'] = [];

  async function answer(
    behaviour: Behaviour,
    request: Request,
    signal: AbortSignal | null | undefined,
    ok: () => Response,
  ): Promise<Response> {
    if (behaviour.kind === 'never') {
      await new Promise<never>((_, reject) =>
        signal?.addEventListener(
          'abort',
          () => reject(new DOMException('The operation was aborted.', 'AbortError')),
          { once: true },
        ),
      );
    }
    await wait(('delay' in behaviour ? behaviour.delay : undefined) ?? 0, signal);
    if (behaviour.kind === 'problem') {
      return json(
        behaviour.status,
        { status: behaviour.status, ...localizedProblem(behaviour.problem, request) },
        'application/problem+json',
        behaviour.requestId,
      );
    }
    return ok();
  }

  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url, location.href);
    const method = request.method.toUpperCase();
    const signal = init?.signal;
    const text = method === 'GET' || method === 'DELETE' ? '' : await request.text();
    const body: unknown = text ? JSON.parse(text) : undefined;
    calls.push({ method, path: url.pathname, ...(body === undefined ? {} : { body }) });
    const id = decodeURIComponent(url.pathname.slice(ENDPOINT.length + 1));
    const now = new Date().toISOString();

    if (url.pathname === ENDPOINT && method === 'GET') {
      return answer(options.list ?? OK, request, signal, () =>
        json(200, { items: localized(items, request) }),
      );
    }
    if (url.pathname === ENDPOINT && method === 'POST') {
      return answer(options.create ?? OK, request, signal, () => {
        const create = body as CreateIntegration;
        const integration: Integration = {
          id: `int-${Date.now().toString(36)}-${++counter}`,
          source: create.source,
          displayName: `Microsoft Entra ID (${create.consent.tenantId.slice(0, 8)})`,
          tenantId: create.consent.tenantId,
          filter: create.filter,
          status: 'pending',
          statusMessage: 'The first synchronization starts in a few minutes.',
          managedBy: 'customer',
          createdAt: now,
          updatedAt: now,
        };
        items.push(integration);
        return json(201, localized([integration], request)[0]);
      });
    }
    const index = items.findIndex((i) => i.id === id);
    if (index < 0) {
      return json(404, { title: 'Not found', code: 'not-found' }, 'application/problem+json');
    }
    if (method === 'PATCH') {
      return answer(options.update ?? OK, request, signal, () => {
        const current = items[index]!;
        const updated: Integration = {
          ...current,
          filter: (body as UpdateIntegration).filter,
          updatedAt: now,
        };
        items[index] = updated;
        return json(200, updated);
      });
    }
    if (method === 'DELETE') {
      return answer(options.remove ?? OK, request, signal, () => {
        items.splice(index, 1);
        return json(204, null);
      });
    }
    return json(405, { title: 'Method not allowed' }, 'application/problem+json');
  };

  return { fetch, calls, items };
}

// ------------------------------------------------------------------ data

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';

export const ENTRA_SALES: Integration = {
  id: 'int-entra-sales',
  source: 'entra-id',
  displayName: 'Contoso — Sales and Marketing',
  tenantId: TENANT,
  filter: '(|(department=Sales)(department=Marketing))',
  status: 'active',
  managedBy: 'customer',
  createdAt: '2025-01-14T09:30:00Z',
  updatedAt: '2025-03-02T16:05:00Z',
  lastSyncAt: '2025-06-10T06:00:00Z',
  userCount: 214,
};

/**
 * What a backend may well send: a name and a message with no break point for a long way
 * (a URL), an unreadable date, a filter of 300 conditions.
 */
export const LONG_VALUES: Integration[] = [
  {
    ...ENTRA_SALES,
    id: 'int-long-name',
    displayName: `Contoso — ${'RegionalSalesOperationsEMEA'.repeat(3)}.onmicrosoft.com`,
    status: 'error',
    statusMessage: `Microsoft Graph refused the request: see https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=${'0'.repeat(36)}&scope=User.Read.All`,
    lastSyncAt: '2016-12-31T23:59:60Z',
  },
  {
    ...ENTRA_SALES,
    id: 'int-long-filter',
    displayName: 'Contoso — every department',
    filter: `(|${Array.from({ length: 300 }, (_, i) => `(department=Department ${i + 1})`).join('')})`,
  },
];

export const ENTRA_ALL: Integration = {
  id: 'int-entra-all',
  source: 'entra-id',
  displayName: 'Contoso — Milan office',
  tenantId: TENANT,
  filter: '(&(location=Milan)(!(department=Temp)))',
  status: 'pending',
  statusMessage: 'Waiting for the first synchronization.',
  managedBy: 'customer',
  createdAt: '2025-06-09T13:12:00Z',
  updatedAt: '2025-06-09T13:12:00Z',
};

export const ENTRA_ERROR: Integration = {
  id: 'int-entra-error',
  source: 'entra-id',
  displayName: 'Fabrikam subsidiary',
  tenantId: '0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9',
  filter: null,
  status: 'error',
  statusMessage: 'Consent was revoked in the tenant.',
  managedBy: 'customer',
  createdAt: '2024-11-02T08:00:00Z',
  updatedAt: '2025-05-30T10:44:00Z',
  lastSyncAt: '2025-05-30T10:44:00Z',
};

export const WEBEX_VENDOR: Integration = {
  id: 'int-webex-vendor',
  source: 'webex',
  displayName: 'Webex Control Hub',
  filter: null,
  status: 'active',
  managedBy: 'vendor',
  createdAt: '2024-02-20T11:00:00Z',
  updatedAt: '2024-02-20T11:00:00Z',
  lastSyncAt: '2025-06-10T05:45:00Z',
  userCount: 1320,
};

export const POPULATED: Integration[] = [ENTRA_SALES, ENTRA_ALL, ENTRA_ERROR];

export const LOAD_ERROR_500: Behaviour = {
  kind: 'problem',
  status: 500,
  requestId: 'req-7f3c9a12-load',
  problem: {
    type: 'about:blank',
    title: 'Internal Server Error',
    detail: 'The directory service did not answer in time.',
    code: 'internal',
    requestId: 'req-7f3c9a12-load',
  },
};

export const CREATE_FAILS_502: Behaviour = {
  kind: 'problem',
  status: 502,
  delay: 300,
  requestId: 'req-b41d0e77-create',
  problem: {
    type: 'about:blank',
    title: 'Bad Gateway',
    detail: 'Microsoft Graph did not confirm application access for the tenant.',
    code: 'upstream-unavailable',
    requestId: 'req-b41d0e77-create',
  },
};

/** The backend rejects an edited filter (400 with the error on the `filter` field). */
export const SAVE_REJECTS_FILTER_400: Behaviour = {
  kind: 'problem',
  status: 400,
  delay: 300,
  requestId: 'req-5e2a61c4-save',
  problem: {
    type: 'about:blank',
    title: 'Bad Request',
    code: 'invalid-filter',
    requestId: 'req-5e2a61c4-save',
    errors: [
      {
        field: 'filter',
        code: 'graph-unsupported',
        message: 'This directory does not allow filtering on department.',
        offset: 1,
        length: 10,
      },
    ],
  },
};

/** The backend is down while deleting (503 problem+json with a request id). */
export const DELETE_FAILS_503: Behaviour = {
  kind: 'problem',
  status: 503,
  delay: 300,
  requestId: 'req-c90d3f18-delete',
  problem: {
    type: 'about:blank',
    title: 'Service Unavailable',
    detail: 'The synchronization service is restarting.',
    code: 'unavailable',
    requestId: 'req-c90d3f18-delete',
  },
};
