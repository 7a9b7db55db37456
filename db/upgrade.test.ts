import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase } from './client';
import { verifyAuditLog } from './queries/audit';
import { UPGRADE_ACTION, UPGRADE_MIGRATION } from './upgrade';

let dir: string;
let file: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'register-upgrade-'));
  file = path.join(dir, 'test.db');
});

afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A database as the version before drizzle/0017 left it: rows queued by its triggers, live rows unrecorded. */
function databaseBeforeUpgrade() {
  const folder = path.join(dir, 'drizzle');
  fs.cpSync(path.join(process.cwd(), 'drizzle'), folder, { recursive: true });
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: Array<{ tag: string }> };
  journal.entries = journal.entries.filter((e) => e.tag < UPGRADE_MIGRATION);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  const sqlite = new Database(file);
  migrate(drizzle(sqlite), { migrationsFolder: folder });
  sqlite.exec(`INSERT INTO people (name) VALUES ('An owner');
    INSERT INTO risks (ref, category, ref_number, date_identified, event, owner_id) VALUES ('I1', 'inherent', 1, '2018-01-01', 'An event', 1);
    INSERT INTO reviews (risk_id, sequence, reviewed_on, forum, likelihood, control, impact, score) VALUES (1, 1, '2018-05-04', 'monthly', 2, 3, 4, 24);`);
  expect(sqlite.prepare('SELECT count(*) FROM audit_pending').pluck().get()).toBe(1);
  sqlite.close();
}

it('the upgrade records the queued rows and every live row once, in one entry naming its migration', () => {
  databaseBeforeUpgrade();
  let db = openDatabase(file);
  const upgrades = () =>
    db.$client.prepare('SELECT summary, records FROM audit_log WHERE action = ?').all(UPGRADE_ACTION) as Array<{ summary: string; records: string }>;
  expect(upgrades()).toHaveLength(1);
  expect(upgrades()[0]!.summary).toContain(`3 rows written before this version of the service recorded them (migration ${UPGRADE_MIGRATION})`);
  expect(JSON.parse(upgrades()[0]!.records).map((r: unknown[]) => `${r[0]} ${r[1]}`)).toEqual(['people 1', 'reviews 1', 'risks 1']);
  expect(db.$client.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('audit_pending', 'audit_upgrade')").pluck().get()).toBe(0);
  expect(verifyAuditLog(db, { rows: true })).toMatchObject({ ok: true, rows: { checked: 3 } });
  // Opening again records nothing more.
  db.$client.close();
  db = openDatabase(file);
  expect(upgrades()).toHaveLength(1);
  expect(verifyAuditLog(db, { rows: true })).toMatchObject({ ok: true });
  db.$client.close();
});

it('a fresh database records nothing on open, and leaves no table of waiting rows', () => {
  const db = openDatabase(file);
  expect(db.$client.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(0);
  expect(db.$client.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('audit_pending', 'audit_upgrade')").pluck().get()).toBe(0);
  db.$client.close();
});
