import type { Db } from '../client';
import { auditLog } from '../schema';

/** Who made a change: a signed-in user, or the system itself (seed, migration, scheduled job). */
export type Actor = { userId: number | null; label: string };

export const SYSTEM_ACTOR: Actor = { userId: null, label: 'system' };

type Tx = Pick<Db, 'insert'>;

/** Writes one audit record; call it inside the transaction that makes the change it records. */
export function writeAudit(
  tx: Tx,
  actor: Actor,
  entry: { action: string; entityType: string; entityId?: string | number | null; summary: string; detail?: unknown },
): void {
  tx.insert(auditLog)
    .values({
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
      summary: entry.summary,
      detail: entry.detail ?? null,
    })
    .run();
}
