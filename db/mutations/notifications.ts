/** A person's reminder choices and calendar feed: each change in one transaction with its audit entry. */
import { randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { REMINDER_KIND_LABEL, type ReminderKind } from '@/lib/domain/reminders';
import { sha256 } from '@/lib/sha256';
import type { Db } from '../client';
import { calendarFeeds, notificationPreferences } from '../schema';
import { writeTransaction } from '../transaction';
import { writeAudit, type Actor } from './audit';

/** Saves which kinds of reminder a person has turned off and how often they hear; 'unchanged' when nothing moved. */
export function saveReminderPreferences(
  db: Db,
  actor: Actor & { userId: number },
  input: { off: ReminderKind[]; frequency: 'daily' | 'weekly' },
): 'saved' | 'unchanged' {
  return writeTransaction(db, (tx) => {
    const before = tx.select().from(notificationPreferences).where(eq(notificationPreferences.userId, actor.userId)).get();
    const off = [...new Set(input.off)].sort();
    if (before && JSON.stringify([...before.off].sort()) === JSON.stringify(off) && before.frequency === input.frequency) return 'unchanged';
    if (!before && !off.length && input.frequency === 'daily') return 'unchanged';
    const values = { off, frequency: input.frequency, updatedAt: new Date().toISOString() };
    if (before) tx.update(notificationPreferences).set(values).where(eq(notificationPreferences.userId, actor.userId)).run();
    else
      tx.insert(notificationPreferences)
        .values({ userId: actor.userId, ...values })
        .run();
    writeAudit(tx, actor, {
      action: 'account.reminders',
      entityType: 'user',
      entityId: actor.userId,
      summary: `${actor.label} chose ${input.frequency} reminders${off.length ? `, without: ${off.map((k) => REMINDER_KIND_LABEL[k as ReminderKind]).join('; ')}` : ', of every kind'}`,
      detail: { before: before ? { off: before.off, frequency: before.frequency } : null, after: { off, frequency: input.frequency } },
    });
    return 'saved';
  });
}

/** Turns on a new calendar feed (revoking any earlier one) and returns its secret token, which is stored only as a hash. */
export function createCalendarFeed(db: Db, actor: Actor & { userId: number }): string {
  const token = randomBytes(32).toString('base64url');
  writeTransaction(db, (tx) => {
    const now = new Date().toISOString();
    tx.update(calendarFeeds)
      .set({ revokedAt: now })
      .where(and(eq(calendarFeeds.userId, actor.userId), isNull(calendarFeeds.revokedAt)))
      .run();
    tx.insert(calendarFeeds)
      .values({ userId: actor.userId, tokenSha256: sha256(token) })
      .run();
    writeAudit(tx, actor, { action: 'account.calendar-on', entityType: 'user', entityId: actor.userId, summary: `${actor.label} turned on a calendar feed` });
  });
  return token;
}

/** Revokes the person's calendar feed: its address answers 404 from now on. */
export function revokeCalendarFeed(db: Db, actor: Actor & { userId: number }): boolean {
  return writeTransaction(db, (tx) => {
    const result = tx
      .update(calendarFeeds)
      .set({ revokedAt: new Date().toISOString() })
      .where(and(eq(calendarFeeds.userId, actor.userId), isNull(calendarFeeds.revokedAt)))
      .run();
    if (!result.changes) return false;
    writeAudit(tx, actor, {
      action: 'account.calendar-off',
      entityType: 'user',
      entityId: actor.userId,
      summary: `${actor.label} turned off their calendar feed`,
    });
    return true;
  });
}
