'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { recordReview } from '@/db/mutations/reviews';
import { ReviewDateError, StaleVersionError } from '@/db/errors';
import { getRiskByRef } from '@/db/queries/risks';
import { authedAction } from '@/lib/auth/guard';
import type { FormState } from '@/lib/validation/form-state';
import { today } from '@/lib/today';
import { LIMITS, tooLong } from '@/lib/validation/limits';

const noChangeSchema = z.object({
  ref: z.string().regex(/^[IT][1-9][0-9]*$/, 'This risk could not be found'),
  version: z.coerce.number({ error: 'Reload the page and try again' }).int().positive(),
  reason: z.string().trim().min(1, 'Enter a reason, for example “business as usual”').max(LIMITS.reason, tooLong('Reason', LIMITS.reason)),
});

/** Records a monthly "No change" review (the same factors again, Maintain, with the reason given) and goes on to the next risk. */
export const noChangeAction = authedAction('review:log', noChangeSchema, (input, user, values): FormState => {
  const db = getDb();
  const day = today();
  const risk = getRiskByRef(db, input.ref, day);
  if (!risk) return { formErrors: ['This risk could not be found'], values };
  const { likelihood, control, impact } = risk.latest;
  if (likelihood === null || control === null || impact === null) {
    return { formErrors: [`${risk.ref}’s last review did not record its factors: choose “Update” to score it`], values };
  }
  try {
    recordReview(
      db,
      { userId: user.id, label: user.name },
      {
        riskId: risk.id,
        expectedVersion: input.version,
        reviewedOn: day,
        forum: 'monthly',
        likelihood,
        control,
        impact,
        reason: input.reason,
        removalRule: { comparator: risk.settings.removalComparator, threshold: risk.settings.removalThreshold },
      },
    );
  } catch (error) {
    if (error instanceof StaleVersionError)
      return { formErrors: [`Someone else has just reviewed ${risk.ref}. The list below is up to date: check it before carrying on.`] };
    if (error instanceof ReviewDateError) return { formErrors: [error.message] };
    throw error;
  }
  revalidatePath('/reviews/monthly');
  revalidatePath('/register');
  // The page says what was recorded above the next risk, so the banner never sits inside the next risk's form.
  redirect(`/reviews/monthly?done=${risk.ref}`);
});
