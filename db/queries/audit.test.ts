import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../client';
import { ensureBaselineSettings, seedDemoData } from '../seed/demo';
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
    expect(verify()).toEqual({ code: 0, out: `audit log intact: 18 chained entries verified; head ${formatCheckpoint(chainHead(db)!)}\n` });
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
});
