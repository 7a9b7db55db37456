import { afterEach, beforeEach, expect, it } from 'vitest';
import { DEFAULT_REMOVAL_RULE } from '@/lib/domain/categories';
import type { Db } from '../client';
import { recordReview } from '../mutations/reviews';
import { openDemoTestDatabase } from '../test-database';
import { cachedRead } from './read-cache';
import { getLiveRegister, getRiskByRef } from './risks';

let db: Db;
let close: () => void;
beforeEach(() => {
  ({ db, close } = openDemoTestDatabase('read-cache-'));
});
afterEach(() => close());

it('answers the same read from the cache until a change writes an audit entry, then rebuilds it', () => {
  let builds = 0;
  const register = () => cachedRead(db, 'register:live:2026-11-24', () => (builds++, getLiveRegister(db, '2026-11-24')));
  const first = register();
  expect(register()).toBe(first);
  expect(builds).toBe(1);

  const i1 = getRiskByRef(db, 'I1', '2026-11-24')!;
  recordReview(db, { userId: null, label: 'unit test' }, { riskId: i1.id, expectedVersion: i1.version, reviewedOn: '2026-11-20', forum: 'monthly', likelihood: 4, control: 2, impact: 4, reason: 'more demand', removalRule: DEFAULT_REMOVAL_RULE });
  const after = register();
  expect(builds).toBe(2);
  expect(after.all.find((r) => r.ref === 'I1')!.latest.score).toBe(32);
  expect(first.all.find((r) => r.ref === 'I1')!.latest.score).toBe(24);
});

it('keys reads apart and changes made by another connection to the same file are seen', async () => {
  const a = cachedRead(db, 'a', () => 'A');
  expect(cachedRead(db, 'b', () => 'B')).toBe('B');
  expect(cachedRead(db, 'a', () => 'not rebuilt')).toBe(a);
  const Database = (await import('better-sqlite3')).default;
  const other = new Database(db.$client.name);
  other.prepare("INSERT INTO audit_log (at, actor_label, action, entity_type, entity_id, summary) VALUES ('2026-11-24T00:00:00Z', 'other', 'test', 'test', '1', 'from another process')").run();
  other.close();
  expect(cachedRead(db, 'a', () => 'rebuilt')).toBe('rebuilt');
});
