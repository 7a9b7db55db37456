import { asc, count, desc, sql } from 'drizzle-orm';
import { auditHash } from '@/lib/domain/audit-chain';
import { rowDigest, type RowRecord } from '@/lib/domain/row-digest';
import { auditKey } from '../audit-key';
import { auditLog, auditPending } from '../schema';
import type { Db } from '../client';
import { writeTransaction, type Tx } from '../transaction';

/** Who made a change: a signed-in user, or the system itself (seed, migration, scheduled job). */
export type Actor = { userId: number | null; label: string };

export const SYSTEM_ACTOR: Actor = { userId: null, label: 'system' };

/** The longest summary kept: the log is permanent, so text that reaches it from input is bounded. */
const MAX_SUMMARY = 2000;

function bounded(text: string): string {
  return text.length > MAX_SUMMARY ? `${text.slice(0, MAX_SUMMARY - 1)}…` : text;
}

/**
 * The rows of kept tables written since the last entry (queued by the triggers of drizzle/0015), each with
 * its digest, in table and id order; the queue is emptied. A row the transaction wrote and then changed is
 * read once, as it ends up.
 */
export function takePendingRecords(tx: Tx): RowRecord[] | null {
  const pending = tx.select().from(auditPending).orderBy(asc(auditPending.tableName), asc(auditPending.rowId)).all();
  if (!pending.length) return null;
  tx.delete(auditPending).run();
  return pending.map(({ tableName, rowId }) => {
    const row = tx.get<Record<string, unknown>>(sql`SELECT * FROM ${sql.identifier(tableName)} WHERE id = ${rowId}`);
    return [tableName, rowId, rowDigest(row)];
  });
}

/**
 * Writes one audit record, chained to the one before it, with the digest of every row of a kept table
 * the transaction wrote; call it inside the transaction that makes the change it records.
 */
export function writeAudit(
  tx: Tx,
  actor: Actor,
  entry: { action: string; entityType: string; entityId?: string | number | null; summary: string; detail?: unknown },
): void {
  const key = auditKey();
  const previous = tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1).get();
  const values = {
    at: new Date().toISOString(),
    actorUserId: actor.userId,
    actorLabel: actor.label,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
    summary: bounded(entry.summary),
    detail: entry.detail === undefined ? null : JSON.parse(JSON.stringify(entry.detail)),
    records: takePendingRecords(tx),
  };
  const prevHash = previous?.hash ?? null;
  tx.insert(auditLog)
    .values({ ...values, prevHash, hash: auditHash(key, prevHash, values) })
    .run();
}

/**
 * Records, in one entry, rows queued outside any audited change: on upgrade, the rows written before
 * entries kept row digests (drizzle/0015 queues them). Returns how many; run on every start.
 */
export function recordQueuedRows(db: Db): number {
  return writeTransaction(db, (tx) => {
    const queued = tx.select({ n: count() }).from(auditPending).get()?.n ?? 0;
    if (!queued) return 0;
    writeAudit(tx, SYSTEM_ACTOR, {
      action: 'audit.record-earlier-rows',
      entityType: 'audit',
      summary: `Recorded the digests of ${queued} rows written before this version of the service kept them; changes to them from now on are detected`,
      detail: { rows: queued },
    });
    return queued;
  });
}
