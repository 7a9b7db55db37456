import { asc, eq, inArray, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../client';
import { auditLog, people, reviews, risks } from '../schema';
import { openDemoTestDatabase } from '../test-database';
import { selectRows } from './rows';

let db: Db;
let close: () => void;

beforeEach(() => {
  ({ db, close } = openDemoTestDatabase('rows-test-'));
});

afterEach(() => close());

describe('selectRows', () => {
  it('returns what drizzle’s select returns for the review history, in the same order', () => {
    const ids = db.select({ id: risks.id }).from(risks).all().map((r) => r.id);
    const expected = db.select().from(reviews).where(inArray(reviews.riskId, ids)).orderBy(asc(reviews.riskId), asc(reviews.sequence)).all();
    expect(expected.length).toBeGreaterThan(20);
    expect(selectRows(db, reviews, inArray(reviews.riskId, ids), sql`${reviews.riskId}, ${reviews.sequence}`)).toEqual(expected);
  });

  it('decodes columns with their own mapping: booleans and JSON', () => {
    expect(selectRows(db, people, sql`1`, sql`${people.id}`)).toEqual(db.select().from(people).orderBy(asc(people.id)).all());
    const audit = selectRows(db, auditLog, sql`${auditLog.detail} IS NOT NULL`, sql`${auditLog.id}`);
    expect(audit.length).toBeGreaterThan(0);
    expect(typeof audit[0]!.detail).toBe('object');
    expect(audit).toEqual(db.select().from(auditLog).where(sql`${auditLog.detail} IS NOT NULL`).orderBy(asc(auditLog.id)).all());
  });

  it('returns nothing when nothing matches', () => {
    expect(selectRows(db, risks, eq(risks.ref, 'T999'))).toEqual([]);
  });
});
