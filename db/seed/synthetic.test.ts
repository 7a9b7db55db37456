import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openDatabase } from '../client';
import { verifyAuditLog } from '../queries/audit';
import { getLiveRegister, getRegisterAsAt } from '../queries/risks';
import { seedSynthetic } from './synthetic';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function build(seed: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'synthetic-'));
  dirs.push(dir);
  const db = openDatabase(path.join(dir, 'synthetic.db'));
  const summary = seedSynthetic(db, { risks: 25, years: 3, seed, end: '2026-11-01' });
  return { db, summary };
}

it('builds a register of the size asked for, with monthly reviews, archives, actions and a verifying audit chain; deterministic for a seed', () => {
  const a = build(7);
  const b = build(7);
  const c = build(8);
  expect(a.summary.live).toBe(25);
  expect(a.summary.reviews).toBeGreaterThan(25 * 30);
  expect(a.summary.archived).toBeGreaterThan(0);
  expect(a.summary).toEqual(b.summary);
  const rows = (db: typeof a.db) =>
    db.$client.prepare('SELECT r.ref, v.reviewed_on, v.score FROM reviews v JOIN risks r ON r.id = v.risk_id ORDER BY v.id').all();
  expect(rows(a.db)).toEqual(rows(b.db));
  expect(rows(a.db)).not.toEqual(rows(c.db));
  expect(verifyAuditLog(a.db)).toMatchObject({ ok: true });
  // The register read with only the latest reviews is the one read with every review, live and as at any month.
  const withoutHistory = (rows: Array<{ history: unknown[] }>) => rows.map(({ history: _history, ...rest }) => rest);
  expect(withoutHistory(getLiveRegister(a.db, '2026-11-24').all)).toEqual(withoutHistory(getLiveRegister(a.db, '2026-11-24', {}, 'full').all));
  for (const day of ['2024-01-15', '2025-06-01', '2026-10-31']) {
    expect(withoutHistory(getRegisterAsAt(a.db, day).all)).toEqual(withoutHistory(getRegisterAsAt(a.db, day, {}, 'full').all));
  }
  expect(getLiveRegister(a.db, '2026-11-24').all).toHaveLength(25);
  // Every stored score is its factors' product, and the register rebuilds as at an earlier day.
  const wrongScores = a.db.$client.prepare('SELECT count(*) AS n FROM reviews WHERE score IS NOT likelihood * control * impact').get() as { n: number };
  const scored = a.db.$client.prepare('SELECT count(*) AS n FROM reviews WHERE likelihood IS NOT NULL').get() as { n: number };
  expect(scored.n).toBe(a.summary.reviews);
  expect(wrongScores.n).toBe(0);
  expect(getRegisterAsAt(a.db, '2025-06-01').all.length).toBeGreaterThan(0);
  for (const x of [a, b, c]) x.db.$client.close();
});
