import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoTestDatabase } from '../test-database';
import { planDigests } from '../mutations/reminders';
import { seedDemoAccounts } from '../seed/demo-accounts';
import { seedDemoInspections } from '../seed/demo-inspections';
import { listActions, listInspections } from './inspections';
import { getMonthlySession } from './monthly';
import { getLiveRegister, getRegisterAsAt, getRiskByRef } from './risks';
import { unreadableDays } from './stored-days';

const TODAY = '2026-12-07';
let t: ReturnType<typeof openDemoTestDatabase>;

/** Writes impossible days into the file from a connection of its own, as a careless import or a tamperer could. */
function writeImpossibleDays(file: string) {
  const raw = new Database(file);
  const review = raw.prepare("select r.* from reviews r join risks k on k.id = r.risk_id where k.ref = 'I10' order by r.sequence desc limit 1").get() as Record<
    string,
    unknown
  >;
  const columns = Object.keys(review).filter((c) => c !== 'id');
  raw
    .prepare(`insert into reviews (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`)
    .run({ ...review, sequence: (review.sequence as number) + 1, reviewed_on: '2026-02-31' });
  raw.prepare("update inspections set published_on = '2026-13-45' where id = (select min(id) from inspections)").run();
  raw.prepare("update actions set due_on = '0000-00-00' where id = (select min(id) from actions)").run();
  raw.close();
}

beforeAll(async () => {
  t = openDemoTestDatabase('register-stored-days-');
  await seedDemoAccounts(t.db);
  seedDemoInspections(t.db);
  writeImpossibleDays(t.file);
});
afterAll(() => t.close());

describe('a stored day no one can read breaks no page and no job', () => {
  it('the register, as at a day, the dashboard’s data, the monthly session and the risk’s page all still read', () => {
    expect(getLiveRegister(t.db, TODAY, {}, 'full').all.length).toBeGreaterThan(10);
    expect(getRegisterAsAt(t.db, '2026-11-30', {}, 'full').all.length).toBeGreaterThan(10);
    expect(getMonthlySession(t.db, TODAY)).toBeTruthy();
    const risk = getRiskByRef(t.db, 'I10', TODAY)!;
    expect(risk.ref).toBe('I10');
  });

  it('inspections, actions and the reminder job still read', () => {
    expect(listInspections(t.db, TODAY).length).toBeGreaterThan(0);
    expect(listActions(t.db, TODAY).length).toBeGreaterThan(0);
    expect(() => planDigests(t.db, TODAY, 'http://localhost:3000')).not.toThrow();
  });
});

it('audit:verify’s list names each record whose stored day is not a real one, and nothing else', () => {
  const found = unreadableDays(t.db);
  expect(found).toHaveLength(3);
  expect(found).toContainEqual({ record: expect.stringMatching(/^review \d+ of I10$/), field: 'date reviewed', value: '2026-02-31' });
  expect(found).toContainEqual({ record: expect.stringMatching(/^inspection \d+$/), field: 'publication date', value: '2026-13-45' });
  expect(found).toContainEqual({ record: expect.stringMatching(/^action \d+$/), field: 'due date', value: '0000-00-00' });
});
