'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { createProposal, declineProposal } from '@/db/mutations/proposals';
import { ProposalDecidedError } from '@/db/errors';
import { getRiskByRef } from '@/db/queries/risks';
import { authedAction, FORBIDDEN_MESSAGE } from '@/lib/auth/guard';
import type { FormState } from '@/lib/validation/form-state';
import { ownsRisk } from '@/lib/auth/ownership';
import { today } from '@/lib/today';
import { reviewCoreSchema } from '@/lib/validation/review';
import { LIMITS, tooLong } from '@/lib/validation/limits';

const proposeSchema = z.object({
  ref: z.string().regex(/^[IT][1-9][0-9]*$/, 'This risk could not be found'),
  likelihood: reviewCoreSchema.shape.likelihood,
  control: reviewCoreSchema.shape.control,
  impact: reviewCoreSchema.shape.impact,
  reason: z.string().trim().min(1, 'Enter why you propose this score').max(LIMITS.reason, tooLong('Reason', LIMITS.reason)),
  mitigationUpdate: z.string().trim().max(LIMITS.mitigationUpdate, tooLong('Mitigation update', LIMITS.mitigationUpdate)).default(''),
});

/** An owner proposes a score and mitigation updates for a risk they own; staff confirm or decline it. */
export const proposeReviewAction = authedAction('review:propose-own', proposeSchema, (input, user, values): FormState => {
  const db = getDb();
  const risk = getRiskByRef(db, input.ref, today());
  if (!risk) return { formErrors: ['This risk could not be found'], values };
  if (!ownsRisk(user, risk.owner?.id)) return { formErrors: [FORBIDDEN_MESSAGE], values };
  createProposal(
    db,
    { userId: user.id, label: user.name },
    {
      riskId: risk.id,
      likelihood: input.likelihood,
      control: input.control,
      impact: input.impact,
      reason: input.reason,
      mitigationUpdate: input.mitigationUpdate || null,
    },
  );
  revalidatePath(`/risks/${risk.ref}`);
  redirect(`/risks/${risk.ref}?proposed=1`);
});

const declineSchema = z.object({
  ref: z.string().regex(/^[IT][1-9][0-9]*$/, 'This risk could not be found'),
  proposalId: z.coerce.number().int().positive(),
  note: z.string().trim().min(1, 'Enter why the proposal is declined, for the owner').max(LIMITS.declineNote, tooLong('Note', LIMITS.declineNote)),
});

/** Staff decline an owner's proposal, with a note. */
export const declineProposalAction = authedAction('review:log', declineSchema, (input, user, values): FormState => {
  try {
    declineProposal(getDb(), { userId: user.id, label: user.name }, input.proposalId, input.note);
  } catch (error) {
    if (error instanceof ProposalDecidedError) return { formErrors: [error.message], values };
    throw error;
  }
  revalidatePath(`/risks/${input.ref}`);
  return { ok: true, message: 'Proposal declined.' };
});
