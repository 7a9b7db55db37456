/**
 * Direction of travel and the register's Summary column, derived from the review history rather than
 * typed: "Increased (previously 16) - <reason>", "Reduced (previously 32) - …", "Maintain - …", "NEW".
 */

import { bandOf, type BandName } from './scoring';

export const DIRECTIONS = ['new', 'increased', 'reduced', 'maintained'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** A risk's first review is NEW; after that the score moved up, down or stayed. */
export function directionOf(previousScore: number | null | undefined, score: number): Direction {
  if (previousScore === null || previousScore === undefined) return 'new';
  if (score > previousScore) return 'increased';
  if (score < previousScore) return 'reduced';
  return 'maintained';
}

export const DIRECTION_LABEL: Record<Direction, string> = {
  new: 'New',
  increased: 'Increased',
  reduced: 'Reduced',
  maintained: 'Maintained',
};

/** The Summary cell as the paper prints it, with direction and previous score derived, then the reason. */
export function summaryText(direction: Direction, previousScore: number | null | undefined, reason?: string | null): string {
  const why = reason?.trim() ?? '';
  let head: string;
  switch (direction) {
    case 'new':
      head = 'NEW';
      break;
    case 'maintained':
      head = 'Maintain';
      break;
    case 'increased':
      head = `Increased (previously ${previousScore})`;
      break;
    case 'reduced':
      head = `Reduced (previously ${previousScore})`;
      break;
  }
  return why ? `${head} - ${why}` : head;
}

export type ScoredReview = { score: number; reason?: string | null; reviewedOn?: string | null };

/** The Summary of a first review recorded without a date: a score brought in with the register, not a new risk. */
export const UNDATED_FIRST_SUMMARY = 'Score held before the register’s dated reviews (date not recorded)';

export type HistoryAnnotation = { direction: Direction; previousScore: number | null; summary: string; band: BandName };

/**
 * What each of a risk's reviews (oldest first) implies: its direction, the previous score, the Summary text
 * and its band, so the history, the register row and the Summary all come from one derivation.
 */
export function annotateHistory(reviewsOldestFirst: readonly ScoredReview[]): HistoryAnnotation[] {
  let previous: number | null = null;
  return reviewsOldestFirst.map((review) => {
    // An undated first review is history brought in with the register: the risk is older than this
    // register's records, so it is not NEW, and no movement is known.
    if (previous === null && review.reviewedOn === null) {
      const why = review.reason?.trim();
      previous = review.score;
      return {
        direction: 'maintained',
        previousScore: null,
        summary: why ? `${UNDATED_FIRST_SUMMARY} - ${why}` : UNDATED_FIRST_SUMMARY,
        band: bandOf(review.score),
      };
    }
    const direction = directionOf(previous, review.score);
    const annotation = { direction, previousScore: previous, summary: summaryText(direction, previous, review.reason), band: bandOf(review.score) };
    previous = review.score;
    return annotation;
  });
}

/** A risk's reviews (oldest first), each with its annotation (annotateHistory). */
export function deriveHistory<T extends ScoredReview>(reviewsOldestFirst: readonly T[]): Array<T & HistoryAnnotation> {
  const annotations = annotateHistory(reviewsOldestFirst);
  return reviewsOldestFirst.map((review, i) => ({ ...review, ...annotations[i]! }));
}
