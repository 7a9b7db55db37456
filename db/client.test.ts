import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from './client';
import { writeTransaction } from './transaction';

let dir: string;
let file: string;
let db: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'client-test-'));
  file = path.join(dir, 'test.db');
  db = openDatabase(file);
});

afterEach(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('openDatabase', () => {
  it('opens the file in WAL mode with foreign keys enforced and a busy timeout, migrated', () => {
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.$client.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.get(sql`SELECT count(*) AS n FROM sqlite_master WHERE name = 'reviews'`)).toEqual({ n: 1 });
  });
});

describe('writeTransaction', () => {
  it('takes the write lock when it begins, so a writer in another process waits instead of failing on a stale read', () => {
    const other = new Database(file);
    other.pragma('busy_timeout = 0');
    try {
      writeTransaction(db, (tx) => {
        tx.get(sql`SELECT count(*) FROM audit_log`);
        // The write lock is already held although nothing has been written yet.
        expect(() => other.exec('BEGIN IMMEDIATE')).toThrow(/locked|busy/i);
      });
      other.exec('BEGIN IMMEDIATE');
      other.exec('ROLLBACK');
    } finally {
      other.close();
    }
  });

  it('rolls back everything when the callback throws', () => {
    const count = () => (db.get(sql`SELECT count(*) AS n FROM people`) as { n: number }).n;
    const before = count();
    expect(() =>
      writeTransaction(db, (tx) => {
        tx.run(sql`INSERT INTO people (name) VALUES ('Nobody')`);
        throw new Error('refused');
      }),
    ).toThrow('refused');
    expect(count()).toBe(before);
  });
});
