import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { createUser } from '@/db/mutations/users';
import { hashPassword } from './passwords';
import { DEMO_PASSWORD } from '@/db/seed/demo-accounts';
import { checkCredentials, isCountableEmail, refusalMessage } from './credentials';

let dir: string;
const previous = process.env.DATABASE_PATH;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'register-credentials-'));
  process.env.DATABASE_PATH = path.join(dir, 'test.db');
});

afterAll(() => {
  getDb().$client.close();
  if (previous === undefined) delete process.env.DATABASE_PATH;
  else process.env.DATABASE_PATH = previous;
  fs.rmSync(dir, { recursive: true, force: true });
});

it.each([
  ['someone@example.org', true],
  ['Buy cheap pills now at evil dot example, call 0800', false],
  [`${'a'.repeat(250)}@example.org`, false],
  ['', false],
])('%j is counted: %s', (email, counted) => {
  expect(isCountableEmail(email)).toBe(counted);
});

it('signed out, text of one’s own choosing as the email never reaches the sign-in state or the audit log', async () => {
  const text = 'Nothing happened here, signed the Commissioner '.repeat(6);
  for (let i = 0; i < 60; i++) expect(await checkCredentials(text, 'wrong', { address: '192.0.2.1', device: null })).toEqual({ ok: false, reason: 'invalid' });
  const db = getDb();
  expect(db.$client.prepare('select count(*) from sign_in_attempts').pluck().get()).toBe(0);
  expect(db.$client.prepare("select count(*) from audit_log where summary like '%Commissioner%'").pluck().get()).toBe(0);
  // A well-formed address is counted (and, after fifty failures, locked and audited) whether or not it has an account.
  for (let i = 0; i < 50; i++) await checkCredentials('nobody@example.org', 'wrong', { address: `192.0.2.${i}`, device: null });
  expect(db.$client.prepare("select count(*) from audit_log where action = 'auth.lockout' and entity_id = 'nobody@example.org'").pluck().get()).toBe(1);
}, 60_000);

describe('other people’s wrong passwords never stop an owner signing in from a browser or address they have used', () => {
  const PASSWORD = 'correct horse battery staple';
  const browser = 'b'.repeat(43);
  const office = { address: '198.51.100.10', device: null };
  const lockedUntil = (email: string) =>
    getDb().$client.prepare('select locked_until from sign_in_attempts where email = ?').pluck().get(email) as string | null | undefined;

  it('sixty failures from sixty addresses lock the account for new origins only; the known browser and address still sign in, and their own guesses wait', async () => {
    const email = 'owner-known@example.org';
    createUser(getDb(), { userId: null, label: 'unit test' }, { email, name: 'Owner', role: 'owner', passwordHash: await hashPassword(PASSWORD) });
    expect((await checkCredentials(email, PASSWORD, { address: office.address, device: browser })).ok).toBe(true);
    for (let i = 0; i < 60; i++) await checkCredentials(email, 'wrong', { address: `203.0.113.${i}`, device: null });
    expect(lockedUntil(email)).toBeTruthy();
    expect(await checkCredentials(email, PASSWORD, { address: '192.0.2.99', device: null })).toMatchObject({ ok: false, reason: 'locked' });
    expect((await checkCredentials(email, PASSWORD, office)).ok).toBe(true);
    expect((await checkCredentials(email, PASSWORD, { address: '192.0.2.99', device: browser })).ok).toBe(true);
    // Their sign-ins leave the lock in place for everyone else.
    expect(await checkCredentials(email, PASSWORD, { address: '192.0.2.98', device: null })).toMatchObject({ ok: false, reason: 'locked' });
    // A stolen or shared known browser is still bounded: after three wrong guesses it waits.
    const guesses = [];
    for (let i = 0; i < 10; i++) guesses.push(await checkCredentials(email, 'wrong', { address: null, device: browser }));
    expect(guesses.filter((g) => !g.ok && g.reason === 'throttled').length).toBeGreaterThanOrEqual(7);
  }, 60_000);

  it('without a trusted proxy, sixty guesses under made-up addresses share one throttle: three are checked and nothing is locked', async () => {
    const email = 'staff-unknown@example.org';
    createUser(getDb(), { userId: null, label: 'unit test' }, { email, name: 'Staff', role: 'staff', passwordHash: await hashPassword(PASSWORD) });
    const results = [];
    for (let i = 0; i < 60; i++) results.push(await checkCredentials(email, 'wrong', { address: null, device: null }));
    expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(3);
    expect(lockedUntil(email)).toBeNull();
  }, 60_000);
});

describe('no known password in a real deployment', () => {
  it('a demo account’s published password signs in only when the service runs on this computer', async () => {
    const email = 'admin@example.org';
    createUser(
      getDb(),
      { userId: null, label: 'unit test' },
      { email, name: 'Demo Administrator', role: 'admin', passwordHash: await hashPassword(DEMO_PASSWORD) },
    );
    const previous = process.env.NEXTAUTH_URL;
    try {
      process.env.NEXTAUTH_URL = 'https://risks.example.org';
      const refused = await checkCredentials(email, DEMO_PASSWORD, { address: null, device: null });
      expect(refused).toEqual({ ok: false, reason: 'demo-elsewhere' });
      expect(refusalMessage(refused as Exclude<typeof refused, { ok: true }>)).toContain('create your own administrator with npm run user:create');
      process.env.NEXTAUTH_URL = 'http://localhost:3000';
      expect((await checkCredentials(email, DEMO_PASSWORD, { address: null, device: null })).ok).toBe(true);
    } finally {
      if (previous === undefined) delete process.env.NEXTAUTH_URL;
      else process.env.NEXTAUTH_URL = previous;
    }
  }, 30_000);
});
