'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { recordSettingsDecision } from '@/db/mutations/settings';
import { authedAction } from '@/lib/auth/guard';
import type { FormState } from '@/lib/validation/form-state';
import { formatDay } from '@/lib/domain/dates';
import { settingsFormSchema } from '@/lib/validation/settings';

/** Records a decision on appetite, removal rule and factor names (admin), with who approved it. */
export const recordSettingsAction = authedAction('settings:manage', settingsFormSchema, (input, user): FormState => {
  recordSettingsDecision(getDb(), { userId: user.id, label: user.name }, { ...input, minuteRef: input.minuteRef || null });
  revalidatePath('/', 'layout');
  return { ok: true, message: `Recorded: from ${formatDay(input.effectiveFrom)} the risk appetite is ${input.appetite}.` };
});
