/**
 * What a review's factors mean at the moment of review: the score and band, the appetite position, the
 * direction against the last score, whether a reason is needed, and whether a topical risk becomes
 * eligible to leave the register (or, if archived, may return to it).
 */
import { isEligibleForRemoval, type Category, type RemovalRule } from './categories';
import { formatDay } from './dates';
import { directionOf, summaryText, type Direction } from './direction';
import { bandOf, isAtOrAboveAppetite, scoreOf, type BandName } from './scoring';

export type ReviewAssessment = {
  score: number;
  band: BandName;
  atOrAboveAppetite: boolean;
  direction: Direction;
  previousScore: number | null;
  /** A changed score needs a reason; so does a new risk's first review in our forms. */
  reasonRequired: boolean;
  /** A live topical risk scoring below the removal threshold: the form asks whether to remove it. */
  offerRemoval: boolean;
  /** An archived risk scoring at or above the threshold returns to the live register. */
  reinstates: boolean;
  summary: (reason: string | null | undefined) => string;
};

/** Assesses a proposed review; throws InvalidFactorError for factors outside 1-4. */
export function assessReview(input: {
  category: Category;
  status: 'live' | 'archived';
  previousScore: number | null;
  factors: { likelihood: unknown; control: unknown; impact: unknown };
  appetite: number;
  removalRule: RemovalRule;
}): ReviewAssessment {
  const score = scoreOf(input.factors);
  const direction = directionOf(input.previousScore, score);
  const eligible = isEligibleForRemoval(input.category, score, input.removalRule);
  return {
    score,
    band: bandOf(score),
    atOrAboveAppetite: isAtOrAboveAppetite(score, input.appetite),
    direction,
    previousScore: input.previousScore,
    reasonRequired: direction === 'increased' || direction === 'reduced',
    offerRemoval: input.status === 'live' && eligible,
    reinstates: input.status === 'archived' && !eligible,
    summary: (reason) => summaryText(direction, input.previousScore, reason),
  };
}

/** The latest dated change already recorded for a risk: the day it took effect and what it was, in words. */
export type LatestChange = { day: string; what: string };

/**
 * Why a review of a risk cannot be dated `day`, or null when it can: not before the risk was identified,
 * not before its latest dated review (the same day is allowed; sequence orders those), and not before
 * the latest change already recorded for it (an owner assigned, say). Changes to a risk are recorded in
 * date order, so the newest change by the order recorded is always the newest by date: the live register
 * and the register rebuilt as at any day agree, and nothing recorded later changes a day already past
 * (docs/architecture.md, "The state on a day").
 */
export function reviewDateProblem(
  risk: { ref: string; dateIdentified: string },
  latestDated: { reviewedOn: string | null; sequence: number; score: number } | null | undefined,
  day: string,
  latestChange?: LatestChange | null,
): string | null {
  if (day < risk.dateIdentified) return `The review date must be on or after ${formatDay(risk.dateIdentified)}, the day ${risk.ref} was identified`;
  if (latestDated?.reviewedOn && day < latestDated.reviewedOn)
    return `The review date must be on or after ${formatDay(latestDated.reviewedOn)}, the date of ${risk.ref}’s latest review (review ${latestDated.sequence}, scored ${latestDated.score}); an earlier review cannot be added after it`;
  if (latestChange && datedBeforeLatestChange(day, latestChange))
    return `The review date must be on or after ${formatDay(latestChange.day)}, when ${latestChange.what}; a change cannot be dated before one already recorded`;
  return null;
}

/** Whether a change to a risk dated `day` would come before one already recorded for it: refused (the rule above). */
export function datedBeforeLatestChange(day: string, latestChange: LatestChange | null | undefined): boolean {
  return !!latestChange && day < latestChange.day;
}

/** What a correction sets: the values the review should have held. */
export type CorrectedValues = {
  reviewedOn: string | null;
  forum: string;
  likelihood: number;
  control: number;
  impact: number;
  reason: string | null;
};

/** A review as it stands (its latest correction applied), enough to check a correction of it. */
type ReviewInForce = Omit<CorrectedValues, 'likelihood' | 'control' | 'impact'> & { likelihood: number | null; control: number | null; impact: number | null };

/**
 * Why a review of a risk cannot be corrected to `values`, named against its field, or null when it can.
 * A corrected date keeps the history's order: on or after the day the risk was identified and the dated
 * review before it, on or before the dated review after it and today, so the latest review by sequence is
 * still the latest by date. A dated review cannot lose its date; a correction must change something.
 */
export function correctionProblem(
  risk: { ref: string; dateIdentified: string },
  review: ReviewInForce,
  neighbours: { before: { reviewedOn: string; sequence: number } | null; after: { reviewedOn: string; sequence: number } | null },
  values: CorrectedValues,
  today: string,
  /** Whether the review changed more than its score (event, owner, status or lists), and its number. */
  recorded: { sequence: number; changedMoreThanScore: boolean } = { sequence: 0, changedMoreThanScore: false },
): { field: 'reviewedOn' | null; message: string } | null {
  const day = values.reviewedOn;
  if (!day && review.reviewedOn) return { field: 'reviewedOn', message: 'Enter the date of the review; a dated review cannot lose its date' };
  if (day) {
    if (day > today) return { field: 'reviewedOn', message: 'The date of the review must be today or in the past' };
    if (day < risk.dateIdentified)
      return {
        field: 'reviewedOn',
        message: `The date of the review must be on or after ${formatDay(risk.dateIdentified)}, the day ${risk.ref} was identified`,
      };
    const { before, after } = neighbours;
    if (before && day < before.reviewedOn)
      return {
        field: 'reviewedOn',
        message: `The date of the review must be on or after ${formatDay(before.reviewedOn)}, the date of the review before it (review ${before.sequence})`,
      };
    if (after && day > after.reviewedOn)
      return {
        field: 'reviewedOn',
        message: `The date of the review must be on or before ${formatDay(after.reviewedOn)}, the date of the review after it (review ${after.sequence})`,
      };
  }
  const same =
    day === review.reviewedOn &&
    values.forum === review.forum &&
    values.likelihood === review.likelihood &&
    values.control === review.control &&
    values.impact === review.impact &&
    (values.reason ?? '') === (review.reason ?? '');
  if (same) return { field: null, message: 'Change at least one of the date, forum, scores or reason: the correction as entered is the review as it stands' };
  // What else the review changed took effect on its date: moving the date would leave that behind.
  if (day !== review.reviewedOn && review.reviewedOn && recorded.changedMoreThanScore)
    return {
      field: 'reviewedOn',
      message: `The date of review ${recorded.sequence} cannot be corrected: it also changed ${risk.ref}’s event, owner, status or lists, which took effect on ${review.reviewedOn}. Correct its scores or reason, or record a new review.`,
    };
  return null;
}
