// Integrations and idempotency records in SQLite (better-sqlite3) under dataDir.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Integration, IntegrationStatus, ManagedBy } from '../../../src/backend/types.js';
import { openDatabase, type Database } from './sqlite.js';

export const DB_FILE_NAME = 'user-sync.sqlite';

/** A stored integration plus the reference backend's bookkeeping. */
export interface StoredIntegration extends Integration {
  /** When a `pending` integration becomes `active` (simulated first sync). */
  activateAt?: string;
}

interface Row {
  id: string;
  source: string;
  display_name: string;
  tenant_id: string | null;
  filter: string | null;
  status: IntegrationStatus;
  status_message: string | null;
  managed_by: ManagedBy;
  created_at: string;
  updated_at: string;
  last_sync_at: string | null;
  user_count: number | null;
  activate_at: string | null;
}

export interface StoredResponse {
  status: number;
  body: string;
  contentType: string;
  headers: Record<string, string>;
}

export interface IdempotencyRecord {
  key: string;
  fingerprint: string;
  response: StoredResponse;
  createdAt: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS integrations (
  id             TEXT PRIMARY KEY,
  source         TEXT NOT NULL,
  display_name   TEXT NOT NULL,
  tenant_id      TEXT,
  filter         TEXT,
  status         TEXT NOT NULL CHECK (status IN ('active', 'pending', 'error', 'disabled')),
  status_message TEXT,
  managed_by     TEXT NOT NULL CHECK (managed_by IN ('customer', 'vendor')),
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  last_sync_at   TEXT,
  user_count     INTEGER,
  activate_at    TEXT
);
-- One customer-managed integration per source and tenant (backstop for 409 already-exists).
CREATE UNIQUE INDEX IF NOT EXISTS integrations_one_per_tenant
  ON integrations (source, tenant_id) WHERE tenant_id IS NOT NULL AND managed_by = 'customer';
CREATE TABLE IF NOT EXISTS idempotency (
  key          TEXT PRIMARY KEY,
  fingerprint  TEXT NOT NULL,
  status       INTEGER NOT NULL,
  content_type TEXT NOT NULL,
  headers      TEXT NOT NULL,
  body         TEXT NOT NULL,
  created_at   TEXT NOT NULL
);
`;

function fromRow(r: Row): StoredIntegration {
  const i: StoredIntegration = {
    id: r.id,
    source: r.source,
    displayName: r.display_name,
    filter: r.filter,
    status: r.status,
    managedBy: r.managed_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
  if (r.tenant_id !== null) i.tenantId = r.tenant_id;
  if (r.status_message !== null) i.statusMessage = r.status_message;
  if (r.last_sync_at !== null) i.lastSyncAt = r.last_sync_at;
  if (r.user_count !== null) i.userCount = r.user_count;
  if (r.activate_at !== null) i.activateAt = r.activate_at;
  return i;
}

function toParams(i: StoredIntegration) {
  return {
    id: i.id,
    source: i.source,
    display_name: i.displayName,
    tenant_id: i.tenantId ?? null,
    filter: i.filter,
    status: i.status,
    status_message: i.statusMessage ?? null,
    managed_by: i.managedBy,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
    last_sync_at: i.lastSyncAt ?? null,
    user_count: i.userCount ?? null,
    activate_at: i.activateAt ?? null,
  };
}

/** The public shape (no bookkeeping fields). */
export function toWire(i: StoredIntegration): Integration {
  const { activateAt: _ignored, ...wire } = i;
  return wire;
}

export class IntegrationStore {
  readonly file: string;
  readonly db: Database;
  /** True when this open created the database (nothing was there before). */
  readonly fresh: boolean;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.file = join(dataDir, DB_FILE_NAME);
    this.db = openDatabase(this.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    this.db.exec(SCHEMA);
    const created = this.db.prepare("SELECT value FROM meta WHERE key = 'createdAt'").get();
    this.fresh = created === undefined;
    if (this.fresh) {
      this.db
        .prepare("INSERT INTO meta (key, value) VALUES ('createdAt', ?)")
        .run(new Date().toISOString());
    }
  }

  getMeta(key: string): string | undefined {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as
      { value: string } | undefined;
    return row?.value;
  }

  setMeta(key: string, value: string): void {
    this.db
      .prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run(key, value);
  }

  list(): StoredIntegration[] {
    const rows = this.db
      .prepare('SELECT * FROM integrations ORDER BY created_at ASC, rowid ASC')
      .all() as Row[];
    return rows.map(fromRow);
  }

  get(id: string): StoredIntegration | undefined {
    const row = this.db.prepare('SELECT * FROM integrations WHERE id = ?').get(id) as
      Row | undefined;
    return row ? fromRow(row) : undefined;
  }

  insert(i: StoredIntegration): void {
    this.db
      .prepare(
        `INSERT INTO integrations (id, source, display_name, tenant_id, filter, status, status_message,
           managed_by, created_at, updated_at, last_sync_at, user_count, activate_at)
         VALUES (@id, @source, @display_name, @tenant_id, @filter, @status, @status_message,
           @managed_by, @created_at, @updated_at, @last_sync_at, @user_count, @activate_at)`,
      )
      .run(toParams(i));
  }

  update(i: StoredIntegration): void {
    this.db
      .prepare(
        `UPDATE integrations SET source = @source, display_name = @display_name, tenant_id = @tenant_id,
           filter = @filter, status = @status, status_message = @status_message, managed_by = @managed_by,
           created_at = @created_at, updated_at = @updated_at, last_sync_at = @last_sync_at,
           user_count = @user_count, activate_at = @activate_at
         WHERE id = @id`,
      )
      .run(toParams(i));
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM integrations WHERE id = ?').run(id).changes > 0;
  }

  /** Runs `fn` in one SQLite transaction (synchronous, so atomic in this process too). */
  transaction<R>(fn: () => R): R {
    return this.db.transaction(fn)();
  }

  getIdempotency(key: string): IdempotencyRecord | undefined {
    const row = this.db.prepare('SELECT * FROM idempotency WHERE key = ?').get(key) as
      | {
          key: string;
          fingerprint: string;
          status: number;
          content_type: string;
          headers: string;
          body: string;
          created_at: string;
        }
      | undefined;
    if (!row) return undefined;
    return {
      key: row.key,
      fingerprint: row.fingerprint,
      createdAt: row.created_at,
      response: {
        status: row.status,
        body: row.body,
        contentType: row.content_type,
        headers: JSON.parse(row.headers) as Record<string, string>,
      },
    };
  }

  /** Stores the first result of a key; a second record for the same key is ignored. */
  putIdempotency(rec: IdempotencyRecord): void {
    this.db
      .prepare(
        `INSERT OR IGNORE INTO idempotency (key, fingerprint, status, content_type, headers, body, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        rec.key,
        rec.fingerprint,
        rec.response.status,
        rec.response.contentType,
        JSON.stringify(rec.response.headers),
        rec.response.body,
        rec.createdAt,
      );
  }

  /** Forgets idempotency keys older than `before` (ISO date-time). */
  pruneIdempotency(before: string): number {
    return this.db.prepare('DELETE FROM idempotency WHERE created_at < ?').run(before).changes;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
