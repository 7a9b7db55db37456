import { desc, sql } from 'drizzle-orm';
import { auditHash } from '@/lib/domain/audit-chain';
import type { Db } from '../client';
import { prepared } from '../prepared';
import { auditLog } from '../schema';

/** Who made a change: a signed-in user, or the system itself (seed, migration, scheduled job). */
export type Actor = { userId: number | null; label: string };

export const SYSTEM_ACTOR: Actor = { userId: null, label: 'system' };

type Tx = Pick<Db, 'insert' | 'select'>;

/**
 * Writes one audit record, chained to the one before it; call it inside the transaction that makes the
 * change it records.
 */
export function writeAudit(
  tx: Tx,
  actor: Actor,
  entry: { action: string; entityType: string; entityId?: string | number | null; summary: string; detail?: unknown },
): void {
  const previous = prepared(tx, 'auditLog.head', (d) => d.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1).prepare()).get();
  const values = {
    at: new Date().toISOString(),
    actorUserId: actor.userId,
    actorLabel: actor.label,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
    summary: entry.summary,
    detail: entry.detail === undefined ? null : JSON.parse(JSON.stringify(entry.detail)),
  };
  const prevHash = previous?.hash ?? null;
  // A JSON column's placeholder value is always encoded (null would be stored as the text 'null'), so an
  // entry without detail has a statement of its own that writes NULL.
  const withDetail = values.detail !== null;
  const insert = prepared(tx, withDetail ? 'auditLog.insert' : 'auditLog.insert.noDetail', (d) =>
    d
      .insert(auditLog)
      .values({
        at: sql.placeholder('at'),
        actorUserId: sql.placeholder('actorUserId'),
        actorLabel: sql.placeholder('actorLabel'),
        action: sql.placeholder('action'),
        entityType: sql.placeholder('entityType'),
        entityId: sql.placeholder('entityId'),
        summary: sql.placeholder('summary'),
        detail: withDetail ? sql.placeholder('detail') : null,
        prevHash: sql.placeholder('prevHash'),
        hash: sql.placeholder('hash'),
      })
      .prepare(),
  );
  insert.run({ ...values, prevHash, hash: auditHash(prevHash, values) });
}
