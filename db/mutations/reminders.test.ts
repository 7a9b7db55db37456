import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../client';
import { openDemoTestDatabase } from '../test-database';
import { seedDemoAccounts } from '../seed/demo-accounts';
import { seedDemoInspections } from '../seed/demo-inspections';
import { listNotifications } from '../queries/reminders';
import { and, eq, isNull } from 'drizzle-orm';
import { calendarFeeds, notificationItems, users } from '../schema';
import { createCalendarFeed } from './notifications';
import { setPassword } from './users';
import { claimDigests, MAX_SEND_ATTEMPTS, NO_MAIL_SERVER, planDigests, sendQueued, type OutgoingMail } from './reminders';

let db: Db;
let file: string;
let close: () => void;
const BASE = 'https://risks.example.org';
const DAY = '2026-12-07';

beforeEach(async () => {
  ({ db, file, close } = openDemoTestDatabase('reminders-'));
  await seedDemoAccounts(db);
  seedDemoInspections(db);
});

afterEach(() => close());

describe('the reminder job on the demo data', () => {
  it('plans one digest per person: the demo owner hears of their overdue action and their risks’ overdue reviews; board members hear nothing', () => {
    const planned = planDigests(db, DAY, BASE);
    const owner = planned.find((d) => d.email === 'owner@example.org')!;
    expect(owner.items.filter((i) => i.kind === 'action').map((i) => [i.ref, i.when])).toEqual([
      ['WILT-201819-AFI-08', 'overdue'],
      ['I8', 'overdue'],
    ]);
    expect(owner.items.filter((i) => i.kind === 'review').map((i) => i.ref)).toEqual(['I8', 'T4', 'T7']);
    expect(owner.subject).toMatch(/^\d+ overdue – OPCC risk register$/);
    expect(owner.text).toContain(`${BASE}/actions/`);
    expect(owner.text).toContain('Report progress on outstanding ICT compliance issues to CMB');
    expect(owner.html).toContain(`<a href="${BASE}/risks/I8">`);
    // References and titles only: never a risk's consequences or mitigations.
    expect(owner.text).not.toContain('Gold Group');
    expect(planned.find((d) => d.email === 'board@example.org')).toBeUndefined();
    expect(planned.find((d) => d.email === 'auditor@example.org')).toBeUndefined();
    expect(new Set(planned.map((d) => d.email)).size).toBe(planned.length);
  });

  it('claims each reminder once however often it runs, and keeps what would have gone when no mail server is set', async () => {
    const first = claimDigests(db, DAY, BASE);
    expect(first.length).toBeGreaterThan(0);
    expect(claimDigests(db, DAY, BASE)).toEqual([]);
    expect(planDigests(db, DAY, BASE)).toEqual([]);
    const results = await sendQueued(db, null);
    expect(results.map((r) => r.status)).toEqual(first.map(() => 'not-sent'));
    const log = listNotifications(db);
    expect(log.every((l) => l.status === 'not-sent' && l.error === NO_MAIL_SERVER)).toBe(true);
    expect(log.find((l) => l.email === 'owner@example.org')!.items.map((i) => i.ref)).toContain('I8');
    // The unique key itself refuses a second claim of the same reminder for the same person.
    const item = db.select().from(notificationItems).limit(1).get()!;
    expect(() =>
      db
        .insert(notificationItems)
        .values({ ...item, id: undefined })
        .run(),
    ).toThrow(/UNIQUE/);
  });

  it('a failed digest is carried into the person’s next digest: one email per person per run, retries included, up to a limit', async () => {
    const down = async (): Promise<{ messageId: string }> => {
      throw new Error('connect ECONNREFUSED 127.0.0.1:2525');
    };
    const delivered: OutgoingMail[] = [];
    const up = async (mail: OutgoingMail) => {
      delivered.push(mail);
      return { messageId: `<${delivered.length}@example.org>` };
    };
    claimDigests(db, DAY, BASE);
    const failed = await sendQueued(db, down);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((r) => r.status === 'failed' && r.detail.includes('ECONNREFUSED'))).toBe(true);
    // Failed digests are not sent again by themselves; the next run's claim carries them.
    expect(await sendQueued(db, up)).toEqual([]);

    // The same day, the mail server back: each person gets one digest holding what failed.
    claimDigests(db, DAY, BASE);
    const sent = await sendQueued(db, up);
    expect(sent.map((r) => r.status)).toEqual(failed.map(() => 'sent'));
    expect(delivered.map((m) => m.to).sort()).toEqual(failed.map((r) => r.email).sort());
    expect(listNotifications(db, { status: 'replaced' })).toHaveLength(failed.length);
    expect(listNotifications(db, { status: 'sent' }).every((l) => l.attempts === 2 && l.messageId)).toBe(true);

    // A week on the mail server is down; a week after that each person gets one email with both weeks' reminders.
    claimDigests(db, '2026-12-14', BASE);
    const failedAgain = await sendQueued(db, down);
    expect(failedAgain.length).toBeGreaterThan(0);
    const carried = listNotifications(db, { status: 'failed' });
    delivered.length = 0;
    claimDigests(db, '2026-12-21', BASE);
    await sendQueued(db, up);
    expect(new Set(delivered.map((m) => m.to)).size).toBe(delivered.length);
    for (const f of carried) expect(delivered.map((m) => m.to)).toContain(f.email);
    const owner = delivered.find((m) => m.to === 'owner@example.org')!;
    expect(owner.text).toContain('Report progress on outstanding ICT compliance issues to CMB');

    // A digest that keeps failing is left as failed after the limit, for a person to look at.
    for (let i = 0; i < MAX_SEND_ATTEMPTS + 2; i++) {
      claimDigests(db, '2026-12-28', BASE);
      await sendQueued(db, down);
    }
    const stuck = listNotifications(db, { status: 'failed' });
    expect(stuck.length).toBeGreaterThan(0);
    expect(stuck.every((l) => l.attempts === MAX_SEND_ATTEMPTS)).toBe(true);
  });
});

describe('two runs at once', () => {
  it('each digest goes once: a run sends only what it claimed, and one that stops mid-send leaves it uncertain, not resent', async () => {
    const claimed = claimDigests(db, DAY, BASE);
    expect(claimed.length).toBeGreaterThan(0);
    const sent: string[] = [];
    // A mail server that takes a while, so the two runs interleave.
    const slow = async (mail: OutgoingMail) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      sent.push(mail.to);
      return { messageId: `<${sent.length}@test>` };
    };
    const other = openDatabase(file);
    try {
      const [a, b] = await Promise.all([sendQueued(db, slow), sendQueued(other, slow)]);
      expect(sent).toHaveLength(claimed.length);
      expect(new Set(sent).size).toBe(claimed.length);
      expect(a.length + b.length).toBe(claimed.length);
    } finally {
      other.$client.close();
    }
    // A run that claims a digest and stops before recording the result leaves it uncertain; later runs leave it be.
    const next = claimDigests(db, '2026-12-14', BASE);
    expect(next.length).toBeGreaterThan(0);
    db.$client.prepare("UPDATE notification_log SET status = 'sending', attempts = attempts + 1 WHERE id = ?").run(next[0]);
    expect(await sendQueued(db, slow)).not.toContainEqual(expect.objectContaining({ id: next[0] }));
    expect(listNotifications(db, {}).find((r) => r.id === next[0])).toMatchObject({ status: 'sending' });
  });
});

describe('a calendar feed and a new password', () => {
  it('a password change or reset ends the feed, as it ends sessions', () => {
    const owner = db.select({ id: users.id, name: users.name }).from(users).where(eq(users.email, 'owner@example.org')).get()!;
    const actor = { userId: owner.id, label: owner.name };
    const live = () =>
      db
        .select()
        .from(calendarFeeds)
        .where(and(eq(calendarFeeds.userId, owner.id), isNull(calendarFeeds.revokedAt)))
        .all();
    createCalendarFeed(db, actor);
    expect(live()).toHaveLength(1);
    setPassword(db, actor, owner.id, 'a-new-hash', 'own-change');
    expect(live()).toHaveLength(0);
    createCalendarFeed(db, actor);
    setPassword(db, { userId: null, label: 'an administrator' }, owner.id, 'another-hash', 'admin-reset');
    expect(live()).toHaveLength(0);
  });
});
