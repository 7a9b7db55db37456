/** Writes to risks: each in one transaction with a new revision and its audit row. */
import { and, eq } from 'drizzle-orm';
import { nextRef } from '@/lib/domain/categories';
import { datedBeforeLatestChange } from '@/lib/domain/review';
import { scoreOf } from '@/lib/domain/scoring';
import type { Db } from '../client';
import { people, reviews, riskConsequences, riskImpactAreas, riskMitigations, riskRevisions, risks } from '../schema';
import { ReviewDateError, StaleOwnerAssignmentError, StaleVersionError, UnknownPersonError } from '../errors';
import { latestChange } from '../queries/risks';
import { writeTransaction, type Tx } from '../transaction';
import { writeAudit, type Actor } from './audit';
import { personMayOwn } from '../queries/users';

/**
 * Sets a risk's owner inside the caller's transaction: bumps its version (refusing a stale one when
 * `expectedVersion` is given), appends a revision effective from the day, and audits the change.
 */
export function applyRiskOwner(tx: Tx, actor: Actor, input: { ref: string; ownerId: number | null; effectiveFrom: string; expectedVersion?: number }): void {
  const risk = tx.select().from(risks).where(eq(risks.ref, input.ref)).get();
  if (!risk) throw new Error(`No risk ${input.ref}`);
  const owner = input.ownerId === null ? null : tx.select({ name: people.name }).from(people).where(eq(people.id, input.ownerId)).get();
  if (input.ownerId !== null && !owner) throw new Error('No such person');
  if (input.ownerId !== null && !personMayOwn(tx, input.ownerId)) throw new UnknownPersonError('ownerId');
  const latest = latestChange(tx, risk.id);
  if (latest && datedBeforeLatestChange(input.effectiveFrom, latest))
    throw new ReviewDateError(
      `The owner of ${risk.ref} cannot change from a day before ${latest.day}, when ${latest.what}; a change cannot be dated before one already recorded`,
    );
  const version = risk.version + 1;
  const result = tx
    .update(risks)
    .set({ ownerId: input.ownerId, version, updatedAt: new Date().toISOString() })
    .where(and(eq(risks.id, risk.id), eq(risks.version, input.expectedVersion ?? risk.version)))
    .run();
  if (result.changes !== 1) throw new StaleVersionError();
  tx.insert(riskRevisions)
    .values({
      riskId: risk.id,
      version,
      effectiveFrom: input.effectiveFrom,
      event: risk.event,
      category: risk.category,
      status: risk.status,
      ownerId: input.ownerId,
    })
    .run();
  writeAudit(tx, actor, {
    action: 'risk.owner',
    entityType: 'risk',
    entityId: risk.ref,
    summary: `${risk.ref} owner: ${owner ? owner.name : 'unassigned'}`,
    detail: { before: risk.ownerId, after: input.ownerId },
  });
}

/**
 * Assigns owners to several risks at once, all or nothing: each change is a new revision with its own
 * audit entry, in one transaction; a risk saved by someone else since the page was opened refuses the lot.
 */
export function assignOwners(db: Db, actor: Actor, changes: Array<{ ref: string; ownerId: number | null; expectedVersion: number }>, day: string): number {
  return writeTransaction(db, (tx) => {
    for (const change of changes) {
      try {
        applyRiskOwner(tx, actor, { ref: change.ref, ownerId: change.ownerId, effectiveFrom: day, expectedVersion: change.expectedVersion });
      } catch (error) {
        if (error instanceof StaleVersionError) throw new StaleOwnerAssignmentError(change.ref);
        throw error;
      }
    }
    return changes.length;
  });
}

export type NewRiskInput = {
  category: 'inherent' | 'topical';
  dateIdentified: string;
  event: string;
  consequences: string[];
  impactAreas: Array<'Financial' | 'Legal' | 'Operational Delivery' | 'Performance' | 'Reputational'>;
  mitigations: string[];
  ownerId: number | null;
  likelihood: number;
  control: number;
  impact: number;
  forum: 'monthly' | 'cmb' | 'jiac' | 'panel' | 'other';
  reason: string | null;
};

/**
 * Adds a risk with the next ref in its category (one past the highest ever issued, archived included,
 * so refs are never reused) and records its first review, which the register shows as NEW.
 */
export function createRisk(db: Db, actor: Actor, input: NewRiskInput): string {
  return writeTransaction(db, (tx) => {
    // An owner id from the form must name someone who may own (the foreign key would otherwise fail as a 500).
    if (input.ownerId !== null && !personMayOwn(tx, input.ownerId)) throw new UnknownPersonError('ownerId');
    const issued = tx
      .select({ ref: risks.ref })
      .from(risks)
      .all()
      .map((r) => r.ref);
    const ref = nextRef(input.category, issued);
    const refNumber = Number(ref.slice(1));
    const score = scoreOf(input);
    const risk = tx
      .insert(risks)
      .values({
        ref,
        category: input.category,
        refNumber,
        dateIdentified: input.dateIdentified,
        event: input.event,
        status: 'live',
        ownerId: input.ownerId,
        version: 1,
      })
      .returning({ id: risks.id })
      .get();
    const day = input.dateIdentified;
    const review = tx
      .insert(reviews)
      .values({
        riskId: risk.id,
        sequence: 1,
        reviewedOn: day,
        forum: input.forum,
        likelihood: input.likelihood,
        control: input.control,
        impact: input.impact,
        score,
        reason: input.reason,
        reviewerUserId: actor.userId,
        reviewerName: actor.label,
      })
      .returning({ id: reviews.id })
      .get();
    tx.insert(riskRevisions)
      .values({
        riskId: risk.id,
        version: 1,
        effectiveFrom: day,
        event: input.event,
        category: input.category,
        status: 'live',
        ownerId: input.ownerId,
        reviewId: review.id,
      })
      .run();
    input.consequences.forEach((text, i) =>
      tx
        .insert(riskConsequences)
        .values({ riskId: risk.id, position: i + 1, text, validFrom: day })
        .run(),
    );
    input.mitigations.forEach((text, i) =>
      tx
        .insert(riskMitigations)
        .values({ riskId: risk.id, position: i + 1, text, ownerId: input.ownerId, validFrom: day })
        .run(),
    );
    for (const area of input.impactAreas) tx.insert(riskImpactAreas).values({ riskId: risk.id, area, validFrom: day }).run();
    writeAudit(tx, actor, {
      action: 'risk.create',
      entityType: 'risk',
      entityId: ref,
      summary: `Added ${input.category} risk ${ref}: ${input.event} (L${input.likelihood} C${input.control} I${input.impact} = ${score}, NEW)`,
    });
    return ref;
  });
}
