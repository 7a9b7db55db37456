/**
 * Appending a review: the review row, the text and mitigation changes that came with it, archiving or
 * reinstating a topical risk, a new revision, and the audit row, all in one transaction, refused if the
 * risk changed since the form was opened (optimistic version).
 */
import { and, asc, desc, eq, isNull, lt, or } from 'drizzle-orm';
import { isEligibleForRemoval, type RemovalRule } from '@/lib/domain/categories';
import { directionOf, summaryText } from '@/lib/domain/direction';
import type { Forum } from '@/lib/domain/forums';
import type { ImpactArea } from '@/lib/domain/impact-areas';
import { correctionProblem, reviewDateProblem, type CorrectedValues } from '@/lib/domain/review';
import { scoreOf } from '@/lib/domain/scoring';
import type { Db } from '../client';
import { CorrectionError, InherentArchiveError, ProposalDecidedError, RemovalNotAllowedError, ReviewDateError, StaleVersionError } from '../errors';
import { reviewCorrections, reviewProposals, reviews, riskConsequences, riskImpactAreas, riskMitigations, riskRevisions, risks } from '../schema';
import { writeTransaction, type Tx } from '../transaction';
import { latestChange, reviewsInForce } from '../queries/risks';
import { writeAudit, type Actor } from './audit';

export type ReviewInput = {
  riskId: number;
  expectedVersion: number;
  reviewedOn: string;
  forum: Forum;
  likelihood: number;
  control: number;
  impact: number;
  reason: string | null;
  event?: string;
  consequences?: string[];
  impactAreas?: ImpactArea[];
  ownerId?: number | null;
  mitigations?: Array<{ id: number; text: string; ownerId: number | null; retire: boolean }>;
  newMitigations?: string[];
  newMitigationsOwnerId?: number | null;
  remove?: { reason: string } | null;
  removalRule: RemovalRule;
  /** An owner's pending proposal this review confirms. */
  proposalId?: number | null;
};

export type ReviewOutcome = { reviewId: number; ref: string; score: number; summary: string; archived: boolean; reinstated: boolean };

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Replaces a risk's consequences from a day when they differ; returns whether they changed. */
function applyConsequences(tx: Tx, riskId: number, next: string[], day: string): boolean {
  const current = tx
    .select()
    .from(riskConsequences)
    .where(and(eq(riskConsequences.riskId, riskId), isNull(riskConsequences.validTo)))
    .orderBy(asc(riskConsequences.position))
    .all();
  if (
    sameList(
      current.map((c) => c.text),
      next,
    )
  )
    return false;
  for (const row of current) tx.update(riskConsequences).set({ validTo: day }).where(eq(riskConsequences.id, row.id)).run();
  next.forEach((text, i) =>
    tx
      .insert(riskConsequences)
      .values({ riskId, position: i + 1, text, validFrom: day })
      .run(),
  );
  return true;
}

function applyImpactAreas(tx: Tx, riskId: number, next: ImpactArea[], day: string): boolean {
  const current = tx
    .select()
    .from(riskImpactAreas)
    .where(and(eq(riskImpactAreas.riskId, riskId), isNull(riskImpactAreas.validTo)))
    .all();
  const have = new Set(current.map((r) => r.area));
  const want = new Set(next);
  let changed = false;
  for (const row of current) {
    if (!want.has(row.area)) {
      tx.update(riskImpactAreas).set({ validTo: day }).where(eq(riskImpactAreas.id, row.id)).run();
      changed = true;
    }
  }
  for (const area of next) {
    if (!have.has(area)) {
      tx.insert(riskImpactAreas).values({ riskId, area, validFrom: day }).run();
      changed = true;
    }
  }
  return changed;
}

/** Retires, edits (close and re-add in place) and adds mitigations; returns a count of each. */
function applyMitigations(tx: Tx, riskId: number, input: ReviewInput, day: string) {
  const current = tx
    .select()
    .from(riskMitigations)
    .where(and(eq(riskMitigations.riskId, riskId), isNull(riskMitigations.validTo)))
    .orderBy(asc(riskMitigations.position))
    .all();
  const counts = { retired: 0, edited: 0, added: 0 };
  const byId = new Map(current.map((m) => [m.id, m]));
  for (const change of input.mitigations ?? []) {
    const row = byId.get(change.id);
    if (!row) continue;
    if (change.retire) {
      tx.update(riskMitigations).set({ validTo: day, retiredReason: 'Retired at review' }).where(eq(riskMitigations.id, row.id)).run();
      counts.retired++;
    } else if (change.text !== row.text || change.ownerId !== row.ownerId) {
      tx.update(riskMitigations).set({ validTo: day, retiredReason: 'Replaced by an edit at review' }).where(eq(riskMitigations.id, row.id)).run();
      tx.insert(riskMitigations).values({ riskId, position: row.position, text: change.text, ownerId: change.ownerId, validFrom: day }).run();
      counts.edited++;
    }
  }
  let position = current.reduce((max, m) => Math.max(max, m.position), 0);
  for (const text of input.newMitigations ?? []) {
    tx.insert(riskMitigations)
      .values({ riskId, position: ++position, text, ownerId: input.newMitigationsOwnerId ?? null, validFrom: day })
      .run();
    counts.added++;
  }
  return counts;
}

/** Marks a pending proposal confirmed by the review that answers it, inside the review's transaction. */
function confirmProposal(tx: Tx, actor: Actor, proposalId: number, riskId: number, reviewId: number): void {
  const result = tx
    .update(reviewProposals)
    .set({ status: 'confirmed', decidedByUserId: actor.userId, decidedAt: new Date().toISOString(), reviewId })
    .where(and(eq(reviewProposals.id, proposalId), eq(reviewProposals.riskId, riskId), eq(reviewProposals.status, 'pending')))
    .run();
  if (result.changes !== 1) throw new ProposalDecidedError();
}

/** Appends a review with everything that changed with it; refuses a stale version or an illegal removal. */
export function recordReview(db: Db, actor: Actor, input: ReviewInput): ReviewOutcome {
  return writeTransaction(db, (tx) => {
    const risk = tx.select().from(risks).where(eq(risks.id, input.riskId)).get();
    if (!risk) throw new Error('No such risk');
    if (risk.version !== input.expectedVersion) throw new StaleVersionError();
    const held = reviewsInForce(tx, risk.id);
    const last = held.at(-1);
    const problem = reviewDateProblem(
      risk,
      held.findLast((r) => r.reviewedOn !== null),
      input.reviewedOn,
      latestChange(tx, risk.id),
    );
    if (problem) throw new ReviewDateError(problem);
    const score = scoreOf(input);
    const eligible = isEligibleForRemoval(risk.category, score, input.removalRule);
    if (input.remove) {
      if (risk.category === 'inherent') throw new InherentArchiveError(risk.ref);
      if (!eligible) throw new RemovalNotAllowedError(risk.ref, score);
    }
    const review = tx
      .insert(reviews)
      .values({
        riskId: risk.id,
        sequence: (last?.sequence ?? 0) + 1,
        reviewedOn: input.reviewedOn,
        forum: input.forum,
        likelihood: input.likelihood,
        control: input.control,
        impact: input.impact,
        score,
        reason: input.reason || null,
        reviewerUserId: actor.userId,
        reviewerName: actor.label,
      })
      .returning({ id: reviews.id })
      .get();

    const day = input.reviewedOn;
    const changes: string[] = [];
    const event = input.event ?? risk.event;
    if (event !== risk.event) changes.push('event');
    const ownerId = input.ownerId === undefined ? risk.ownerId : input.ownerId;
    if (ownerId !== risk.ownerId) changes.push('owner');
    if (input.consequences && applyConsequences(tx, risk.id, input.consequences, day)) changes.push('consequences');
    if (input.impactAreas && applyImpactAreas(tx, risk.id, input.impactAreas, day)) changes.push('impact areas');
    const m = applyMitigations(tx, risk.id, input, day);
    if (m.retired) changes.push(`${m.retired} mitigation(s) retired`);
    if (m.edited) changes.push(`${m.edited} mitigation(s) edited`);
    if (m.added) changes.push(`${m.added} mitigation(s) added`);

    const archived = !!input.remove && risk.status === 'live';
    const reinstated = risk.status === 'archived' && !eligible;
    const status = archived ? 'archived' : reinstated ? 'live' : risk.status;
    const version = risk.version + 1;
    tx.update(risks)
      .set({
        event,
        ownerId,
        status,
        archivedOn: archived ? day : reinstated ? null : risk.archivedOn,
        archivedReason: archived ? input.remove!.reason || 'Score below the removal threshold' : reinstated ? null : risk.archivedReason,
        version,
        updatedAt: new Date().toISOString(),
      })
      .where(and(eq(risks.id, risk.id), eq(risks.version, input.expectedVersion)))
      .run();
    tx.insert(riskRevisions)
      .values({ riskId: risk.id, version, effectiveFrom: day, event, category: risk.category, status, ownerId, reviewId: review.id })
      .run();

    if (input.proposalId) confirmProposal(tx, actor, input.proposalId, risk.id, review.id);
    const summary = summaryText(directionOf(last?.score ?? null, score), last?.score ?? null, input.reason);
    writeAudit(tx, actor, {
      action: 'review.record',
      entityType: 'risk',
      entityId: risk.ref,
      summary: `Review of ${risk.ref} on ${day}: L${input.likelihood} C${input.control} I${input.impact} = ${score}; ${summary}${changes.length ? `; changed ${changes.join(', ')}` : ''}${archived ? '; removed from the live register' : ''}${reinstated ? '; reinstated to the live register' : ''}`,
      detail: { reviewId: review.id, forum: input.forum, changes, archived, reinstated },
    });
    return { reviewId: review.id, ref: risk.ref, score, summary, archived, reinstated };
  });
}

/**
 * Whether a review changed more than its score: the revision it wrote differs from the one before in event,
 * owner or status, or a list row of the risk opened or closed on its day (correctionProblem refuses to move
 * the date of such a review).
 */
function madeDatedChanges(tx: Tx, riskId: number, reviewId: number, day: string): boolean {
  const own = tx.select().from(riskRevisions).where(eq(riskRevisions.reviewId, reviewId)).get();
  if (own) {
    const before = tx
      .select()
      .from(riskRevisions)
      .where(and(eq(riskRevisions.riskId, riskId), lt(riskRevisions.version, own.version)))
      .orderBy(desc(riskRevisions.version))
      .limit(1)
      .get();
    if (before && (before.event !== own.event || before.ownerId !== own.ownerId || before.status !== own.status)) return true;
  }
  return [riskConsequences, riskMitigations, riskImpactAreas].some(
    (list) =>
      !!tx
        .select({ id: list.id })
        .from(list)
        .where(and(eq(list.riskId, riskId), or(eq(list.validFrom, day), eq(list.validTo, day))))
        .limit(1)
        .get(),
  );
}

export type CorrectionInput = CorrectedValues & {
  reviewId: number;
  /** The latest correction of the review when the form was opened (null: none), so two corrections cannot cross. */
  expectedCorrectionId: number | null;
  why: string;
  today: string;
  removalRule: RemovalRule;
};

const describe = (v: {
  reviewedOn: string | null;
  forum: string;
  likelihood: number | null;
  control: number | null;
  impact: number | null;
  score: number;
  reason: string | null;
}) =>
  `${v.reviewedOn ?? 'date not recorded'}, ${v.forum}, L${v.likelihood ?? '-'} C${v.control ?? '-'} I${v.impact ?? '-'} = ${v.score}, reason: ${v.reason ?? 'none'}`;

/**
 * Appends a correction of a recorded review, with its audit entry, in one transaction. The review row is
 * never changed; the correction's values are in force from now on wherever the review is read. Refused
 * when the review was corrected since the form was opened, when the date would reorder the history
 * (correctionProblem), and when it would undo the removal this review made (record a new review instead).
 */
export function correctReview(db: Db, actor: Actor, input: CorrectionInput): { correctionId: number; ref: string; sequence: number } {
  return writeTransaction(db, (tx) => {
    const original = tx.select().from(reviews).where(eq(reviews.id, input.reviewId)).get();
    if (!original) throw new Error('No such review');
    const risk = tx.select().from(risks).where(eq(risks.id, original.riskId)).get()!;
    const held = reviewsInForce(tx, risk.id);
    const index = held.findIndex((r) => r.id === original.id);
    const review = held[index]!;
    if ((review.correction?.id ?? null) !== input.expectedCorrectionId) throw new StaleVersionError();
    const before = held.slice(0, index).findLast((r) => r.reviewedOn !== null);
    const after = held.slice(index + 1).find((r) => r.reviewedOn !== null);
    // Read only when the date moves: whether the review changed more than its score (correctionProblem's rule).
    const changedMoreThanScore = input.reviewedOn !== review.reviewedOn && !!review.reviewedOn && madeDatedChanges(tx, risk.id, original.id, review.reviewedOn);
    const problem = correctionProblem(
      risk,
      review,
      {
        before: before ? { reviewedOn: before.reviewedOn!, sequence: before.sequence } : null,
        after: after ? { reviewedOn: after.reviewedOn!, sequence: after.sequence } : null,
      },
      input,
      input.today,
      { sequence: review.sequence, changedMoreThanScore },
    );
    if (problem) throw new CorrectionError(problem.message, problem.field);
    const score = scoreOf(input);
    const removedBy = tx
      .select({ id: riskRevisions.id })
      .from(riskRevisions)
      .where(and(eq(riskRevisions.reviewId, original.id), eq(riskRevisions.status, 'archived')))
      .get();
    if (removedBy && risk.status === 'archived' && !isEligibleForRemoval(risk.category, score, input.removalRule))
      throw new CorrectionError(
        `This review removed ${risk.ref} from the register, which a score of ${score} would not allow. Record a new review of ${risk.ref} instead; it returns the risk to the register.`,
        'likelihood',
      );
    const correction = tx
      .insert(reviewCorrections)
      .values({
        reviewId: original.id,
        reviewedOn: input.reviewedOn,
        forum: input.forum as Forum,
        likelihood: input.likelihood,
        control: input.control,
        impact: input.impact,
        score,
        reason: input.reason || null,
        why: input.why,
        correctedByUserId: actor.userId,
        correctedByName: actor.label,
      })
      .returning({ id: reviewCorrections.id })
      .get();
    writeAudit(tx, actor, {
      action: 'review.correct',
      entityType: 'risk',
      entityId: risk.ref,
      summary: `Correction of review ${review.sequence} of ${risk.ref}: was ${describe(review)}; now ${describe({ ...input, score })}. Why: ${input.why}`,
      detail: { reviewId: original.id, correctionId: correction.id, replacesCorrectionId: review.correction?.id ?? null },
    });
    return { correctionId: correction.id, ref: risk.ref, sequence: review.sequence };
  });
}
