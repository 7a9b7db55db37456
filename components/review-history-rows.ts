import type { HistoryEntry } from '@/db/queries/risks';
import type { ReviewHistoryRowData } from './review-history-table';

/** A risk's history entries as the history table shows them, and nothing more. */
export function reviewHistoryRows(history: HistoryEntry[]): ReviewHistoryRowData[] {
  return history.map((entry) => ({
    sequence: entry.sequence,
    reviewedOn: entry.reviewedOn,
    reviewedOnNote: entry.reviewedOnNote,
    forum: entry.forum,
    likelihood: entry.likelihood,
    control: entry.control,
    impact: entry.impact,
    score: entry.score,
    band: entry.band,
    direction: entry.direction,
    previousScore: entry.previousScore,
    reason: entry.reason,
    correction: entry.correction,
  }));
}
