/**
 * The review form: factors, date, forum, reason, and the text and mitigation changes that go with a
 * review. Every problem is named against its field; nothing is thrown for bad input.
 */
import { z } from 'zod';
import { FORUMS } from '@/lib/domain/forums';
import { IMPACT_AREAS, type ImpactArea } from '@/lib/domain/impact-areas';
import { readDateInput } from './date-input';

const REVIEW_FORUMS = FORUMS.filter((f) => f !== 'import') as Exclude<(typeof FORUMS)[number], 'import'>[];

const factor = (name: string, article = 'a') =>
  z.coerce
    .number({ error: `Select ${article} ${name} score from 1 to 4` })
    .int(`Select ${article} ${name} score from 1 to 4`)
    .min(1, `Select ${article} ${name} score from 1 to 4`)
    .max(4, `Select ${article} ${name} score from 1 to 4`);

const lines = (value: unknown) =>
  String(value ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/^[•\-*]\s*/, ''))
    .filter(Boolean);

const optionalId = z.preprocess((v) => (v === '' || v === undefined || v === null ? null : v), z.coerce.number().int().positive().nullable());

export const reviewCoreSchema = z.object({
  version: z.coerce.number({ error: 'Reload the page and try again' }).int().positive(),
  forum: z.enum(REVIEW_FORUMS, { error: 'Select the forum that reviewed the risk' }),
  likelihood: z.preprocess((v) => (v === '' ? undefined : v), factor('likelihood')),
  control: z.preprocess((v) => (v === '' ? undefined : v), factor('control')),
  impact: z.preprocess((v) => (v === '' ? undefined : v), factor('impact', 'an')),
  reason: z.string().trim().max(2000, 'Reason must be 2,000 characters or fewer').default(''),
  event: z.string({ error: 'Enter the event' }).trim().min(1, 'Enter the event').max(2000, 'Event must be 2,000 characters or fewer'),
  consequences: z.preprocess(
    lines,
    z.array(z.string().max(1000, 'Each consequence must be 1,000 characters or fewer')).min(1, 'Enter at least one consequence'),
  ),
  impactAreas: z.preprocess(
    (v) => (Array.isArray(v) ? v : v ? [v] : []),
    z.array(z.enum(IMPACT_AREAS, { error: 'Select impact areas from the list' })).min(1, 'Select at least one main impact area'),
  ),
  ownerId: optionalId,
  newMitigations: z.preprocess(lines, z.array(z.string().max(1000, 'Each mitigation must be 1,000 characters or fewer'))),
  newMitigationsOwnerId: optionalId,
  remove: z.enum(['yes', 'no']).optional(),
  removalReason: z.string().trim().max(2000, 'Reason must be 2,000 characters or fewer').default(''),
});

export type MitigationChange = { id: number; text: string; ownerId: number | null; retire: boolean };

export type ReviewForm = Omit<z.infer<typeof reviewCoreSchema>, 'impactAreas'> & {
  impactAreas: ImpactArea[];
  reviewedOn: string;
  mitigations: MitigationChange[];
};

export type ReviewFormResult = { ok: true; data: ReviewForm } | { ok: false; fieldErrors: Record<string, string[]> };

/** Reads and checks the whole review form for a risk whose current mitigations have these ids. */
export function parseReviewForm(values: Record<string, string | string[]>, context: { today: string; mitigationIds: number[] }): ReviewFormResult {
  const fieldErrors: Record<string, string[]> = {};
  const parsed = reviewCoreSchema.safeParse(values);
  if (!parsed.success) Object.assign(fieldErrors, z.flattenError(parsed.error).fieldErrors);
  const date = readDateInput(values, 'reviewedOn', 'review date', { notAfter: context.today });
  if ('error' in date) fieldErrors['reviewedOn'] = [date.error];
  const mitigations: MitigationChange[] = [];
  for (const id of context.mitigationIds) {
    // A mitigation the form did not show (someone else added it meanwhile) is left as it is.
    if (!(`mitigation-${id}-text` in values)) continue;
    const text = String(values[`mitigation-${id}-text`] ?? '').trim();
    const retire = values[`mitigation-${id}-retire`] === 'yes';
    const owner = String(values[`mitigation-${id}-owner`] ?? '');
    if (!text && !retire) fieldErrors[`mitigation-${id}-text`] = ['Enter the mitigation, or tick “Retire” to remove it'];
    if (text.length > 1000) fieldErrors[`mitigation-${id}-text`] = ['Each mitigation must be 1,000 characters or fewer'];
    mitigations.push({ id, text, ownerId: /^\d+$/.test(owner) ? Number(owner) : null, retire });
  }
  if (Object.keys(fieldErrors).length || !parsed.success || 'error' in date) return { ok: false, fieldErrors };
  return { ok: true, data: { ...parsed.data, reviewedOn: date.day, mitigations } };
}

/** A new risk: category, when it was identified, its text, and its first score. */
export const newRiskSchema = z.object({
  category: z.enum(['inherent', 'topical'], { error: 'Select whether the risk is inherent or topical' }),
  forum: z.enum(REVIEW_FORUMS, { error: 'Select the forum that agreed the risk' }),
  likelihood: reviewCoreSchema.shape.likelihood,
  control: reviewCoreSchema.shape.control,
  impact: reviewCoreSchema.shape.impact,
  event: reviewCoreSchema.shape.event,
  consequences: reviewCoreSchema.shape.consequences,
  impactAreas: reviewCoreSchema.shape.impactAreas,
  mitigations: reviewCoreSchema.shape.newMitigations,
  ownerId: optionalId,
  reason: z.string().trim().max(2000, 'Reason must be 2,000 characters or fewer').default(''),
});

export type NewRiskFormResult =
  { ok: true; data: z.infer<typeof newRiskSchema> & { dateIdentified: string } } | { ok: false; fieldErrors: Record<string, string[]> };

/** Reads and checks the new risk form. */
export function parseNewRiskForm(values: Record<string, string | string[]>, context: { today: string }): NewRiskFormResult {
  const fieldErrors: Record<string, string[]> = {};
  const parsed = newRiskSchema.safeParse(values);
  if (!parsed.success) Object.assign(fieldErrors, z.flattenError(parsed.error).fieldErrors);
  const date = readDateInput(values, 'dateIdentified', 'date identified', { notAfter: context.today });
  if ('error' in date) fieldErrors['dateIdentified'] = [date.error];
  if (!parsed.success || 'error' in date) return { ok: false, fieldErrors };
  return { ok: true, data: { ...parsed.data, dateIdentified: date.day } };
}
