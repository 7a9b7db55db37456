import { desc, sql } from 'drizzle-orm';
import { auditHash } from '@/lib/domain/audit-chain';
import type { RowRecord } from '@/lib/domain/row-digest';
import { auditKey } from '../audit-key';
import { auditLog } from '../schema';
import type { Db } from '../client';
import { FULL_CHECK_ACTION, formatCheckpoint, type Checkpoint } from '../queries/audit';
import { activeCapture, writeTransaction, type Tx } from '../transaction';

/** Who made a change: a signed-in user, or the system itself (seed, migration, scheduled job). */
export type Actor = { userId: number | null; label: string };

export const SYSTEM_ACTOR: Actor = { userId: null, label: 'system' };

/** The longest summary kept: the log is permanent, so text that reaches it from input is bounded. */
const MAX_SUMMARY = 2000;

function bounded(text: string): string {
  return text.length > MAX_SUMMARY ? `${text.slice(0, MAX_SUMMARY - 1)}…` : text;
}

/**
 * The records of the rows the running transaction wrote since its last entry (db/row-capture.ts), each
 * read as it now is.
 */
function takeRecords(tx: Tx): RowRecord[] | null {
  return activeCapture().take((table, id) => tx.get<Record<string, unknown>>(sql`SELECT * FROM ${sql.identifier(table)} WHERE rowid = ${id}`));
}

/**
 * Writes one audit record, chained to the one before it, with the digest of every row of a recorded table
 * the transaction wrote since its last entry; call it inside the writeTransaction that makes the change.
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
    records: takeRecords(tx),
  };
  const prevHash = previous?.hash ?? null;
  tx.insert(auditLog)
    .values({ ...values, prevHash, hash: auditHash(key, prevHash, values) })
    .run();
}

/**
 * Records a full check (db/queries/audit.ts, verifyAuditLog with rows) in the chain: who or what ran it,
 * whether it passed, and the newest entry it covered, from which pages check the chain cheaply.
 */
export function recordFullCheck(
  db: Db,
  by: Actor,
  result: { ok: boolean; reason?: string; entries: number; head: Checkpoint | null; rows?: { checked: number } },
): void {
  writeTransaction(db, (tx) =>
    writeAudit(tx, by, {
      action: FULL_CHECK_ACTION,
      entityType: 'audit',
      entityId: result.head?.id ?? null,
      summary: result.ok
        ? `Full check passed: ${result.entries} entries chained and ${result.rows?.checked ?? 0} recorded rows matched`
        : `Full check failed: ${result.reason}`,
      detail: {
        ok: result.ok,
        reason: result.reason ?? null,
        head: result.head ? formatCheckpoint(result.head) : null,
        entries: result.entries,
        rows: result.rows?.checked ?? 0,
      },
    }),
  );
}
