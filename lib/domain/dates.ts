/**
 * Day dates are stored as YYYY-MM-DD text and shown in en-GB ("4 May 2018"). These run for every row of
 * every register, so they are written by hand (a regex and the Date constructor) rather than through
 * date-fns' general parse/format, which cost about 20 times more; dates.test.ts checks they agree with
 * date-fns on every day of several years and on impossible days.
 */

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Parses a YYYY-MM-DD day (local midnight), or returns null when it is not a real calendar day. */
export function parseDay(day: string): Date | null {
  const match = ISO_DAY.exec(day);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]) - 1;
  const date = Number(match[3]);
  const result = new Date(2000, 0, 1);
  result.setFullYear(year, month, date);
  return result.getFullYear() === year && result.getMonth() === month && result.getDate() === date ? result : null;
}

/** Formats a Date as a YYYY-MM-DD day. */
export function toDay(date: Date): string {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`;
}

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Shows a YYYY-MM-DD day as GOV.UK style prescribes: "4 May 2018". By arithmetic alone, without a Date:
 * it runs for every cell of every register and history, and Next wraps Date to watch its use.
 */
export function formatDay(day: string | null | undefined, fallback = 'Not recorded'): string {
  if (!day) return fallback;
  const match = ISO_DAY.exec(day);
  if (!match) return fallback;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const date = Number(match[3]);
  if (month < 1 || month > 12 || date < 1 || date > (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!)) return fallback;
  return `${date} ${MONTHS[month - 1]} ${match[1]}`;
}
