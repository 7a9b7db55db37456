'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { createRisk } from '@/db/mutations/risks';
import { authedAction } from '@/lib/auth/guard';
import { newRiskFormSchema } from '@/lib/validation/review';

/** Adds a risk with the next ref in its category; its first review is NEW. */
export const createRiskAction = authedAction('risk:create', newRiskFormSchema, (input, user) => {
  const ref = createRisk(getDb(), { userId: user.id, label: user.name }, { ...input, reason: input.reason || null });
  revalidatePath('/register');
  redirect(`/risks/${ref}?created=1`);
});
