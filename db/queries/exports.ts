/**
 * The review history for auditors, one row per review, read with a cursor (better-sqlite3's iterate) so
 * an export of any size streams without holding every review in memory.
 */
import { bandOf } from '@/lib/domain/scoring';
import { csvCell, csvRow } from '@/lib/domain/csv';
import { directionOf, DIRECTION_LABEL } from '@/lib/domain/direction';
import { DEFAULT_SETTINGS } from '@/lib/domain/settings';
import type { Db } from '../client';

export const REVIEW_EXPORT_COLUMNS = [
  'ref',
  'category',
  'event',
  'reviewedOn',
  'forum',
  'reviewer',
  'likelihood',
  'control',
  'impact',
  'score',
  'band',
  'direction',
  'previousScore',
  'reason',
  'appetite',
  'recordedAt',
  'reviewNumber',
  'entry',
  'correctedBy',
  'correctionReason',
  'reviewedOnNote',
] as const;

export type ReviewExportRow = Record<(typeof REVIEW_EXPORT_COLUMNS)[number], string | number | null>;

export type ReviewExportFilters = { risk?: string; from?: string; to?: string; forum?: string };

/**
 * Each review in register order with the event text the review recorded (the revision it wrote; the
 * revision in force on its day for imported history, which wrote none). Nothing per row but index seeks
 * and no sort: risks come in (category, number) order from their unique index and each risk's reviews in
 * sequence order from theirs; each risk's ref and category are looked up once, not carried per row. The score before each review and the appetite in force on its day are added
 * while streaming (see iterateReviewExport), where they cost nothing. `sqlite3 -csv` runs this same text
 * as the benchmark's storage floor.
 */
export const REVIEW_EXPORT_SQL = `
  SELECT v.risk_id,
    COALESCE(own.event,
      (SELECT rv.event FROM risk_revisions rv WHERE rv.risk_id = v.risk_id AND rv.effective_from <= COALESCE(v.reviewed_on, rv.effective_from)
        ORDER BY rv.effective_from DESC, rv.version DESC LIMIT 1),
      r.event) AS event,
    v.reviewed_on, v.forum, v.reviewer_name, v.likelihood, v.control, v.impact, v.score, v.reason, v.created_at, v.id, v.sequence, v.reviewed_on_note
  FROM risks r
    JOIN reviews v ON v.risk_id = r.id
    LEFT JOIN risk_revisions own ON own.review_id = v.id
  WHERE (:risk IS NULL OR r.ref = :risk)
  ORDER BY r.category, r.ref_number, v.sequence`;

type Raw = [
  riskId: number,
  event: string,
  reviewedOn: string | null,
  forum: string,
  reviewer: string | null,
  likelihood: number | null,
  control: number | null,
  impact: number | null,
  score: number,
  reason: string | null,
  recordedAt: string,
  reviewId: number,
  sequence: number,
  /** Why an imported review has no date, as its page says. */
  reviewedOnNote: string | null,
];

type Correction = {
  id: number;
  reviewedOn: string | null;
  forum: string;
  by: string;
  likelihood: number;
  control: number;
  impact: number;
  score: number;
  reason: string | null;
  why: string;
  createdAt: string;
};

/** Every correction, grouped by the review it corrects, oldest first: corrections are few, so all are read once. */
function correctionsByReview(db: Db): Map<number, Correction[]> {
  const rows = db.$client
    .prepare(
      `SELECT review_id AS reviewId, id, reviewed_on AS reviewedOn, forum, corrected_by_name AS "by", likelihood, control, impact, score, reason, why,
        created_at AS createdAt FROM review_corrections ORDER BY id`,
    )
    .all() as Array<Correction & { reviewId: number }>;
  const byReview = new Map<number, Correction[]>();
  for (const { reviewId, ...c } of rows) byReview.set(reviewId, [...(byReview.get(reviewId) ?? []), c]);
  return byReview;
}

const correctedByText = (c: Correction) => `correction ${c.id}, recorded ${c.createdAt} by ${c.by}`;

/**
 * A corrected review's rows: the review as first recorded, saying which correction replaced it, then each
 * correction in turn (the last is in force). All carry the score before the review, as it stands.
 */
function correctedRows(
  base: Pick<ReviewExportRow, 'ref' | 'category' | 'event'>,
  raw: Raw,
  corrections: Correction[],
  previousScore: number | null,
  appetiteOn: (day: string | null) => number,
): ReviewExportRow[] {
  const [, , reviewedOn, forum, reviewer, likelihood, control, impact, score, reason, recordedAt, , sequence, note] = raw;
  type Values = Pick<Correction, 'reviewedOn' | 'forum' | 'score' | 'reason' | 'createdAt'> & {
    by: string | null;
    likelihood: number | null;
    control: number | null;
    impact: number | null;
  };
  const row = (v: Values) => ({
    ...base,
    reviewedOn: v.reviewedOn,
    forum: v.forum,
    reviewer: v.by,
    likelihood: v.likelihood,
    control: v.control,
    impact: v.impact,
    score: v.score,
    band: bandOf(v.score),
    direction: DIRECTION_LABEL[directionOf(previousScore, v.score)],
    previousScore,
    reason: v.reason,
    appetite: appetiteOn(v.reviewedOn),
    recordedAt: v.createdAt,
    reviewNumber: sequence,
    // A correction that dates an undated review leaves its note behind.
    reviewedOnNote: v.reviewedOn ? null : note,
  });
  return [
    {
      ...row({ reviewedOn, forum, by: reviewer, likelihood, control, impact, score, reason, createdAt: recordedAt }),
      entry: 'review (corrected)',
      correctedBy: correctedByText(corrections[0]!),
      correctionReason: null,
    },
    ...corrections.map((c, i) => ({
      ...row(c),
      entry: i === corrections.length - 1 ? 'correction (in force)' : 'correction (corrected)',
      correctedBy: corrections[i + 1] ? correctedByText(corrections[i + 1]!) : null,
      correctionReason: c.why,
    })),
  ];
}

/** Each risk's ref and category (a few thousand rows), so the cursor does not carry them on every review. */
function riskNames(db: Db): Map<number, { ref: string; category: string }> {
  const rows = db.$client.prepare('SELECT id, ref, category FROM risks').all() as Array<{ id: number; ref: string; category: string }>;
  return new Map(rows.map((r) => [r.id, { ref: r.ref, category: r.category }]));
}

/** The appetite in force on a day, from the settings history (a handful of rows), remembered per day. */
function appetiteLookup(db: Db): (day: string | null) => number {
  const history = db.$client.prepare('SELECT effective_from AS effectiveFrom, appetite FROM register_settings ORDER BY effective_from, id').all() as Array<{
    effectiveFrom: string;
    appetite: number;
  }>;
  const byDay = new Map<string, number>();
  return (day) => {
    if (!day) return DEFAULT_SETTINGS.appetite;
    let appetite = byDay.get(day);
    if (appetite === undefined) {
      appetite = DEFAULT_SETTINGS.appetite;
      for (const s of history) if (s.effectiveFrom <= day) appetite = s.appetite;
      byDay.set(day, appetite);
    }
    return appetite;
  };
}

/** Whether a review is in the export's forum and date filters (applied after its previous score is known). */
function inScope(filters: ReviewExportFilters, forum: string, reviewedOn: string | null): boolean {
  if (filters.forum && forum !== filters.forum) return false;
  if (filters.from && (!reviewedOn || reviewedOn < filters.from)) return false;
  if (filters.to && (!reviewedOn || reviewedOn > filters.to)) return false;
  return true;
}

/**
 * Streams export rows in register order from a cursor. The previous score is the risk's review before
 * this one whatever the filters, so forum and date filters apply after it is known.
 */
export function* iterateReviewExport(db: Db, filters: ReviewExportFilters = {}): Generator<ReviewExportRow> {
  const appetiteOn = appetiteLookup(db);
  const names = riskNames(db);
  const statement = db.$client.prepare(REVIEW_EXPORT_SQL).raw(true);
  let riskId = -1;
  let previous: number | null = null;
  let ref = '';
  let category = '';
  const corrected = correctionsByReview(db);
  for (const raw of statement.iterate({ risk: filters.risk ?? null }) as IterableIterator<Raw>) {
    const [id, event, reviewedOn, forum, reviewer, likelihood, control, impact, score, reason, recordedAt, reviewId, sequence, reviewedOnNote] = raw;
    if (id !== riskId) {
      riskId = id;
      previous = null;
      ({ ref, category } = names.get(id)!);
    }
    const previousScore = previous;
    const corrections = corrected.get(reviewId);
    if (corrections) {
      previous = corrections.at(-1)!.score;
      for (const row of correctedRows({ ref, category, event }, raw, corrections, previousScore, appetiteOn))
        if (inScope(filters, String(row.forum), row.reviewedOn as string | null)) yield row;
      continue;
    }
    previous = score;
    if (!inScope(filters, forum, reviewedOn)) continue;
    yield {
      ref,
      category,
      event,
      reviewedOn,
      forum,
      reviewer,
      likelihood,
      control,
      impact,
      score,
      band: bandOf(score),
      direction: DIRECTION_LABEL[directionOf(previousScore, score)],
      previousScore,
      reason,
      appetite: appetiteOn(reviewedOn),
      recordedAt,
      reviewNumber: sequence,
      entry: 'review',
      correctedBy: null,
      correctionReason: null,
      reviewedOnNote,
    };
  }
}

/** Rows of CSV per piece yielded (about 100 kB). */
const CSV_PIECE_ROWS = 500;

/**
 * The same export as CSV, header first, in pieces of a few hundred rows: the fast path for the largest
 * download, formatting straight from the cursor's raw rows (no object per row). Cell for cell the same as
 * csvRow over iterateReviewExport's rows (exports.test.ts checks it).
 */
export function* reviewExportCsv(db: Db, filters: ReviewExportFilters = {}): Generator<string> {
  yield csvRow(REVIEW_EXPORT_COLUMNS);
  const appetiteOn = appetiteLookup(db);
  const names = riskNames(db);
  const statement = db.$client.prepare(REVIEW_EXPORT_SQL).raw(true);
  let riskId = -1;
  let previous: number | null = null;
  let risk = '';
  let piece = '';
  let rows = 0;
  const corrected = correctionsByReview(db);
  let name = { ref: '', category: '' };
  for (const raw of statement.iterate({ risk: filters.risk ?? null }) as IterableIterator<Raw>) {
    const [id, event, reviewedOn, forum, reviewer, likelihood, control, impact, score, reason, recordedAt, reviewId, sequence, reviewedOnNote] = raw;
    if (id !== riskId) {
      riskId = id;
      previous = null;
      name = names.get(id)!;
      risk = `${csvCell(name.ref)},${csvCell(name.category)}`;
    }
    const previousScore = previous;
    const corrections = corrected.get(reviewId);
    if (corrections) {
      // Corrected reviews are rare: their rows go through the general path.
      previous = corrections.at(-1)!.score;
      for (const row of correctedRows({ ...name, event }, raw, corrections, previousScore, appetiteOn))
        if (inScope(filters, String(row.forum), row.reviewedOn as string | null)) piece += csvRow(REVIEW_EXPORT_COLUMNS.map((c) => row[c]));
    } else {
      previous = score;
      if (!inScope(filters, forum, reviewedOn)) continue;
      piece += `${risk},${csvCell(event)},${csvCell(reviewedOn)},${csvCell(forum)},${csvCell(reviewer)},${likelihood ?? ''},${control ?? ''},${impact ?? ''},${score},${bandOf(score)},${DIRECTION_LABEL[directionOf(previousScore, score)]},${previousScore ?? ''},${csvCell(reason)},${appetiteOn(reviewedOn)},${csvCell(recordedAt)},${sequence},review,,,${csvCell(reviewedOnNote)}\r\n`;
    }
    if (++rows >= CSV_PIECE_ROWS) {
      yield piece;
      piece = '';
      rows = 0;
    }
  }
  if (piece) yield piece;
}
