import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeTransaction } from './transaction';
import { writeAudit } from './mutations/audit';
import { backupDatabase, BackupError, restoreDatabase, serverPidFile } from './backup';
import type { Db } from './client';
import { openDemoTestDatabase } from './test-database';

let db: Db;
let file: string;
let dir: string;
let close: () => void;

beforeEach(() => {
  ({ db, file, dir, close } = openDemoTestDatabase('backup-test-'));
});

afterEach(() => close());

/** Every row of every table, hashed in a fixed order: two files with the same fingerprint hold the same data. */
function fingerprint(databaseFile: string): string {
  const conn = new Database(databaseFile, { readonly: true });
  try {
    const hash = createHash('sha256');
    const tables = conn.prepare("SELECT name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as Array<{
      name: string;
      sql: string | null;
    }>;
    for (const t of tables) {
      hash.update(`${t.name}\n${t.sql}\n`);
      if (t.sql?.startsWith('CREATE TABLE'))
        for (const row of conn.prepare(`SELECT * FROM "${t.name}" ORDER BY rowid`).iterate()) hash.update(JSON.stringify(row));
    }
    return hash.digest('hex');
  } finally {
    conn.close();
  }
}

describe('backup and restore', () => {
  it('a backup taken while writes go on is consistent, and restoring it gives an identical database', async () => {
    const target = path.join(dir, 'backups', 'copy.db');
    let writes = 0;
    let writing = true;
    const writer = (async () => {
      while (writing) {
        writeTransaction(db, (tx) =>
          writeAudit(tx, { userId: null, label: 'load' }, { action: 'test.write', entityType: 'test', summary: `write ${writes++}` }),
        );
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const result = await backupDatabase(file, target);
    writing = false;
    await writer;
    expect(writes).toBeGreaterThan(0);
    expect(result).toMatchObject({ risks: 16, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(fs.existsSync(`${target}-wal`)).toBe(false);

    const copyPrint = fingerprint(target);
    const restoredTo = path.join(dir, 'restored', 'register.db');
    await restoreDatabase(target, restoredTo);
    expect(fingerprint(restoredTo)).toBe(copyPrint);
  });

  it('with no writes going on, the backup holds exactly the database', async () => {
    const target = path.join(dir, 'quiet.db');
    await backupDatabase(file, target);
    expect(fingerprint(target)).toBe(fingerprint(file));
  });

  it('restore refuses while the app runs, keeps the database it replaces, and refuses a file that is not a register', async () => {
    const target = path.join(dir, 'copy.db');
    await backupDatabase(file, target);
    const before = fingerprint(file);
    writeTransaction(db, (tx) => writeAudit(tx, { userId: null, label: 'later' }, { action: 'test.write', entityType: 'test', summary: 'after the backup' }));
    const withLaterWrite = fingerprint(file);
    expect(withLaterWrite).not.toBe(before);

    fs.writeFileSync(serverPidFile(file), String(process.pid));
    await expect(restoreDatabase(target, file)).rejects.toThrow(/The app is running \(process \d+\).*nothing has been changed/);
    expect(fingerprint(file)).toBe(withLaterWrite);
    // Any one of several server processes blocks it.
    fs.rmSync(serverPidFile(file));
    fs.writeFileSync(serverPidFile(file, 999999998), '999999998');
    fs.writeFileSync(serverPidFile(file, process.pid), String(process.pid));
    await expect(restoreDatabase(target, file)).rejects.toThrow(/The app is running \(process \d+\)/);
    // Records left by servers that were killed do not block a restore.
    fs.rmSync(serverPidFile(file, process.pid));
    fs.writeFileSync(serverPidFile(file, 999999999), '999999999');
    close = () => fs.rmSync(dir, { recursive: true, force: true });
    db.$client.close();

    const result = await restoreDatabase(target, file);
    expect(fs.existsSync(serverPidFile(file, 999999998)) || fs.existsSync(serverPidFile(file, 999999999))).toBe(false);
    expect(fingerprint(file)).toBe(before);
    expect(result.replacedBy).not.toBeNull();
    expect(fingerprint(result.replacedBy!)).toBe(withLaterWrite);

    const junk = path.join(dir, 'junk.db');
    fs.writeFileSync(junk, 'not a database at all');
    await expect(restoreDatabase(junk, file)).rejects.toBeInstanceOf(BackupError);
    await expect(restoreDatabase(path.join(dir, 'missing.db'), file)).rejects.toThrow(/There is no file at/);
    await expect(backupDatabase(file, target)).rejects.toThrow(/already exists/);
    expect(fingerprint(file)).toBe(before);
  });
});
