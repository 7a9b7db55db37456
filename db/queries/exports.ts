/**
 * The review history for auditors, one row per review, read with a cursor (better-sqlite3's iterate) so
 * an export of any size streams without holding every review in memory.
 */
import { bandOf } from '@/lib/domain/scoring';
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
] as const;

export type ReviewExportRow = Record<(typeof REVIEW_EXPORT_COLUMNS)[number], string | number | null>;

export type ReviewExportFilters = { risk?: string; from?: string; to?: string; forum?: string };

type Raw = {
  ref: string;
  category: string;
  event: string;
  reviewedOn: string | null;
  forum: string;
  reviewer: string | null;
  likelihood: number | null;
  control: number | null;
  impact: number | null;
  score: number;
  previousScore: number | null;
  reason: string | null;
  appetite: number | null;
  recordedAt: string;
};

/**
 * Each review with the event text in force when it was made (the risk's revision at that date), the
 * appetite in force that day, and the score before it (previous review of the same risk).
 */
const SQL = `
  SELECT r.ref AS ref, r.category AS category,
    COALESCE(
      (SELECT rv.event FROM risk_revisions rv WHERE rv.risk_id = v.risk_id AND rv.effective_from <= COALESCE(v.reviewed_on, rv.effective_from)
        ORDER BY rv.effective_from DESC, rv.version DESC LIMIT 1),
      r.event) AS event,
    v.reviewed_on AS reviewedOn, v.forum AS forum, v.reviewer_name AS reviewer,
    v.likelihood AS likelihood, v.control AS control, v.impact AS impact, v.score AS score,
    LAG(v.score) OVER (PARTITION BY v.risk_id ORDER BY v.sequence) AS previousScore,
    v.reason AS reason,
    (SELECT s.appetite FROM register_settings s WHERE v.reviewed_on IS NOT NULL AND s.effective_from <= v.reviewed_on
      ORDER BY s.effective_from DESC, s.id DESC LIMIT 1) AS appetite,
    v.created_at AS recordedAt
  FROM reviews v JOIN risks r ON r.id = v.risk_id
  WHERE (:risk IS NULL OR r.ref = :risk)
    AND (:forum IS NULL OR v.forum = :forum)
  ORDER BY r.category, r.ref_number, v.sequence`;

/** Streams export rows in register order. Date filters apply after the previous score is known. */
export function* iterateReviewExport(db: Db, filters: ReviewExportFilters = {}): Generator<ReviewExportRow> {
  const statement = db.$client.prepare(SQL);
  for (const raw of statement.iterate({ risk: filters.risk ?? null, forum: filters.forum ?? null }) as IterableIterator<Raw>) {
    if (filters.from && (!raw.reviewedOn || raw.reviewedOn < filters.from)) continue;
    if (filters.to && (!raw.reviewedOn || raw.reviewedOn > filters.to)) continue;
    yield {
      ref: raw.ref,
      category: raw.category,
      event: raw.event,
      reviewedOn: raw.reviewedOn,
      forum: raw.forum,
      reviewer: raw.reviewer,
      likelihood: raw.likelihood,
      control: raw.control,
      impact: raw.impact,
      score: raw.score,
      band: bandOf(raw.score),
      direction: DIRECTION_LABEL[directionOf(raw.previousScore, raw.score)],
      previousScore: raw.previousScore,
      reason: raw.reason,
      appetite: raw.appetite ?? DEFAULT_SETTINGS.appetite,
      recordedAt: raw.recordedAt,
    };
  }
}
