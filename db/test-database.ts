/**
 * For unit tests: a real database file in a fresh temporary folder, migrated, with the baseline settings
 * and the demo register loaded; `close()` removes it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from './client';
import { DEFAULT_REMOVAL_RULE } from '@/lib/domain/categories';
import { recordReview, type ReviewInput, type ReviewOutcome } from './mutations/reviews';
import { getRiskByRef } from './queries/risks';
import { ensureBaselineSettings, seedDemoData } from './seed/demo';

const TEST_ACTOR = { userId: null, label: 'unit test' };

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

/**
 * For unit tests: records a monthly review of a risk on `day` as it stands (its latest factors, no reason),
 * with whatever `change` sets, through the mutation the app uses.
 */
export function reviewAsItStands(db: Db, ref: string, day: string, change: Partial<ReviewInput> = {}): ReviewOutcome {
  const risk = getRiskByRef(db, ref, day)!;
  return recordReview(db, TEST_ACTOR, {
    riskId: risk.id,
    expectedVersion: risk.version,
    reviewedOn: day,
    forum: 'monthly',
    likelihood: risk.latest.likelihood!,
    control: risk.latest.control!,
    impact: risk.latest.impact!,
    reason: null,
    removalRule: DEFAULT_REMOVAL_RULE,
    ...change,
  });
}
