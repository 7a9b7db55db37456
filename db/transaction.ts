/**
 * Write transactions. Every one begins IMMEDIATE: it takes the write lock when it starts, not at its first
 * write. Several server processes may share one database file (an operator's choice, behind a reverse
 * proxy). A deferred transaction that has read and then writes after another process committed cannot
 * wait for the lock: SQLite fails it at once with SQLITE_BUSY, because its snapshot is stale. An immediate
 * one waits its turn (busy_timeout) and then reads the latest state (a risk's version, the audit chain's
 * head) before it writes. The callback must be synchronous: better-sqlite3 cannot hold a transaction open
 * across an await.
 */
import type { Db } from './client';

/** The handle a transaction's callback receives: the same query builder as the database's. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Runs `fn` in one write transaction: committed when it returns, rolled back when it throws. */
export function writeTransaction<T>(db: Db, fn: (tx: Tx) => T): T {
  return db.transaction(fn, { behavior: 'immediate' });
}
