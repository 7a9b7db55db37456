'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { createRisk } from '@/db/mutations/risks';
import { authedAction } from '@/lib/auth/guard';
import type { FormState } from '@/lib/validation/form-state';
import { today } from '@/lib/today';
import { parseNewRiskForm } from '@/lib/validation/review';

/** Adds a risk with the next ref in its category; its first review is NEW. */
export const createRiskAction = authedAction('risk:create', z.object({}), (_input, user, values): FormState => {
  const parsed = parseNewRiskForm(values, { today: today() });
  if (!parsed.ok) return { fieldErrors: parsed.fieldErrors, values };
  const ref = createRisk(getDb(), { userId: user.id, label: user.name }, { ...parsed.data, reason: parsed.data.reason || null });
  revalidatePath('/register');
  redirect(`/risks/${ref}?created=1`);
});
