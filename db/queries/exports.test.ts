import { afterEach, beforeEach, expect, it } from 'vitest';
import { DEFAULT_REMOVAL_RULE } from '@/lib/domain/categories';
import { openReadOnlyDatabase, type Db } from '../client';
import { csvRow } from '@/lib/domain/csv';
import { recordReview } from '../mutations/reviews';
import { recordSettingsDecision } from '../mutations/settings';
import { openDemoTestDatabase } from '../test-database';
import { iterateReviewExport, REVIEW_EXPORT_COLUMNS, reviewExportCsv } from './exports';
import { getRiskByRef, listIssuedRefs } from './risks';
import { getSettingsInForce } from './settings';

const actor = { userId: null, label: 'unit test' };
let db: Db;
let close: () => void;
beforeEach(() => {
  ({ db, close } = openDemoTestDatabase('exports-'));
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
  const review = (ref: string, reviewedOn: string, likelihood: number, forum: 'monthly' | 'cmb', event?: string) => {
    const risk = getRiskByRef(db, ref, '2026-11-24')!;
    recordReview(db, actor, {
      riskId: risk.id,
      expectedVersion: risk.version,
      reviewedOn,
      forum,
      likelihood,
      control: 2,
      impact: 3,
      reason: `r ${reviewedOn}`,
      event,
      removalRule: DEFAULT_REMOVAL_RULE,
    });
  };
  review('I9', '2019-03-01', 2, 'monthly', 'Collaboration reviewed');
  review('I9', '2019-05-01', 3, 'cmb');
  review('I9', '2019-06-01', 4, 'monthly', 'Collaboration re-scoped');
});
afterEach(() => close());

it('exports every review in register order, each with the previous review’s score, the appetite of its day and the event it recorded', () => {
  const rows = [...iterateReviewExport(db)];
  const refs = listIssuedRefs(db).filter((ref) => getRiskByRef(db, ref, '2026-11-24'));
  const expected = refs
    .map((ref) => getRiskByRef(db, ref, '2026-11-24')!)
    .sort((a, b) => (a.category === b.category ? Number(a.ref.slice(1)) - Number(b.ref.slice(1)) : a.category === 'inherent' ? -1 : 1))
    .flatMap((risk) =>
      risk.history.map((h) => ({
        ref: risk.ref,
        score: h.score,
        previousScore: h.previousScore,
        reviewedOn: h.reviewedOn,
        appetite: h.reviewedOn ? getSettingsInForce(db, h.reviewedOn).appetite : 30,
      })),
    );
  expect(rows.map((r) => ({ ref: r.ref, score: r.score, previousScore: r.previousScore, reviewedOn: r.reviewedOn, appetite: r.appetite }))).toEqual(expected);
  // An undated review carries the note its page shows, so the empty date is explained.
  const undated = rows.find((r) => r.ref === 'I1' && r.reviewedOn === null)!;
  expect(undated.reviewedOnNote).toMatch(/date not recorded/);
  expect(rows.filter((r) => r.reviewedOn !== null).every((r) => r.reviewedOnNote === null)).toBe(true);
  const i9 = rows.filter((r) => r.ref === 'I9').slice(-3);
  expect(i9.map((r) => [r.event, r.appetite, r.direction])).toEqual([
    ['Collaboration reviewed', 30, 'Reduced'],
    ['Collaboration reviewed', 24, 'Increased'],
    ['Collaboration re-scoped', 24, 'Increased'],
  ]);
});

it('filters by risk, forum and dates after the previous score is known', () => {
  const cmb = [...iterateReviewExport(db, { risk: 'I9', forum: 'cmb' })];
  expect(cmb.every((r) => r.forum === 'cmb')).toBe(true);
  // Its previous review (2019-03-01, 12) was monthly: the score before it is still that one.
  expect(cmb.map((r) => [r.reviewedOn, r.score, r.previousScore]).at(-1)).toEqual(['2019-05-01', 18, 12]);
  const window = [...iterateReviewExport(db, { from: '2019-05-01', to: '2019-06-01' })];
  expect(window.map((r) => [r.ref, r.previousScore])).toEqual([
    ['I9', 12],
    ['I9', 18],
  ]);
});

it('the CSV fast path is csvRow over the exported rows, cell for cell, with text that needs quoting or formula-neutralising', () => {
  const i1 = getRiskByRef(db, 'I1', '2026-11-24')!;
  recordReview(db, actor, {
    riskId: i1.id,
    expectedVersion: i1.version,
    reviewedOn: '2019-07-01',
    forum: 'monthly',
    likelihood: 3,
    control: 2,
    impact: 4,
    reason: '=HYPERLINK("x"), then\r\n"quoted"',
    event: '+Event, with comma',
    removalRule: DEFAULT_REMOVAL_RULE,
  });
  for (const filters of [{}, { forum: 'cmb' }, { risk: 'I1', from: '2018-05-01' }]) {
    const expected = [
      csvRow(REVIEW_EXPORT_COLUMNS),
      ...[...iterateReviewExport(db, filters)].map((row) => csvRow(REVIEW_EXPORT_COLUMNS.map((c) => row[c]))),
    ].join('');
    expect([...reviewExportCsv(db, filters)].join('')).toBe(expected);
  }
  expect([...reviewExportCsv(db, { risk: 'I1' })].join('')).toContain(`"'=HYPERLINK(""x""), then\r\n""quoted"""`);
});

it('a save succeeds while an export is half read, because exports read on a connection of their own', () => {
  const reader = openReadOnlyDatabase(db.$client.name);
  try {
    const save = (reason: string) => {
      const t4 = getRiskByRef(db, 'T4', '2026-11-24')!;
      recordReview(db, actor, {
        riskId: t4.id,
        expectedVersion: t4.version,
        reviewedOn: '2026-11-24',
        forum: 'monthly',
        likelihood: 3,
        control: 2,
        impact: 3,
        reason,
        removalRule: DEFAULT_REMOVAL_RULE,
      });
    };
    // Why: with the cursor on the shared connection, the save is refused.
    const onShared = iterateReviewExport(db);
    onShared.next();
    expect(() => save('refused')).toThrow(/busy/);
    onShared.return(undefined);

    const rows = iterateReviewExport(reader);
    rows.next();
    rows.next();
    expect(() => save('during export')).not.toThrow();
    // and the export, begun before the save, finishes without it: one consistent snapshot
    const rest = [...rows];
    expect(rest.length).toBeGreaterThan(10);
    expect(rest.some((r) => r.reason === 'during export')).toBe(false);
    expect([...iterateReviewExport(reader)].some((r) => r.reason === 'during export')).toBe(true);
  } finally {
    reader.$client.close();
  }
});
