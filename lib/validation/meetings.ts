/** What the meeting forms post: a meeting by hand, an agenda item, a commitment moved or closed, and the previews coming back. */
import { z } from 'zod';
import { MEETING_FORUMS } from '@/lib/domain/meetings';
import { LIMITS, tooLong } from '@/lib/validation/limits';
import { readDayText } from '@/lib/domain/dates';
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

/**
 * One proposal's fields on the confirm form (`what-3`, `ownerId-3`, …, read without their suffix), for commitment
 * number `n` of minutes of `minutedOn`: what it promises, who gave it, its owner, and when it is due (a day, or a
 * later meeting whose day it takes). Whether the owner may own and the risk exists is the database's to say.
 */
export function confirmedCommitmentSchema(n: number, minutedOn: string) {
  const owner = `Select the owner of commitment ${n}`;
  return (
    z
      .object({
        what: z
          .string()
          .trim()
          .min(1, `Enter what commitment ${n} promises`)
          .max(LIMITS.actionTitle, tooLong(`What commitment ${n} promises`, LIMITS.actionTitle)),
        givenBy: z
          .string()
          .trim()
          .min(1, `Enter who gave commitment ${n}`)
          .max(LIMITS.givenBy, tooLong(`Who gave commitment ${n}`, LIMITS.givenBy)),
        ownerId: z.coerce.number({ error: owner }).int(owner).positive(owner),
        dueMeeting: z
          .string()
          .trim()
          .default('')
          .transform((v, ctx) => {
            const day = v ? readDayText(v) : null;
            if (v && (!day || day <= minutedOn)) ctx.addIssue({ code: 'custom', message: `Select a later meeting for commitment ${n}` });
            return day;
          }),
        dueOn: z
          .string()
          .trim()
          .default('')
          .transform((v, ctx) => {
            if (!v) return undefined;
            const day = readDayText(v);
            if (!day) ctx.addIssue({ code: 'custom', message: `The due date of commitment ${n} must be a real date, like 27/9/2018 or 27 September 2018` });
            return day;
          }),
        riskRef: z.string().trim().max(10, `Select the risk commitment ${n} bears on from the list`).default(''),
      })
      // Checked even when another field failed, so every missing answer is named at once; a day typed but
      // unreadable has its own error.
      .refine((v) => v.dueOn !== undefined || Boolean(v.dueMeeting), {
        path: ['dueOn'],
        message: `Enter when commitment ${n} is due, or select the meeting it is due at`,
        when: () => true,
      })
  );
}
