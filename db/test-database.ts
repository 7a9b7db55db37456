/**
 * For unit tests: a real database file in a fresh temporary folder, migrated, with the baseline settings
 * and the demo register loaded; `close()` removes it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from './client';
import { ensureBaselineSettings, seedDemoData } from './seed/demo';

export function openDemoTestDatabase(prefix: string): { db: Db; file: string; dir: string; close: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const file = path.join(dir, 'test.db');
  const db = openDatabase(file);
  ensureBaselineSettings(db, { demo: true });
  seedDemoData(db);
  return {
    db,
    file,
    dir,
    close() {
      db.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
