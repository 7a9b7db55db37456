/** What the reminder rule (lib/domain/reminders.ts) needs on a day, read from the database, and the send log. */
import { and, desc, eq, gte, inArray, lte, notInArray, type SQL } from 'drizzle-orm';
import { CLOSED_ACTION_STATUSES, s55DueOn } from '@/lib/domain/inspections';
import { REMINDER_KINDS, type DueData, type Recipient, type ReminderKind } from '@/lib/domain/reminders';
import type { Db } from '../client';
import {
  actions,
  coveringReports,
  findings,
  inspections,
  notificationItems,
  notificationLog,
  notificationPreferences,
  registerSnapshots,
  reviewProposals,
  risks,
  users,
} from '../schema';
import { getLiveRegister } from './risks';
import { listCommitments } from './meetings';
import { offPlanMessage } from '@/lib/domain/meetings';

const CLOSED_FINDING_STATUSES = ['closed', 'superseded'] as const;

/** Every user as a possible recipient, with their address and choices (none stored: everything, daily). */
export function reminderRecipients(db: Db): Array<Recipient & { email: string; name: string; personId: number | null }> {
  const prefs = new Map(
    db
      .select()
      .from(notificationPreferences)
      .all()
      .map((p) => [p.userId, p]),
  );
  return db
    .select()
    .from(users)
    .all()
    .map((u) => {
      const p = prefs.get(u.id);
      return {
        userId: u.id,
        role: u.role,
        active: u.active,
        email: u.email,
        name: u.name,
        personId: u.personId,
        off: new Set((p?.off ?? []).filter((k): k is ReminderKind => (REMINDER_KINDS as readonly string[]).includes(k))),
        frequency: p?.frequency ?? 'daily',
      };
    });
}

/** What is due around `day`: live risks' next reviews, open actions and findings, s.55 responses, waiting proposals, published reports. */
export function reminderData(db: Db, day: string, recipients: ReadonlyArray<{ userId: number; personId: number | null; active: boolean }>): DueData {
  // Items are owned by people; a person hears through the active account linked to them.
  const userOfPerson = new Map(recipients.filter((r) => r.active && r.personId !== null).map((r) => [r.personId!, r.userId]));
  const userOf = (personId: number | null) => (personId === null ? null : (userOfPerson.get(personId) ?? null));
  const { all } = getLiveRegister(db, day);
  const openActions = db
    .select({ id: actions.id, title: actions.title, ownerId: actions.ownerId, dueOn: actions.dueOn, findingRef: findings.reference, riskRef: risks.ref })
    .from(actions)
    .leftJoin(findings, eq(findings.id, actions.findingId))
    .leftJoin(risks, eq(risks.id, actions.riskId))
    .where(notInArray(actions.status, [...CLOSED_ACTION_STATUSES]))
    .all();
  const openFindings = db
    .select({ id: findings.id, reference: findings.reference, text: findings.text, ownerId: findings.opccOwnerId, deadline: findings.deadline })
    .from(findings)
    .where(notInArray(findings.status, [...CLOSED_FINDING_STATUSES]))
    .all();
  const published = db
    .select({ snapshotId: registerSnapshots.id, meetingOn: registerSnapshots.meetingOn, publishedAt: coveringReports.publishedAt })
    .from(coveringReports)
    .innerJoin(registerSnapshots, eq(registerSnapshots.id, coveringReports.snapshotId))
    .where(eq(coveringReports.status, 'published'))
    .all();
  return {
    risks: all.map((r) => ({ ref: r.ref, title: r.event, ownerUserId: userOf(r.owner?.id ?? null), reviewDueOn: r.due.dueOn })),
    actions: openActions.map((a) => ({
      id: a.id,
      ref: a.findingRef ?? a.riskRef ?? `Action ${a.id}`,
      title: a.title,
      ownerUserId: userOf(a.ownerId),
      dueOn: a.dueOn,
      open: true,
    })),
    findings: openFindings.map((f) => ({ id: f.id, ref: f.reference, title: f.text, ownerUserId: userOf(f.ownerId), deadline: f.deadline, open: true })),
    inspections: db
      .select()
      .from(inspections)
      .all()
      .flatMap((i) => {
        const dueOn = s55DueOn(i.publishedOn);
        return dueOn ? [{ id: i.id, title: i.title, s55DueOn: dueOn, responded: i.s55Status === 'published' }] : [];
      }),
    proposals: db
      .select({ id: reviewProposals.id, ref: risks.ref, title: risks.event, createdAt: reviewProposals.createdAt })
      .from(reviewProposals)
      .innerJoin(risks, eq(risks.id, reviewProposals.riskId))
      .where(eq(reviewProposals.status, 'pending'))
      .all()
      .map((p) => ({ id: p.id, ref: p.ref, title: p.title, proposedOn: p.createdAt.slice(0, 10), waiting: true })),
    reports: published.map((r) => ({
      snapshotId: r.snapshotId,
      title: 'PCC Risk Register',
      meetingOn: r.meetingOn,
      publishedOn: (r.publishedAt ?? day).slice(0, 10),
    })),
    offPlan: listCommitments(db).flatMap((c) => {
      const message = offPlanMessage(c);
      return message && c.due ? [{ commitmentId: c.id, ref: `Action ${c.actionId}`, message, meetingId: c.due.id, meetingOn: c.due.on }] : [];
    }),
  };
}

export type NotificationFilters = { status?: string; from?: string; to?: string; userId?: number };

/** The send log, newest first, filtered, with the reminders each digest carried. */
export function listNotifications(db: Db, filters: NotificationFilters = {}, limit = 200) {
  const where: SQL[] = [];
  if (filters.status) where.push(eq(notificationLog.status, filters.status as 'sent'));
  if (filters.from) where.push(gte(notificationLog.day, filters.from));
  if (filters.to) where.push(lte(notificationLog.day, filters.to));
  if (filters.userId) where.push(eq(notificationLog.userId, filters.userId));
  const rows = db
    .select({ log: notificationLog, name: users.name })
    .from(notificationLog)
    .innerJoin(users, eq(users.id, notificationLog.userId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(notificationLog.id))
    .limit(limit)
    .all();
  const items = rows.length
    ? db
        .select()
        .from(notificationItems)
        .where(
          inArray(
            notificationItems.logId,
            rows.map((r) => r.log.id),
          ),
        )
        .all()
    : [];
  const byLog = new Map<number, typeof items>();
  for (const item of items) byLog.set(item.logId, [...(byLog.get(item.logId) ?? []), item]);
  return rows.map(({ log, name }) => ({ ...log, name, items: byLog.get(log.id) ?? [] }));
}
