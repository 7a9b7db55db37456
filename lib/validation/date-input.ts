import { z } from 'zod';
import { parseDay } from '@/lib/domain/dates';

type DateParts = { day: string; month: string; year: string };

/** Reads a GOV.UK date input (`<name>-day`, `-month`, `-year`) into a YYYY-MM-DD day, or says what is wrong. */
export function readDateInput(
  values: Record<string, unknown>,
  name: string,
  label: string,
  options: { notAfter?: string } = {},
): { day: string } | { error: string } {
  const part = (p: string) => String(values[`${name}-${p}`] ?? '').trim();
  return readDateParts({ day: part('day'), month: part('month'), year: part('year') }, label, options);
}

/** The three boxes of a date input as a YYYY-MM-DD day, or what is wrong with them. */
function readDateParts(parts: DateParts, label: string, options: { notAfter?: string }): { day: string } | { error: string } {
  const [d, m, y] = [parts.day.trim(), parts.month.trim(), parts.year.trim()];
  if (!d && !m && !y) return { error: `Enter the ${label}` };
  const missing = [!d && 'day', !m && 'month', !y && 'year'].filter(Boolean) as string[];
  if (missing.length) return { error: `The ${label} must include a ${missing.join(' and ')}` };
  if (![d, m, y].every((v) => /^\d+$/.test(v)) || y.length !== 4) return { error: `The ${label} must be a real date, like 4 5 2018` };
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  if (!parseDay(iso)) return { error: `The ${label} must be a real date, like 4 5 2018` };
  if (options.notAfter && iso > options.notAfter) return { error: `The ${label} must be today or in the past` };
  return { day: iso };
}

/** Splits a YYYY-MM-DD day into the date input's three fields. */
export function dateInputValues(name: string, day: string): Record<string, string> {
  const [y, m, d] = day.split('-');
  return { [`${name}-day`]: String(Number(d)), [`${name}-month`]: String(Number(m)), [`${name}-year`]: y ?? '' };
}

/**
 * A GOV.UK date input as one field of a form's schema: its three boxes, gathered by withDateInputs, become
 * one YYYY-MM-DD day, or an error named against the field. `notAfter` is read at each parse (today).
 */
export function dateField(label: string, options: { notAfter?: () => string } = {}) {
  return z.object({ day: z.string(), month: z.string(), year: z.string() }).transform((parts: DateParts, ctx) => {
    const read = readDateParts(parts, label, { notAfter: options.notAfter?.() });
    if ('error' in read) {
      ctx.addIssue({ code: 'custom', message: read.error });
      return z.NEVER;
    }
    return read.day;
  });
}

/** An optional date input: empty boxes are no date (null); anything typed must be a real date. */
export function optionalDateField(label: string, options: { notAfter?: () => string } = {}) {
  return z.preprocess((parts) => {
    const { day, month, year } = parts as DateParts;
    return day || month || year ? parts : undefined;
  }, dateField(label, options).optional());
}

/** Gathers the three boxes of each named date input (`name-day`, `-month`, `-year`) under `name`, for dateField. */
export function withDateInputs<S extends z.ZodType>(names: readonly string[], schema: S) {
  return z.preprocess((input) => {
    const values = { ...(input as Record<string, unknown>) };
    const box = (name: string, part: string) => String(values[`${name}-${part}`] ?? '').trim();
    for (const name of names) values[name] = { day: box(name, 'day'), month: box(name, 'month'), year: box(name, 'year') };
    return values;
  }, schema);
}
