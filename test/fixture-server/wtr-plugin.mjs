// A small in-memory fixture backend for the browser tests, mounted on the
// test runner's own origin (so `credentials: 'same-origin'` and response
// headers such as X-Request-Id behave as they do in production).
//
// Every test picks its own scenario id, so tests never see each other's data:
//
//   {base}/{scenario}/integrations            GET (list), POST (create)
//   {base}/{scenario}/integrations/{id}       PATCH, DELETE
//   {base}/{scenario}/_control                 PUT  { items?, faults?, latencyMs? }  set up
//                                              GET  → { items, log, faults }        inspect
//                                              PATCH { faults?, clearFaults?, items?, latencyMs? }
//                                              DELETE                               forget
//   {base}/_modules                             PUT { match, mode } / DELETE: the module gate
//   base = /fixture-api
//
// A fault is consumed by the next matching request:
//   { method?: 'GET'|'POST'|'PATCH'|'DELETE', times?: 1, delayMs?,
//     status?, body? (object → JSON), raw? (string body), contentType?, headers?,
//     problem? (object → application/problem+json), drop?: true (destroy the socket),
//     hang?: true (never answer until the client gives up) }
// A fault with only `delayMs` delays the request and then lets it through.
//
// The log records every request: { method, path, query, idempotencyKey, headers, body, at }.
// POST honours Idempotency-Key: the same key returns the same integration (201)
// and never creates a second one. An active vendor-managed Webex integration
// makes POST answer 409 vendor-managed-lock and PATCH/DELETE on it 423.

import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const BASE = '/fixture-api';
// The Graph stand-in (demo/server/graph/, TypeScript) answers under this prefix:
//   /fixture-graph/v1.0/users, /fixture-graph/v1.0/users/$count
//   /fixture-graph/_stand-in/{fail-next,latency,reset,requests}
// over generateDirectory(GRAPH_DIRECTORY), built once, on the first request.
const GRAPH_BASE = '/fixture-graph';
export const GRAPH_DIRECTORY = { count: 2000, seed: 6 };

/** @type {Map<string, any>} */
const scenarios = new Map();
let requestCounter = 0;

function scenario(id) {
  let s = scenarios.get(id);
  if (!s) {
    s = { items: [], faults: [], log: [], keys: new Map(), nextId: 1, latencyMs: 0 };
    scenarios.set(id, s);
  }
  return s;
}

function readBody(req) {
  return new Promise((resolve) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(''));
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function send(ctx, status, body, { contentType, headers } = {}) {
  ctx.status = status;
  ctx.set('X-Request-Id', `fx-${++requestCounter}`);
  ctx.set('Cache-Control', 'no-store');
  for (const [k, v] of Object.entries(headers ?? {})) ctx.set(k, String(v));
  if (body === undefined || status === 204) {
    ctx.body = null;
    if (status === 204) ctx.status = 204;
    return;
  }
  if (typeof body === 'string') {
    ctx.type = contentType ?? 'text/plain';
    ctx.body = body;
  } else {
    ctx.type = contentType ?? 'application/json';
    ctx.body = JSON.stringify(body);
  }
}

function problem(ctx, status, code, title, detail, extra = {}) {
  send(
    ctx,
    status,
    { type: `https://example.test/problems/${code}`, title, status, detail, code, ...extra },
    { contentType: 'application/problem+json' },
  );
}

function isLocked(s) {
  return s.items.some(
    (i) => i.source === 'webex' && i.managedBy === 'vendor' && i.status === 'active',
  );
}

function takeFault(s, method) {
  const index = s.faults.findIndex((f) => !f.method || f.method === method);
  if (index < 0) return undefined;
  const fault = s.faults[index];
  fault.times = (fault.times ?? 1) - 1;
  if (fault.times <= 0) s.faults.splice(index, 1);
  return fault;
}

async function handleControl(ctx, id) {
  const method = ctx.method;
  if (method === 'PUT' || method === 'POST') {
    const text = await readBody(ctx.req);
    const setup = text ? JSON.parse(text) : {};
    scenarios.delete(id);
    const s = scenario(id);
    s.items = setup.items ?? [];
    s.faults = setup.faults ?? [];
    s.latencyMs = setup.latencyMs ?? 0;
    send(ctx, 200, { ok: true });
    return;
  }
  if (method === 'PATCH') {
    // Append faults, keeping items and the log.
    const text = await readBody(ctx.req);
    const change = text ? JSON.parse(text) : {};
    const s = scenario(id);
    if (change.clearFaults) s.faults = [];
    s.faults.push(...(change.faults ?? []));
    if (change.items) s.items = change.items;
    if (change.latencyMs !== undefined) s.latencyMs = change.latencyMs;
    send(ctx, 200, { ok: true });
    return;
  }
  if (method === 'GET') {
    const s = scenario(id);
    send(ctx, 200, { items: s.items, log: s.log, faults: s.faults });
    return;
  }
  if (method === 'DELETE') {
    scenarios.delete(id);
    send(ctx, 204);
    return;
  }
  send(ctx, 405, { error: 'method not allowed' });
}

async function handleApi(ctx, s, rest) {
  const method = ctx.method;
  const text = method === 'POST' || method === 'PATCH' ? await readBody(ctx.req) : '';
  let body;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  const headers = {};
  for (const [k, v] of Object.entries(ctx.req.headers)) {
    if (
      k.startsWith('x-') ||
      k === 'idempotency-key' ||
      k === 'content-type' ||
      k === 'accept' ||
      k === 'accept-language'
    )
      headers[k] = v;
  }
  s.log.push({
    method,
    path: rest,
    query: ctx.query,
    idempotencyKey: ctx.get('Idempotency-Key') || null,
    headers,
    body,
    at: Date.now(),
  });

  if (s.latencyMs) await sleep(s.latencyMs);

  const fault = takeFault(s, method);
  if (fault) {
    if (fault.delayMs) await sleep(fault.delayMs);
    if (fault.hang) {
      // Never answer; the client's timeout or cancel ends it.
      await new Promise((resolve) => {
        ctx.req.on('close', resolve);
        setTimeout(resolve, 120_000);
      });
      ctx.respond = false;
      ctx.req.socket.destroy();
      return;
    }
    if (fault.drop) {
      ctx.respond = false;
      ctx.req.socket.destroy();
      return;
    }
    if (fault.problem) {
      const p = fault.problem;
      send(
        ctx,
        fault.status ?? p.status ?? 500,
        { status: fault.status ?? p.status, ...p },
        {
          contentType: 'application/problem+json',
          headers: fault.headers,
        },
      );
      return;
    }
    if (fault.raw !== undefined) {
      send(ctx, fault.status ?? 200, String(fault.raw), {
        contentType: fault.contentType ?? 'text/html',
        headers: fault.headers,
      });
      return;
    }
    if (fault.status !== undefined || fault.body !== undefined) {
      send(ctx, fault.status ?? 200, fault.body, {
        contentType: fault.contentType,
        headers: fault.headers,
      });
      return;
    }
    // delay-only fault: fall through to the normal handling
  }

  const match = /^\/integrations(?:\/([^/]+))?\/?$/.exec(rest);
  if (!match) {
    problem(ctx, 404, 'not-found', 'Not found', 'No such route.');
    return;
  }
  const itemId = match[1] ? decodeURIComponent(match[1]) : undefined;

  if (!itemId && method === 'GET') {
    send(ctx, 200, { items: s.items });
    return;
  }
  if (!itemId && method === 'POST') {
    const key = ctx.get('Idempotency-Key');
    if (key && s.keys.has(key)) {
      send(ctx, 201, s.keys.get(key));
      return;
    }
    if (isLocked(s)) {
      problem(
        ctx,
        409,
        'vendor-managed-lock',
        'Managed by the vendor',
        'Users’ synchronization is managed by the vendor.',
      );
      return;
    }
    if (!body || typeof body !== 'object' || body.authorized !== true || !body.consent) {
      problem(ctx, 400, 'validation-failed', 'Invalid request', 'The request is incomplete.', {
        errors: [{ field: 'authorized', code: 'required', message: 'Authorization is required.' }],
      });
      return;
    }
    const now = new Date().toISOString();
    const username = String(body.consent.username ?? '');
    const domain = username.includes('@') ? username.split('@')[1] : body.consent.tenantId;
    const item = {
      id: `int-${s.nextId++}`,
      source: body.source,
      displayName: `Entra ID — ${domain}`,
      tenantId: body.consent.tenantId,
      filter: body.filter ?? null,
      status: 'pending',
      statusMessage: 'Waiting for the first synchronization.',
      managedBy: 'customer',
      createdAt: now,
      updatedAt: now,
    };
    s.items.push(item);
    if (key) s.keys.set(key, item);
    send(ctx, 201, item, { headers: { Location: `${BASE}/x/integrations/${item.id}` } });
    return;
  }
  if (itemId && (method === 'PATCH' || method === 'DELETE')) {
    const index = s.items.findIndex((i) => i.id === itemId);
    if (index < 0) {
      problem(ctx, 404, 'not-found', 'Not found', 'No such integration.');
      return;
    }
    const item = s.items[index];
    if (item.managedBy === 'vendor') {
      problem(
        ctx,
        423,
        'vendor-managed-lock',
        'Managed by the vendor',
        'This integration is managed by the vendor.',
      );
      return;
    }
    if (method === 'DELETE') {
      s.items.splice(index, 1);
      send(ctx, 204);
      return;
    }
    const updated = {
      ...item,
      filter: body && typeof body === 'object' ? (body.filter ?? null) : item.filter,
      updatedAt: new Date().toISOString(),
    };
    s.items[index] = updated;
    send(ctx, 200, updated);
    return;
  }
  problem(ctx, 405, 'method-not-allowed', 'Method not allowed', `${method} is not allowed here.`);
}

/** A minimal Koa-like context over Node's req/res, flushed by finish(). */
function createContext(req, res) {
  const url = new URL(req.url ?? '/', 'http://fixture.local');
  const headers = {};
  return {
    req,
    res,
    method: req.method ?? 'GET',
    path: url.pathname,
    query: url.search,
    status: 404,
    type: undefined,
    body: null,
    respond: true,
    get(name) {
      const v = req.headers[name.toLowerCase()];
      return Array.isArray(v) ? v.join(', ') : (v ?? '');
    },
    set(name, value) {
      headers[name] = value;
    },
    finish() {
      if (!this.respond || res.headersSent || res.destroyed) return;
      for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
      if (this.type)
        res.setHeader('Content-Type', this.type.includes('/') ? this.type : 'text/plain');
      res.statusCode = this.status;
      res.end(this.body ?? undefined);
    },
  };
}

/** Handles a /fixture-api request with Node's req/res; false when the path isn't ours. */
export async function handleFixtureRequest(req, res) {
  const ctx = createContext(req, res);
  const path = ctx.path;
  if (!path.startsWith(BASE + '/')) return false;
  const rest = path.slice(BASE.length + 1);
  const slash = rest.indexOf('/');
  const id = decodeURIComponent(slash < 0 ? rest : rest.slice(0, slash));
  const tail = slash < 0 ? '' : rest.slice(slash);
  try {
    if (tail === '/_control') await handleControl(ctx, id);
    else await handleApi(ctx, scenario(id), tail);
  } catch (e) {
    ctx.status = 500;
    ctx.type = 'text/plain';
    ctx.body = `fixture server error: ${e?.message ?? e}`;
  }
  ctx.finish();
  return true;
}

/** Koa middleware form, for a dev-server `middleware` list. */
export async function fixtureMiddleware(ctx, next) {
  if (!ctx.path.startsWith(BASE + '/')) return next();
  ctx.respond = false;
  await handleFixtureRequest(ctx.req, ctx.res);
}

/** @type {Promise<(req: any, res: any) => unknown> | undefined} */
let graphListener;

/**
 * Bundles the stand-in (TypeScript) with esbuild in memory and imports it as a data: URL,
 * then mounts its Hono app under GRAPH_BASE. Done once, on the first /fixture-graph request.
 */
function loadGraphListener() {
  graphListener ??= (async () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const result = await build({
      stdin: {
        contents: `
          export { createGraphApp } from './demo/server/graph/app.ts';
          export { generateDirectory } from './demo/server/graph/directory.ts';
          export { Hono } from 'hono';
          export { getRequestListener } from '@hono/node-server';`,
        resolveDir: root,
        loader: 'ts',
        sourcefile: 'fixture-graph-entry.ts',
      },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      write: false,
      logLevel: 'error',
    });
    const code = result.outputFiles[0].text;
    const m = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
    const graph = m.createGraphApp({ users: m.generateDirectory(GRAPH_DIRECTORY) });
    const app = new m.Hono().route(GRAPH_BASE, graph);
    return m.getRequestListener(app.fetch);
  })();
  return graphListener;
}

async function handleGraphRequest(req, res) {
  try {
    const listener = await loadGraphListener();
    await listener(req, res);
  } catch (e) {
    graphListener = undefined;
    if (!res.headersSent) {
      res.statusCode = 500;
      res.setHeader('Content-Type', 'text/plain');
    }
    res.end(`fixture graph error: ${e?.message ?? e}`);
  }
}

/**
 * A gate on the test page's own modules, for a chunk that loads late or not at all:
 *   PUT {BASE}/_modules { match, mode: 'hang' | 'fail' }  requests whose path contains
 *       `match` wait (until the gate opens) or answer 500
 *   DELETE {BASE}/_modules  opens the gate: held requests go on, later ones pass
 * Tests that use it run alone (concurrency 1) and open it when done; see uncached().
 */
const gate = { match: '', mode: '', held: /** @type {(() => void)[]} */ ([]) };

async function handleGateRequest(req, res) {
  if (req.method === 'PUT') {
    const { match, mode } = JSON.parse((await readBody(req)) || '{}');
    Object.assign(gate, { match: String(match ?? ''), mode: String(mode ?? '') });
  } else if (req.method === 'DELETE') {
    gate.match = gate.mode = '';
    for (const release of gate.held.splice(0)) release();
  }
  res.writeHead(204, { 'Cache-Control': 'no-store' }).end();
}

/**
 * The project's own modules are served `no-store`, so every page asks the server for them
 * and the gate sees the request. The dev server sends compiled .ts without Cache-Control, so
 * the browser would reuse a chunk an earlier test file's page loaded and never ask (seen: the
 * failing-chunk test got the chunk from the cache when run after section.browser.test.ts).
 */
function uncached(res) {
  const setHeader = res.setHeader.bind(res);
  setHeader('Cache-Control', 'no-store');
  res.setHeader = (name, value) =>
    String(name).toLowerCase() === 'cache-control' ? res : setHeader(name, value);
}

/** True when the gate took the request (held it, or failed it). */
function gated(req, res, pass) {
  if (!gate.match || !(req.url ?? '').split('?')[0].includes(gate.match)) return false;
  if (gate.mode === 'fail') {
    res.writeHead(500, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' });
    res.end('gated by the test');
  } else gate.held.push(pass);
  return true;
}

/** The web-test-runner / web-dev-server plugin. */
export function fixtureServerPlugin() {
  return {
    name: 'ucx-fixture-server',
    serverStart({ server }) {
      // The dev server composed its Koa middleware before plugins start, so we
      // answer our own paths at the HTTP server and hand the rest on.
      const listeners = server.listeners('request');
      server.removeAllListeners('request');
      server.on('request', (req, res) => {
        if ((req.url ?? '').startsWith(BASE + '/_modules')) {
          void handleGateRequest(req, res);
          return;
        }
        if ((req.url ?? '').startsWith(BASE + '/')) {
          void handleFixtureRequest(req, res);
          return;
        }
        if ((req.url ?? '').startsWith(GRAPH_BASE + '/')) {
          void handleGraphRequest(req, res);
          return;
        }
        const pass = () => {
          if ((req.url ?? '').startsWith('/src/')) uncached(res);
          for (const listener of listeners) listener.call(server, req, res);
        };
        if (!gated(req, res, pass)) pass();
      });
    },
  };
}
