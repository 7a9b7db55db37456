'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { freezeSnapshot } from '@/db/mutations/snapshots';
import { authedAction } from '@/lib/auth/guard';
import { FORUMS } from '@/lib/domain/forums';
import { today } from '@/lib/today';
import { dateField, optionalDateField, withDateInputs } from '@/lib/validation/date-input';
import { getMeeting } from '@/db/queries/meetings';

const schema = withDateInputs(
  ['meetingOn', 'asAt'],
  z
    .object({
      // A recorded meeting (Panel, CMB or JIAC) chosen from the list; otherwise the forum and date given.
      meetingId: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().positive().optional()),
      forum: z.enum(FORUMS.filter((f) => f !== 'import') as ['monthly', 'cmb', 'jiac', 'panel', 'other'], { error: 'Select the meeting’s forum' }).optional(),
      meetingOn: optionalDateField('meeting date'),
      asAt: dateField('as-at date', { notAfter: today }),
    })
    .superRefine((v, ctx) => {
      if (v.meetingId) return;
      if (!v.forum) ctx.addIssue({ code: 'custom', path: ['forum'], message: 'Select the meeting’s forum, or choose a recorded meeting' });
      if (!v.meetingOn) ctx.addIssue({ code: 'custom', path: ['meetingOn'], message: 'Enter the meeting date, or choose a recorded meeting' });
    }),
);

/** Freezes the register as at a day for a meeting (staff): a recorded meeting, or a forum and date. */
export const freezeSnapshotAction = authedAction('snapshot:freeze', schema, (input, user, values) => {
  const meeting = input.meetingId ? getMeeting(getDb(), input.meetingId) : null;
  if (input.meetingId && !meeting) return { fieldErrors: { meetingId: ['Select a meeting from the list'] }, values };
  const forum = meeting?.forum ?? input.forum!;
  const meetingOn = meeting?.meetingOn ?? input.meetingOn!;
  const id = freezeSnapshot(getDb(), { userId: user.id, label: user.name }, { forum, meetingOn, asAt: input.asAt });
  revalidatePath('/snapshots');
  redirect(`/snapshots/${id}`);
});
