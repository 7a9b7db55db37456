'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { recordReview } from '@/db/mutations/reviews';
import { InherentArchiveError, ProposalDecidedError, RemovalNotAllowedError, ReviewDateError, StaleVersionError } from '@/db/errors';
import { getRiskByRef, latestChange, latestDatedReview } from '@/db/queries/risks';
import { authedAction } from '@/lib/auth/guard';
import type { FormState } from '@/lib/validation/form-state';
import { formatDay } from '@/lib/domain/dates';
import { assessReview, reviewDateProblem } from '@/lib/domain/review';
import { bandLabel } from '@/lib/domain/scoring';
import { today } from '@/lib/today';
import { reviewFormSchema } from '@/lib/validation/review';

/**
 * Someone saved this risk after the form was opened: refuse, say who and what, keep everything typed,
 * and carry the current version so that saving again applies this review on top, knowingly.
 */
function conflictState(risk: NonNullable<ReturnType<typeof getRiskByRef>>, values: Record<string, string | string[]>): FormState {
  const latest = risk.latest;
  return {
    formErrors: [
      `Someone else changed ${risk.ref} while you were reviewing it: the latest review is ${formatDay(latest.reviewedOn)} by ${latest.reviewerName ?? 'another user'} (${latest.summary}). Nothing of yours was saved and everything you typed is below. Check the risk’s page, then save again to apply your review on top.`,
    ],
    values: { ...values, version: String(risk.version) },
    data: { conflict: true },
  };
}

/**
 * Checks (intent=check: nothing is saved) or saves a review. The server computes score, band, appetite
 * and direction itself; a changed score needs a reason; a topical risk falling below the threshold is
 * removed only when the reviewer says so; a stale form is refused with everything typed kept.
 */
export const reviewRiskAction = authedAction('review:log', reviewFormSchema, (input, user, values): FormState => {
  const db = getDb();
  const day = today();
  // The checks need the latest review, lists and settings, not the whole history.
  const risk = getRiskByRef(db, input.ref, day, undefined, 'latest');
  if (!risk) return { formErrors: ['This risk could not be found'], values };
  if (input.version !== risk.version) return conflictState(risk, values);
  const current = new Set(risk.mitigations.map((m) => m.id));
  const rule = { comparator: risk.settings.removalComparator, threshold: risk.settings.removalThreshold };
  const assessment = assessReview({
    category: risk.category,
    status: risk.status,
    previousScore: risk.latest.score,
    factors: input,
    appetite: risk.settings.appetite,
    removalRule: rule,
  });
  const preview = {
    score: assessment.score,
    band: assessment.band,
    bandLabel: bandLabel(assessment.band),
    atOrAboveAppetite: assessment.atOrAboveAppetite,
    appetite: risk.settings.appetite,
    direction: assessment.direction,
    previousScore: assessment.previousScore,
    offerRemoval: assessment.offerRemoval,
    reinstates: assessment.reinstates,
    summary: assessment.summary(input.reason),
  };
  const fieldErrors: Record<string, string[]> = {};
  const dateProblem = reviewDateProblem(risk, latestDatedReview(db, risk.id), input.reviewedOn, latestChange(db, risk.id));
  if (dateProblem) fieldErrors.reviewedOn = [dateProblem];
  if (assessment.reasonRequired && !input.reason)
    fieldErrors.reason = [`Enter the reason the score changed from ${assessment.previousScore} to ${assessment.score}`];
  if (input.remove === 'yes' && risk.category === 'inherent') fieldErrors.remove = [new InherentArchiveError(risk.ref).message];
  else if (input.remove === 'yes' && !assessment.offerRemoval)
    fieldErrors.remove = [`${risk.ref} can only be removed when its score is below the removal threshold`];
  if (assessment.offerRemoval && !input.remove && input.intent === 'save') fieldErrors.remove = [`Select whether to remove ${risk.ref} from the live register`];
  if (assessment.offerRemoval && input.remove === 'yes' && !input.removalReason && input.intent === 'save')
    fieldErrors.removalReason = ['Enter why the risk is being removed'];
  if (Object.keys(fieldErrors).length) return { fieldErrors, values, data: { preview } };
  if (input.intent === 'check') return { values, data: { preview, checked: true } };

  try {
    recordReview(
      db,
      { userId: user.id, label: user.name },
      {
        riskId: risk.id,
        expectedVersion: input.version,
        reviewedOn: input.reviewedOn,
        forum: input.forum,
        likelihood: input.likelihood,
        control: input.control,
        impact: input.impact,
        reason: input.reason || null,
        event: input.event,
        consequences: input.consequences,
        impactAreas: input.impactAreas,
        ownerId: input.ownerId,
        mitigations: input.mitigations.filter((m) => current.has(m.id)),
        newMitigations: input.newMitigations,
        newMitigationsOwnerId: input.newMitigationsOwnerId,
        remove: assessment.offerRemoval && input.remove === 'yes' ? { reason: input.removalReason } : null,
        removalRule: rule,
        proposalId: input.proposalId ?? null,
      },
    );
  } catch (error) {
    if (error instanceof ProposalDecidedError)
      return { formErrors: ['The owner’s proposal has already been decided: reload the risk to see it. Nothing was saved.'], values };
    if (error instanceof StaleVersionError) return conflictState(getRiskByRef(db, input.ref, day, undefined, 'latest') ?? risk, values);
    if (error instanceof ReviewDateError) return { fieldErrors: { reviewedOn: [error.message] }, values, data: { preview } };
    if (error instanceof InherentArchiveError || error instanceof RemovalNotAllowedError)
      return { fieldErrors: { remove: [error.message] }, values, data: { preview } };
    throw error;
  }
  revalidatePath('/register');
  revalidatePath(`/risks/${risk.ref}`);
  redirect(input.returnTo === 'monthly' ? `/reviews/monthly?done=${risk.ref}` : `/risks/${risk.ref}?reviewed=1`);
});
