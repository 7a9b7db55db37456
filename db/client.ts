/**
 * The one better-sqlite3 connection, opened lazily (so `next build` never creates a database) and
 * migrated on first open. WAL lets readers run beside the single writer.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const DEFAULT_DATABASE_PATH = 'data/register.db';

/** The database file: `DATABASE_PATH`, relative to the project, or data/register.db. */
export function databasePath(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH);
}

/** Opens a database file, sets its pragmas and brings its schema up to date. */
export function openDatabase(file: string): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = drizzle(sqlite, { schema }) as Db;
  migrate(db, { migrationsFolder: path.resolve(/*turbopackIgnore: true*/ process.cwd(), 'drizzle') });
  return db;
}

const globalForDb = globalThis as unknown as { registerDb?: Db; registerDbPath?: string };

/** The shared connection for this process (cached on globalThis so dev reloads reuse it). */
export function getDb(): Db {
  const file = databasePath();
  if (!globalForDb.registerDb || globalForDb.registerDbPath !== file) {
    globalForDb.registerDb = openDatabase(file);
    globalForDb.registerDbPath = file;
  }
  return globalForDb.registerDb;
}
