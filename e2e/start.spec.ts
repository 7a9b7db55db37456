/**
 * `npm start` as an operator runs it, on a port and database of its own: the daily jobs run from the
 * compiled scripts with no TypeScript tooling on the PATH, and a server that dies is started again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';

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

test.describe('npm start, as operators run it', () => {
  test.describe.configure({ timeout: 240_000 });
  let start: ChildProcess | undefined;
  test.afterEach(async () => {
    if (start && start.exitCode === null) {
      start.kill('SIGTERM');
      await new Promise((resolve) => start!.once('exit', resolve));
    }
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(DB_FILE + suffix, { force: true });
  });

  test('the daily jobs run from compiled scripts, and a server that is killed comes back by itself', async () => {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(DB_FILE + suffix, { force: true });
    let output = '';
    start = spawn(process.execPath, ['scripts/start.mjs'], {
      env: {
        // Node and the system's tools only: no node_modules/.bin, so nothing can reach for tsx or npx.
        PATH: [path.dirname(process.execPath), '/usr/bin', '/bin'].join(':'),
        HOME: process.env.HOME,
        PORT: String(PORT),
        DATABASE_PATH: DB_FILE,
        NEXTAUTH_URL: BASE,
        NEXTAUTH_SECRET: 'start-e2e-only-secret-0123456789abcdef0123',
        SEED_DEMO: 'true',
        // Times already past, so the server catches up with both jobs as it starts.
        REMINDERS_AT: '00:00',
        AUDIT_CHECK_AT: '00:00',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    start.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    start.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitFor(healthy, 'the service to answer');
    await waitFor(() => /new digests? for \d{4}-\d{2}-\d{2}/.test(output), 'the reminder run');
    await waitFor(() => /audit log intact: \d+ chained entries verified/.test(output), 'the daily audit check');
    expect(output).not.toMatch(/did not finish cleanly|did not finish/);
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
    expect(start.exitCode).toBeNull();
  });
});
