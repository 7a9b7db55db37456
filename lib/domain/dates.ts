/** Day dates are stored as YYYY-MM-DD text and shown in en-GB ("4 May 2018"). */
import { format, isValid, parse } from 'date-fns';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Parses a YYYY-MM-DD day, or returns null when it is not a real calendar day. */
export function parseDay(day: string): Date | null {
  if (!ISO_DAY.test(day)) return null;
  const date = parse(day, 'yyyy-MM-dd', new Date(2000, 0, 1));
  return isValid(date) && format(date, 'yyyy-MM-dd') === day ? date : null;
}

/** Formats a Date as a YYYY-MM-DD day. */
export function toDay(date: Date): string {
  return format(date, 'yyyy-MM-dd');
}

/** Shows a YYYY-MM-DD day as GOV.UK style prescribes: "4 May 2018". */
export function formatDay(day: string | null | undefined, fallback = 'Not recorded'): string {
  if (!day) return fallback;
  const date = parseDay(day);
  return date ? format(date, 'd MMMM yyyy') : fallback;
}
