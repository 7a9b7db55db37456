/** A risk is due for review a month after its last review; past that date it is overdue. */
import { dayNumber, dayParts, daysInMonth, partsToDay } from './dates';

export const REVIEW_STATUSES = ['up-to-date', 'due', 'overdue'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** How many days before its due date a review shows as due. */
export const DUE_SOON_DAYS = 7;

/**
 * The day a risk next falls due: one calendar month after its last dated review (31 Jan → 28/29 Feb), as
 * date-fns' addMonths gives it. By arithmetic (this runs for every row of every register, and Next wraps Date).
 */
export function reviewDueOn(lastReviewedOn: string): string | null {
  const last = dayParts(lastReviewedOn);
  // A stored day that is not a real one (written before days were checked, or by hand) has no due date;
  // the page says which record it is (db/queries/stored-days.ts) rather than failing.
  if (!last) return null;
  const year = last.month === 12 ? last.year + 1 : last.year;
  const month = last.month === 12 ? 1 : last.month + 1;
  return partsToDay({ year, month, date: Math.min(last.date, daysInMonth(year, month)) });
}

export type ReviewDue = { status: ReviewStatus; dueOn: string | null; daysOverdue: number };

/**
 * Review status on `today`: overdue once past the due date, due from a week before it, up to date
 * otherwise. A risk with no dated review (or one whose stored day cannot be read) is due now.
 */
export function reviewDue(lastReviewedOn: string | null, today: string): ReviewDue {
  const now = dayParts(today);
  if (!now) throw new RangeError(`Not a date: ${today}`);
  const dueOn = lastReviewedOn ? reviewDueOn(lastReviewedOn) : null;
  if (!dueOn) return { status: 'due', dueOn: null, daysOverdue: 0 };
  const days = dayNumber(now) - dayNumber(dayParts(dueOn)!);
  if (days > 0) return { status: 'overdue', dueOn, daysOverdue: days };
  if (days >= -DUE_SOON_DAYS) return { status: 'due', dueOn, daysOverdue: 0 };
  return { status: 'up-to-date', dueOn, daysOverdue: 0 };
}

export const REVIEW_STATUS_LABEL: Record<ReviewStatus, string> = {
  'up-to-date': 'Up to date',
  due: 'Due',
  overdue: 'Overdue',
};
