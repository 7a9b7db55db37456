/**
 * The reminder job: claim the day's digests into the send log, then send what is queued (or failed, up to
 * a limit). Claiming is one IMMEDIATE transaction that reads what was already sent and writes each digest
 * with its reminders under a unique (person, occasion) key, so two runs at once, in one process or two,
 * never claim the same reminder twice; sending happens after, outside any transaction, and each result is
 * written back to its row. Without a mail server nothing leaves the machine: each digest is kept, marked
 * "not sent: no mail server configured", so the office sees exactly what would go.
 */
import { and, asc, eq, lt, or } from 'drizzle-orm';
import { digestsFor, type Digest } from '@/lib/domain/reminders';
import { composeDigest } from '@/lib/reminder-email';
import type { Db } from '../client';
import { reminderData, reminderRecipients } from '../queries/reminders';
import { notificationItems, notificationLog } from '../schema';
import { writeTransaction } from '../transaction';

/** How many times a failed digest is tried before it is left as failed for a person to look at. */
export const MAX_SEND_ATTEMPTS = 5;
export const NO_MAIL_SERVER = 'not sent: no mail server configured';

export type OutgoingMail = { to: string; subject: string; text: string; html: string };
/** Sends one message and returns the server's message id; throws when the server refuses or cannot be reached. */
export type Mailer = (mail: OutgoingMail) => Promise<{ messageId: string }>;

export type PlannedDigest = Digest & { email: string; name: string; subject: string; text: string; html: string };

/** The digests `day` calls for that have not been claimed yet, composed; nothing is written. */
export function planDigests(db: Db, day: string, baseUrl: string): PlannedDigest[] {
  const recipients = reminderRecipients(db);
  const byId = new Map(recipients.map((r) => [r.userId, r]));
  const claimed = new Set(
    db
      .select({ userId: notificationItems.userId, occasion: notificationItems.occasion })
      .from(notificationItems)
      .all()
      .map((i) => `${i.userId}|${i.occasion}`),
  );
  return digestsFor(day, reminderData(db, day, recipients), recipients, (userId, occasion) => claimed.has(`${userId}|${occasion}`)).map((digest) => {
    const person = byId.get(digest.userId)!;
    return { ...digest, email: person.email, name: person.name, ...composeDigest(person.name, digest.items, baseUrl) };
  });
}

/** Claims the day's digests into the send log as queued; returns their log ids. */
export function claimDigests(db: Db, day: string, baseUrl: string): number[] {
  return writeTransaction(db, (tx) => {
    const ids: number[] = [];
    for (const digest of planDigests(tx as unknown as Db, day, baseUrl)) {
      const log = tx
        .insert(notificationLog)
        .values({
          userId: digest.userId,
          email: digest.email,
          day,
          kinds: [...new Set(digest.items.map((i) => i.kind))],
          subject: digest.subject,
          body: digest.text,
          html: digest.html,
          status: 'queued',
        })
        .returning({ id: notificationLog.id })
        .get();
      for (const item of digest.items)
        tx.insert(notificationItems)
          .values({ logId: log.id, userId: digest.userId, occasion: item.occasion, kind: item.kind, ref: item.ref, title: item.title, dueOn: item.dueOn })
          .run();
      ids.push(log.id);
    }
    return ids;
  });
}

export type SendResult = { id: number; email: string; subject: string; status: 'sent' | 'failed' | 'not-sent'; detail: string };

/**
 * Sends every queued digest, and every failed one with attempts left, each only once claimed: a conditional
 * update from the state it was read in to "sending", in a statement of its own, so of two runs at once only
 * the one that claimed a digest sends it. One the claiming run never finished stays "sending" (shown as
 * uncertain) and is not sent again by itself, since it may have gone. Without a mailer, queued digests
 * are marked not sent (there is nothing to retry: configuring a server later sends the next day's).
 */
export async function sendQueued(db: Db, mailer: Mailer | null): Promise<SendResult[]> {
  const due = db
    .select()
    .from(notificationLog)
    .where(or(eq(notificationLog.status, 'queued'), and(eq(notificationLog.status, 'failed'), lt(notificationLog.attempts, MAX_SEND_ATTEMPTS))))
    .orderBy(asc(notificationLog.id))
    .all();
  const results: SendResult[] = [];
  const now = () => new Date().toISOString();
  /** Moves a row on from the state it was read in; false when another run moved it first. */
  const claim = (row: (typeof due)[number], set: Partial<typeof notificationLog.$inferInsert>) =>
    db
      .update(notificationLog)
      .set({ ...set, updatedAt: now() })
      .where(and(eq(notificationLog.id, row.id), eq(notificationLog.status, row.status), eq(notificationLog.attempts, row.attempts)))
      .run().changes === 1;
  if (!mailer) {
    for (const row of due.filter((d) => d.status === 'queued'))
      if (claim(row, { status: 'not-sent', error: NO_MAIL_SERVER }))
        results.push({ id: row.id, email: row.email, subject: row.subject, status: 'not-sent', detail: NO_MAIL_SERVER });
    return results;
  }
  for (const row of due) {
    if (!claim(row, { status: 'sending', attempts: row.attempts + 1 })) continue;
    try {
      const { messageId } = await mailer({ to: row.email, subject: row.subject, text: row.body, html: row.html });
      db.update(notificationLog).set({ status: 'sent', messageId, error: null, updatedAt: now() }).where(eq(notificationLog.id, row.id)).run();
      results.push({ id: row.id, email: row.email, subject: row.subject, status: 'sent', detail: messageId });
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      db.update(notificationLog).set({ status: 'failed', error: detail, updatedAt: now() }).where(eq(notificationLog.id, row.id)).run();
      results.push({ id: row.id, email: row.email, subject: row.subject, status: 'failed', detail });
    }
  }
  return results;
}
