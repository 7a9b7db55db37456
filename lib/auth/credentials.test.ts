import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { checkCredentials, isCountableEmail } from './credentials';

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
  for (let i = 0; i < 60; i++) expect(await checkCredentials(text, 'wrong', '192.0.2.1')).toEqual({ ok: false, reason: 'invalid' });
  const db = getDb();
  expect(db.$client.prepare('select count(*) from sign_in_attempts').pluck().get()).toBe(0);
  expect(db.$client.prepare("select count(*) from audit_log where summary like '%Commissioner%'").pluck().get()).toBe(0);
  // A well-formed address is counted (and, after fifty failures, locked and audited) whether or not it has an account.
  for (let i = 0; i < 50; i++) await checkCredentials('nobody@example.org', 'wrong', `192.0.2.${i}`);
  expect(db.$client.prepare("select count(*) from audit_log where action = 'auth.lockout' and entity_id = 'nobody@example.org'").pluck().get()).toBe(1);
}, 60_000);
