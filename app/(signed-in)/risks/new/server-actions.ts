'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { UnknownPersonError } from '@/db/errors';
import { createRisk } from '@/db/mutations/risks';
import { authedAction } from '@/lib/auth/guard';
import { newRiskFormSchema } from '@/lib/validation/review';

/** Adds a risk with the next ref in its category; its first review is NEW. */
export const createRiskAction = authedAction('risk:create', newRiskFormSchema, (input, user, values) => {
  let ref: string;
  try {
    ref = createRisk(getDb(), { userId: user.id, label: user.name }, { ...input, reason: input.reason || null });
  } catch (error) {
    if (error instanceof UnknownPersonError) return { fieldErrors: { [error.field]: ['Select the owner from the list'] }, values };
    throw error;
  }
  revalidatePath('/register');
  redirect(`/risks/${ref}?created=1`);
});
