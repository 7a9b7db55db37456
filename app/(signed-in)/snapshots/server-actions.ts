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
    // Checked even when another field (the as-at date) failed, so an empty form names every missing answer at once.
    .refine((v) => Boolean(v.meetingId || v.forum), {
      path: ['forum'],
      message: 'Select the meeting’s forum, or choose a recorded meeting',
      when: () => true,
    })
    .refine((v) => Boolean(v.meetingId || v.meetingOn), {
      path: ['meetingOn'],
      message: 'Enter the meeting date, or choose a recorded meeting',
      when: () => true,
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
