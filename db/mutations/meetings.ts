/**
 * Meetings, agenda items and commitments: each change in one write transaction with its audit entry. Agenda
 * items and a commitment's moves are appended, never changed; a commitment is an action (owner, due date,
 * updates, status) with the words of the minutes it came from.
 */
import { and, eq } from 'drizzle-orm';
import { formatDay } from '@/lib/domain/dates';
import { commitmentSource, MEETING_FORUM_SHORT, type MeetingForum } from '@/lib/domain/meetings';
import type { PlannedMeeting } from '@/lib/domain/forward-plan';
import type { Db } from '../client';
import { DuplicateMeetingError, StaleVersionError } from '../errors';
import { writeTransaction, type Tx } from '../transaction';
import { actionDueDates, actions, commitmentMoves, commitments, meetingItems, meetings } from '../schema';
import { commitmentKey, meetingOn, recordedCommitments } from '../queries/meetings';
import { writeAudit, type Actor } from './audit';

export type NewMeeting = { forum: MeetingForum; meetingOn: string; time: string | null; place: string | null };

const label = (forum: MeetingForum, on: string) => `${MEETING_FORUM_SHORT[forum]} meeting of ${formatDay(on)}`;

/** The meeting of a forum on a day, recorded now if it is not yet (inside the caller's transaction). */
function ensureMeeting(tx: Tx, forum: MeetingForum, on: string): { id: number; created: boolean } {
  const existing = meetingOn(tx, forum, on);
  if (existing) return { id: existing.id, created: false };
  const row = tx.insert(meetings).values({ forum, meetingOn: on }).returning({ id: meetings.id }).get();
  return { id: row.id, created: true };
}

/** Adds a meeting by hand; a forum's second meeting on one day is refused. */
export function addMeeting(db: Db, actor: Actor, input: NewMeeting): number {
  return writeTransaction(db, (tx) => {
    const existing = meetingOn(tx, input.forum, input.meetingOn);
    if (existing) throw new DuplicateMeetingError(existing.id);
    const row = tx.insert(meetings).values(input).returning({ id: meetings.id }).get();
    writeAudit(tx, actor, {
      action: 'meeting.create',
      entityType: 'meeting',
      entityId: row.id,
      summary: `Added the ${label(input.forum, input.meetingOn)}${input.place ? `, ${input.place}` : ''}`,
    });
    return row.id;
  });
}

/** Puts an item on a meeting's provisional agenda; `commitmentId` when it carries a commitment that was off the plan. */
export function addAgendaItem(db: Db, actor: Actor, meetingId: number, title: string, commitmentId: number | null = null): number {
  return writeTransaction(db, (tx) => {
    const meeting = tx.select().from(meetings).where(eq(meetings.id, meetingId)).get();
    if (!meeting) throw new Error('No such meeting');
    const row = tx
      .insert(meetingItems)
      .values({ meetingId, title, source: commitmentId ? 'commitment' : 'hand', commitmentId, addedByUserId: actor.userId, addedByName: actor.label })
      .returning({ id: meetingItems.id })
      .get();
    writeAudit(tx, actor, {
      action: 'meeting.add-item',
      entityType: 'meeting',
      entityId: meetingId,
      summary: `Added “${title}” to the plan for the ${label(meeting.forum, meeting.meetingOn)}${commitmentId ? ` (carrying commitment ${commitmentId})` : ''}`,
    });
    return row.id;
  });
}

/**
 * Records a forward work plan: each meeting found or added, its place and time filled where they were not
 * recorded, and each provisional item it does not already carry appended. One audit entry for the import.
 */
export function importForwardPlan(db: Db, actor: Actor, forum: MeetingForum, plan: readonly PlannedMeeting[], sourceName: string) {
  return writeTransaction(db, (tx) => {
    let created = 0;
    let items = 0;
    for (const planned of plan) {
      const { id, created: isNew } = ensureMeeting(tx, forum, planned.on);
      if (isNew) created++;
      const meeting = tx.select().from(meetings).where(eq(meetings.id, id)).get()!;
      if ((!meeting.place && planned.location) || (!meeting.time && planned.time))
        tx.update(meetings)
          .set({ place: meeting.place ?? planned.location, time: meeting.time ?? planned.time, version: meeting.version + 1 })
          .where(eq(meetings.id, id))
          .run();
      const have = new Set(
        tx
          .select({ title: meetingItems.title })
          .from(meetingItems)
          .where(eq(meetingItems.meetingId, id))
          .all()
          .map((i) => i.title.toLowerCase()),
      );
      for (const title of planned.items) {
        if (have.has(title.toLowerCase())) continue;
        have.add(title.toLowerCase());
        tx.insert(meetingItems).values({ meetingId: id, title, source: 'plan', addedByUserId: actor.userId, addedByName: actor.label }).run();
        items++;
      }
    }
    writeAudit(tx, actor, {
      action: 'meeting.import-plan',
      entityType: 'meeting',
      entityId: null,
      summary: `Imported the ${MEETING_FORUM_SHORT[forum]} forward work plan from ${sourceName}: ${plan.length} meetings (${created} new), ${items} agenda items added`,
    });
    return { meetings: plan.length, created, items };
  });
}

export type ConfirmedCommitment = {
  /** The meeting whose minutes record it. */
  meetingOn: string;
  minute: string;
  minuteTitle: string;
  quote: string;
  givenBy: string;
  what: string;
  dueText: string | null;
  /** The meeting it is due at, of the same forum, or null when it is due by a day. */
  dueMeetingOn: string | null;
  dueOn: string;
  ownerId: number;
  riskId: number | null;
};

/**
 * Records the commitments staff confirmed from a meeting's minutes: the meeting (and any meeting they are due
 * at) added if not yet recorded, and for each commitment an action with source "Panel, 22 March 2018, minute
 * 24", its first due date and its commitment row, each with an audit entry. One already recorded from the same
 * minute with the same words is skipped. Returns the new actions' ids and how many were skipped.
 */
export function importCommitments(
  db: Db,
  actor: Actor,
  input: { forum: MeetingForum; commitments: readonly ConfirmedCommitment[] },
): { actionIds: number[]; skipped: number } {
  return writeTransaction(db, (tx) => {
    const actionIds: number[] = [];
    let skipped = 0;
    const recorded = recordedCommitments(
      tx,
      input.forum,
      input.commitments.map((c) => c.meetingOn),
    );
    for (const c of input.commitments) {
      const from = ensureMeeting(tx, input.forum, c.meetingOn);
      if (from.created)
        writeAudit(tx, actor, { action: 'meeting.create', entityType: 'meeting', entityId: from.id, summary: `Added the ${label(input.forum, c.meetingOn)}` });
      const key = commitmentKey(c.meetingOn, c.minute, c.quote);
      if (recorded.has(key)) {
        skipped++;
        continue;
      }
      const due = c.dueMeetingOn ? ensureMeeting(tx, input.forum, c.dueMeetingOn) : null;
      if (due?.created)
        writeAudit(tx, actor, {
          action: 'meeting.create',
          entityType: 'meeting',
          entityId: due.id,
          summary: `Added the ${label(input.forum, c.dueMeetingOn!)}`,
        });
      const source = commitmentSource(input.forum, c.meetingOn, c.minute);
      const action = tx
        .insert(actions)
        .values({ title: c.what, sourceType: 'minute', sourceRef: source, findingId: null, riskId: c.riskId, ownerId: c.ownerId, dueOn: c.dueOn })
        .returning({ id: actions.id })
        .get();
      tx.insert(actionDueDates).values({ actionId: action.id, dueOn: c.dueOn, reason: null, setByUserId: actor.userId, setByName: actor.label }).run();
      const row = tx
        .insert(commitments)
        .values({
          actionId: action.id,
          fromMeetingId: from.id,
          minute: c.minute,
          minuteTitle: c.minuteTitle,
          quote: c.quote,
          givenBy: c.givenBy,
          dueText: c.dueText,
          dueMeetingId: due?.id ?? null,
        })
        .returning({ id: commitments.id })
        .get();
      writeAudit(tx, actor, {
        action: 'commitment.create',
        entityType: 'commitment',
        entityId: row.id,
        summary: `Commitment from ${source} (action ${action.id}) due ${c.dueMeetingOn ? `at the meeting of ${formatDay(c.dueMeetingOn)}` : formatDay(c.dueOn)}: “${c.quote}”`,
      });
      actionIds.push(action.id);
      recorded.set(key, action.id);
    }
    return { actionIds, skipped };
  });
}

/**
 * Moves a commitment to another meeting of its forum, with a reason kept in its history; its action's due
 * date becomes that meeting's day, with the same reason.
 */
export function moveCommitment(db: Db, actor: Actor, id: number, expectedVersion: number, toMeetingId: number, reason: string): void {
  writeTransaction(db, (tx) => {
    const before = tx.select().from(commitments).where(eq(commitments.id, id)).get();
    const to = tx.select().from(meetings).where(eq(meetings.id, toMeetingId)).get();
    if (!before || !to) throw new Error('No such commitment or meeting');
    const moved = tx
      .update(commitments)
      .set({ dueMeetingId: toMeetingId, version: expectedVersion + 1 })
      .where(and(eq(commitments.id, id), eq(commitments.version, expectedVersion)))
      .run();
    if (moved.changes !== 1) throw new StaleVersionError();
    tx.insert(commitmentMoves)
      .values({ commitmentId: id, fromMeetingId: before.dueMeetingId, toMeetingId, reason, movedByUserId: actor.userId, movedByName: actor.label })
      .run();
    const action = tx.select().from(actions).where(eq(actions.id, before.actionId)).get()!;
    if (action.dueOn !== to.meetingOn) {
      tx.update(actions)
        .set({ dueOn: to.meetingOn, version: action.version + 1 })
        .where(eq(actions.id, action.id))
        .run();
      tx.insert(actionDueDates).values({ actionId: action.id, dueOn: to.meetingOn, reason, setByUserId: actor.userId, setByName: actor.label }).run();
    }
    writeAudit(tx, actor, {
      action: 'commitment.move',
      entityType: 'commitment',
      entityId: id,
      summary: `Commitment ${id} (action ${action.id}) moved to the ${label(to.forum, to.meetingOn)}: ${reason}`,
    });
  });
}
