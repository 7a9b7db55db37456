import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../client';
import { ensureBaselineSettings, seedDemoData } from '../seed/demo';
import { recordQueuedRows } from '../mutations/audit';
import { chainHead, formatCheckpoint, verifyAuditLog } from './audit';

let dir: string;
let file: string;
let db: Db;
const ROOT = path.join(__dirname, '..', '..');

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
    expect(verify()).toEqual({
      code: 0,
      out: `audit log intact: 18 chained entries verified, 343 recorded rows match their entries; head ${formatCheckpoint(chainHead(db)!)}\n`,
    });
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
  it('recomputes every recorded row: names the first row changed, the row gone and the rows no entry recorded', () => {
    expect(verifyAuditLog(db, { rows: true })).toMatchObject({ ok: true, rows: { checked: 343, mismatch: null, unrecordedCount: 0 } });
    const review = db.$client.prepare("SELECT v.id FROM reviews v JOIN risks r ON r.id = v.risk_id WHERE r.ref = 'I1' AND v.sequence = 2").get() as {
      id: number;
    };
    const entry = (
      db.$client.prepare('SELECT id FROM audit_log WHERE records LIKE ? ORDER BY id DESC LIMIT 1').get(`%["reviews",${review.id},%`) as { id: number }
    ).id;
    // A tamperer who can write the file drops the trigger, rewrites the review, and puts the trigger back.
    const tamper = (trigger: string, statement: string, restore: string) => {
      db.$client.exec(`DROP TRIGGER ${trigger}`);
      db.$client.prepare(statement).run();
      db.$client.exec(restore);
    };
    tamper(
      'reviews_no_update',
      `UPDATE reviews SET likelihood = 1, control = 2, impact = 4, score = 8 WHERE id = ${review.id}`,
      "CREATE TRIGGER reviews_no_update BEFORE UPDATE ON reviews BEGIN SELECT RAISE(ABORT, 'reviews are append-only'); END;",
    );
    // The chain alone is intact: only the rows' digests show it.
    expect(verifyAuditLog(db)).toMatchObject({ ok: true });
    expect(verifyAuditLog(db, { rows: true })).toMatchObject({
      ok: false,
      brokenId: entry,
      reason: `row ${review.id} of reviews no longer matches the digest entry ${entry} recorded of it`,
    });
    const result = verify();
    expect(result.code).toBe(1);
    expect(result.out).toContain(`audit log broken at entry ${entry}: row ${review.id} of reviews no longer matches`);
    tamper(
      'reviews_no_update',
      `UPDATE reviews SET likelihood = 3, control = 2, impact = 4, score = 24 WHERE id = ${review.id}`,
      "CREATE TRIGGER reviews_no_update BEFORE UPDATE ON reviews BEGIN SELECT RAISE(ABORT, 'reviews are append-only'); END;",
    );
    expect(verifyAuditLog(db, { rows: true })).toMatchObject({ ok: true });

    // A row deleted.
    const revision = db.$client.prepare('SELECT id FROM risk_revisions ORDER BY id DESC LIMIT 1').get() as { id: number };
    tamper(
      'risk_revisions_no_delete',
      `DELETE FROM risk_revisions WHERE id = ${revision.id}`,
      "CREATE TRIGGER risk_revisions_no_delete BEFORE DELETE ON risk_revisions BEGIN SELECT RAISE(ABORT, 'x'); END;",
    );
    expect(verifyAuditLog(db, { rows: true })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(new RegExp(`^row ${revision.id} of risk_revisions, recorded by entry \\d+, is no longer in the database$`)),
    });
  }, 30_000);

  it('a row written without an audit entry is named, whichever way it was written; rows queued before an upgrade are recorded on start', () => {
    const insert = (sequence: number) => {
      db.$client
        .prepare(
          `INSERT INTO reviews (risk_id, sequence, reviewed_on, forum, likelihood, control, impact, score) SELECT risk_id, ${sequence}, '2026-11-01', 'monthly', 1, 1, 1, 1 FROM reviews WHERE id = 1`,
        )
        .run();
      return (db.$client.prepare('SELECT max(id) AS id FROM reviews').get() as { id: number }).id;
    };
    const queued = insert(98);
    expect(verifyAuditLog(db, { rows: true })).toMatchObject({ ok: false, brokenId: null, reason: `1 row has no audit entry (reviews ${queued})` });
    // The rows a migration queued (those written before digests were kept) are recorded in one entry on start.
    expect(recordQueuedRows(db)).toBe(1);
    expect(recordQueuedRows(db)).toBe(0);
    expect(verifyAuditLog(db, { rows: true })).toMatchObject({ ok: true });
    // With the queue emptied by hand, the row still has no entry.
    const hidden = insert(99);
    db.$client.exec('DELETE FROM audit_pending');
    expect(verifyAuditLog(db, { rows: true })).toMatchObject({ ok: false, reason: `1 row has no audit entry (reviews ${hidden})` });
  });
});
