import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const ROOT = path.join(__dirname, '..');
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'register-key-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** `npm start`'s database step, as an operator would run it: exit code and what it printed. */
function setup(env: Record<string, string>): { code: number; out: string } {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AUDIT_') && k !== 'SEED_DEMO')) as Record<string, string>;
  const result = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/db-setup.ts'], {
    cwd: ROOT,
    env: { ...base, DATABASE_PATH: path.join(dir, 'data', 'register.db'), NODE_ENV: 'production', ...env },
    encoding: 'utf8',
  });
  return { code: result.status ?? 1, out: `${result.stdout}${result.stderr}` };
}

describe('the audit key in production', () => {
  it('refuses to start a real register without a key kept apart from the database, naming the settings, and writes nothing', () => {
    const result = setup({ SEED_DEMO: 'false' });
    expect(result.code).toBe(1);
    expect(result.out).toContain('db-setup: A real register’s audit key must be kept away from the database: set AUDIT_KEY');
    expect(result.out).toContain('AUDIT_KEY_FILE');
    expect(fs.existsSync(path.join(dir, 'data', 'register.db'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'data', '.audit-key'))).toBe(false);
  }, 30_000);

  it('refuses a key file in the database’s directory, and starts with one outside it', () => {
    fs.mkdirSync(path.join(dir, 'data'));
    fs.mkdirSync(path.join(dir, 'secrets'));
    const key = `${'ab'.repeat(32)}\n`;
    fs.writeFileSync(path.join(dir, 'data', 'audit.key'), key);
    fs.writeFileSync(path.join(dir, 'secrets', 'audit.key'), key);
    const beside = setup({ SEED_DEMO: 'false', AUDIT_KEY_FILE: path.join(dir, 'data', 'audit.key') });
    expect(beside.code).toBe(1);
    expect(beside.out).toContain("is in the database's directory");
    const apart = setup({ SEED_DEMO: 'false', AUDIT_KEY_FILE: path.join(dir, 'secrets', 'audit.key'), AUDIT_CHECKPOINT_DIR: path.join(dir, 'checkpoints') });
    expect(apart).toMatchObject({ code: 0, out: expect.stringContaining('demo data off') });
    expect(apart.out).not.toContain('warning');
  }, 30_000);

  it('the demo still starts on first run, with a generated key and a warning that says where it is', () => {
    const result = setup({});
    expect(result.code).toBe(0);
    expect(result.out).toContain(`warning: the audit key is ${path.join(dir, 'data', '.audit-key')}, beside the database`);
    expect(result.out).toContain('AUDIT_CHECKPOINT_DIR is not set');
    expect(fs.existsSync(path.join(dir, 'data', '.audit-key'))).toBe(true);
  }, 60_000);
});
