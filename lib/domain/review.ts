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

/**
 * Why a review of a risk cannot be dated `day`, or null when it can: not before the risk was identified,
 * and not before its latest dated review (the same day is allowed; sequence orders those), so the newest
 * review by sequence is always the newest by date and a back-dated review cannot become the current state.
 */
export function reviewDateProblem(
  risk: { ref: string; dateIdentified: string },
  latestDated: { reviewedOn: string | null; sequence: number; score: number } | null | undefined,
  day: string,
): string | null {
  if (day < risk.dateIdentified) return `The review date must be on or after ${formatDay(risk.dateIdentified)}, the day ${risk.ref} was identified`;
  if (latestDated?.reviewedOn && day < latestDated.reviewedOn)
    return `The review date must be on or after ${formatDay(latestDated.reviewedOn)}, the date of ${risk.ref}’s latest review (review ${latestDated.sequence}, scored ${latestDated.score}); an earlier review cannot be added after it`;
  return null;
}
