import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_REMOVAL_RULE } from '@/lib/domain/categories';
import type { Db } from '../client';
import { openDemoTestDatabase, reviewAsItStands } from '../test-database';
import { getRiskByRef, getLiveRegister, getArchivedRisks } from '../queries/risks';
import { createRisk } from './risks';
import { recordReview, type ReviewInput } from './reviews';
import { InherentArchiveError, RemovalNotAllowedError, ReviewDateError, StaleVersionError, UnknownPersonError } from '../errors';

const TODAY = '2026-11-24';
const actor = { userId: null, label: 'unit test' };
let db: Db;
let close: () => void;

beforeEach(() => {
  ({ db, close } = openDemoTestDatabase('register-test-'));
});

afterEach(() => close());

function review(ref: string, change: Partial<ReviewInput>): ReturnType<typeof recordReview> {
  return reviewAsItStands(db, ref, TODAY, change);
}

describe('recordReview against a real database', () => {
  it('refuses a review of I7 dated 1 January 2010, before I7 was identified, and saves nothing', () => {
    const before = getRiskByRef(db, 'I7', TODAY)!;
    expect(() => review('I7', { reviewedOn: '2010-01-01' })).toThrow(ReviewDateError);
    expect(() => review('I7', { reviewedOn: '2010-01-01' })).toThrow(/identified/);
    const after = getRiskByRef(db, 'I7', TODAY)!;
    expect([after.history.length, after.version, after.lastReviewedOn]).toEqual([before.history.length, before.version, before.lastReviewedOn]);
  });

  it('refuses a review dated before the latest dated review, naming that review', () => {
    const i7 = getRiskByRef(db, 'I7', TODAY)!;
    const latest = i7.lastReviewedOn!;
    const dayBefore = new Date(Date.parse(latest) - 86_400_000).toISOString().slice(0, 10);
    expect(dayBefore >= i7.dateIdentified).toBe(true);
    expect(() => review('I7', { reviewedOn: dayBefore })).toThrow(/latest review \(review \d+, scored \d+\)/);
    // The same day as the latest review is allowed: sequence orders reviews made on one day.
    expect(review('I7', { reviewedOn: latest }).score).toBe(i7.latest.score);
  });

  it('appends I1 at L4: 32, high, outside appetite, "Increased (previously 24)"', () => {
    const outcome = review('I1', { likelihood: 4, reason: 'demand rising' });
    expect(outcome).toMatchObject({ score: 32, summary: 'Increased (previously 24) - demand rising', archived: false });
    const i1 = getRiskByRef(db, 'I1', TODAY)!;
    expect(i1.history).toHaveLength(3);
    expect([i1.band, i1.atOrAboveAppetite, i1.version]).toEqual(['high', true, 2]);
    expect(i1.due.status).toBe('up-to-date');
    const audit = db.$client.prepare("select summary from audit_log where action = 'review.record'").all() as Array<{ summary: string }>;
    expect(audit[0]!.summary).toContain('Review of I1 on 2026-11-24: L4 C2 I4 = 32');
  });

  it('removes T5 at 6 when asked, keeps its history, and the next topical risk is T8', () => {
    const outcome = review('T5', { likelihood: 1, control: 2, impact: 3, reason: 'CC appointed', remove: { reason: 'below 10' } });
    expect(outcome.archived).toBe(true);
    expect(getLiveRegister(db, TODAY).all.map((r) => r.ref)).not.toContain('T5');
    const archived = getArchivedRisks(db, TODAY);
    expect(archived.map((r) => r.ref)).toEqual(['T5']);
    expect(archived[0]!.latest.score).toBe(6);
    expect(getRiskByRef(db, 'T5', TODAY)!.history).toHaveLength(3);
    const ref = createRisk(db, actor, {
      category: 'topical',
      dateIdentified: TODAY,
      event: 'New thing',
      consequences: ['c'],
      impactAreas: ['Legal'],
      mitigations: [],
      ownerId: null,
      likelihood: 2,
      control: 2,
      impact: 3,
      forum: 'cmb',
      reason: null,
    });
    expect(ref).toBe('T8');
    expect(getRiskByRef(db, 'T8', TODAY)!.latest.summary).toBe('NEW');
  });

  it('reinstates an archived risk reviewed at or above the threshold', () => {
    review('T5', { likelihood: 1, control: 2, impact: 3, reason: 'down', remove: { reason: 'below 10' } });
    const back = review('T5', { likelihood: 2, control: 2, impact: 3, reason: 'back up' });
    expect(back.reinstated).toBe(true);
    expect(getRiskByRef(db, 'T5', TODAY)!.status).toBe('live');
  });

  it('refuses to archive an inherent risk and saves nothing', () => {
    const before = db.$client.prepare('select count(*) n from reviews').get();
    expect(() => review('I3', { likelihood: 1, control: 1, impact: 1, reason: 'x', remove: { reason: 'try' } })).toThrow(InherentArchiveError);
    expect(db.$client.prepare('select count(*) n from reviews').get()).toEqual(before);
    expect(getRiskByRef(db, 'I3', TODAY)!.status).toBe('live');
  });

  it('refuses to remove a topical risk that is not below the threshold', () => {
    expect(() => review('T4', { remove: { reason: 'try' } })).toThrow(RemovalNotAllowedError);
  });

  it('refuses the second of two saves made from the same version', () => {
    const risk = getRiskByRef(db, 'T6', TODAY)!;
    const input = {
      riskId: risk.id,
      expectedVersion: risk.version,
      reviewedOn: TODAY,
      forum: 'monthly' as const,
      likelihood: 2,
      control: 2,
      impact: 4,
      reason: 'first',
      removalRule: DEFAULT_REMOVAL_RULE,
    };
    recordReview(db, actor, input);
    expect(() => recordReview(db, actor, { ...input, likelihood: 3, reason: 'second' })).toThrow(StaleVersionError);
    expect(getRiskByRef(db, 'T6', TODAY)!.history).toHaveLength(3);
  });

  it('records text and mitigation changes with the review, keeping the old versions', () => {
    const t4 = getRiskByRef(db, 'T4', TODAY)!;
    const [first, second] = t4.mitigations;
    review('T4', {
      event: 'Edited event',
      consequences: ['Only one now'],
      impactAreas: ['Legal'],
      mitigations: [
        { id: first!.id, text: 'Reworded', ownerId: null, retire: false },
        { id: second!.id, text: second!.text, ownerId: null, retire: true },
      ],
      newMitigations: ['Brand new'],
    });
    const after = getRiskByRef(db, 'T4', TODAY)!;
    expect(after.event).toBe('Edited event');
    expect(after.consequences.map((c) => c.text)).toEqual(['Only one now']);
    expect(after.impactAreas).toEqual(['Legal']);
    expect(after.mitigations.map((m) => m.text)).toEqual(['Reworded', ...t4.mitigations.slice(2).map((m) => m.text), 'Brand new']);
    const closed = db.$client.prepare('select count(*) n from risk_mitigations where risk_id = ? and valid_to is not null').get(t4.id) as { n: number };
    expect(closed.n).toBe(2);
  });
});

describe('a new risk with an owner who is not on the list', () => {
  it('is refused, naming the field, and nothing is written', () => {
    const before = db.$client.prepare('select count(*) from risks').pluck().get();
    expect(() =>
      createRisk(db, actor, {
        category: 'topical',
        dateIdentified: TODAY,
        event: 'An event',
        consequences: ['A consequence'],
        impactAreas: ['Financial'],
        mitigations: [],
        ownerId: 99_999,
        likelihood: 2,
        control: 2,
        impact: 3,
        forum: 'monthly',
        reason: null,
      }),
    ).toThrow(UnknownPersonError);
    expect(db.$client.prepare('select count(*) from risks').pluck().get()).toBe(before);
  });
});
