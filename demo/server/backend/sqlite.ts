// better-sqlite3 ships no TypeScript types and @types/better-sqlite3 is not a
// dependency: load it through createRequire and describe the part we use.
import { createRequire } from 'node:module';

export interface Statement {
  run(...params: unknown[]): { changes: number; lastInsertRowid: number | bigint };
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}

export interface Database {
  prepare(sql: string): Statement;
  exec(sql: string): Database;
  pragma(sql: string, options?: { simple?: boolean }): unknown;
  transaction<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R;
  close(): Database;
  readonly open: boolean;
}

type DatabaseConstructor = new (filename: string, options?: { timeout?: number }) => Database;

const require = createRequire(import.meta.url);

export function openDatabase(filename: string): Database {
  const Ctor = require('better-sqlite3') as DatabaseConstructor;
  return new Ctor(filename, { timeout: 5000 });
}
