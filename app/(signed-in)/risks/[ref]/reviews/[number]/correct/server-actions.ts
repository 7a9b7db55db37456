'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { CorrectionError, StaleVersionError } from '@/db/errors';
import { correctReview } from '@/db/mutations/reviews';
import { getRiskByRef } from '@/db/queries/risks';
import { authedAction } from '@/lib/auth/guard';
import { today } from '@/lib/today';
import type { FormState } from '@/lib/validation/form-state';
import { correctionFormSchema } from '@/lib/validation/review';

/**
 * Records a correction of one of a risk's reviews (staff who log reviews). The review itself is kept; the
 * correction is in force from now on. Every refusal keeps what was typed and names the field.
 */
export const correctReviewAction = authedAction('review:log', correctionFormSchema, (input, user, values): FormState => {
  const db = getDb();
  const day = today();
  const risk = getRiskByRef(db, input.ref, day);
  const review = risk?.history.find((h) => h.id === input.reviewId);
  if (!risk || !review) return { formErrors: ['This review could not be found'], values };
  let sequence: number;
  try {
    ({ sequence } = correctReview(
      db,
      { userId: user.id, label: user.name },
      {
        reviewId: review.id,
        expectedCorrectionId: input.expectedCorrectionId,
        reviewedOn: input.reviewedOn ?? null,
        forum: input.forum,
        likelihood: input.likelihood,
        control: input.control,
        impact: input.impact,
        reason: input.reason || null,
        why: input.why,
        today: day,
        removalRule: { comparator: risk.settings.removalComparator, threshold: risk.settings.removalThreshold },
      },
    ));
  } catch (error) {
    if (error instanceof StaleVersionError)
      return {
        formErrors: [
          `Someone else corrected review ${review.sequence} of ${risk.ref} while you were working on it. Nothing of yours was saved and everything you typed is below: open the risk’s page to see their correction, then correct it again if it is still wrong.`,
        ],
        values,
      };
    if (error instanceof CorrectionError)
      return error.field ? { fieldErrors: { [error.field]: [error.message] }, values } : { formErrors: [error.message], values };
    throw error;
  }
  revalidatePath('/register');
  revalidatePath(`/risks/${risk.ref}`);
  redirect(`/risks/${risk.ref}?corrected=${sequence}#review-${sequence}`);
});
