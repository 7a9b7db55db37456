'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { DuplicateMeetingError, StaleVersionError } from '@/db/errors';
import { addActionUpdate } from '@/db/mutations/inspections';
import { addAgendaItem, addMeeting, importCommitments, importForwardPlan, moveCommitment, type ConfirmedCommitment } from '@/db/mutations/meetings';
import { commitmentKey, getMeeting, listCommitments, listMeetings, recordedCommitments } from '@/db/queries/meetings';
import { getRiskByRef } from '@/db/queries/risks';
import { personMayOwn } from '@/db/queries/users';
import { authedAction } from '@/lib/auth/guard';
import { mayMoveTo } from '@/lib/domain/meetings';
import { readMeetingPaperApart } from '@/lib/parse-job';
import { today } from '@/lib/today';
import { MEETING_TEXT_MAX_CHARACTERS, MEETING_UPLOAD_MAX_BYTES } from '@/lib/upload-limits';
import type { FormState } from '@/lib/validation/form-state';
import { chosenFile, readPayload } from '@/lib/validation/upload';
import {
  agendaItemSchema,
  closeCommitmentSchema,
  confirmedCommitmentSchema,
  forumField,
  minutesPayloadSchema,
  moveCommitmentSchema,
  newMeetingSchema,
  planPayloadSchema,
} from '@/lib/validation/meetings';

const STALE = 'Someone else changed this commitment while you were editing it. Nothing was saved; reload the page to see their change, then try again.';
const actorOf = (user: { id: number; name: string }) => ({ userId: user.id, label: user.name });

/** Adds a meeting by hand (staff). */
export const addMeetingAction = authedAction('meeting:record', newMeetingSchema, (input, user, values): FormState => {
  let id: number;
  try {
    id = addMeeting(getDb(), actorOf(user), { forum: input.forum, meetingOn: input.meetingOn!, time: input.time || null, place: input.place || null });
  } catch (error) {
    if (error instanceof DuplicateMeetingError)
      return { fieldErrors: { meetingOn: [`This forum already has a meeting on this day: see meeting ${error.existingId}`] }, values };
    throw error;
  }
  revalidatePath('/meetings');
  redirect(`/meetings/${id}?added=1`);
});

type Paper = 'minutes' | 'plan';

/** The paste or the file a preview form sent, read in a process of its own; or the field errors saying why not. */
async function readPaper(paper: Paper, text: string, formData: FormData) {
  const what = paper === 'minutes' ? 'minutes' : 'forward work plan';
  if (text.length > MEETING_TEXT_MAX_CHARACTERS)
    return { errors: { text: [`The text is more than the ${MEETING_TEXT_MAX_CHARACTERS.toLocaleString('en-GB')} characters any ${what} needs`] }, clear: true };
  const chosen = chosenFile(formData);
  if (chosen.kind === 'empty' && !text.trim()) return { errors: { file: ['The file is empty'] } };
  const file = chosen.kind === 'file' ? chosen.file : null;
  const hasFile = file !== null;
  if (!hasFile && !text.trim()) return { errors: { text: [`Paste the ${what}, or choose its PDF, Word or text file`] } };
  if (hasFile && file.size > MEETING_UPLOAD_MAX_BYTES) return { errors: { file: ['The file must be smaller than 10 MB'] } };
  const read = await readMeetingPaperApart(hasFile ? { paper, name: file.name, content: new Uint8Array(await file.arrayBuffer()) } : { paper, text });
  if (!read.ok) return { errors: { [hasFile ? 'file' : 'text']: [read.message] } };
  return { read, sourceName: hasFile ? file.name : 'pasted text' };
}

const previewSchema = z.object({ forum: forumField, text: z.string().default('') });

/** Reads a pasted or uploaded forward work plan and returns a preview; nothing is saved. */
export const previewPlanAction = authedAction('meeting:record', previewSchema, async (input, _user, values, formData): Promise<FormState> => {
  const paper = await readPaper('plan', input.text, formData);
  if ('errors' in paper) return { fieldErrors: paper.errors, values: paper.clear ? { ...values, text: '' } : values };
  if (paper.read.paper !== 'plan') throw new Error('unreachable');
  const db = getDb();
  const recorded = new Set(
    listMeetings(db)
      .filter((m) => m.forum === input.forum)
      .map((m) => m.on),
  );
  const plan = paper.read.plan.map((m) => ({ ...m, known: recorded.has(m.on) }));
  return { values: { forum: input.forum, text: input.text }, data: { plan, forum: input.forum, sourceName: paper.sourceName } };
});

/** Saves the meetings of a previewed plan that staff kept, with their items. */
export const savePlanAction = authedAction(
  'meeting:record',
  z.object({ payload: z.string(), forum: forumField, sourceName: z.string().max(300).default('') }),
  (input, user, values): FormState => {
    const plan = readPayload(input.payload, planPayloadSchema);
    if (!plan) return { formErrors: ['The preview could not be read back: preview the plan again'], values: { ...values, payload: '' } };
    const kept = plan.filter((_, i) => values[`include-${i}`] === 'yes');
    if (!kept.length)
      return {
        fieldErrors: { 'include-0': ['Select at least one meeting to save'] },
        values,
        data: { plan, forum: input.forum, sourceName: input.sourceName },
      };
    const result = importForwardPlan(getDb(), actorOf(user), input.forum, kept, input.sourceName || 'pasted text');
    revalidatePath('/meetings');
    redirect(`/meetings?plan=${result.meetings}-${result.created}-${result.items}`);
  },
);

/** Adds an item to a meeting's provisional agenda; with `commitmentId`, the item that carries a commitment off the plan. */
export const addAgendaItemAction = authedAction('meeting:record', agendaItemSchema, (input, user, values): FormState => {
  const db = getDb();
  if (!getMeeting(db, input.meetingId)) return { formErrors: ['This meeting could not be found'], values };
  if (input.commitmentId && !listCommitments(db, { ids: [input.commitmentId] }).some((c) => c.due?.id === input.meetingId))
    return { formErrors: ['This commitment is not due at this meeting: reload the page'], values };
  addAgendaItem(db, actorOf(user), input.meetingId, input.title, input.commitmentId);
  revalidatePath(`/meetings/${input.meetingId}`);
  redirect(`/meetings/${input.meetingId}?done=item`);
});

/** Moves a commitment to another meeting of its forum, with the reason (kept in its history). */
export const moveCommitmentAction = authedAction('meeting:record', moveCommitmentSchema, (input, user, values): FormState => {
  const db = getDb();
  const [c] = listCommitments(db, { ids: [input.id] });
  if (!c) return { formErrors: ['This commitment could not be found'], values };
  const to = getMeeting(db, input.toMeetingId);
  if (!to || !mayMoveTo(c, { id: to.id, forum: to.forum, on: to.meetingOn }))
    return { fieldErrors: { toMeetingId: ['Select a later meeting of the same forum, other than the one it is due at'] }, values };
  try {
    moveCommitment(db, actorOf(user), input.id, input.version, to.id, input.reason);
  } catch (error) {
    if (error instanceof StaleVersionError) return { formErrors: [STALE], values };
    throw error;
  }
  revalidatePath('/meetings');
  redirect(`/meetings/${to.id}?done=moved`);
});

/** Closes a commitment: its action completed or withdrawn, with what became of it. */
export const closeCommitmentAction = authedAction('meeting:record', closeCommitmentSchema, (input, user, values): FormState => {
  const db = getDb();
  const [c] = listCommitments(db, { ids: [input.id] });
  if (!c) return { formErrors: ['This commitment could not be found'], values };
  try {
    addActionUpdate(db, actorOf(user), c.actionId, input.version, { note: input.note, status: input.status, today: today() });
  } catch (error) {
    if (error instanceof StaleVersionError) return { formErrors: [STALE], values };
    throw error;
  }
  revalidatePath('/meetings');
  redirect(`/meetings/${c.due?.id ?? c.from.id}?done=closed`);
});

/** Reads pasted or uploaded minutes and proposes their commitments; nothing is saved. */
export const previewMinutesAction = authedAction('meeting:record', previewSchema, async (input, _user, values, formData): Promise<FormState> => {
  const paper = await readPaper('minutes', input.text, formData);
  if ('errors' in paper) return { fieldErrors: paper.errors, values: paper.clear ? { ...values, text: '' } : values };
  if (paper.read.paper !== 'minutes') throw new Error('unreachable');
  const { commitments, meetings } = paper.read.minutes;
  if (!commitments.length)
    return {
      fieldErrors: {
        [paper.sourceName === 'pasted text' ? 'text' : 'file']: ['These minutes record no commitment the reader can find: add any by hand as actions'],
      },
      values,
    };
  return { values: { forum: input.forum, text: input.text }, data: previewData(input.forum, commitments, meetings, paper.sourceName) };
});

/** What the minutes preview shows: the proposals, and which are already recorded (by minute and words). */
function previewData(forum: z.infer<typeof forumField>, commitments: unknown[], meetings: string[], sourceName: string) {
  const db = getDb();
  const parsed = minutesPayloadSchema.parse(commitments);
  const recorded = recordedCommitments(db, forum, meetings);
  const already = parsed.map((c) => recorded.get(commitmentKey(c.meetingOn, c.minute, c.quote)) ?? null);
  return { commitments: parsed, already, forum, sourceName };
}

/** The fields of each proposal on the confirm form, posted as `what-3`, `ownerId-3`, … */
const CONFIRM_FIELDS = ['what', 'givenBy', 'ownerId', 'dueMeeting', 'dueOn', 'riskRef'] as const;

/** Records the commitments staff kept from a minutes preview, each as an action with its owner and due date. */
export const saveMinutesAction = authedAction(
  'meeting:record',
  z.object({ payload: z.string(), forum: forumField, sourceName: z.string().max(300).default('') }),
  (input, user, values): FormState => {
    const payload = readPayload(input.payload, minutesPayloadSchema);
    if (!payload) return { formErrors: ['The preview could not be read back: preview the minutes again'], values: { ...values, payload: '' } };
    const db = getDb();
    const data = previewData(input.forum, payload, [...new Set(payload.map((c) => c.meetingOn))], input.sourceName);
    const fieldErrors: Record<string, string[]> = {};
    const confirmed: ConfirmedCommitment[] = [];
    payload.forEach((c, i) => {
      if (values[`include-${i}`] !== 'yes' || data.already[i]) return;
      const n = i + 1;
      const fields = Object.fromEntries(CONFIRM_FIELDS.map((f) => [f, typeof values[`${f}-${i}`] === 'string' ? values[`${f}-${i}`] : '']));
      const parsed = confirmedCommitmentSchema(n, c.meetingOn).safeParse(fields);
      const errors: Record<string, string[] | undefined> = parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
      // Only the database knows who may own and which risks there are.
      if (parsed.success && !personMayOwn(db, parsed.data.ownerId)) errors.ownerId = [`Select the owner of commitment ${n}`];
      const risk = parsed.success && parsed.data.riskRef ? getRiskByRef(db, parsed.data.riskRef, today(), undefined, 'latest') : null;
      if (parsed.success && parsed.data.riskRef && !risk) errors.riskRef = [`Select the risk commitment ${n} bears on from the list`];
      for (const [field, messages] of Object.entries(errors)) if (messages?.length) fieldErrors[`${field}-${i}`] = [messages[0]!];
      if (!parsed.success || Object.keys(errors).length) return;
      const v = parsed.data;
      confirmed.push({
        meetingOn: c.meetingOn,
        minute: c.minute,
        minuteTitle: c.minuteTitle,
        quote: c.quote,
        givenBy: v.givenBy,
        what: v.what,
        dueText: c.due.text,
        dueMeetingOn: v.dueMeeting,
        dueOn: (v.dueOn ?? v.dueMeeting)!,
        ownerId: v.ownerId,
        riskId: risk?.id ?? null,
      });
    });
    if (Object.keys(fieldErrors).length) return { fieldErrors, values, data };
    if (!confirmed.length) return { fieldErrors: { 'include-0': ['Select at least one commitment to record'] }, values, data };
    const result = importCommitments(db, actorOf(user), { forum: input.forum, commitments: confirmed });
    revalidatePath('/meetings');
    revalidatePath('/actions');
    redirect(`/meetings?recorded=${result.actionIds.length}`);
  },
);
