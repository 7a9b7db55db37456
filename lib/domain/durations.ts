/** How long something is overdue or has lasted, in words: "3 days", "2 months", "8 years 5 months". */
import { differenceInCalendarDays, intervalToDuration } from 'date-fns';
import { parseDay } from './dates';

export function describeOverdue(dueOn: string, today: string): string {
  return describeDuration(dueOn, today) ?? 'not overdue';
}

/**
 * The time from one day to a later one, in the words the service uses everywhere: days under a month,
 * then years and months ("8 years 5 months"); null when `to` is not after `from`.
 */
export function describeDuration(fromDay: string, toDay: string): string | null {
  const from = parseDay(fromDay);
  const to = parseDay(toDay);
  if (!from || !to || to <= from) return null;
  const days = differenceInCalendarDays(to, from);
  if (days < 31) return `${days} ${days === 1 ? 'day' : 'days'}`;
  const { years = 0, months = 0 } = intervalToDuration({ start: from, end: to });
  const parts = [years ? `${years} ${years === 1 ? 'year' : 'years'}` : '', months ? `${months} ${months === 1 ? 'month' : 'months'}` : ''].filter(Boolean);
  return parts.join(' ') || `${days} days`;
}
