/** A risk is due for review a month after its last review; past that date it is overdue. */
import { parseDay, toDay } from './dates';

export const REVIEW_STATUSES = ['up-to-date', 'due', 'overdue'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** How many days before its due date a review shows as due. */
export const DUE_SOON_DAYS = 7;

/** The day a risk next falls due: one calendar month after its last dated review (31 Jan → 28/29 Feb). */
export function reviewDueOn(lastReviewedOn: string): string {
  const last = parseDay(lastReviewedOn);
  if (!last) throw new RangeError(`Not a date: ${lastReviewedOn}`);
  // date-fns' addMonths by hand (this runs for every row of the register): the same day next month,
  // or that month's last day when it is shorter.
  const next = new Date(last.getFullYear(), last.getMonth() + 1, 1);
  const lastDayOfNext = new Date(next.getFullYear(), next.getMonth() + 1, 0).getDate();
  next.setDate(Math.min(last.getDate(), lastDayOfNext));
  return toDay(next);
}

/** Whole calendar days from one local day to another (as date-fns' differenceInCalendarDays, ignoring clock changes). */
function calendarDaysBetween(from: Date, to: Date): number {
  return Math.round((Date.UTC(to.getFullYear(), to.getMonth(), to.getDate()) - Date.UTC(from.getFullYear(), from.getMonth(), from.getDate())) / 86_400_000);
}

export type ReviewDue = { status: ReviewStatus; dueOn: string | null; daysOverdue: number };

/**
 * Review status on `today`: overdue once past the due date, due from a week before it, up to date
 * otherwise. A risk with no dated review has never been reviewed on record, so it is due now.
 */
export function reviewDue(lastReviewedOn: string | null, today: string): ReviewDue {
  const now = parseDay(today);
  if (!now) throw new RangeError(`Not a date: ${today}`);
  if (!lastReviewedOn) return { status: 'due', dueOn: null, daysOverdue: 0 };
  const dueOn = reviewDueOn(lastReviewedOn);
  const days = calendarDaysBetween(parseDay(dueOn)!, now);
  if (days > 0) return { status: 'overdue', dueOn, daysOverdue: days };
  if (days >= -DUE_SOON_DAYS) return { status: 'due', dueOn, daysOverdue: 0 };
  return { status: 'up-to-date', dueOn, daysOverdue: 0 };
}

export const REVIEW_STATUS_LABEL: Record<ReviewStatus, string> = {
  'up-to-date': 'Up to date',
  due: 'Due',
  overdue: 'Overdue',
};
