/**
 * This server process's better-sqlite3 connection, opened lazily (so `next build` never creates a
 * database) and migrated on first open. WAL lets readers run beside a writer, and several processes on
 * the same file take turns to write (db/transaction.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { installRowCapture } from './row-capture';
import * as schema from './schema';
import { completeAuditUpgrade } from './upgrade';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const DEFAULT_DATABASE_PATH = 'data/register.db';

/** The database file: `DATABASE_PATH`, relative to the project, or data/register.db. */
export function databasePath(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH);
}

/**
 * Whether a path is in the database's directory or below it: where whoever can write the database can
 * also write, so no place for the audit key or the checkpoints kept against it.
 */
export function insideDatabaseDirectory(file: string): boolean {
  const relative = path.relative(path.dirname(databasePath()), path.resolve(file));
  return !relative.startsWith('..') && !path.isAbsolute(relative);
}

function appliedMigrations(sqlite: Database.Database): number {
  const exists = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  return exists ? (sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get() as number) : 0;
}

/**
 * Opens a database file, sets its pragmas, brings its schema up to date and makes the connection capture
 * the rows it writes for the audit log (db/row-capture.ts).
 */
export function openDatabase(file: string): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = drizzle(sqlite, { schema });
  const applied = appliedMigrations(sqlite);
  migrate(db, { migrationsFolder: path.resolve(/*turbopackIgnore: true*/ process.cwd(), 'drizzle') });
  installRowCapture(sqlite);
  // Only the open that applied the upgrade's migration completes it (db/upgrade.ts).
  if (appliedMigrations(sqlite) > applied) completeAuditUpgrade(db);
  // Statistics for the query planner, as SQLite advises for long-lived connections: without them it can
  // build a throwaway index per query instead of using ours (seen on the review export). Bounded, and a
  // no-op when the statistics are current.
  sqlite.pragma('analysis_limit = 1000');
  sqlite.pragma('optimize = 0x10002');
  return db;
}

/**
 * A connection of its own for one long read that streams (exports, evidence packs). better-sqlite3 refuses
 * every write on a connection while one of its cursors is open, so a cursor held open across a streamed
 * response on the shared connection would make every save in the app fail until the download ended. A
 * read-only connection in WAL mode reads one consistent snapshot inside a transaction and blocks no writer.
 * Close it when the stream ends.
 */
export function openReadOnlyDatabase(file: string = databasePath()): Db {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  return drizzle(sqlite, { schema });
}

/**
 * Wraps a response body so `done` runs once when it has been read to the end, fails, or is cancelled by
 * the client: for closing the connection a streamed read was made on.
 */
export function closingWhenDone(body: ReadableStream<Uint8Array>, done: () => void): ReadableStream<Uint8Array> {
  let finished = false;
  const finish = () => {
    if (!finished) {
      finished = true;
      done();
    }
  };
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done: ended } = await reader.read();
        if (ended) {
          controller.close();
          finish();
        } else controller.enqueue(value);
      } catch (error) {
        finish();
        controller.error(error);
      }
    },
    async cancel(reason) {
      try {
        await reader.cancel(reason);
      } finally {
        finish();
      }
    },
  });
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
