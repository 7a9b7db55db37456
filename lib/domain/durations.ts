/** How long something is overdue, in words: "3 days", "2 months", "8 years 5 months". */
import { differenceInCalendarDays, intervalToDuration } from 'date-fns';
import { parseDay } from './dates';

export function describeOverdue(dueOn: string, today: string): string {
  const from = parseDay(dueOn);
  const to = parseDay(today);
  if (!from || !to || to <= from) return 'not overdue';
  const days = differenceInCalendarDays(to, from);
  if (days < 31) return `${days} ${days === 1 ? 'day' : 'days'}`;
  const { years = 0, months = 0 } = intervalToDuration({ start: from, end: to });
  const parts = [years ? `${years} ${years === 1 ? 'year' : 'years'}` : '', months ? `${months} ${months === 1 ? 'month' : 'months'}` : ''].filter(Boolean);
  return parts.join(' ') || `${days} days`;
}
