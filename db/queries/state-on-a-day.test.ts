/**
 * One rule for the state on a day (docs/architecture.md, "The state on a day"): changes to a risk are
 * recorded in date order, so the live register, the register rebuilt as at any day, and snapshots agree.
 * The first test is the sequence an auditor tried; the property test tries random ones.
 */
import fc from 'fast-check';
import { addDays, format } from 'date-fns';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_REMOVAL_RULE } from '@/lib/domain/categories';
import type { Db } from '../client';
import { CorrectionError, InherentArchiveError, RemovalNotAllowedError, ReviewDateError } from '../errors';
import { openDemoTestDatabase, reviewAsItStands } from '../test-database';
import { applyRiskOwner, assignOwners } from '../mutations/risks';
import { correctReview, recordReview } from '../mutations/reviews';
import { recordSettingsDecision } from '../mutations/settings';
import { compareWithRebuild, freezeSnapshot, getSnapshot, snapshotContent, snapshotsDifferingFromRebuild } from '../mutations/snapshots';
import { writeTransaction } from '../transaction';
import { writeAudit } from '../mutations/audit';
import { people } from '../schema';
import { getLiveRegister, getRegisterAsAt, getRiskByRef, type RegisterRow } from './risks';

const TODAY = '2026-11-24';
const YESTERDAY = '2026-11-23';
const actor = { userId: null, label: 'unit test' };

/** Every field the register shows, and the lists a risk's page shows. */
function shown(db: Db, rows: RegisterRow[], asAt?: string) {
  return rows.map((r) => {
    const detail = getRiskByRef(db, r.ref, TODAY, asAt, 'latest')!;
    return {
      ref: r.ref,
      category: r.category,
      dateIdentified: r.dateIdentified,
      event: r.event,
      impactAreas: r.impactAreas,
      owner: r.owner?.name ?? null,
      latest: [r.latest.likelihood, r.latest.control, r.latest.impact, r.latest.score, r.latest.reviewedOn, r.latest.summary, r.latest.direction],
      band: r.band,
      atOrAboveAppetite: r.atOrAboveAppetite,
      lastReviewedOn: r.lastReviewedOn,
      due: r.due,
      consequences: detail.consequences.map((c) => c.text),
      mitigations: detail.mitigations.map((m) => [m.text, m.owner]),
    };
  });
}
/** Two owners to assign (the demo register names none; demo accounts are not loaded here). */
function addOwners(db: Db): void {
  writeTransaction(db, (tx) => {
    tx.insert(people)
      .values([{ name: 'First Owner' }, { name: 'Second Owner' }])
      .run();
    writeAudit(tx, actor, { action: 'person.create', entityType: 'person', summary: 'Two owners for the test' });
  });
}

const live = (db: Db) => shown(db, getLiveRegister(db, TODAY).all);
const asAt = (db: Db, day: string) => shown(db, getRegisterAsAt(db, day).all, day);

describe('the sequence an auditor tried', () => {
  let db: Db;
  let close: () => void;
  beforeEach(() => {
    ({ db, close } = openDemoTestDatabase('state-day-'));
    addOwners(db);
  });
  afterEach(() => close());

  it('an owner assigned today, then a removing review dated yesterday: refused, so the register as at today stays the live register', () => {
    const t1 = getRiskByRef(db, 'T1', TODAY)!;
    const person = db.select({ id: people.id }).from(people).get()!;
    assignOwners(db, actor, [{ ref: 'T1', ownerId: person.id, expectedVersion: t1.version }], TODAY);
    const lowered = { likelihood: 1, control: 1, impact: 4, reason: 'threat passed' };
    const review = (reviewedOn: string) => reviewAsItStands(db, 'T1', reviewedOn, { ...lowered, remove: { reason: 'below the threshold' } });
    expect(() => review(YESTERDAY)).toThrow(ReviewDateError);
    expect(() => review(YESTERDAY)).toThrow(/on or after 24 November 2026, when T1’s owner was changed/);
    expect(asAt(db, TODAY)).toEqual(live(db));
    expect(review(TODAY)).toMatchObject({ archived: true });
    expect(live(db).map((r) => r.ref)).not.toContain('T1');
    expect(asAt(db, TODAY)).toEqual(live(db));
    // A snapshot frozen today holds what the live register shows.
    const id = freezeSnapshot(db, actor, { forum: 'cmb', meetingOn: TODAY, asAt: TODAY });
    expect(JSON.parse(getSnapshot(db, id)!.content).risks.map((r: { ref: string }) => r.ref)).not.toContain('T1');
  });

  it('a review that removed a risk, changed its owner or its lists cannot have its date corrected; a score-only review can', () => {
    const lowered = { likelihood: 1, control: 1, impact: 4, reason: 'threat passed' };
    const removed = reviewAsItStands(db, 'T3', '2026-11-20', { ...lowered, remove: { reason: 'below the threshold' } });
    const correct = (reviewId: number, reviewedOn: string) =>
      correctReview(db, actor, {
        reviewId,
        expectedCorrectionId: null,
        reviewedOn,
        forum: 'monthly',
        likelihood: 1,
        control: 1,
        impact: 4,
        reason: 'threat passed',
        why: 'typed the wrong day',
        today: TODAY,
        removalRule: DEFAULT_REMOVAL_RULE,
      });
    expect(() => correct(removed.reviewId, '2026-11-21')).toThrow(/cannot be corrected: it also changed T3’s event, owner, status or lists/);
    const plain = reviewAsItStands(db, 'I3', '2026-11-20', { ...lowered, reason: 'lower' });
    expect(correct(plain.reviewId, '2026-11-21')).toMatchObject({ ref: 'I3' });
    expect(asAt(db, TODAY)).toEqual(live(db));
  });
});

describe('frozen records against the rebuild for their day', () => {
  it('a snapshot is never changed; after a correction of a review behind it, the rebuild differs in that risk, and says so', () => {
    const { db, close } = openDemoTestDatabase('state-snapshot-');
    try {
      const id = freezeSnapshot(db, actor, { forum: 'panel', meetingOn: '2018-06-14', asAt: '2018-05-04' });
      const frozen = getSnapshot(db, id)!;
      expect(compareWithRebuild(db, frozen)).toEqual({ differs: false, refs: [], settings: false });
      const i1 = getRiskByRef(db, 'I1', TODAY)!;
      const review = i1.history.find((h) => h.reviewedOn === '2018-05-04')!;
      correctReview(db, actor, {
        reviewId: review.id,
        expectedCorrectionId: null,
        reviewedOn: review.reviewedOn,
        forum: review.forum,
        likelihood: 2,
        control: review.control!,
        impact: review.impact!,
        reason: 'corrected likelihood',
        why: 'the paper misprinted it',
        today: TODAY,
        removalRule: DEFAULT_REMOVAL_RULE,
      });
      expect(getSnapshot(db, id)!.content).toBe(frozen.content);
      expect(compareWithRebuild(db, frozen)).toEqual({ differs: true, refs: ['I1'], settings: false });
      expect(snapshotsDifferingFromRebuild(db)).toMatchObject([{ id, asAt: '2018-05-04', refs: ['I1'] }]);
    } finally {
      close();
    }
  });
});

const WINDOW_START = '2026-01-01';
const WINDOW_DAYS = 320;
const day = (offset: number) => format(addDays(new Date(`${WINDOW_START}T12:00:00Z`), offset), 'yyyy-MM-dd');
const REFS = ['I1', 'I2', 'I3', 'I5', 'I8', 'T1', 'T3', 'T4', 'T5', 'T7'];
const factor = fc.integer({ min: 1, max: 4 });

type Op =
  | {
      kind: 'review';
      ref: string;
      offset: number;
      l: number;
      c: number;
      i: number;
      remove: boolean;
      event: boolean;
      consequences: boolean;
      mitigation: boolean;
    }
  | { kind: 'owner'; ref: string; offset: number; person: number }
  | { kind: 'correct'; ref: string; back: number; offset: number; l: number; c: number; i: number }
  | { kind: 'settings'; offset: number; appetite: number };

const op = (min: number): fc.Arbitrary<Op> => {
  const offset = fc.integer({ min, max: WINDOW_DAYS });
  const ref = fc.constantFrom(...REFS);
  return fc.oneof(
    {
      weight: 5,
      arbitrary: fc.record({
        kind: fc.constant('review' as const),
        ref,
        offset,
        l: factor,
        c: factor,
        i: factor,
        remove: fc.boolean(),
        event: fc.boolean(),
        consequences: fc.boolean(),
        mitigation: fc.boolean(),
      }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('owner' as const), ref, offset, person: fc.nat(20) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('correct' as const), ref, back: fc.nat(3), offset, l: factor, c: factor, i: factor }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('settings' as const), offset, appetite: fc.integer({ min: 12, max: 48 }) }) },
  );
};

/** Applies one operation as the service would; returns false when the service refused it (as it may). */
function apply(db: Db, o: Op, min: string): boolean {
  try {
    if (o.kind === 'settings') {
      recordSettingsDecision(db, actor, {
        effectiveFrom: day(o.offset),
        appetite: o.appetite,
        removalComparator: '<',
        removalThreshold: 10,
        likelihoodName: 'Likelihood',
        controlName: 'Control',
        controlScale: 'strong to weak',
        impactName: 'Impact',
        approvedBy: 'the board',
        minuteRef: null,
      });
      return true;
    }
    const risk = getRiskByRef(db, o.ref, TODAY)!;
    if (o.kind === 'owner') {
      const ids = db.select({ id: people.id }).from(people).all();
      writeTransaction(db, (tx) => applyRiskOwner(tx, actor, { ref: o.ref, ownerId: ids[o.person % ids.length]!.id, effectiveFrom: day(o.offset) }));
      return true;
    }
    if (o.kind === 'review') {
      recordReview(db, actor, {
        riskId: risk.id,
        expectedVersion: risk.version,
        reviewedOn: day(o.offset),
        forum: 'monthly',
        likelihood: o.l,
        control: o.c,
        impact: o.i,
        reason: 'changed',
        event: o.event ? `${risk.event} (revised ${day(o.offset)})` : undefined,
        consequences: o.consequences ? [...risk.consequences.map((c) => c.text), `Consequence noted ${day(o.offset)}`] : undefined,
        newMitigations: o.mitigation ? [`Mitigation from ${day(o.offset)}`] : undefined,
        remove: o.remove ? { reason: 'below the threshold' } : undefined,
        removalRule: DEFAULT_REMOVAL_RULE,
      });
      return true;
    }
    // A correction of one of the risk's reviews dated in the window, to a day in the window.
    const dated = risk.history.filter((h) => h.reviewedOn && h.reviewedOn >= min);
    const target = dated[dated.length - 1 - (o.back % Math.max(1, dated.length))];
    if (!target) return false;
    correctReview(db, actor, {
      reviewId: target.id,
      expectedCorrectionId: target.correction?.id ?? null,
      reviewedOn: day(o.offset),
      forum: 'monthly',
      likelihood: o.l,
      control: o.c,
      impact: o.i,
      reason: 'corrected',
      why: 'property test',
      today: TODAY,
      removalRule: DEFAULT_REMOVAL_RULE,
    });
    return true;
  } catch (error) {
    if (
      error instanceof ReviewDateError ||
      error instanceof CorrectionError ||
      error instanceof RemovalNotAllowedError ||
      error instanceof InherentArchiveError
    )
      return false;
    throw error;
  }
}

describe('property: the register as at a day agrees with what was recorded', () => {
  it('as at today equals the live register; a past day is unchanged by changes dated after it; a snapshot equals the rebuild for its day', () => {
    fc.assert(
      fc.property(
        fc.array(op(0), { minLength: 1, maxLength: 14 }),
        fc.integer({ min: 60, max: WINDOW_DAYS - 20 }),
        fc.array(op(0), { minLength: 1, maxLength: 10 }),
        (first, split, later) => {
          const { db, close } = openDemoTestDatabase('state-property-');
          try {
            addOwners(db);
            for (const o of first) apply(db, o, WINDOW_START);
            expect(asAt(db, TODAY)).toEqual(live(db));
            // Freeze day D; then only changes dated after it (corrections only of reviews after it, to days after it).
            const d = day(split);
            const id = freezeSnapshot(db, actor, { forum: 'cmb', meetingOn: TODAY, asAt: d });
            const before = asAt(db, d);
            for (const o of later) {
              const moved = { ...o, offset: Math.max(o.offset, split + 1) };
              apply(db, moved, day(split + 1));
              expect(asAt(db, d)).toEqual(before);
            }
            expect(asAt(db, TODAY)).toEqual(live(db));
            expect(snapshotContent(db, d)).toBe(getSnapshot(db, id)!.content);
          } finally {
            close();
          }
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});
