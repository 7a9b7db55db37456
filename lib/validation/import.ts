import { z } from 'zod';
import { IMPACT_AREAS } from '@/lib/domain/impact-areas';
import type { ImportedRisk } from '@/lib/domain/register-import';
import { parseDay } from '@/lib/domain/dates';
import { scoreOf } from '@/lib/domain/scoring';
import { today } from '@/lib/today';

/** A real calendar day, not after today in the office: nothing impossible or in the future is stored. */
export const pastDay = z
  .string()
  .refine((v) => parseDay(v) !== null, 'must be a real date written as year-month-day')
  .refine((v) => v <= today(), 'must be today or in the past');
const day = pastDay;
const factor = z.number().int().min(1).max(4);

/** A previewed risk coming back from the browser to be applied: checked again, never trusted. */
export const importedRiskSchema = z
  .object({
    ref: z.string().regex(/^[IT][1-9][0-9]*$/),
    category: z.enum(['inherent', 'topical']),
    dateIdentified: day,
    event: z.string().min(1).max(2000),
    consequences: z.array(z.string().min(1).max(1000)).max(100),
    impactAreas: z.array(z.enum(IMPACT_AREAS)).max(5),
    mitigations: z.array(z.string().min(1).max(1000)).max(200),
    likelihood: factor,
    control: factor,
    impact: factor,
    score: z.number().int(),
    dateReviewed: day.nullable(),
    summary: z.string().max(2000),
    summaryDirection: z.enum(['new', 'increased', 'reduced', 'maintained']).nullable(),
    previousScore: z.number().int().min(1).max(64).nullable(),
    reason: z.string().max(2000).nullable(),
    line: z.number().int(),
  })
  .refine((r) => r.score === scoreOf(r), { message: 'score must be L × C × I' })
  .refine((r) => r.dateReviewed === null || r.dateReviewed >= r.dateIdentified, { message: 'a review cannot be dated before the risk was identified' })
  .refine((r) => (r.ref.startsWith('I') ? r.category === 'inherent' : r.category === 'topical'), { message: 'ref and category disagree' });

export const importPayloadSchema = z.array(importedRiskSchema).min(1).max(5000);

/** Reads the preview's payload and applies the lists staff split in the preview (one item per line). */
export function readImportPayload(
  values: Record<string, string | string[]>,
): { ok: true; risks: ImportedRisk[] } | { ok: false; message: string; fieldErrors?: Record<string, string[]> } {
  let json: unknown;
  try {
    json = JSON.parse(String(values.payload ?? ''));
  } catch {
    return { ok: false, message: 'The preview could not be read back: preview the register again' };
  }
  const parsed = importPayloadSchema.safeParse(json);
  if (!parsed.success) return { ok: false, message: 'The preview could not be read back: preview the register again' };
  const words = (items: string[]) => items.join(' ').split(/\s+/).filter(Boolean).join(' ');
  const fieldErrors: Record<string, string[]> = {};
  const risks = parsed.data.map((risk) => {
    const edited = { ...risk };
    for (const key of ['consequences', 'mitigations'] as const) {
      const text = values[`edit-${risk.ref}-${key}`];
      if (typeof text !== 'string') continue;
      const items = text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean);
      if (words(items) !== words(risk[key])) {
        fieldErrors[`edit-${risk.ref}-${key}`] = [`${risk.ref} ${key}: only split the text into lines; the words must stay as imported`];
      }
      edited[key] = items;
    }
    return edited;
  });
  if (Object.keys(fieldErrors).length) return { ok: false, message: 'Some splits changed the imported words', fieldErrors };
  return { ok: true, risks };
}
