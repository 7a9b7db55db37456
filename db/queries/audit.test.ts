import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Db } from '../client';
import { reviewAsItStands } from '../test-database';
import { ensureBaselineSettings, seedDemoData } from '../seed/demo';
import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { risks } from '../schema';
import { writeTransaction } from '../transaction';
import { writeAudit } from '../mutations/audit';
import { publishCoveringReport, startCoveringReport } from '../mutations/covering-reports';
import { freezeSnapshot } from '../mutations/snapshots';
import { createUser, recordSuccessfulSignIn, revokeSession } from '../mutations/users';
import { chainHead, formatCheckpoint, latestFullCheck, listAuditEntries, verifyAuditLog, verifySinceLastCheck } from './audit';

let dir: string;
let file: string;
let db: Db;
const ROOT = path.join(__dirname, '..', '..');
const actor = { userId: null, label: 'unit test' };

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'register-audit-'));
  file = path.join(dir, 'test.db');
  db = openDatabase(file);
  ensureBaselineSettings(db, { demo: true });
  seedDemoData(db);
});

afterEach(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const verify = (args: string[] = [], env: Record<string, string> = {}) => {
  try {
    return {
      code: 0,
      out: execFileSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/audit-verify.ts', ...args], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_PATH: file, ...env },
        encoding: 'utf8',
        stdio: 'pipe',
      }),
    };
  } catch (error) {
    const e = error as { status: number; stderr: string };
    return { code: e.status, out: e.stderr };
  }
};

describe('audit:verify', () => {
  it('passes on an untouched log, and names the entry tampered with directly in the database', () => {
    expect(verifyAuditLog(db)).toMatchObject({ ok: true, entries: 18 });
    const head = chainHead(db)!;
    expect(verify()).toEqual({
      code: 0,
      out: `audit log intact: 18 chained entries verified, 359 recorded rows match their entries; head ${formatCheckpoint(head)}\n`,
    });
    // The check is recorded in the log, sealed like any other entry, with the head it covered.
    expect(latestFullCheck(db)).toMatchObject({ ok: true, entries: 18, rows: 359, head, by: expect.stringMatching(/^npm run audit:verify \(.+\)$/) });
    // The triggers refuse updates, so a tamperer would have to remove them first.
    db.$client.exec('DROP TRIGGER audit_log_no_update');
    db.$client.prepare("update audit_log set summary = 'nothing happened' where id = 7").run();
    expect(verifyAuditLog(db)).toMatchObject({ ok: false, brokenId: null, reason: expect.stringContaining('audit_log_no_update') });
    db.$client.exec("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'x'); END;");
    expect(verifyAuditLog(db)).toMatchObject({ ok: false, brokenId: 7 });
    const result = verify();
    expect(result.code).toBe(1);
    expect(result.out).toContain('audit log broken at entry 7: its content does not match its hash');
  }, 30_000);
});

describe('tampering with the database file', () => {
  const sql = (text: string) => db.$client.exec(text);

  it('INSERT OR REPLACE cannot rewrite a review, an audit entry or a snapshot: the triggers refuse it', () => {
    const review = db.$client.prepare('select * from reviews where id = 1').get() as Record<string, unknown>;
    expect(() =>
      db.$client
        .prepare('insert or replace into reviews (id, risk_id, sequence, forum, likelihood, control, impact, score) values (1, ?, ?, ?, 1, 2, 4, 8)')
        .run(review.risk_id, review.sequence, review.forum),
    ).toThrow(/never replaced/);
    expect(() => sql("insert or replace into audit_log (id, actor_label, action, entity_type, summary) values (1, 'x', 'x', 'x', 'x')")).toThrow(
      /never replaced/,
    );
    expect(() =>
      sql(
        "insert or replace into register_settings (id, effective_from, appetite, removal_comparator, removal_threshold, likelihood_name, control_name, control_scale, impact_name, approved_by) values (1, '2000-01-01', 64, '<', 10, 'L', 'C', 's', 'I', 'x')",
      ),
    ).toThrow(/never replaced/);
    expect(db.$client.prepare('select score from reviews where id = 1').pluck().get()).toBe(review.score);
    expect(verifyAuditLog(db).ok).toBe(true);
  });

  it('cannot be verified, or re-chained, without the audit key', () => {
    const result = verify([], { AUDIT_KEY: 'someone-else-s-key-0123456789abcdef0123' });
    expect(result.code).toBe(1);
    expect(result.out).toContain('audit log broken at entry 1: its content does not match its hash (or it was chained without the audit key)');
  }, 30_000);

  it('fails for a deleted middle entry', () => {
    sql('DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id = 5;');
    expect(verifyAuditLog(db)).toMatchObject({ ok: false, reason: expect.stringContaining('audit_log_no_delete') });
    sql("CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'x'); END;");
    expect(verifyAuditLog(db)).toMatchObject({ ok: false, brokenId: 6 });
  });

  it('fails for removed newest entries, against a checkpoint taken before', () => {
    const checkpoint = chainHead(db)!;
    expect(verifyAuditLog(db, { since: checkpoint }).ok).toBe(true);
    sql(`DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id >= ${checkpoint.id - 2};`);
    sql("CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'x'); END;");
    expect(verifyAuditLog(db).ok).toBe(true);
    expect(verifyAuditLog(db, { since: checkpoint })).toMatchObject({
      ok: false,
      brokenId: checkpoint.id,
      reason: 'the checkpoint’s entry is no longer in the log',
    });
    const result = verify(['--since', formatCheckpoint(checkpoint)]);
    expect(result.code).toBe(1);
    expect(result.out).toContain('the checkpoint’s entry is no longer in the log');
  });

  it('fails when every hash is NULL, when the log is empty, and when a trigger is dropped', () => {
    sql('DROP TRIGGER audit_log_no_update; UPDATE audit_log SET hash = NULL, prev_hash = NULL;');
    sql("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'x'); END;");
    expect(verifyAuditLog(db)).toMatchObject({ ok: false, brokenId: 1, reason: 'it has no hash' });
    sql('DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log;');
    sql("CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'x'); END;");
    expect(verifyAuditLog(db)).toMatchObject({ ok: false, brokenId: null, reason: expect.stringContaining('the log is empty') });
    sql('DROP TRIGGER reviews_no_replace');
    expect(verifyAuditLog(db)).toMatchObject({ ok: false, reason: expect.stringContaining('reviews_no_replace') });
  });
  it('a row written by another connection is never recorded, whatever triggers the file holds', () => {
    const raw = new Database(file);
    // The queue and triggers of earlier versions, put back by hand, capture nothing the service records.
    raw.exec(`CREATE TABLE audit_pending (table_name text NOT NULL, row_id integer NOT NULL, PRIMARY KEY(table_name, row_id));
      CREATE TRIGGER reviews_record_insert AFTER INSERT ON reviews BEGIN INSERT OR IGNORE INTO audit_pending VALUES ('reviews', NEW.id); END;`);
    raw.close();
    expect(verifyAuditLog(db)).toMatchObject({ ok: false, reason: expect.stringContaining('the table audit_pending holds rows waiting to be recorded') });
  });

  it('a write to a recorded table outside writeTransaction is refused on the service’s own connection', () => {
    expect(() => db.$client.prepare("UPDATE risks SET event = 'x' WHERE ref = 'I1'").run()).toThrow(/outside writeTransaction/);
    expect(() =>
      writeTransaction(db, (tx) => {
        tx.update(risks).set({ event: 'x' }).where(eq(risks.ref, 'I1')).run();
      }),
    ).toThrow(/rows written without an audit entry to record them \(risks \d+\)/);
    expect(db.$client.prepare("SELECT event FROM risks WHERE ref = 'I1'").pluck().get()).not.toBe('x');
    expect(verifyAuditLog(db, { rows: true })).toMatchObject({ ok: true });
  });
});

/**
 * A hostile insider with the database file but not the audit key: each edit is made through a connection of
 * their own (the sqlite3 shell would do the same), with any trigger in the way dropped and put back. Each
 * must be caught right after the edit, after a restart (which runs what `npm start` runs), and after the
 * next ordinary write, including one that changes the very row edited.
 */
describe('tampering is never laundered into the record', () => {
  const raw = (statements: string | ((conn: Database.Database) => void), triggers: string[] = []) => {
    const conn = new Database(file);
    const saved = triggers.map((name) => conn.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").pluck().get(name) as string);
    for (const name of triggers) conn.exec(`DROP TRIGGER ${name}`);
    if (typeof statements === 'string') conn.exec(statements);
    else statements(conn);
    for (const text of saved) conn.exec(text);
    conn.close();
  };
  const restart = () => {
    db.$client.close();
    db = openDatabase(file);
    ensureBaselineSettings(db, { demo: true });
    seedDemoData(db);
  };
  const review = (ref: string) => reviewAsItStands(db, ref, '2026-11-24');
  const reviewId = (ref: string, sequence: number) =>
    db.$client.prepare('SELECT v.id FROM reviews v JOIN risks r ON r.id = v.risk_id WHERE r.ref = ? AND v.sequence = ?').pluck().get(ref, sequence) as number;
  const caught = (reason: RegExp) => expect(verifyAuditLog(db, { rows: true })).toMatchObject({ ok: false, reason: expect.stringMatching(reason) });

  /** Checks the edit is caught now, after a restart, after a write elsewhere and after a write to `ref`. */
  const staysCaught = (reason: RegExp, ref = 'I2') => {
    caught(reason);
    restart();
    caught(reason);
    review('I3');
    caught(reason);
    review(ref);
    caught(reason);
  };

  it('a rewritten review', () => {
    const id = reviewId('I1', 2);
    raw(`UPDATE reviews SET likelihood = 1, control = 2, impact = 4, score = 8 WHERE id = ${id}`, ['reviews_no_update']);
    staysCaught(new RegExp(`^row ${id} of reviews no longer matches the digest entry \\d+ recorded of it$`), 'I1');
  });

  it('a forged review', () => {
    raw(
      "INSERT INTO reviews (risk_id, sequence, reviewed_on, forum, likelihood, control, impact, score) SELECT id, 99, '2026-11-01', 'monthly', 1, 1, 1, 1 FROM risks WHERE ref = 'I1'",
    );
    const id = db.$client.prepare('SELECT max(id) FROM reviews').pluck().get() as number;
    staysCaught(new RegExp(`^1 row has no audit entry \\(reviews ${id}\\)$`));
  });

  it('a review replaced by another with its id', () => {
    const id = reviewId('I4', 2);
    raw(
      `DELETE FROM reviews WHERE id = ${id}; INSERT INTO reviews (id, risk_id, sequence, reviewed_on, forum, likelihood, control, impact, score) SELECT ${id}, id, 2, '2018-05-04', 'monthly', 1, 1, 1, 1 FROM risks WHERE ref = 'I4'`,
      ['reviews_no_delete'],
    );
    staysCaught(new RegExp(`^row ${id} of reviews no longer matches`));
  });

  it('deleted reviews', () => {
    const id = reviewId('I5', 2);
    raw(`DELETE FROM reviews WHERE id = ${id}`, ['reviews_no_delete']);
    staysCaught(new RegExp(`^row ${id} of reviews, recorded by entry \\d+, is no longer in the database$`));
  });

  it('an edited snapshot and an edited published report', () => {
    const snapshotId = freezeSnapshot(db, actor, { forum: 'panel', meetingOn: '2018-06-14', asAt: '2018-05-04' });
    startCoveringReport(db, actor, snapshotId);
    publishCoveringReport(db, actor, snapshotId, 1);
    expect(verifyAuditLog(db, { rows: true })).toMatchObject({ ok: true });
    const content = db.$client.prepare('SELECT content FROM register_snapshots WHERE id = ?').pluck().get(snapshotId) as string;
    raw(`UPDATE register_snapshots SET content = replace(content, '"score":24', '"score":12') WHERE id = ${snapshotId}`, ['register_snapshots_no_update']);
    staysCaught(new RegExp(`^row ${snapshotId} of register_snapshots no longer matches`));
    // Put back as it was, the snapshot matches again; then the published report is edited.
    raw((conn) => conn.prepare('UPDATE register_snapshots SET content = ? WHERE id = ?').run(content, snapshotId), ['register_snapshots_no_update']);
    expect(verifyAuditLog(db, { rows: true })).toMatchObject({ ok: true });
    const reportId = db.$client.prepare('SELECT id FROM covering_reports WHERE snapshot_id = ?').pluck().get(snapshotId) as number;
    raw(`UPDATE covering_reports SET published_by_name = 'someone else' WHERE id = ${reportId}`, ['covering_reports_published_frozen']);
    staysCaught(new RegExp(`^row ${reportId} of covering_reports no longer matches`));
  });

  it('the live register: a risk’s owner and event edited in the file', () => {
    const id = db.$client.prepare("SELECT id FROM risks WHERE ref = 'I2'").pluck().get() as number;
    raw(`UPDATE risks SET event = 'Nothing to see', owner_id = NULL WHERE id = ${id}`);
    caught(new RegExp(`^row ${id} of risks no longer matches the digest entry \\d+ recorded of it$`));
    restart();
    review('I3');
    caught(new RegExp(`^row ${id} of risks no longer matches`));
    // The service's next change to that risk records it again, and says what it found before its change.
    review('I2');
    caught(new RegExp(`^row ${id} of risks was changed outside the service after entry \\d+ recorded it, before entry \\d+ changed it$`));
  });

  it('a role raised in the users table', () => {
    const userId = createUser(db, actor, { email: 'board2@example.org', name: 'Board two', role: 'board', passwordHash: null });
    expect(verifyAuditLog(db, { rows: true })).toMatchObject({ ok: true });
    raw(`UPDATE users SET role = 'admin' WHERE id = ${userId}`);
    caught(new RegExp(`^row ${userId} of users no longer matches`));
    restart();
    caught(new RegExp(`^row ${userId} of users no longer matches`));
    recordSuccessfulSignIn(db, { id: userId, email: 'board2@example.org', name: 'Board two' }, 'password', new Date());
    caught(new RegExp(`^row ${userId} of users was changed outside the service`));
  });

  it('a signed-out session revived by deleting its revocation', () => {
    revokeSession(db, actor, 'a-session-id', '2099-01-01T00:00:00.000Z');
    expect(verifyAuditLog(db, { rows: true })).toMatchObject({ ok: true });
    const rowId = db.$client.prepare("SELECT rowid FROM revoked_sessions WHERE session_id = 'a-session-id'").pluck().get() as number;
    raw("DELETE FROM revoked_sessions WHERE session_id = 'a-session-id'");
    staysCaught(new RegExp(`^row ${rowId} of revoked_sessions, recorded by entry \\d+, is no longer in the database$`));
  });

  it('rows set aside for an upgrade by hand are not recorded on start', () => {
    raw(
      "CREATE TABLE audit_upgrade (table_name text NOT NULL, row_id integer NOT NULL, PRIMARY KEY(table_name, row_id)); INSERT INTO reviews (risk_id, sequence, reviewed_on, forum, likelihood, control, impact, score) SELECT id, 99, '2026-11-01', 'monthly', 1, 1, 1, 1 FROM risks WHERE ref = 'I1'; INSERT INTO audit_upgrade SELECT 'reviews', max(id) FROM reviews;",
    );
    // An upgrade entry is only ever written once; the demo's log already holds its own history.
    raw(`INSERT INTO audit_upgrade VALUES ('risks', 1)`);
    restart();
    caught(/the table audit_upgrade holds rows waiting to be recorded/);
  });
});

describe('checkpoints kept outside the database, and the cheap check pages run', () => {
  const cut = (fromId: number, resetSequence = false) => {
    const conn = new Database(file);
    const trigger = conn.prepare("SELECT sql FROM sqlite_master WHERE name = 'audit_log_no_delete'").pluck().get() as string;
    conn.exec(`DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id >= ${fromId};`);
    if (resetSequence) conn.exec(`UPDATE sqlite_sequence SET seq = ${fromId - 1} WHERE name = 'audit_log'`);
    conn.exec(trigger);
    conn.close();
  };

  it('a cut tail is caught by the next full check, after a restart and after the next write, with no checkpoint kept by hand', () => {
    const env = { AUDIT_CHECKPOINT_DIR: path.join(dir, '..', `${path.basename(dir)}-checkpoints`) };
    try {
      // Three changes, then the daily check, which keeps the head (its own entry, 22) outside the database.
      for (let i = 0; i < 3; i++) writeTransaction(db, (tx) => writeAudit(tx, actor, { action: 'test.write', entityType: 'test', summary: `write ${i}` }));
      const first = verify([], env);
      expect(first.code).toBe(0);
      const kept = fs.readFileSync(path.join(env.AUDIT_CHECKPOINT_DIR, 'audit-checkpoints.txt'), 'utf8').trim();
      expect(kept).toMatch(/^\d{4}-\d\d-\d\dT\S+Z 22:[0-9a-f]{64}$/);
      expect(first.out).toContain(`checkpoint kept in ${path.join(env.AUDIT_CHECKPOINT_DIR, 'audit-checkpoints.txt')}`);
      // The newest entries, the recorded check among them, are cut from the file: the rest still verifies.
      cut(20);
      expect(verifyAuditLog(db, { rows: true }).ok).toBe(true);
      const result = verify([], env);
      expect(result).toMatchObject({ code: 1, out: expect.stringContaining('audit log broken at entry 22: the checkpoint’s entry is no longer in the log') });
      // A restart and an ordinary write do not hide it; nor do new entries given the cut ids.
      db.$client.close();
      db = openDatabase(file);
      writeTransaction(db, (tx) => writeAudit(tx, actor, { action: 'test.write', entityType: 'test', summary: 'a later change' }));
      expect(verify(['--no-record'], env)).toMatchObject({ code: 1, out: expect.stringContaining('the checkpoint’s entry is no longer in the log') });
      cut(20, true);
      for (let i = 0; i < 4; i++) writeTransaction(db, (tx) => writeAudit(tx, actor, { action: 'test.write', entityType: 'test', summary: `write ${i}` }));
      expect(verify(['--no-record'], env)).toMatchObject({
        code: 1,
        out: expect.stringContaining('audit log broken at entry 22: the entry no longer matches the checkpoint'),
      });
    } finally {
      fs.rmSync(env.AUDIT_CHECKPOINT_DIR, { recursive: true, force: true });
    }
  }, 60_000);

  it('the cheap check covers the entries since the last passing full check; an older entry edited waits for the next full check', () => {
    expect(verifySinceLastCheck(db)).toMatchObject({ ok: true, entries: 18, since: null });
    expect(verify().code).toBe(0);
    for (let i = 0; i < 3; i++) writeTransaction(db, (tx) => writeAudit(tx, actor, { action: 'test.write', entityType: 'test', summary: `write ${i}` }));
    // The check's own entry and the three since.
    expect(verifySinceLastCheck(db)).toMatchObject({ ok: true, entries: 4, since: { entryId: 19, ok: true } });
    const conn = new Database(file);
    conn.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET summary = 'nothing' WHERE id = 21;");
    conn.exec("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;");
    conn.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET summary = 'nothing' WHERE id = 5;");
    conn.exec("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;");
    conn.close();
    expect(verifySinceLastCheck(db)).toMatchObject({ ok: false, brokenId: 21 });
    expect(verifyAuditLog(db)).toMatchObject({ ok: false, brokenId: 5 });
    // The entry the last check ended at, changed, fails the cheap check too.
    expect(verify().code).toBe(1);
    expect(latestFullCheck(db)).toMatchObject({ ok: false, reason: expect.stringContaining('its content does not match its hash') });
  }, 60_000);
});

describe('the audit log’s day filters are London days', () => {
  it('an entry at 23:30 UTC on 1 July 2026 is on 2 July in London, and filtered as such', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-07-01T23:30:00Z'));
      writeTransaction(db, (tx) => writeAudit(tx, actor, { action: 'test.late', entityType: 'test', summary: 'late in the evening' }));
    } finally {
      vi.useRealTimers();
    }
    const found = (from: string, to: string) => listAuditEntries(db, { action: 'test.late', from, to }).total;
    expect(found('2026-07-02', '2026-07-02')).toBe(1);
    expect(found('2026-07-01', '2026-07-01')).toBe(0);
    expect(found('2026-06-30', '2026-07-01')).toBe(0);
  });
});
