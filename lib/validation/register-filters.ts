import { z } from 'zod';
import { CATEGORIES } from '@/lib/domain/categories';
import { IMPACT_AREAS } from '@/lib/domain/impact-areas';
import { BAND_NAMES } from '@/lib/domain/scoring';
import type { RegisterFilters } from '@/db/queries/risks';
import { readDayText } from '@/lib/domain/dates';
import { dayTextMessage } from './day-text';

/** A query value's first occurrence (a repeated parameter arrives as an array). */
export const one = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (one(v) === '' || one(v) === undefined ? undefined : one(v)), schema.optional());

/** The register's query string: every filter optional; values outside the lists are refused. */
export const registerFiltersSchema = z.object({
  category: optional(z.enum(CATEGORIES, { error: 'Choose a category from the list' })),
  band: optional(z.enum(BAND_NAMES, { error: 'Choose a band from the list' })),
  impactArea: optional(z.enum(IMPACT_AREAS, { error: 'Choose an impact area from the list' })),
  reviewStatus: optional(z.enum(['overdue', 'due-or-overdue'], { error: 'Choose a review status from the list' })),
});

export type FilterErrors = Partial<Record<keyof RegisterFilters, string>>;

/** Reads filters from a query string, keeping the valid ones and naming each invalid one. */
export function parseRegisterFilters(query: Record<string, string | string[] | undefined>): { filters: RegisterFilters; errors: FilterErrors } {
  const filters: RegisterFilters = {};
  const errors: FilterErrors = {};
  for (const key of Object.keys(registerFiltersSchema.shape) as Array<keyof RegisterFilters>) {
    const result = registerFiltersSchema.shape[key].safeParse(query[key]);
    if (result.success) {
      if (result.data !== undefined) (filters as Record<string, unknown>)[key] = result.data;
    } else {
      errors[key] = result.error.issues[0]?.message ?? 'Choose an option from the list';
    }
  }
  return { filters, errors };
}

/** `asAt`: a real day (typed any way readDayText takes), not after today; anything else is named as an error and ignored. */
export function parseAsAt(value: string | string[] | undefined, today: string): { asAt?: string; error?: string } {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) return {};
  const day = readDayText(raw);
  if (!day) return { error: dayTextMessage('The date') };
  if (day > today) return { error: 'The date must be today or in the past' };
  return { asAt: day };
}

/** `imported=A-U-N`, set by the import after it is applied: the counts for its banner, or null for anything else. */
export function parseImported(value: string | string[] | undefined): { added: string; updated: string; unchanged: string } | null {
  if (typeof value !== 'string' || !/^\d+-\d+-\d+$/.test(value)) return null;
  const [added = '', updated = '', unchanged = ''] = value.split('-');
  return { added, updated, unchanged };
}
