import { parseDay } from '@/lib/domain/dates';

/** Reads a GOV.UK date input (`<name>-day`, `-month`, `-year`) into a YYYY-MM-DD day, or says what is wrong. */
export function readDateInput(
  values: Record<string, unknown>,
  name: string,
  label: string,
  options: { notAfter?: string } = {},
): { day: string } | { error: string } {
  const part = (p: string) => String(values[`${name}-${p}`] ?? '').trim();
  const [d, m, y] = [part('day'), part('month'), part('year')];
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
