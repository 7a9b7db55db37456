/**
 * This server process's better-sqlite3 connection, opened lazily (so `next build` never creates a
 * database) and migrated on first open. `npm start` runs several processes on the same file
 * (scripts/serve.mjs): WAL lets their readers run side by side, and writers take turns.
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

/**
 * Every transaction takes the write lock when it begins (BEGIN IMMEDIATE), not at its first write. The
 * server runs several processes on one file (scripts/serve.mjs). A deferred transaction that has read and
 * then writes after another process committed cannot wait for the lock: SQLite fails it at once with
 * SQLITE_BUSY, because its snapshot is stale. An immediate one waits its turn (busy_timeout) and then
 * reads the latest state, such as the risk's version and the audit chain's head, before it writes.
 */
function beginImmediately(db: Db): void {
  const transaction = db.transaction.bind(db);
  db.transaction = ((fn, config) => transaction(fn, { behavior: 'immediate', ...config })) as Db['transaction'];
}

/** Distinct statements kept per connection; drizzle writes a handful of dozen, `inArray` lists add more. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * The connection as drizzle sees it, with compiled statements reused by SQL text. drizzle compiles every
 * query again on every call (SQLite's prepare was about a twentieth of the server's time when saving
 * reviews). drizzle runs each statement to the end at once and sets raw mode itself where it uses it, so a
 * statement is reset to objects before it is handed out again. Everything else reaches the connection
 * itself; code that prepares its own statements (`db.$client`) gets the uncached connection.
 */
function withStatementCache(sqlite: Database.Database): Database.Database {
  const statements = new Map<string, Database.Statement>();
  const prepare = (source: string) => {
    let statement = statements.get(source);
    if (statement) {
      statements.delete(source);
      if (statement.reader) statement.raw(false);
    } else {
      statement = sqlite.prepare(source);
      if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!);
    }
    statements.set(source, statement);
    return statement;
  };
  return new Proxy(sqlite, {
    get(target, property) {
      if (property === 'prepare') return prepare;
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Opens a database file, sets its pragmas and brings its schema up to date. */
export function openDatabase(file: string): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = drizzle(withStatementCache(sqlite), { schema }) as Db;
  db.$client = sqlite;
  beginImmediately(db);
  migrate(db, { migrationsFolder: path.resolve(/*turbopackIgnore: true*/ process.cwd(), 'drizzle') });
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
  return drizzle(sqlite, { schema }) as Db;
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
