import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../client';
import { ensureBaselineSettings, seedDemoData } from '../seed/demo';
import { verifyAuditLog } from './audit';

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

const verify = () => {
  try {
    return {
      code: 0,
      out: execFileSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/audit-verify.ts'], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_PATH: file },
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
    expect(verifyAuditLog(db)).toMatchObject({ ok: true, entries: 18, unchained: 0 });
    expect(verify()).toEqual({ code: 0, out: 'audit log intact: 18 chained entries verified\n' });
    // The triggers refuse updates, so a tamperer would have to remove them first.
    db.$client.exec('DROP TRIGGER audit_log_no_update');
    db.$client.prepare("update audit_log set summary = 'nothing happened' where id = 7").run();
    expect(verifyAuditLog(db)).toMatchObject({ ok: false, brokenId: 7 });
    const result = verify();
    expect(result.code).toBe(1);
    expect(result.out).toContain('audit log broken at entry 7: its content does not match its hash');
  }, 30_000);
});
