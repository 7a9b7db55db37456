/** Meetings, their agenda items and the commitments their minutes record, as lib/domain/meetings.ts reads them. */
import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import type { AgendaItem, CommitmentView, MeetingForum } from '@/lib/domain/meetings';
import type { Db } from '../client';
import type { Tx } from '../transaction';
import { actions, actionUpdates, commitmentMoves, commitments, meetingItems, meetings, people, registerSnapshots, risks } from '../schema';

export type MeetingSummary = { id: number; forum: MeetingForum; on: string; time: string | null; place: string | null; version: number; items: number };

/** Every meeting, soonest last, with how many provisional agenda items it has. */
export function listMeetings(db: Db | Tx): MeetingSummary[] {
  const counts = new Map(
    db
      .select({ meetingId: meetingItems.meetingId, items: count() })
      .from(meetingItems)
      .groupBy(meetingItems.meetingId)
      .all()
      .map((r) => [r.meetingId, r.items]),
  );
  return db
    .select({ id: meetings.id, forum: meetings.forum, on: meetings.meetingOn, time: meetings.time, place: meetings.place, version: meetings.version })
    .from(meetings)
    .orderBy(asc(meetings.meetingOn), asc(meetings.forum))
    .all()
    .map((m) => ({ ...m, items: counts.get(m.id) ?? 0 }));
}

export function meetingOn(db: Db | Tx, forum: MeetingForum, on: string) {
  return db
    .select()
    .from(meetings)
    .where(and(eq(meetings.forum, forum), eq(meetings.meetingOn, on)))
    .get();
}

export function agendaItems(db: Db | Tx, meetingIds: readonly number[]): Map<number, AgendaItem[]> {
  const byMeeting = new Map<number, AgendaItem[]>();
  if (!meetingIds.length) return byMeeting;
  const rows = db
    .select()
    .from(meetingItems)
    .where(inArray(meetingItems.meetingId, [...meetingIds]))
    .orderBy(asc(meetingItems.id))
    .all();
  for (const r of rows) {
    const list = byMeeting.get(r.meetingId) ?? [];
    list.push({ id: r.id, title: r.title, source: r.source, commitmentId: r.commitmentId });
    byMeeting.set(r.meetingId, list);
  }
  return byMeeting;
}

/** One meeting with its provisional agenda items, or null. */
export function getMeeting(db: Db | Tx, id: number) {
  const meeting = db.select().from(meetings).where(eq(meetings.id, id)).get();
  if (!meeting) return null;
  return { ...meeting, items: agendaItems(db, [id]).get(id) ?? [] };
}

/** Every commitment (or those of `ids`), with the meetings it came from and is due at, its action's state and latest update. */
export function listCommitments(db: Db | Tx, filter: { ids?: number[]; ownerId?: number } = {}): CommitmentView[] {
  const where = [];
  if (filter.ids) where.push(inArray(commitments.id, filter.ids.length ? filter.ids : [-1]));
  if (filter.ownerId !== undefined) where.push(eq(actions.ownerId, filter.ownerId));
  const rows = db
    .select({ c: commitments, a: actions, owner: people.name, riskRef: risks.ref })
    .from(commitments)
    .innerJoin(actions, eq(actions.id, commitments.actionId))
    .innerJoin(people, eq(people.id, actions.ownerId))
    .leftJoin(risks, eq(risks.id, actions.riskId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(commitments.id))
    .all();
  if (!rows.length) return [];
  const meetingIds = [...new Set(rows.flatMap((r) => [r.c.fromMeetingId, ...(r.c.dueMeetingId ? [r.c.dueMeetingId] : [])]))];
  const meetingRows = new Map(
    db
      .select()
      .from(meetings)
      .where(inArray(meetings.id, meetingIds))
      .all()
      .map((m) => [m.id, m]),
  );
  const items = agendaItems(
    db,
    rows.flatMap((r) => (r.c.dueMeetingId ? [r.c.dueMeetingId] : [])),
  );
  const latest = new Map<number, { note: string; on: string }>();
  for (const u of db
    .select({ actionId: actionUpdates.actionId, note: actionUpdates.note, at: actionUpdates.createdAt })
    .from(actionUpdates)
    .where(
      inArray(
        actionUpdates.actionId,
        rows.map((r) => r.a.id),
      ),
    )
    .orderBy(desc(actionUpdates.id))
    .all())
    if (!latest.has(u.actionId)) latest.set(u.actionId, { note: u.note, on: u.at.slice(0, 10) });
  return rows.map(({ c, a, owner, riskRef }) => {
    const from = meetingRows.get(c.fromMeetingId)!;
    const due = c.dueMeetingId ? meetingRows.get(c.dueMeetingId)! : null;
    return {
      id: c.id,
      version: c.version,
      actionId: a.id,
      actionVersion: a.version,
      what: a.title,
      minute: c.minute,
      minuteTitle: c.minuteTitle,
      quote: c.quote,
      givenBy: c.givenBy,
      dueText: c.dueText,
      from: { id: from.id, forum: from.forum, on: from.meetingOn },
      due: due ? { id: due.id, forum: due.forum, on: due.meetingOn, items: items.get(due.id) ?? [] } : null,
      dueOn: a.dueOn,
      status: a.status,
      ownerId: a.ownerId,
      ownerName: owner,
      riskRef,
      latestUpdate: latest.get(a.id) ?? null,
    };
  });
}

/** The commitment an action tracks, if it tracks one. */
export function commitmentOfAction(db: Db | Tx, actionId: number): CommitmentView | null {
  const row = db.select({ id: commitments.id }).from(commitments).where(eq(commitments.actionId, actionId)).get();
  return row ? (listCommitments(db, { ids: [row.id] })[0] ?? null) : null;
}

/** Every move of a commitment from one meeting to another, with its reason, oldest first. */
export function commitmentMovesOf(db: Db | Tx, commitmentId: number) {
  return db.select().from(commitmentMoves).where(eq(commitmentMoves.commitmentId, commitmentId)).orderBy(asc(commitmentMoves.id)).all();
}

/** The key of a commitment by where it came from and its words: the same minute's same sentence is one commitment. */
export const commitmentKey = (meetingOn: string, minute: string, quote: string) => `${meetingOn}|${minute}|${quote}`;

/**
 * The commitments already recorded from the minutes of a forum's meetings on `days`, by commitmentKey, with the
 * action that tracks each: an import marks these and does not record them twice. One query for all of them.
 */
export function recordedCommitments(db: Db | Tx, forum: MeetingForum, days: readonly string[]): Map<string, number> {
  if (!days.length) return new Map();
  return new Map(
    db
      .select({ on: meetings.meetingOn, minute: commitments.minute, quote: commitments.quote, actionId: commitments.actionId })
      .from(commitments)
      .innerJoin(meetings, eq(meetings.id, commitments.fromMeetingId))
      .where(and(eq(meetings.forum, forum), inArray(meetings.meetingOn, [...new Set(days)])))
      .all()
      .map((r) => [commitmentKey(r.on, r.minute, r.quote), r.actionId]),
  );
}

/** The snapshots frozen for a meeting (its forum and day), newest first: where its covering report is drafted. */
export function snapshotsForMeeting(db: Db | Tx, forum: MeetingForum, on: string) {
  return db
    .select({ id: registerSnapshots.id, asAt: registerSnapshots.asAt })
    .from(registerSnapshots)
    .where(and(eq(registerSnapshots.forum, forum), eq(registerSnapshots.meetingOn, on)))
    .orderBy(desc(registerSnapshots.id))
    .all();
}
