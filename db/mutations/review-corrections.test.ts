import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_REMOVAL_RULE } from '@/lib/domain/categories';
import type { Db } from '../client';
import { CorrectionError, StaleVersionError } from '../errors';
import { correctionsSince, reportInputForSnapshot } from '../queries/covering-reports';
import { iterateReviewExport, REVIEW_EXPORT_COLUMNS, reviewExportCsv } from '../queries/exports';
import { getMonthlySession } from '../queries/monthly';
import { getLiveRegister, getRegisterAsAt, getRiskByRef } from '../queries/risks';
import { openDemoTestDatabase } from '../test-database';
import { csvRow } from '@/lib/domain/csv';
import { correctReview, recordReview, type CorrectionInput } from './reviews';
import { freezeSnapshot, getSnapshot } from './snapshots';

const TODAY = '2026-11-24';
const actor = { userId: null, label: 'unit test' };
let db: Db;
let close: () => void;

beforeEach(() => {
  ({ db, close } = openDemoTestDatabase('corrections-test-'));
});
afterEach(() => close());

/** Corrects review `sequence` of a risk, starting from the review as it stands. */
function correct(ref: string, sequence: number, change: Partial<CorrectionInput>) {
  const review = getRiskByRef(db, ref, TODAY)!.history.find((h) => h.sequence === sequence)!;
  return correctReview(db, actor, {
    reviewId: review.id,
    expectedCorrectionId: review.correction?.id ?? null,
    reviewedOn: review.reviewedOn,
    forum: review.forum,
    likelihood: review.likelihood!,
    control: review.control!,
    impact: review.impact!,
    reason: review.reason,
    why: 'Entered wrongly',
    today: TODAY,
    removalRule: DEFAULT_REMOVAL_RULE,
    ...change,
  });
}

function review(ref: string, reviewedOn: string, factors: { likelihood: number; control: number; impact: number }, remove?: { reason: string }) {
  const risk = getRiskByRef(db, ref, TODAY)!;
  return recordReview(db, actor, {
    riskId: risk.id,
    expectedVersion: risk.version,
    reviewedOn,
    forum: 'monthly',
    ...factors,
    reason: 'reviewed',
    removalRule: DEFAULT_REMOVAL_RULE,
    remove: remove ?? null,
  });
}

const i1 = () => getRiskByRef(db, 'I1', TODAY)!;

describe('correcting a recorded review', () => {
  it('keeps the review as recorded and puts the correction in force everywhere it is read', () => {
    // I1's latest review (2018-05-04) is L3 C2 I4 = 24; the minutes said L2.
    expect(i1().latest.score).toBe(24);
    correct('I1', 2, { likelihood: 2, reason: 'no change', why: 'Likelihood was typed as 3; the minutes record 2' });

    const risk = i1();
    expect(risk.latest).toMatchObject({ sequence: 2, likelihood: 2, score: 16, direction: 'maintained', summary: 'Maintain - no change' });
    expect(risk.latest.correction).toMatchObject({ by: 'unit test', why: 'Likelihood was typed as 3; the minutes record 2', count: 1 });
    expect(risk.latest.correction!.original).toMatchObject({ likelihood: 3, score: 24 });
    // The review row itself is untouched.
    expect(db.$client.prepare('SELECT likelihood, score FROM reviews WHERE id = ?').get(risk.latest.id)).toEqual({ likelihood: 3, score: 24 });
    // The register, the register as at a day, and the next review's direction use the correction.
    expect(getLiveRegister(db, TODAY).all.find((r) => r.ref === 'I1')!.latest.score).toBe(16);
    expect(getRegisterAsAt(db, '2018-06-01').all.find((r) => r.ref === 'I1')!.latest.score).toBe(16);
    expect(review('I1', '2026-11-02', { likelihood: 2, control: 2, impact: 4 }).summary).toBe('Maintain - reviewed');
    // The audit log says what was corrected, from what to what, and why.
    const entry = db.$client.prepare("SELECT summary FROM audit_log WHERE action = 'review.correct'").get() as { summary: string };
    expect(entry.summary).toMatch(
      /^Correction of review 2 of I1: was 2018-05-04, cmb, L3 C2 I4 = 24.*now 2018-05-04, cmb, L2 C2 I4 = 16.*Why: Likelihood was typed as 3/,
    );
  });

  it('a corrected date moves the review in the register as at a day, within the history’s order', () => {
    correct('I1', 2, { reviewedOn: '2018-05-10' });
    expect(getRegisterAsAt(db, '2018-05-05').all.find((r) => r.ref === 'I1')!.latest.score).toBe(16);
    expect(getRegisterAsAt(db, '2018-05-10').all.find((r) => r.ref === 'I1')!.latest.score).toBe(24);
    expect(i1().lastReviewedOn).toBe('2018-05-10');
    // The monthly session counts the corrected date.
    expect(getMonthlySession(db, '2018-05-20').items.find((i) => i.row.ref === 'I1')?.reviewed).toBe(true);
  });

  it('refuses a date that would reorder the history, a dated review losing its date, and a correction that changes nothing', () => {
    review('I1', '2018-06-01', { likelihood: 3, control: 2, impact: 4 });
    const refused = (change: Partial<CorrectionInput>, sequence = 2) => {
      try {
        correct('I1', sequence, change);
      } catch (error) {
        expect(error).toBeInstanceOf(CorrectionError);
        return { field: (error as CorrectionError).field, message: (error as Error).message };
      }
      throw new Error('the correction was accepted');
    };
    expect(refused({ reviewedOn: '2016-12-31' })).toEqual({ field: 'reviewedOn', message: expect.stringMatching(/identified/) });
    expect(refused({ reviewedOn: '2018-06-02' })).toEqual({
      field: 'reviewedOn',
      message: 'The date of the review must be on or before 1 June 2018, the date of the review after it (review 3)',
    });
    expect(refused({ reviewedOn: '2018-05-03' }, 3).message).toBe(
      'The date of the review must be on or after 4 May 2018, the date of the review before it (review 2)',
    );
    expect(refused({ reviewedOn: null }).field).toBe('reviewedOn');
    expect(refused({}).field).toBeNull();
    expect(refused({ reviewedOn: '2026-11-25' }).message).toMatch(/today or in the past/);
    // The undated first review may be dated, before the review after it.
    expect(refused({ reviewedOn: '2018-05-05', likelihood: 2, control: 2, impact: 4 }, 1).message).toMatch(/on or before 4 May 2018/);
    correct('I1', 1, { reviewedOn: '2017-02-01', likelihood: 2, control: 2, impact: 4 });
    expect(i1().history[0]!.reviewedOn).toBe('2017-02-01');
    expect(db.$client.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'review.correct'").get()).toEqual({ n: 1 });
  });

  it('refuses a correction made on a stale view of the review, and a later correction supersedes the earlier one', () => {
    const before = i1().latest;
    correct('I1', 2, { likelihood: 2 });
    expect(() =>
      correctReview(db, actor, {
        reviewId: before.id,
        expectedCorrectionId: null,
        reviewedOn: before.reviewedOn,
        forum: 'cmb',
        likelihood: 1,
        control: 2,
        impact: 4,
        reason: null,
        why: 'crossed',
        today: TODAY,
        removalRule: DEFAULT_REMOVAL_RULE,
      }),
    ).toThrow(StaleVersionError);
    correct('I1', 2, { likelihood: 1, why: 'It was 1, not 2' });
    expect(i1().latest).toMatchObject({ score: 8, correction: { count: 2, why: 'It was 1, not 2', original: { score: 24 } } });
  });

  it('refuses to correct a removal to a score that would not allow it', () => {
    review('T5', '2026-11-02', { likelihood: 1, control: 2, impact: 3 }, { reason: 'appointment made' });
    expect(getRiskByRef(db, 'T5', TODAY)!.status).toBe('archived');
    expect(() => correct('T5', 3, { likelihood: 2 })).toThrow(/removed T5 from the register, which a score of 12 would not allow/);
    correct('T5', 3, { impact: 4 });
    expect(getRiskByRef(db, 'T5', TODAY)!.latest.score).toBe(8);
  });

  it('corrections cannot be changed, deleted or replaced', () => {
    correct('I1', 2, { likelihood: 2 });
    expect(() => db.$client.prepare('UPDATE review_corrections SET score = 64').run()).toThrow(/append-only/);
    expect(() => db.$client.prepare('DELETE FROM review_corrections').run()).toThrow(/append-only/);
    expect(() =>
      db.$client
        .prepare(
          'INSERT OR REPLACE INTO review_corrections (id, review_id, reviewed_on, forum, likelihood, control, impact, score, why, corrected_by_name) SELECT id, review_id, reviewed_on, forum, 4, 4, 4, 64, why, corrected_by_name FROM review_corrections',
        )
        .run(),
    ).toThrow(/never replaced/);
    expect(i1().latest.score).toBe(16);
  });

  it('the review-history export carries the review as recorded and its corrections, each saying what replaced it', () => {
    correct('I1', 2, { likelihood: 2, why: 'typo' });
    correct('I1', 2, { likelihood: 1, why: 'second look' });
    const rows = [...iterateReviewExport(db, { risk: 'I1' })];
    expect(rows.map((r) => [r.reviewNumber, r.entry, r.score, r.previousScore, r.correctionReason])).toEqual([
      [1, 'review', 16, null, null],
      [2, 'review (corrected)', 24, 16, null],
      [2, 'correction (corrected)', 16, 16, 'typo'],
      [2, 'correction (in force)', 8, 16, 'second look'],
    ]);
    expect(rows[1]!.correctedBy).toMatch(/^correction \d+, recorded .* by unit test$/);
    expect(rows[2]!.correctedBy).toMatch(/^correction \d+/);
    expect(rows[3]!.correctedBy).toBeNull();
    // The CSV fast path writes the same cells.
    for (const filters of [{}, { risk: 'I1', from: '2018-01-01' }]) {
      const expected = [
        csvRow(REVIEW_EXPORT_COLUMNS),
        ...[...iterateReviewExport(db, filters)].map((row) => csvRow(REVIEW_EXPORT_COLUMNS.map((c) => row[c]))),
      ].join('');
      expect([...reviewExportCsv(db, filters)].join('')).toBe(expected);
    }
  });

  it('a draft covering report uses the correction; the frozen snapshot keeps its score and its page can list the correction', () => {
    const id = freezeSnapshot(db, actor, { forum: 'cmb', meetingOn: '2018-06-10', asAt: '2018-05-31' });
    const snapshot = getSnapshot(db, id)!;
    expect(correctionsSince(db, snapshot.createdAt, snapshot.data.asAt)).toEqual([]);
    correct('I1', 2, { likelihood: 2 });
    expect(reportInputForSnapshot(db, id)!.risks.find((r) => r.ref === 'I1')!.factors).toEqual({ likelihood: 2, control: 2, impact: 4, score: 16 });
    expect(getSnapshot(db, id)!.data.risks.find((r) => r.ref === 'I1')!.score).toBe(24);
    expect(correctionsSince(db, snapshot.createdAt, snapshot.data.asAt)).toEqual([expect.objectContaining({ ref: 'I1', sequence: 2, by: 'unit test' })]);
    // A correction of a review made after the snapshot's day is not one of its reviews.
    review('I1', '2026-11-02', { likelihood: 2, control: 2, impact: 4 });
    correct('I1', 3, { impact: 3 });
    expect(correctionsSince(db, snapshot.createdAt, snapshot.data.asAt)).toHaveLength(1);
  });
});
