/**
 * For unit tests: a real database file in a fresh temporary folder, migrated, with the baseline settings
 * and the demo register loaded; `close()` removes it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from './client';
import { ensureBaselineSettings, seedDemoData } from './seed/demo';

export function openDemoTestDatabase(prefix: string): { db: Db; close: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const db = openDatabase(path.join(dir, 'test.db'));
  ensureBaselineSettings(db, { demo: true });
  seedDemoData(db);
  return {
    db,
    close() {
      db.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
