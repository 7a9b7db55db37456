import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from './client';

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
  it('reuses compiled statements without carrying one query’s row mode into the next', () => {
    const query = sql`SELECT 1 AS one, 'two' AS two`;
    expect(db.all(query)).toEqual([{ one: 1, two: 'two' }]);
    expect(db.values(query)).toEqual([[1, 'two']]);
    expect(db.get(query)).toEqual({ one: 1, two: 'two' });
    expect(db.all(query)).toEqual([{ one: 1, two: 'two' }]);
  });

  it('gives code that prepares its own statements the connection itself, uncached', () => {
    expect(db.$client).toBeInstanceOf(Database);
    const first = db.$client.prepare('SELECT 1');
    expect(db.$client.prepare('SELECT 1')).not.toBe(first);
    expect(first.pluck().get()).toBe(1);
    expect(db.get(sql`SELECT 1`)).toEqual({ 1: 1 });
  });

  it('begins every transaction immediately, so a writer in another process waits instead of failing on a stale read', () => {
    const other = new Database(file);
    other.pragma('busy_timeout = 0');
    try {
      db.transaction((tx) => {
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

  it('still takes an explicitly deferred transaction when asked', () => {
    const other = new Database(file);
    other.pragma('busy_timeout = 0');
    try {
      db.transaction(
        (tx) => {
          tx.get(sql`SELECT count(*) FROM audit_log`);
          other.exec('BEGIN IMMEDIATE');
          other.exec('ROLLBACK');
        },
        { behavior: 'deferred' },
      );
    } finally {
      other.close();
    }
  });
});
