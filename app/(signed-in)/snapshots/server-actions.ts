'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { freezeSnapshot } from '@/db/mutations/snapshots';
import { authedAction } from '@/lib/auth/guard';
import type { FormState } from '@/lib/validation/form-state';
import { FORUMS } from '@/lib/domain/forums';
import { today } from '@/lib/today';
import { readDateInput } from '@/lib/validation/date-input';

const schema = z.object({
  forum: z.enum(FORUMS.filter((f) => f !== 'import') as ['monthly', 'cmb', 'jiac', 'panel', 'other'], { error: 'Select the meeting’s forum' }),
});

/** Freezes the register as at a day for a meeting (staff). */
export const freezeSnapshotAction = authedAction('snapshot:freeze', schema, (input, user, values): FormState => {
  const fieldErrors: Record<string, string[]> = {};
  const meeting = readDateInput(values, 'meetingOn', 'meeting date');
  if ('error' in meeting) fieldErrors.meetingOn = [meeting.error];
  const asAt = readDateInput(values, 'asAt', 'as-at date', { notAfter: today() });
  if ('error' in asAt) fieldErrors.asAt = [asAt.error];
  if ('error' in meeting || 'error' in asAt) return { fieldErrors, values };
  const id = freezeSnapshot(getDb(), { userId: user.id, label: user.name }, { forum: input.forum, meetingOn: meeting.day, asAt: asAt.day });
  revalidatePath('/snapshots');
  redirect(`/snapshots/${id}`);
});
