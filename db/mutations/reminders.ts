/**
 * The reminder job: claim the day's digests into the send log, then send what is queued (or failed, up to
 * a limit). Claiming is one IMMEDIATE transaction that reads what was already sent and writes each digest
 * with its reminders under a unique (person, occasion) key, so two runs at once, in one process or two,
 * never claim the same reminder twice; sending happens after, outside any transaction, and each result is
 * written back to its row. Without a mail server nothing leaves the machine: each digest is kept, marked
 * "not sent: no mail server configured", so the office sees exactly what would go.
 */
import { and, asc, eq, lt } from 'drizzle-orm';
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

/** Digests that failed and may be tried again: their reminders go into the person's next digest. */
const retryable = and(eq(notificationLog.status, 'failed'), lt(notificationLog.attempts, MAX_SEND_ATTEMPTS));

/**
 * The digests `day` calls for that have not been claimed yet, composed; nothing is written. Reminders carried
 * by a failed digest that may be tried again count as unclaimed, so they are planned again for `day` if they
 * still apply (an action finished since drops out) inside that person's one digest of the day.
 */
export function planDigests(db: Db, day: string, baseUrl: string): PlannedDigest[] {
  const recipients = reminderRecipients(db);
  const byId = new Map(recipients.map((r) => [r.userId, r]));
  const waiting = new Set(
    db
      .select({ id: notificationLog.id })
      .from(notificationLog)
      .where(retryable)
      .all()
      .map((r) => r.id),
  );
  const claimed = new Set(
    db
      .select({ userId: notificationItems.userId, occasion: notificationItems.occasion, logId: notificationItems.logId })
      .from(notificationItems)
      .all()
      .filter((i) => !waiting.has(i.logId))
      .map((i) => `${i.userId}|${i.occasion}`),
  );
  return digestsFor(day, reminderData(db, day, recipients), recipients, (userId, occasion) => claimed.has(`${userId}|${occasion}`)).map((digest) => {
    const person = byId.get(digest.userId)!;
    return { ...digest, email: person.email, name: person.name, ...composeDigest(person.name, digest.items, baseUrl) };
  });
}

/**
 * Claims the day's digests into the send log as queued and returns their log ids: one per person, in one
 * IMMEDIATE transaction. A person's failed digests that may be tried again are replaced: marked "replaced",
 * their reminders that still apply moved into the new digest (keeping the attempts they have used), so a
 * retry never goes out beside the day's new digest: one email per person per day, retries included.
 */
export function claimDigests(db: Db, day: string, baseUrl: string): number[] {
  return writeTransaction(db, (tx) => {
    const waiting = tx.select().from(notificationLog).where(retryable).all();
    const ids: number[] = [];
    const now = new Date().toISOString();
    for (const digest of planDigests(tx as unknown as Db, day, baseUrl)) {
      const replaced = waiting.filter((w) => w.userId === digest.userId);
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
          attempts: Math.max(0, ...replaced.map((w) => w.attempts)),
        })
        .returning({ id: notificationLog.id })
        .get();
      for (const item of digest.items) {
        const values = { logId: log.id, userId: digest.userId, occasion: item.occasion, kind: item.kind, ref: item.ref, title: item.title, dueOn: item.dueOn };
        // A reminder a replaced digest carried moves to this one; the unique (person, occasion) key stays whole.
        tx.insert(notificationItems)
          .values(values)
          .onConflictDoUpdate({ target: [notificationItems.userId, notificationItems.occasion], set: { logId: log.id, title: item.title, dueOn: item.dueOn } })
          .run();
      }
      for (const old of replaced)
        tx.update(notificationLog)
          .set({ status: 'replaced', error: `its reminders that still applied went in digest ${log.id} of ${day}`, updatedAt: now })
          .where(and(eq(notificationLog.id, old.id), eq(notificationLog.status, 'failed')))
          .run();
      ids.push(log.id);
    }
    return ids;
  });
}

export type SendResult = { id: number; email: string; subject: string; status: 'sent' | 'failed' | 'not-sent'; detail: string };

/**
 * Sends every queued digest, each only once claimed: a conditional update from the state it was read in to
 * "sending", in a statement of its own, so of two runs at once only the one that claimed a digest sends it.
 * One the claiming run never finished stays "sending" (shown as uncertain) and is not sent again by itself,
 * since it may have gone. A failed digest is not sent again here: the next claim (claimDigests) carries its
 * reminders into that person's next digest. Without a mailer, queued digests are marked not sent.
 */
export async function sendQueued(db: Db, mailer: Mailer | null): Promise<SendResult[]> {
  const due = db.select().from(notificationLog).where(eq(notificationLog.status, 'queued')).orderBy(asc(notificationLog.id)).all();
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
    for (const row of due)
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
