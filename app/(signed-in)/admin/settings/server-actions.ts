'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { recordSettingsDecision } from '@/db/mutations/settings';
import { authedAction } from '@/lib/auth/guard';
import type { FormState } from '@/lib/validation/form-state';
import { formatDay } from '@/lib/domain/dates';
import { parseSettingsForm } from '@/lib/validation/settings';

/** Records a decision on appetite, removal rule and factor names (admin), with who approved it. */
export const recordSettingsAction = authedAction('settings:manage', z.object({}), (_input, user, values): FormState => {
  const parsed = parseSettingsForm(values);
  if (!parsed.ok) return { fieldErrors: parsed.fieldErrors, values };
  recordSettingsDecision(getDb(), { userId: user.id, label: user.name }, { ...parsed.data, minuteRef: parsed.data.minuteRef || null });
  revalidatePath('/', 'layout');
  return { ok: true, message: `Recorded: from ${formatDay(parsed.data.effectiveFrom)} the risk appetite is ${parsed.data.appetite}.` };
});
