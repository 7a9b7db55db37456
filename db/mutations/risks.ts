/** Writes to risks: each in one transaction with a new revision and its audit row. */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { people, riskRevisions, risks } from '../schema';
import { writeAudit, type Actor } from './audit';
import { StaleVersionError } from './users';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * Sets a risk's owner inside the caller's transaction: bumps its version (refusing a stale one when
 * `expectedVersion` is given), appends a revision effective from the day, and audits the change.
 */
export function applyRiskOwner(tx: Tx, actor: Actor, input: { ref: string; ownerId: number | null; effectiveFrom: string; expectedVersion?: number }): void {
  const risk = tx.select().from(risks).where(eq(risks.ref, input.ref)).get();
  if (!risk) throw new Error(`No risk ${input.ref}`);
  const owner = input.ownerId === null ? null : tx.select({ name: people.name }).from(people).where(eq(people.id, input.ownerId)).get();
  if (input.ownerId !== null && !owner) throw new Error('No such person');
  const version = risk.version + 1;
  const result = tx
    .update(risks)
    .set({ ownerId: input.ownerId, version, updatedAt: new Date().toISOString() })
    .where(and(eq(risks.id, risk.id), eq(risks.version, input.expectedVersion ?? risk.version)))
    .run();
  if (result.changes !== 1) throw new StaleVersionError();
  tx.insert(riskRevisions)
    .values({ riskId: risk.id, version, effectiveFrom: input.effectiveFrom, event: risk.event, category: risk.category, status: risk.status, ownerId: input.ownerId })
    .run();
  writeAudit(tx, actor, {
    action: 'risk.owner',
    entityType: 'risk',
    entityId: risk.ref,
    summary: `${risk.ref} owner: ${owner ? owner.name : 'unassigned'}`,
    detail: { before: risk.ownerId, after: input.ownerId },
  });
}

/** Makes a person the owner of a risk from a day, refusing a stale edit. */
export function assignRiskOwner(db: Db, actor: Actor, input: { ref: string; ownerId: number | null; expectedVersion: number; effectiveFrom: string }): void {
  db.transaction((tx) => applyRiskOwner(tx, actor, input));
}
