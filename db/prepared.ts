/**
 * drizzle queries built once per connection and then run with `sql.placeholder` values. Without this,
 * drizzle builds a query's SQL from its builder objects on every call: with the server saving reviews
 * from 20 clients, that building was about a tenth of the server's CPU (and, inside a save, time spent
 * holding the write lock). The hot queries of a save and of the pages it renders are prepared here once,
 * keyed by name; a query whose shape varies (a filter present or not) has one key per shape.
 *
 *   const byId = prepared(db, 'users.byId', (d) => d.select().from(users).where(eq(users.id, sql.placeholder('id'))).prepare());
 *   byId.get({ id });
 *
 * A transaction shares its database's connection (better-sqlite3 runs one statement at a time on it), so a
 * query prepared through `tx` runs in whatever transaction is open when it is called. Values given for
 * placeholders compared with `eq()` reach SQLite as they are: pass 1/0 for a boolean column.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { readerFor } from './queries/rows';

const byConnection = new WeakMap<object, Map<string, unknown>>();

/** The object a database and its transactions share: drizzle's session, which holds the connection. */
function connectionOf(db: object): object {
  return (db as { session?: object }).session ?? db;
}

/** The query prepared under `key` for this connection, built by `build` on first use. */
export function prepared<D extends object, T>(db: D, key: string, build: (db: D) => T): T {
  const owner = connectionOf(db);
  let queries = byConnection.get(owner);
  if (!queries) byConnection.set(owner, (queries = new Map()));
  let query = queries.get(key) as T | undefined;
  if (query === undefined) {
    query = build(db);
    queries.set(key, query);
  }
  return query;
}

/**
 * A placeholder for `update().set({...})`, whose types take SQL but not a bare placeholder. The value
 * reaches SQLite as given, without the column's encoding.
 */
export function valueOf(name: string): SQL {
  return sql`${sql.placeholder(name)}`;
}

/**
 * Whole rows of one table from a prepared `select().from(table)…prepare()`, read as arrays and mapped as
 * selectRows maps them (db/queries/rows.ts): for long lists such as a risk's review history.
 */
export function rowsOf<T extends SQLiteTable>(table: T, query: { values(placeholders?: Record<string, unknown>): unknown[][] }, placeholders: Record<string, unknown>): Array<T['$inferSelect']> {
  const reader = readerFor(table);
  return query.values(placeholders).map(reader.map) as Array<T['$inferSelect']>;
}
