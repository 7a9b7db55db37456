/**
 * Reminders that reach people: a real SMTP server on loopback (smtp-server), the job run as operators run
 * it (`npm run reminders:send`) for fixed days on the demo data, against the e2e database the server uses;
 * then the send log as administrators and auditors read it, preferences, and the calendar feed.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { SMTPServer } from 'smtp-server';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './accessibility';
import { parseEvents } from './ical';
import { openTestDb, signInAs, signInByApi } from './helpers';

const run = promisify(execFile);
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT || 3125);
type Received = { to: string[]; subject: string; text: string };

/** The Subject header, unfolded, with its RFC 2047 encoded words (Q or B) decoded. */
function headerSubject(raw: string): string {
  const folded = /^Subject: (.*(?:\r\n[ \t].*)*)$/m.exec(raw)?.[1] ?? '';
  return folded
    .replace(/\r\n[ \t]/g, ' ')
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?([QB])\?(.*?)\?=/gi, (_, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m: string, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

/** A loopback mail server that keeps what it receives, decoded enough to read (quoted-printable soft breaks and bytes). */
function startSmtp(received: Received[]): Promise<SMTPServer> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        const decoded = Buffer.from(
          raw.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
          'latin1',
        ).toString('utf8');
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), subject: headerSubject(raw), text: decoded });
        callback();
      });
    },
  });
  return new Promise((resolve) => server.listen(SMTP_PORT, '127.0.0.1', () => resolve(server)));
}

/** Runs the job for a day as an operator would; returns its output and exit code. */
async function sendReminders(day: string, baseURL: string): Promise<{ out: string; code: number }> {
  try {
    const { stdout } = await run(process.execPath, ['dist/reminders-send.mjs', '--day', day], {
      env: { ...process.env, DATABASE_PATH: process.env.DATABASE_PATH || 'data/e2e.db', SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`, NEXTAUTH_URL: baseURL },
    });
    return { out: stdout, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; code: number };
    return { out: failed.stdout, code: failed.code };
  }
}

function logStatuses(): Record<string, number> {
  const db = openTestDb();
  try {
    const rows = db.prepare('select status, count(*) as n from notification_log group by status').all() as Array<{ status: string; n: number }>;
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  } finally {
    db.close();
  }
}

test.describe.serial('reminders', () => {
  test('the job emails each person one digest of what is theirs, never twice, retries inside the next digest, and two runs at once send each digest once', async ({
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const received: Received[] = [];
    let smtp = await startSmtp(received);
    try {
      const first = await sendReminders('2026-12-07', baseURL!);
      expect(first.code, first.out).toBe(0);
      const owner = received.filter((m) => m.to.includes('owner@example.org'));
      expect(owner).toHaveLength(1);
      expect(owner[0]!.subject).toMatch(/^\d+ overdue – OPCC risk register$/);
      expect(owner[0]!.text).toContain('Report progress on outstanding ICT compliance issues to CMB');
      expect(owner[0]!.text).toContain(`${baseURL}/actions/`);
      expect(owner[0]!.text).not.toContain('Gold Group');
      expect(received.filter((m) => m.to.includes('board@example.org'))).toEqual([]);
      expect(new Set(received.map((m) => m.to.join())).size).toBe(received.length);
      const count = received.length;

      // The same day again: nothing new.
      const again = await sendReminders('2026-12-07', baseURL!);
      expect(again.out).toContain('0 new digests for 2026-12-07');
      expect(received).toHaveLength(count);

      // A week on, with the mail server down: the new digests fail and wait.
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      const down = await sendReminders('2026-12-14', baseURL!);
      expect(down.code).toBe(1);
      expect(down.out).toMatch(/failed to owner@example\.org/);
      expect(logStatuses().failed).toBeGreaterThan(0);

      // With the server back, the next run delivers them, and claims nothing twice.
      smtp = await startSmtp(received);
      const back = await sendReminders('2026-12-14', baseURL!);
      expect(back.code, back.out).toBe(0);
      expect(logStatuses().failed ?? 0).toBe(0);
      expect(received.filter((m) => m.to.includes('owner@example.org'))).toHaveLength(2);

      // Down again a week on; a week after that, each person gets one email, what failed inside it.
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      expect((await sendReminders('2026-12-21', baseURL!)).code).toBe(1);
      smtp = await startSmtp(received);
      const before = received.length;
      const caughtUp = await sendReminders('2026-12-28', baseURL!);
      expect(caughtUp.code, caughtUp.out).toBe(0);
      const oneRun = received.slice(before).map((m) => m.to.join());
      expect(oneRun.length).toBeGreaterThan(0);
      expect(new Set(oneRun).size).toBe(oneRun.length);

      // Two runs at once for a new week, against the real mail server: each digest claimed once, one email each.
      const beforeBoth = received.length;
      const both = await Promise.all([sendReminders('2027-01-04', baseURL!), sendReminders('2027-01-04', baseURL!)]);
      for (const r of both) expect(r.code, r.out).toBe(0);
      const db = openTestDb();
      const digests = db.prepare("select count(*) from notification_log where day = '2027-01-04' and status = 'sent'").pluck().get() as number;
      db.close();
      const emails = received.slice(beforeBoth).map((m) => m.to.join());
      expect(digests).toBeGreaterThan(0);
      expect(emails).toHaveLength(digests);
      expect(new Set(emails).size).toBe(emails.length);
    } finally {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  });

  test('administrators and auditors read the send log and download it; others may not', async ({ page, request }) => {
    await signInAs(page, 'auditor');
    await page.getByRole('link', { name: 'Reminders sent' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Reminders sent' })).toBeVisible();
    const owner = page.locator('tr').filter({ hasText: 'owner@example.org' });
    await expect(owner.first()).toContainText('Sent');
    await expectNoAxeViolations(page);
    await page.goto('/admin/notifications?from=2026-02-30');
    await expect(page.getByRole('link', { name: 'From must be a real date, like 4/5/2018, 4 May 2018 or 2018-05-04' })).toBeVisible();
    await expectNoAxeViolations(page);
    const csv = await page.request.get('/api/notifications/csv?status=sent');
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(await csv.text()).toContain('owner@example.org');
    await signInByApi(request, 'board@example.org');
    expect((await request.get('/admin/notifications', { maxRedirects: 0 })).status()).toBe(403);
    expect((await request.get('/api/notifications/csv')).status()).toBe(403);
  });

  test('a person chooses what they hear; the choice is audited and the next run honours it', async ({ page, baseURL }) => {
    await signInAs(page, 'owner');
    await page.goto('/account');
    await page.getByRole('link', { name: 'Choose your reminders and turn on a calendar feed' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Reminders and calendar' })).toBeVisible();
    // Only the kinds that can reach an owner are offered.
    await expect(page.getByRole('group', { name: 'Email me about' }).getByRole('checkbox')).toHaveCount(3);
    await expect(page.getByLabel('Covering reports published for your meetings')).toHaveCount(0);
    await expectNoAxeViolations(page);
    await page.getByLabel('Actions due and overdue').uncheck();
    await page.getByRole('button', { name: 'Save reminder choices' }).click();
    await expect(page.getByText('Your reminder choices have been saved.')).toBeVisible();
    await expect(page.getByLabel('Actions due and overdue')).not.toBeChecked();
    const db = openTestDb();
    try {
      expect(db.prepare("select summary from audit_log where action = 'account.reminders' order by id desc").pluck().get()).toMatch(
        /^Demo Risk Owner chose daily reminders, without: Actions due and overdue/,
      );
    } finally {
      db.close();
    }
    const received: Received[] = [];
    const smtp = await startSmtp(received);
    try {
      expect((await sendReminders('2027-01-11', baseURL!)).code).toBe(0);
    } finally {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
    const owner = received.filter((m) => m.to.includes('owner@example.org'));
    expect(owner).toHaveLength(1);
    expect(owner[0]!.text).toContain('/risks/I8');
    expect(owner[0]!.text).not.toContain('/actions/');
  });

  test('a private calendar feed holds the owner’s dates; a revoked or wrong address answers 404', async ({ page, playwright, baseURL }) => {
    await signInAs(page, 'owner');
    await page.goto('/account/notifications');
    await page.getByRole('button', { name: 'Turn on a calendar feed' }).click();
    const address = page.getByLabel('Your calendar feed’s address');
    await expect(address).toHaveValue(/\/api\/calendar\/[A-Za-z0-9_-]+\.ics$/);
    await expectNoAxeViolations(page);
    const url = new URL(await address.inputValue());
    const calendar = await playwright.request.newContext({ baseURL });
    try {
      const feed = await calendar.get(url.pathname);
      expect(feed.status()).toBe(200);
      expect(feed.headers()['content-type']).toContain('text/calendar');
      const events = parseEvents(await feed.text());
      const summaries = events.map((e) => e.SUMMARY);
      expect(summaries).toEqual(
        expect.arrayContaining([expect.stringMatching(/^I8 review due: /), expect.stringMatching(/^Action due \(I8\): Report progress/)]),
      );
      expect(summaries.some((s) => s?.startsWith('s.55'))).toBe(false);
      expect(events.every((e) => e.URL?.startsWith(baseURL!))).toBe(true);

      expect((await calendar.get('/api/calendar/not-a-real-token-0123456789abcdef.ics')).status()).toBe(404);
      await page.reload();
      await expect(page.getByTestId('calendar-status')).toContainText('Your calendar feed is on');
      await page.getByRole('button', { name: 'Turn off the calendar feed' }).click();
      await expect(page.getByText('Your calendar feed is off. Its address no longer works.')).toBeVisible();
      const revoked = await calendar.get(url.pathname);
      expect(revoked.status()).toBe(404);
      expect(await revoked.text()).toBe('Not found');
    } finally {
      await calendar.dispose();
    }
  });
});
