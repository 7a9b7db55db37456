/**
 * Write transactions. Every one begins IMMEDIATE: it takes the write lock when it starts, not at its first
 * write. Several server processes may share one database file (an operator's choice, behind a reverse
 * proxy). A deferred transaction that has read and then writes after another process committed cannot
 * wait for the lock: SQLite fails it at once with SQLITE_BUSY, because its snapshot is stale. An immediate
 * one waits its turn (busy_timeout) and then reads the latest state (a risk's version, the audit chain's
 * head) before it writes. The callback must be synchronous: better-sqlite3 cannot hold a transaction open
 * across an await.
 *
 * It is also the only place rows of the recorded tables may be written (db/row-capture.ts): it refuses to
 * commit when a row it wrote was not recorded by an audit entry written in it.
 */
import type { Db } from './client';
import { rowCapture, runningCapture, setRunningCapture } from './row-capture';

/** The handle a transaction's callback receives: the same query builder as the database's. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** The rows the running write transaction has written so far; for writeAudit. */
export function activeCapture() {
  const capture = runningCapture();
  if (!capture) throw new Error('an audit entry is written inside writeTransaction, with the change it records');
  return capture;
}

/** Runs `fn` in one write transaction: committed when it returns, rolled back when it throws. */
export function writeTransaction<T>(db: Db, fn: (tx: Tx) => T): T {
  const capture = rowCapture(db.$client);
  const outer = capture.depth === 0;
  const previous = runningCapture();
  if (outer) capture.clear();
  capture.depth++;
  setRunningCapture(capture);
  try {
    return db.transaction(
      (tx) => {
        const result = fn(tx);
        if (outer && capture.size) throw new Error(`rows written without an audit entry to record them (${capture.describe()})`);
        return result;
      },
      { behavior: 'immediate' },
    );
  } finally {
    capture.depth--;
    setRunningCapture(previous);
    if (outer) capture.clear();
  }
}
