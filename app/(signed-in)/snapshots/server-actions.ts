'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { freezeSnapshot } from '@/db/mutations/snapshots';
import { authedAction } from '@/lib/auth/guard';
import { FORUMS } from '@/lib/domain/forums';
import { today } from '@/lib/today';
import { dateField, withDateInputs } from '@/lib/validation/date-input';

const schema = withDateInputs(
  ['meetingOn', 'asAt'],
  z.object({
    forum: z.enum(FORUMS.filter((f) => f !== 'import') as ['monthly', 'cmb', 'jiac', 'panel', 'other'], { error: 'Select the meeting’s forum' }),
    meetingOn: dateField('meeting date'),
    asAt: dateField('as-at date', { notAfter: today }),
  }),
);

/** Freezes the register as at a day for a meeting (staff). */
export const freezeSnapshotAction = authedAction('snapshot:freeze', schema, (input, user) => {
  const id = freezeSnapshot(getDb(), { userId: user.id, label: user.name }, { forum: input.forum, meetingOn: input.meetingOn, asAt: input.asAt });
  revalidatePath('/snapshots');
  redirect(`/snapshots/${id}`);
});
