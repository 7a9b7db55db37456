/**
 * Day dates are stored as YYYY-MM-DD text and shown in en-GB ("4 May 2018"). These run for every row of
 * every register, so they are written by hand (a regex and calendar arithmetic) rather than through
 * date-fns' general parse/format, which cost about 20 times more; dates.test.ts checks they agree with
 * date-fns on every day of several years and on impossible days.
 */

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Parses a YYYY-MM-DD day (local midnight), or returns null when it is not a real calendar day. */
export function parseDay(day: string): Date | null {
  const parts = dayParts(day);
  if (!parts) return null;
  const result = new Date(2000, 0, 1);
  result.setFullYear(parts.year, parts.month - 1, parts.date);
  return result;
}

const MONTH_NUMBER: Record<string, number> = Object.fromEntries(
  MONTHS.flatMap((name, i) => [
    [name.toLowerCase(), i + 1],
    [name.slice(0, 3).toLowerCase(), i + 1],
  ]),
);
MONTH_NUMBER.sept = 9;

/**
 * A day typed into one box, as people in the UK write it, day first: "2018-05-04", "4/5/2018", "04.05.2018",
 * "4 5 2018", "4 May 2018" or "4th Sept 2018". Two-digit years are refused, being ambiguous. Returns the
 * YYYY-MM-DD day, or null when it is not a real one.
 */
export function readDayText(text: string): string | null {
  const value = text.trim().replace(/\s+/g, ' ');
  if (ISO_DAY.test(value)) return dayParts(value) ? value : null;
  const numeric = /^(\d{1,2})[/. -](\d{1,2})[/. -](\d{4})$/.exec(value);
  const named = /^(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]+),? (\d{4})$/.exec(value);
  const date = Number((numeric ?? named)?.[1]);
  const month = numeric ? Number(numeric[2]) : named ? MONTH_NUMBER[named[2]!.toLowerCase()] : undefined;
  const year = Number((numeric ?? named)?.[3]);
  if (!month || !date || !year) return null;
  const day = `${pad(year, 4)}-${pad(month, 2)}-${pad(date, 2)}`;
  return dayParts(day) ? day : null;
}

/** What a one-box day field says it takes. */
export const DAY_TEXT_HINT = 'For example 4/5/2018, 4 May 2018 or 2018-05-04';

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
  const parts = dayParts(day);
  // A stored day that is not a real one (written before days were checked, or edited in the file) is shown
  // as it is, named unreadable, where the record is: never as a blank, never as an error page.
  return parts ? `${parts.date} ${MONTHS[parts.month - 1]} ${pad(parts.year, 4)}` : unreadableDay(day);
}

/** How a stored day that is not a real calendar day is shown. */
export const unreadableDay = (day: string) => `Unreadable date “${day.slice(0, 20)}”`;

/** The parts of a real YYYY-MM-DD day, or null; by arithmetic, without a Date. */
export function dayParts(day: string): { year: number; month: number; date: number } | null {
  const match = ISO_DAY.exec(day);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const date = Number(match[3]);
  return month >= 1 && month <= 12 && date >= 1 && date <= daysInMonth(year, month) ? { year, month, date } : null;
}

/** Days in a month (1-12) of a year, leap years included. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
}

/** A day as a count of days since 1 January 1970 (proleptic Gregorian), for differences between days. */
export function dayNumber({ year, month, date }: { year: number; month: number; date: number }): number {
  // Howard Hinnant's days_from_civil.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + date - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Formats day parts as YYYY-MM-DD. */
export function partsToDay({ year, month, date }: { year: number; month: number; date: number }): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(date, 2)}`;
}

/** A moment as people here read it, in UK time: "3 December 2026, 10:45". */
export function formatTime(iso: string | null | undefined, fallback = 'Never'): string {
  if (!iso) return fallback;
  return new Date(iso).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/London',
  });
}

/**
 * The office's time zone. A day in this service is a day there: "today", due dates, overdue flags and the
 * audit log's day filters, whatever time zone the host runs in.
 */
export const OFFICE_TIME_ZONE = 'Europe/London';

const officeDayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: OFFICE_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const officeClockFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: OFFICE_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The office's day (YYYY-MM-DD) at a moment. */
export function officeDay(moment: Date): string {
  return officeDayFormat.format(moment);
}

/** How far the office's clock is ahead of UTC at a moment, in milliseconds (0 in winter, an hour in summer). */
function officeOffset(moment: Date): number {
  const parts = Object.fromEntries(officeClockFormat.formatToParts(moment).map((p) => [p.type, p.value]));
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return wall - Math.floor(moment.getTime() / 1000) * 1000;
}

/** The moment an office day begins (its midnight there), as a UTC instant. */
export function officeDayStart(day: string): Date {
  const parts = dayParts(day);
  if (!parts) throw new RangeError(`Not a day: ${day}`);
  const { year, month, date } = parts;
  const midnightUtc = Date.UTC(year, month - 1, date);
  // The offset at UTC midnight, then again at the moment it gives, in case a clock change falls between.
  const first = midnightUtc - officeOffset(new Date(midnightUtc));
  return new Date(midnightUtc - officeOffset(new Date(first)));
}

/** The moment after an office day ends: the start of the next day, for "up to and including" filters. */
export function officeDayEnd(day: string): Date {
  const { year, month, date } = dayParts(day)!;
  const next = new Date(Date.UTC(year, month - 1, date + 1));
  return officeDayStart(`${pad(next.getUTCFullYear(), 4)}-${pad(next.getUTCMonth() + 1, 2)}-${pad(next.getUTCDate(), 2)}`);
}
