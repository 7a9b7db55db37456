/**
 * `npm start` as an operator runs it behind a reverse proxy (TRUST_PROXY=true), on a port and database of its
 * own: sign-in limits keyed by the address the proxy saw, the daily jobs run from the compiled scripts with no
 * TypeScript tooling on the PATH, and a server that dies is started again.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './accessibility';
import { DEMO_USERS, signIn, signInByApi } from './helpers';

const PORT = Number(process.env.E2E_START_PORT || 3102);
const BASE = `http://127.0.0.1:${PORT}`;
const DB_FILE = path.resolve('data', 'start-e2e.db');

async function healthy(): Promise<boolean> {
  try {
    return (await fetch(`${BASE}/api/health`)).ok;
  } catch {
    return false;
  }
}

async function waitFor(check: () => boolean | Promise<boolean>, what: string, ms = 90_000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

test.describe.serial('npm start, as operators run it', () => {
  test.describe.configure({ timeout: 240_000 });
  let server: ChildProcess;
  let output = '';

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(DB_FILE + suffix, { force: true });
    server = spawn(process.execPath, ['scripts/start.mjs'], {
      env: {
        NODE_ENV: 'production',
        // Node and the system's tools only: no node_modules/.bin, so nothing can reach for tsx or npx.
        PATH: [path.dirname(process.execPath), '/usr/bin', '/bin'].join(':'),
        HOME: process.env.HOME,
        PORT: String(PORT),
        DATABASE_PATH: DB_FILE,
        NEXTAUTH_URL: BASE,
        NEXTAUTH_SECRET: 'start-e2e-only-secret-0123456789abcdef0123',
        SEED_DEMO: 'true',
        // The tests stand in for the proxy, writing the X-Forwarded-For it would.
        TRUST_PROXY: 'true',
        // Times already past, so the server catches up with both jobs as it starts.
        REMINDERS_AT: '00:00',
        AUDIT_CHECK_AT: '00:00',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitFor(healthy, 'the service to answer');
  });

  test.afterAll(async () => {
    if (server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(DB_FILE + suffix, { force: true });
  });

  test('behind a proxy, wrong passwords from fifty other addresses lock the account for new addresses only; its owner signs in from theirs; a reset clears the lock', async ({
    browser,
    playwright,
  }) => {
    const owner = DEMO_USERS.owner;
    const from = (address: string) => playwright.request.newContext({ baseURL: BASE, extraHTTPHeaders: { 'X-Forwarded-For': address } });
    const usual = await from('198.51.100.20');
    expect((await signInByApi(usual, owner.email)).headers().location ?? '').not.toContain('error=');
    await usual.dispose();
    for (let n = 0; n < 17; n++) {
      const guesser = await from(`192.0.2.${n + 1}`);
      for (let i = 0; i < 3; i++) await signInByApi(guesser, owner.email, `guess-${n}-${i}`);
      await guesser.dispose();
    }
    const db = new Database(DB_FILE, { readonly: true });
    const audit = db.prepare("select summary from audit_log where action = 'auth.lockout' and entity_id = ?").all(owner.email) as Array<{ summary: string }>;
    db.close();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.summary).toContain('after 50 failed attempts');

    const elsewhere = await browser.newPage({ extraHTTPHeaders: { 'X-Forwarded-For': '203.0.113.9' } });
    await signIn(elsewhere, owner.email, undefined, `${BASE}/sign-in`);
    await expect(elsewhere.getByRole('link', { name: /Sign-in for this email address is paused until/ })).toBeVisible();
    await elsewhere.close();
    // From the address they always use, in a browser that never signed in, the owner signs in at once.
    const atDesk = await browser.newPage({ extraHTTPHeaders: { 'X-Forwarded-For': '198.51.100.20' } });
    await signIn(atDesk, owner.email, undefined, `${BASE}/sign-in`);
    await expect(atDesk.getByText(`Signed in as ${owner.name}`)).toBeVisible();
    await atDesk.close();

    const adminContext = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': '198.51.100.1' } });
    const admin = await adminContext.newPage();
    await signIn(admin, DEMO_USERS.admin.email, undefined, `${BASE}/sign-in`);
    await expect(admin.getByText(`Signed in as ${DEMO_USERS.admin.name}`)).toBeVisible();
    await admin.goto(`${BASE}/admin/users`);
    await expect(admin.locator(`tr[data-email="${owner.email}"]`)).toContainText('Sign-in locked');
    await expectNoAxeViolations(admin);
    await admin.getByRole('link', { name: `Change ${owner.name}` }).click();
    await admin.getByLabel('New password').fill('a-brand-new-password');
    await admin.getByRole('button', { name: 'Reset password' }).click();
    await expect(admin.getByText(`Password reset for ${owner.email}.`)).toBeVisible();
    await adminContext.close();
    const afterReset = await browser.newPage({ extraHTTPHeaders: { 'X-Forwarded-For': '203.0.113.9' } });
    await signIn(afterReset, owner.email, 'a-brand-new-password', `${BASE}/sign-in`);
    await expect(afterReset.getByText(`Signed in as ${owner.name}`)).toBeVisible();
    await afterReset.close();
    const after = new Database(DB_FILE, { readonly: true });
    expect(after.prepare("select count(*) from audit_log where action = 'user.password-reset'").pluck().get()).toBe(1);
    after.close();
  });

  test('a stored day that is not a real day: every page still answers and shows it in place, the jobs carry on, and audit:verify names it', async ({
    browser,
  }) => {
    // Written from a connection of its own, as an old import or an edit of the file could.
    const raw = new Database(DB_FILE);
    const review = raw
      .prepare("select r.* from reviews r join risks k on k.id = r.risk_id where k.ref = 'I10' order by r.sequence desc limit 1")
      .get() as Record<string, unknown>;
    const columns = Object.keys(review).filter((c) => c !== 'id');
    raw
      .prepare(`insert into reviews (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`)
      .run({ ...review, sequence: (review.sequence as number) + 1, reviewed_on: '2026-02-31' });
    const inspectionId = raw.prepare('select min(id) from inspections').pluck().get() as number;
    raw.prepare("update inspections set published_on = '2026-13-45' where id = ?").run(inspectionId);
    raw.prepare("update actions set due_on = '0000-00-00' where id = (select min(id) from actions)").run();
    raw.close();

    const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': '198.51.100.30' } });
    const page = await context.newPage();
    await signIn(page, DEMO_USERS.staff.email, undefined, `${BASE}/sign-in`);
    await expect(page.getByText(`Signed in as ${DEMO_USERS.staff.name}`)).toBeVisible();
    for (const path of [
      '/register',
      '/dashboard',
      '/reviews/monthly',
      '/api/register',
      '/risks/I10',
      '/risks/I10/review',
      '/inspections',
      `/inspections/${inspectionId}`,
      '/actions',
    ]) {
      const response = await page.goto(`${BASE}${path}`);
      expect(response?.status(), path).toBe(200);
    }
    await page.goto(`${BASE}/risks/I10`);
    await expect(page.getByText('Unreadable date “2026-02-31”').first()).toBeVisible();
    await page.goto(`${BASE}/inspections/${inspectionId}`);
    await expect(page.getByText('Unreadable date “2026-13-45”').first()).toBeVisible();
    await context.close();

    const env = { ...process.env, DATABASE_PATH: DB_FILE, NEXTAUTH_URL: BASE, SEED_DEMO: 'true' };
    const reminders = spawnSync(process.execPath, ['dist/reminders-send.mjs', '--dry-run', '--day', '2026-12-07'], { env, encoding: 'utf8' });
    expect(reminders.status, reminders.stderr).toBe(0);
    const verify = spawnSync(process.execPath, ['dist/audit-verify.mjs', '--no-record'], { env, encoding: 'utf8' });
    expect(verify.stdout).toMatch(/unreadable date: review \d+ of I10, date reviewed "2026-02-31"/);
    expect(verify.stdout).toContain(`unreadable date: inspection ${inspectionId}, publication date "2026-13-45"`);
    expect(verify.stdout).toMatch(/unreadable date: action \d+, due date "0000-00-00"/);
  });

  test('the daily jobs run from compiled scripts, and a server that is killed comes back by itself', async () => {
    await waitFor(() => /new digests? for \d{4}-\d{2}-\d{2}/.test(output), 'the reminder run');
    await waitFor(() => /audit log intact: \d+ chained entries verified/.test(output), 'the daily audit check');
    expect(output).not.toMatch(/did not finish/);
    const db = new Database(DB_FILE, { readonly: true });
    const digests = (db.prepare('select count(*) as n from notification_log').get() as { n: number }).n;
    const check = db.prepare("select count(*) as n from audit_log where action = 'audit.verify'").get() as { n: number };
    db.close();
    expect(digests).toBeGreaterThan(0);
    expect(check.n).toBe(1);

    const pid = Number(/server started \(pid (\d+)\)/.exec(output)?.[1]);
    expect(pid).toBeGreaterThan(0);
    process.kill(pid, 'SIGKILL');
    await waitFor(async () => !(await healthy()), 'the killed server to stop answering', 10_000);
    await waitFor(() => /the server stopped \(SIGKILL\); starting it again/.test(output), 'npm start to notice');
    await waitFor(healthy, 'the service to answer again');
    expect(server.exitCode).toBeNull();
  });
});
