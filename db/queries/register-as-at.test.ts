import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReviewDateError } from '../errors';
import { DEFAULT_REMOVAL_RULE } from '@/lib/domain/categories';
import type { Db } from '../client';
import { openDemoTestDatabase } from '../test-database';
import { recordReview } from '../mutations/reviews';
import { recordSettingsDecision } from '../mutations/settings';
import { getLiveRegister, getRegisterAsAt, getRiskByRef, reviewsAsAt } from './risks';

const actor = { userId: null, label: 'unit test' };
let db: Db;
let close: () => void;

beforeEach(() => {
  ({ db, close } = openDemoTestDatabase('register-asat-'));
});

afterEach(() => close());

const counts = (rows: Array<{ category: string; band: string }>) =>
  rows.reduce<Record<string, number>>((acc, r) => ({ ...acc, [`${r.category}:${r.band}`]: (acc[`${r.category}:${r.band}`] ?? 0) + 1 }), {});

describe('the register as at a date, rebuilt from the history', () => {
  it('4 May 2018: the paper’s sixteen risks and counts, none at or above appetite (I9 still as before its 8 May review)', () => {
    const { all } = getRegisterAsAt(db, '2018-05-04');
    expect(all).toHaveLength(16);
    expect(counts(all)).toEqual({ 'inherent:minor': 1, 'inherent:acceptable': 6, 'inherent:moderate': 3, 'topical:acceptable': 4, 'topical:moderate': 2 });
    expect(all.filter((r) => r.atOrAboveAppetite)).toEqual([]);
    expect(all.find((r) => r.ref === 'I1')!.latest.summary).toBe('Increased (previously 16) - due to impact of Op Fairline on resources');
    // I9's only review by then is the undated one brought in with the register: the score it held, not a new risk.
    const i9 = all.find((r) => r.ref === 'I9')!;
    expect(i9.latest).toMatchObject({
      score: 27,
      reviewedOn: null,
      direction: 'maintained',
      summary: 'Score held before the register’s dated reviews (date not recorded)',
    });
    expect(all.filter((r) => r.latest.direction === 'new').map((r) => r.ref)).toEqual(['T7']);
  });

  it('before 4 May 2018: the earlier scores, and T7 not yet identified', () => {
    const { all } = getRegisterAsAt(db, '2018-05-03');
    expect(all.map((r) => r.ref)).not.toContain('T7');
    expect(all.find((r) => r.ref === 'I8')).toMatchObject({ band: 'high', atOrAboveAppetite: true });
    expect(all.find((r) => r.ref === 'I1')!.latest.score).toBe(16);
  });

  it('a later review of I9 shows only from its date; its text and mitigations likewise', () => {
    const i9 = getRiskByRef(db, 'I9', '2019-01-01')!;
    recordReview(db, actor, {
      riskId: i9.id,
      expectedVersion: i9.version,
      reviewedOn: '2018-07-02',
      forum: 'cmb',
      likelihood: 2,
      control: 3,
      impact: 3,
      reason: 'seminar held',
      event: 'Collaboration reviewed after the strategic seminar',
      newMitigations: ['Regional seminar outcomes adopted'],
      removalRule: DEFAULT_REMOVAL_RULE,
    });
    const before = getRiskByRef(db, 'I9', '2019-01-01', '2018-07-01')!;
    const after = getRiskByRef(db, 'I9', '2019-01-01', '2018-07-02')!;
    expect([before.latest.score, after.latest.score]).toEqual([27, 18]);
    expect(before.event).toMatch(/^Police collaborative arrangements/);
    expect(after.event).toBe('Collaboration reviewed after the strategic seminar');
    expect(after.mitigations.length).toBe(before.mitigations.length + 1);
    expect(getRegisterAsAt(db, '2018-07-01').all.find((r) => r.ref === 'I9')!.latest.score).toBe(27);
  });

  it('uses the settings in force on the day', () => {
    recordSettingsDecision(db, actor, {
      effectiveFrom: '2019-04-01',
      appetite: 24,
      removalComparator: '<',
      removalThreshold: 10,
      likelihoodName: 'Likelihood',
      controlName: 'Control',
      controlScale: '1 = strong, 4 = limited',
      impactName: 'Impact',
      approvedBy: 'CMB',
      minuteRef: null,
    });
    expect(getRegisterAsAt(db, '2019-03-31').settings.appetite).toBe(30);
    const later = getRegisterAsAt(db, '2019-04-01');
    expect(later.settings.appetite).toBe(24);
    expect(later.all.filter((r) => r.atOrAboveAppetite).map((r) => r.ref)).toEqual(['I1', 'I8', 'I9', 'T7']);
  });

  it('counts undated history as made before the dated review after it', () => {
    const history = [{ reviewedOn: null }, { reviewedOn: '2018-05-04' }, { reviewedOn: null }, { reviewedOn: '2018-09-01' }];
    expect(reviewsAsAt(history, '2018-01-01')).toHaveLength(1);
    expect(reviewsAsAt(history, '2018-05-04')).toHaveLength(3);
    expect(reviewsAsAt(history, '2018-09-01')).toHaveLength(4);
  });
});

describe('the register read with only the latest reviews matches the one read with every review', () => {
  const withoutHistory = (rows: Array<{ history: unknown[] }>) => rows.map(({ history: _history, ...rest }) => rest);
  it('on the demo data (undated imported reviews included), live and at days before, between and after its reviews', () => {
    // Two reviews after the imported ones; a back-dated one after them is refused (db/mutations/reviews.ts).
    const review = (reviewedOn: string, likelihood: number, reason: string) => {
      const risk = getRiskByRef(db, 'I3', '2026-11-24')!;
      recordReview(db, actor, {
        riskId: risk.id,
        expectedVersion: risk.version,
        reviewedOn,
        forum: 'monthly',
        likelihood,
        control: 2,
        impact: 3,
        reason,
        removalRule: DEFAULT_REMOVAL_RULE,
      });
    };
    review('2018-06-01', 2, 'earlier');
    review('2018-09-01', 3, 'later');
    expect(() => review('2018-07-01', 2, 'back-dated')).toThrow(ReviewDateError);
    for (const day of ['2018-05-03', '2018-05-04', '2018-05-08', '2018-07-01', '2018-09-01', '2026-11-24']) {
      expect(withoutHistory(getRegisterAsAt(db, day).all)).toEqual(withoutHistory(getRegisterAsAt(db, day, {}, 'full').all));
    }
    const live = getLiveRegister(db, '2026-11-24');
    expect(withoutHistory(live.all)).toEqual(withoutHistory(getLiveRegister(db, '2026-11-24', {}, 'full').all));
    expect(live.all.find((r) => r.ref === 'I3')!.latest).toMatchObject({ reason: 'later', previousScore: 12 });
  });
});
