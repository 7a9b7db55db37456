/** What the meeting forms post: a meeting by hand, an agenda item, a commitment moved or closed, and the previews coming back. */
import { z } from 'zod';
import { MEETING_FORUMS } from '@/lib/domain/meetings';
import { LIMITS, tooLong } from '@/lib/validation/limits';
import { dayText } from './day-text';

const id = z.coerce.number({ error: 'This record could not be found' }).int().positive();
const version = z.coerce.number({ error: 'Reload the page and try again' }).int().positive();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const optionalText = (label: string, max: number) => z.string().trim().max(max, tooLong(label, max)).default('');

export const forumField = z.enum(MEETING_FORUMS, { error: 'Select the forum' });

export const newMeetingSchema = z
  .object({
    forum: forumField,
    meetingOn: dayText('The meeting’s date'),
    time: optionalText('The time', LIMITS.meetingTime),
    place: optionalText('The place', LIMITS.meetingPlace),
  })
  .superRefine((v, ctx) => {
    if (!v.meetingOn) ctx.addIssue({ code: 'custom', path: ['meetingOn'], message: 'Enter the meeting’s date' });
  });

export const agendaItemSchema = z.object({
  meetingId: id,
  title: z.string().trim().min(1, 'Enter the agenda item').max(LIMITS.agendaItemTitle, tooLong('The agenda item', LIMITS.agendaItemTitle)),
  commitmentId: z.preprocess((v) => (v === '' || v === undefined ? null : v), z.coerce.number().int().positive().nullable()),
});

export const moveCommitmentSchema = z.object({
  id,
  version,
  toMeetingId: z.coerce.number({ error: 'Select the meeting it is now due at' }).int().positive('Select the meeting it is now due at'),
  reason: z.string().trim().min(1, 'Enter why it moves').max(LIMITS.moveReason, tooLong('The reason', LIMITS.moveReason)),
});

export const closeCommitmentSchema = z.object({
  id,
  version,
  status: z.enum(['completed', 'cancelled'], { error: 'Select whether it was done or withdrawn' }),
  note: z.string().trim().min(1, 'Enter what became of it').max(LIMITS.actionUpdate, tooLong('The note', LIMITS.actionUpdate)),
});

/** A previewed plan coming back to be saved. */
export const planPayloadSchema = z
  .array(
    z.object({
      on: day,
      time: z.string().max(200).nullable(),
      location: z.string().max(LIMITS.meetingPlace).nullable(),
      items: z.array(z.string().min(1).max(LIMITS.agendaItemTitle)).max(60),
    }),
  )
  .min(1)
  .max(120);

/** Previewed minutes coming back to be confirmed: the proposals as the reader made them. */
export const minutesPayloadSchema = z
  .array(
    z.object({
      meetingOn: day,
      minute: z.string().min(1).max(20),
      minuteTitle: z.string().max(300),
      quote: z.string().min(1).max(5000),
      by: z.string().max(LIMITS.givenBy),
      what: z.string().max(5000),
      due: z.object({ text: z.string().max(200).nullable(), meetingOn: day.nullable(), day: day.nullable() }),
    }),
  )
  .max(300);
export type MinutesPayload = z.infer<typeof minutesPayloadSchema>;
