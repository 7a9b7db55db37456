import { and, eq, isNull } from 'drizzle-orm';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Db } from '../client';
import { findingRiskLinks } from '../schema';
import { seedDemoAccounts } from '../seed/demo-accounts';
import { seedDemoInspections } from '../seed/demo-inspections';
import { openDemoTestDatabase } from '../test-database';
import { listActions, risksWithOverdueActions } from './inspections';

let db: Db;
let close: () => void;
beforeEach(async () => {
  ({ db, close } = openDemoTestDatabase('inspections-queries-'));
  await seedDemoAccounts(db);
  seedDemoInspections(db);
});
afterEach(() => close());

it('flags exactly the risks with an overdue action of their own or through a linked finding, as listActions judges overdue', () => {
  let flagged = 0;
  for (const day of ['2018-05-04', '2019-12-31', '2026-11-24', '2030-01-01']) {
    const overdue = listActions(db, day, { overdue: true });
    const expected = new Set(overdue.flatMap((a) => (a.riskId === null ? [] : [a.riskId])));
    for (const a of overdue.filter((x) => x.findingId !== null)) {
      for (const link of db
        .select({ riskId: findingRiskLinks.riskId })
        .from(findingRiskLinks)
        .where(and(eq(findingRiskLinks.findingId, a.findingId!), isNull(findingRiskLinks.unlinkedAt)))
        .all())
        expected.add(link.riskId);
    }
    expect(risksWithOverdueActions(db, day)).toEqual(expected);
    flagged += expected.size;
  }
  expect(flagged).toBeGreaterThan(0);
});
