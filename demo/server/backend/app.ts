/**
 * The reference backend for `<ucx-user-sync>`: a Hono app implementing
 * src/backend/openapi.yaml (README.md, "The backend contract") on SQLite. Copy it as a starting point;
 * see the comments marked PRODUCTION for what a real backend adds.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { HttpBindings } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import type {
  CreateIntegration,
  Integration,
  UpdateIntegration,
} from '../../../src/backend/types.js';
import {
  FAULT_HEADER,
  FaultQueue,
  FaultSpecError,
  MALFORMED_HTML,
  normalizeFaultSpec,
  parseFaultHeader,
  sleep,
  truncateJson,
  type FaultSpec,
} from './faults.js';
import { canonicalFilter } from './filter.js';
import { ProblemError, problemResponse, type ProblemInit } from './problem.js';
import { inItalian, prefersItalian } from './italian.js';
import { loadContractSchemas, type SchemaName } from './schema.js';
import { VENDOR_WEBEX_ID, seedIntegrations } from './seed.js';
import { IntegrationStore, toWire, type StoredIntegration, type StoredResponse } from './store.js';
import { createTokenVerifier, type TokenVerifierOptions, type VerifiedIdentity } from './token.js';

export const DEFAULT_BASE_PATH = '/api/user-sync/integrations';

export interface AppAccessCheck {
  tenantId: string;
  identity: VerifiedIdentity;
  requestId: string;
}

export interface BackendOptions extends TokenVerifierOptions {
  /** Where the collection lives. Default `/api/user-sync/integrations`. */
  basePath?: string;
  /** Folder of the SQLite database (created if missing). */
  dataDir: string;
  /** Seed sample integrations into a new (empty) database. Default true. */
  seed?: boolean | StoredIntegration[];
  /** Enable fault injection (`X-Ucx-Fault`, `/__faults`). Tests only. Default false. */
  faults?: boolean;
  /** Enable `POST {basePath}/_demo/vendor-lock`. Default false. */
  demoControls?: boolean;
  /**
   * A new integration is `pending` until its (simulated) first synchronization,
   * this many ms after creation; it is shown `active` from then on. 0 = `active`
   * at once. Default 3000.
   */
  firstSyncDelayMs?: number;
  /**
   * How many directory users a (canonical) filter selects, for the simulated
   * synchronizations' counts: the demo counts the Graph stand-in's directory, so the list
   * and Preview agree. Default: a number derived from the integration's id.
   */
  countUsers?: (filter: string | null) => number;
  /**
   * Confirms that the tenant really granted app-only access before success is
   * reported (a consent popup that succeeded is no proof of it). Throw a ProblemError or return
   * `{ ok: false, detail }` to refuse. The reference backend has no client secret,
   * so the default accepts.
   */
  confirmAppAccess?: (
    check: AppAccessCheck,
  ) => Promise<void | { ok: true } | { ok: false; detail: string }>;
  /** Origins allowed by CORS (not needed behind a same-origin proxy). */
  corsOrigins?: string[];
  /** Largest accepted request body, bytes. Default 64 KiB. */
  maxBodyBytes?: number;
  /** How long an Idempotency-Key is remembered, ms. Default 24 h. */
  idempotencyTtlMs?: number;
  /** One line per request (never contains tokens or bodies). */
  log?: (entry: RequestLogEntry) => void;
  /** Clock (tests). */
  now?: () => Date;
}

export interface RequestLogEntry {
  requestId: string;
  method: string;
  path: string;
  status: number;
  ms: number;
  fault?: FaultSpec;
}

type Env = { Bindings: Partial<HttpBindings>; Variables: { requestId: string; fault?: FaultSpec } };

export interface BackendApp {
  app: Hono<Env>;
  /** `app.fetch`, for `serve()` or direct calls. */
  fetch: (request: Request, env?: Partial<HttpBindings>) => Response | Promise<Response>;
  store: IntegrationStore;
  /** The fault queue when `faults: true`. */
  faults?: FaultQueue;
  basePath: string;
  close(): void;
}

const REQUEST_ID_RE = /^[A-Za-z0-9._:-]{8,128}$/;

export function createBackendApp(options: BackendOptions): BackendApp {
  const basePath = (options.basePath ?? DEFAULT_BASE_PATH).replace(/\/+$/, '');
  const now = options.now ?? (() => new Date());
  const schemas = loadContractSchemas();
  const verifyToken = createTokenVerifier(options);
  const store = new IntegrationStore(options.dataDir);
  const faults = options.faults === true ? new FaultQueue() : undefined;
  const firstSyncDelayMs = options.firstSyncDelayMs ?? 3000;
  const idempotencyTtlMs = options.idempotencyTtlMs ?? 24 * 3_600_000;

  if (store.fresh && options.seed !== false) {
    const items = Array.isArray(options.seed) ? options.seed : seedIntegrations(now());
    store.transaction(() => items.forEach((i) => store.insert(i)));
  }
  store.pruneIdempotency(new Date(now().getTime() - idempotencyTtlMs).toISOString());

  /** Requests currently creating, by Idempotency-Key (concurrent repeats wait). */
  const inFlight = new Map<string, { fingerprint: string; done: Promise<void> }>();

  const app = new Hono<Env>();

  // --- Request id, logging, errors -------------------------------------------------

  app.use('*', async (c, next) => {
    const incoming = c.req.header('X-Request-Id');
    const requestId =
      incoming !== undefined && REQUEST_ID_RE.test(incoming) ? incoming : randomUUID();
    c.set('requestId', requestId);
    const started = performance.now();
    await next();
    c.res.headers.set('X-Request-Id', requestId);
    if (options.log) {
      const entry: RequestLogEntry = {
        requestId,
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      };
      const fault = c.get('fault');
      if (fault) entry.fault = fault;
      options.log(entry);
    }
  });

  if (options.corsOrigins && options.corsOrigins.length > 0) {
    app.use(
      '*',
      cors({
        origin: options.corsOrigins,
        allowMethods: ['GET', 'POST', 'PATCH', 'DELETE'],
        allowHeaders: [
          'Content-Type',
          'Idempotency-Key',
          'X-Request-Id',
          'X-CSRF-Token',
          FAULT_HEADER,
        ],
        exposeHeaders: ['X-Request-Id', 'Retry-After', 'Location', 'Idempotent-Replayed'],
        credentials: true,
      }),
    );
  }

  // Texts in the caller's language (Italian or English): see italian.ts. Inside the request
  // id's and CORS's middleware: the translated answer is a new Response, and the headers
  // those set on the way out (X-Request-Id, Access-Control-*) must land on it, not on the
  // English one it replaces.
  app.use('*', async (c, next) => {
    await next();
    if (!prefersItalian(c.req.header('Accept-Language'))) return;
    if (!/json/.test(c.res.headers.get('Content-Type') ?? '')) return;
    const body: unknown = await c.res
      .clone()
      .json()
      .catch(() => undefined);
    if (body === undefined) return;
    const headers = new Headers(c.res.headers);
    headers.delete('Content-Length');
    headers.set('Content-Language', 'it');
    c.res = new Response(JSON.stringify(inItalian(body)), { status: c.res.status, headers });
  });

  const problem = (c: Context<Env>, init: ProblemInit, headers: Record<string, string> = {}) =>
    problemResponse(init, c.get('requestId'), c.req.path, headers);

  app.onError((err, c) => {
    if (err instanceof ProblemError) return problem(c, err.init, err.headers);
    console.error(`[backend] ${c.get('requestId')} ${c.req.method} ${c.req.path} failed:`, err);
    return problem(c, {
      status: 500,
      code: 'server-error',
      title: 'Internal server error',
      detail: `Something went wrong on the server. Quote request id ${c.get('requestId')} to support.`,
    });
  });

  // Not `not-found`: that code says only that no integration has an id (openapi.yaml), and
  // the element takes it after an unanswered DELETE as "deleted".
  app.notFound((c) =>
    problem(c, {
      status: 404,
      code: 'no-route',
      title: 'Not found',
      detail: `Nothing is served at ${c.req.path}.`,
    }),
  );

  const isApiPath = (path: string) =>
    (path === basePath || path.startsWith(`${basePath}/`)) &&
    !path.startsWith(`${basePath}/_demo/`);

  // --- Fault injection (opt-in) ----------------------------------------------------

  if (faults) {
    app.post('/__faults', async (c) => {
      const body = await readJson(c);
      const next = (body as { next?: unknown } | null)?.next;
      try {
        if (!Array.isArray(next))
          throw new FaultSpecError('body must be { "next": [FaultSpec, …] }');
        faults.push(next.map(normalizeFaultSpec));
      } catch (err) {
        if (!(err instanceof FaultSpecError)) throw err;
        return problem(c, {
          status: 400,
          code: 'validation-failed',
          title: 'Invalid fault spec',
          detail: err.message,
          errors: [{ field: 'next', code: 'invalid', message: err.message }],
        });
      }
      return c.json({ pending: faults.list() });
    });
    app.get('/__faults', (c) => c.json({ pending: faults.list() }));
    app.delete('/__faults', (c) => {
      faults.clear();
      return c.body(null, 204);
    });

    app.use('*', async (c, next) => {
      if (!isApiPath(c.req.path)) return next();
      let spec: FaultSpec | undefined;
      const header = c.req.header(FAULT_HEADER);
      if (header !== undefined) {
        try {
          spec = parseFaultHeader(header);
        } catch (err) {
          if (!(err instanceof FaultSpecError)) throw err;
          return problem(c, {
            status: 400,
            code: 'validation-failed',
            title: 'Invalid fault header',
            detail: err.message,
            errors: [{ field: FAULT_HEADER, code: 'invalid', message: err.message }],
          });
        }
      } else {
        spec = faults.take(c.req.method);
      }
      if (!spec) return next();
      c.set('fault', spec);
      if (spec.latencyMs && !(await sleep(spec.latencyMs, c.req.raw.signal))) {
        // The client went away while we waited: don't run the handler.
        return new Response(null, { status: 499 });
      }
      if (!spec.kind) return next();
      if (spec.when === 'after') {
        await next();
        const real = c.res;
        c.res = undefined as unknown as Response; // let Hono replace, not merge, the response
        c.res = await faultResponse(c, spec, real);
        return;
      }
      return faultResponse(c, spec, undefined);
    });
  }

  async function faultResponse(
    c: Context<Env>,
    spec: FaultSpec,
    real: Response | undefined,
  ): Promise<Response> {
    switch (spec.kind) {
      case 'server-error': {
        const status = spec.status ?? 500;
        return problem(c, {
          status,
          code: 'server-error',
          title: status === 503 ? 'Service unavailable' : 'Internal server error',
          detail: `The server failed (injected fault). Quote request id ${c.get('requestId')} to support.`,
        });
      }
      case 'rate-limit': {
        const retryAfter = spec.retryAfter ?? 1;
        return problem(
          c,
          {
            status: 429,
            code: 'rate-limited',
            title: 'Too many requests',
            detail: `Too many requests: try again in ${retryAfter} s.`,
          },
          { 'Retry-After': String(retryAfter) },
        );
      }
      case 'too-large':
        return problem(c, {
          status: 413,
          code: 'payload-too-large',
          title: 'Request too large',
          detail: 'The request body is larger than this server accepts.',
        });
      case 'malformed-html':
        return new Response(MALFORMED_HTML, {
          status: 200,
          headers: { 'Content-Type': 'text/html; charset=utf-8' },
        });
      case 'malformed-json': {
        let text = JSON.stringify({
          id: randomUUID(),
          source: 'entra-id',
          displayName: 'Entra ID',
          filter: null,
          status: 'active',
        });
        let status = c.req.method === 'POST' ? 201 : 200;
        if (real) {
          const body = await real.text();
          if (body !== '') text = body;
          if (real.status >= 200 && real.status < 300 && real.status !== 204) status = real.status;
        }
        return new Response(truncateJson(text), {
          status,
          headers: { 'Content-Type': 'application/json' },
        });
      }
      case 'drop': {
        const socket = c.env?.incoming?.socket;
        if (socket) socket.destroy();
        else throw new Error('drop fault needs a real HTTP connection');
        return new Response(null, { status: 500 });
      }
      default:
        throw new Error(`unhandled fault kind ${String(spec.kind)}`);
    }
  }

  // --- Body handling -----------------------------------------------------------------

  app.use(
    '*',
    bodyLimit({
      maxSize: options.maxBodyBytes ?? 64 * 1024,
      onError: (c) =>
        problem(c as Context<Env>, {
          status: 413,
          code: 'payload-too-large',
          title: 'Request too large',
          detail: `The request body is larger than ${options.maxBodyBytes ?? 64 * 1024} bytes.`,
        }),
    }),
  );

  async function readJson(c: Context<Env>): Promise<unknown> {
    const type = c.req.header('Content-Type') ?? '';
    if (!/^application\/([a-z0-9.+-]+\+)?json\s*(;|$)/i.test(type)) {
      throw new ProblemError({
        status: 415,
        code: 'unsupported-media-type',
        title: 'Unsupported media type',
        detail: 'Send the body as application/json.',
      });
    }
    const text = await c.req.text();
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new ProblemError({
        status: 400,
        code: 'invalid-json',
        title: 'Invalid JSON',
        detail: 'The request body is not valid JSON.',
      });
    }
  }

  function validate<T>(name: SchemaName, value: unknown, extra: ProblemInit['errors'] = []): T {
    const errors = [...(extra ?? []), ...schemas.check(name, value)];
    if (errors.length > 0) {
      throw new ProblemError({
        status: 400,
        code: 'validation-failed',
        title: 'Invalid request',
        detail: errors.map((e) => e.message).join(' '),
        errors,
      });
    }
    return value as T;
  }

  function filterOrThrow(text: string | null): string | null {
    const result = canonicalFilter(text);
    if (!result.ok) throw new ProblemError(result.problem);
    return result.filter;
  }

  // --- State helpers -------------------------------------------------------------------

  /** options.countUsers' answer when it gives a count (a hook that fails counts nothing). */
  function counted(filter: string | null): number | undefined {
    try {
      const n = options.countUsers?.(filter);
      return Number.isSafeInteger(n) && (n as number) >= 0 ? n : undefined;
    } catch {
      return undefined;
    }
  }

  /** Simulated first synchronization: pending integrations whose time came become active. */
  function settle(): void {
    const t = now().toISOString();
    store.transaction(() => {
      for (const i of store.list()) {
        if (i.status !== 'pending' || i.activateAt === undefined || i.activateAt > t) continue;
        const userCount = counted(i.filter) ?? simulatedUserCount(i);
        const { activateAt, ...rest } = i;
        store.update({
          ...rest,
          status: 'active',
          statusMessage: `First synchronization completed: ${userCount} users.`,
          lastSyncAt: activateAt,
          userCount,
          updatedAt: activateAt,
        });
      }
    });
  }

  const activeVendorLock = (): StoredIntegration | undefined =>
    store
      .list()
      .find((i) => i.managedBy === 'vendor' && i.source === 'webex' && i.status === 'active');

  const lockedProblem = (status: 409 | 423, detail: string): ProblemInit => ({
    status,
    code: 'vendor-managed-lock',
    title: 'Managed by the vendor',
    detail,
  });

  function getOr404(id: string): StoredIntegration {
    const found = store.get(id);
    if (!found) {
      throw new ProblemError({
        status: 404,
        code: 'not-found',
        title: 'Integration not found',
        detail: 'No integration has this id. It may have been deleted meanwhile.',
      });
    }
    return found;
  }

  const json = (body: unknown, status: number, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers },
    });

  const replay = (stored: StoredResponse) =>
    new Response(stored.body, {
      status: stored.status,
      headers: {
        'Content-Type': stored.contentType,
        'Cache-Control': 'no-store',
        ...stored.headers,
        'Idempotent-Replayed': 'true',
      },
    });

  // --- Routes ----------------------------------------------------------------------------

  app.get(basePath, () => {
    settle();
    return json({ items: store.list().map(toWire) }, 200);
  });

  app.post(basePath, async (c) => {
    const requestId = c.get('requestId');
    const key = c.req.header('Idempotency-Key');
    const body = await readJson(c);
    const input = validate<CreateIntegration>(
      'CreateIntegration',
      body,
      schemas.checkIdempotencyKey(key),
    );
    const idemKey = key as string;
    const fingerprint = createHash('sha256').update(canonicalJson(input)).digest('hex');
    const reused = () =>
      new ProblemError({
        status: 422,
        code: 'idempotency-key-reused',
        title: 'Idempotency-Key reused',
        detail: 'This Idempotency-Key was already used for a different request. Use a new key.',
        errors: [
          {
            field: 'Idempotency-Key',
            code: 'idempotency-key-reused',
            message: 'This key was already used for a different request body.',
          },
        ],
      });

    // Repeats of a running request wait for it; only one runs per key at a time.
    for (;;) {
      const running = inFlight.get(idemKey);
      if (!running) break;
      if (running.fingerprint !== fingerprint) throw reused();
      await running.done;
    }
    const stored = store.getIdempotency(idemKey);
    if (stored) {
      if (stored.fingerprint !== fingerprint) throw reused();
      return replay(stored.response);
    }

    let finish!: () => void;
    const done = new Promise<void>((resolve) => (finish = resolve));
    inFlight.set(idemKey, { fingerprint, done });
    try {
      return await create(input, idemKey, fingerprint, requestId);
    } finally {
      inFlight.delete(idemKey);
      finish();
    }
  });

  async function create(
    input: CreateIntegration,
    idemKey: string,
    fingerprint: string,
    requestId: string,
  ): Promise<Response> {
    if (input.source !== 'entra-id') {
      throw new ProblemError({
        status: 400,
        code: 'validation-failed',
        title: 'Unsupported data source',
        detail: `This backend can't create "${input.source}" integrations.`,
        errors: [
          { field: 'source', code: 'unsupported-source', message: 'Only "entra-id" is supported.' },
        ],
      });
    }
    const filter = filterOrThrow(input.filter);
    if (input.consent.clientId !== options.clientId) {
      throw new ProblemError({
        status: 403,
        code: 'consent-invalid',
        title: 'Consent not accepted',
        detail: 'The consent was given to another application.',
        errors: [
          {
            field: 'consent.clientId',
            code: 'consent-invalid',
            message: 'The consent was given to another application.',
          },
        ],
      });
    }
    // The tenant comes from the verified token, never from the body.
    const identity = await verifyToken(input.consent.idToken, input.consent.tenantId);
    const tenantId = identity.tenantId;

    const assertCanCreate = () => {
      settle();
      if (activeVendorLock()) {
        throw new ProblemError(
          lockedProblem(
            409,
            'Imagicle Support manages the synchronization of this organization: no integration can be added here. Contact Imagicle Support to change it.',
          ),
        );
      }
      const existing = store
        .list()
        .find(
          (i) => i.source === 'entra-id' && i.managedBy === 'customer' && i.tenantId === tenantId,
        );
      if (existing) {
        throw new ProblemError({
          status: 409,
          code: 'already-exists',
          title: 'Integration already exists',
          detail: `This Entra ID tenant is already synchronized by "${existing.displayName}". Edit that integration instead.`,
        });
      }
    };
    assertCanCreate();

    // PRODUCTION: a successful consent popup is not proof of tenant-wide consent
    // (the popup only shows that one admin signed in). Before reporting success, get an app-only
    // token for `tenantId` (client credentials: this app's certificate or secret)
    // and make one Microsoft Graph call (e.g. GET /users?$top=1&$select=id); if it
    // fails with 401/403, answer 403 consent-invalid and create nothing. The
    // reference backend has no credentials for real tenants, so the default hook
    // accepts; it then stores the integration as `pending` until its (simulated)
    // first synchronization, as a real backend would while its first sync runs.
    if (options.confirmAppAccess) {
      const verdict = await options.confirmAppAccess({ tenantId, identity, requestId });
      if (verdict && verdict.ok === false) {
        throw new ProblemError({
          status: 403,
          code: 'consent-invalid',
          title: 'Consent not confirmed',
          detail: verdict.detail,
        });
      }
    }

    const t = now();
    const createdAt = t.toISOString();
    const integration: StoredIntegration = {
      id: randomUUID(),
      source: 'entra-id',
      displayName: entraDisplayName(identity),
      tenantId,
      filter,
      status: firstSyncDelayMs > 0 ? 'pending' : 'active',
      statusMessage:
        firstSyncDelayMs > 0
          ? 'Consent confirmed. The first synchronization is running.'
          : 'Consent confirmed.',
      managedBy: 'customer',
      createdAt,
      updatedAt: createdAt,
    };
    if (firstSyncDelayMs > 0) {
      integration.activateAt = new Date(t.getTime() + firstSyncDelayMs).toISOString();
    }
    const wire: Integration = toWire(integration);
    const response: StoredResponse = {
      status: 201,
      body: JSON.stringify(wire),
      contentType: 'application/json',
      headers: { Location: `${basePath}/${encodeURIComponent(integration.id)}` },
    };
    // The integration and the key's record commit together, or not at all.
    store.transaction(() => {
      assertCanCreate(); // again, atomically: another key may have won meanwhile
      store.insert(integration);
      store.putIdempotency({ key: idemKey, fingerprint, response, createdAt });
    });
    return new Response(response.body, {
      status: 201,
      headers: {
        'Content-Type': 'application/json',
        'Cache-Control': 'no-store',
        ...response.headers,
      },
    });
  }

  app.patch(`${basePath}/:id`, async (c) => {
    settle();
    const current = getOr404(c.req.param('id'));
    if (current.managedBy === 'vendor') {
      throw new ProblemError(
        lockedProblem(423, "Imagicle Support manages this integration: it can't be changed here."),
      );
    }
    const input = validate<UpdateIntegration>('UpdateIntegration', await readJson(c));
    const filter = filterOrThrow(input.filter);
    const at = now().toISOString();
    let updated: StoredIntegration = { ...current, filter, updatedAt: at };
    const userCount = current.status === 'active' ? counted(filter) : undefined;
    if (userCount !== undefined) {
      // Simulated: the new filters take effect with a synchronization right away.
      updated = {
        ...updated,
        userCount,
        lastSyncAt: at,
        statusMessage: `Synchronized with the new filters: ${userCount} users.`,
      };
    }
    store.update(updated);
    return json(toWire(updated), 200);
  });

  app.delete(`${basePath}/:id`, (c) => {
    const current = getOr404(c.req.param('id'));
    if (current.managedBy === 'vendor') {
      throw new ProblemError(
        lockedProblem(423, "Imagicle Support manages this integration: it can't be deleted here."),
      );
    }
    store.delete(current.id);
    return c.body(null, 204);
  });

  // --- Demo controls (opt-in) ------------------------------------------------------------

  if (options.demoControls === true) {
    const lockPath = `${basePath}/_demo/vendor-lock`;
    app.get(lockPath, () => json({ active: activeVendorLock() !== undefined }, 200));
    app.post(lockPath, async (c) => {
      const body = (await readJson(c)) as { active?: unknown } | null;
      if (typeof body?.active !== 'boolean') {
        throw new ProblemError({
          status: 400,
          code: 'validation-failed',
          title: 'Invalid request',
          detail: '"active" must be a boolean.',
          errors: [{ field: 'active', code: 'type', message: '"active" must be a boolean.' }],
        });
      }
      const active = body.active;
      const t = now().toISOString();
      const vendor =
        store.list().find((i) => i.managedBy === 'vendor' && i.source === 'webex') ??
        seedIntegrations(now()).find((i) => i.id === VENDOR_WEBEX_ID);
      if (!vendor) throw new Error('no vendor integration template');
      const next: StoredIntegration = {
        ...vendor,
        status: active ? 'active' : 'disabled',
        statusMessage: active
          ? 'Synchronizing Webex users. Configured and monitored by Imagicle Support.'
          : 'Switched off. Imagicle Support manages this integration.',
        updatedAt: t,
      };
      if (active) next.lastSyncAt = t;
      store.transaction(() => {
        if (store.get(next.id)) store.update(next);
        else store.insert(next);
      });
      return json({ active, integration: toWire(next) }, 200);
    });
  }

  // --- Anything else under the collection: 405 -------------------------------------------

  const methodNotAllowed = (allow: string) => (c: Context<Env>) =>
    problem(
      c,
      {
        status: 405,
        code: 'method-not-allowed',
        title: 'Method not allowed',
        detail: `${c.req.method} is not supported here. Allowed: ${allow}.`,
      },
      { Allow: allow },
    );
  app.all(basePath, methodNotAllowed('GET, POST'));
  app.all(`${basePath}/:id`, methodNotAllowed('PATCH, DELETE'));

  return {
    app,
    fetch: (request, env) => app.fetch(request, env ?? {}),
    store,
    ...(faults ? { faults } : {}),
    basePath,
    close: () => store.close(),
  };
}

/** `Entra ID — contoso.example`, from the signed-in admin's UPN domain. */
function entraDisplayName(identity: VerifiedIdentity): string {
  const domain = identity.username?.split('@')[1];
  return `Entra ID — ${domain && domain.length > 0 ? domain.toLowerCase() : identity.tenantId}`;
}

function simulatedUserCount(i: StoredIntegration): number {
  const h = createHash('sha256').update(i.id).digest();
  return 20 + (h.readUInt16BE(0) % 480);
}

/** JSON with object keys sorted, so equal bodies fingerprint equally. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
