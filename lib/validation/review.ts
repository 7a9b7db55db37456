/**
 * The review form: factors, date, forum, reason, and the text and mitigation changes that go with a
 * review. Every problem is named against its field; nothing is thrown for bad input.
 */
import { z } from 'zod';
import { FORUMS } from '@/lib/domain/forums';
import { IMPACT_AREAS } from '@/lib/domain/impact-areas';
import { today as currentDay } from '@/lib/today';
import { dateField, optionalDateField, withDateInputs } from './date-input';
import { LIMITS, tooLong } from '@/lib/validation/limits';

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
  reason: z.string().trim().max(LIMITS.reason, tooLong('Reason', LIMITS.reason)).default(''),
  event: z.string({ error: 'Enter the event' }).trim().min(1, 'Enter the event').max(LIMITS.event, tooLong('Event', LIMITS.event)),
  consequences: z.preprocess(
    lines,
    z.array(z.string().max(LIMITS.consequence, tooLong('Each consequence', LIMITS.consequence))).min(1, 'Enter at least one consequence'),
  ),
  impactAreas: z.preprocess(
    (v) => (Array.isArray(v) ? v : v ? [v] : []),
    z.array(z.enum(IMPACT_AREAS, { error: 'Select impact areas from the list' })).min(1, 'Select at least one main impact area'),
  ),
  ownerId: optionalId,
  newMitigations: z.preprocess(lines, z.array(z.string().max(LIMITS.mitigation, tooLong('Each mitigation', LIMITS.mitigation)))),
  newMitigationsOwnerId: optionalId,
  remove: z.enum(['yes', 'no']).optional(),
  removalReason: z.string().trim().max(LIMITS.removalReason, tooLong('Reason', LIMITS.removalReason)).default(''),
});

export type MitigationChange = { id: number; text: string; ownerId: number | null; retire: boolean };

const MITIGATION_TEXT = /^mitigation-(\d+)-text$/;

/** The mitigations the form showed, each `mitigation-ID-text`, `-owner` and `-retire`: kept, edited or retired. */
function mitigationChanges(values: Record<string, unknown>): MitigationChange[] {
  return Object.keys(values).flatMap((key) => {
    const id = MITIGATION_TEXT.exec(key)?.[1];
    if (!id) return [];
    const owner = String(values[`mitigation-${id}-owner`] ?? '');
    return [
      {
        id: Number(id),
        text: String(values[key] ?? '').trim(),
        ownerId: /^\d+$/.test(owner) ? Number(owner) : null,
        retire: values[`mitigation-${id}-retire`] === 'yes',
      },
    ];
  });
}

/** Each mitigation shown is either kept with its text or ticked to retire; checked even when other fields fail. */
function checkMitigations(values: Record<string, unknown>, ctx: z.RefinementCtx) {
  for (const change of mitigationChanges(values)) {
    const path = [`mitigation-${change.id}-text`];
    if (!change.text && !change.retire) ctx.addIssue({ code: 'custom', path, message: 'Enter the mitigation, or tick “Retire” to remove it' });
    else if (change.text.length > LIMITS.mitigation) ctx.addIssue({ code: 'custom', path, message: tooLong('Each mitigation', LIMITS.mitigation) });
  }
}

/**
 * The whole review form: which risk, whether to check the score or save, where to go back to, and the review
 * with the text and mitigation changes that go with it. A mitigation the form did not show (someone else added
 * it meanwhile) is not in the answer, so it is left as it is.
 */
export function makeReviewFormSchema(today: () => string) {
  return withDateInputs(
    ['reviewedOn'],
    z
      .looseObject({
        ref: z.string().regex(/^[IT][1-9][0-9]*$/, 'This risk could not be found'),
        intent: z.enum(['check', 'save']).default('save'),
        returnTo: z.enum(['risk', 'monthly']).default('risk'),
        proposalId: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().positive().optional()),
        ...reviewCoreSchema.shape,
        reviewedOn: dateField('review date', { notAfter: today }),
      })
      .superRefine(checkMitigations, { when: () => true })
      .transform((data) => ({ ...data, mitigations: mitigationChanges(data) })),
  );
}

export const reviewFormSchema = makeReviewFormSchema(currentDay);

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
  reason: z.string().trim().max(LIMITS.reason, tooLong('Reason', LIMITS.reason)).default(''),
});

/** The new risk form, whole: the risk, its first score and the day it was identified (not in the future). */
export function makeNewRiskFormSchema(today: () => string) {
  return withDateInputs(['dateIdentified'], newRiskSchema.extend({ dateIdentified: dateField('date identified', { notAfter: today }) }));
}

export const newRiskFormSchema = makeNewRiskFormSchema(currentDay);

/**
 * A correction of a recorded review: the values it should have held and why the original was wrong. The
 * date may be left empty only for a review recorded without one (correctionProblem says so otherwise).
 */
export function makeCorrectionFormSchema(today: () => string) {
  return withDateInputs(
    ['reviewedOn'],
    z.object({
      ref: z.string().regex(/^[IT][1-9][0-9]*$/, 'This risk could not be found'),
      reviewId: z.coerce.number({ error: 'Reload the page and try again' }).int().positive(),
      expectedCorrectionId: optionalId,
      reviewedOn: optionalDateField('date of the review', { notAfter: today }),
      forum: z.enum(FORUMS, { error: 'Select the forum that reviewed the risk' }),
      likelihood: reviewCoreSchema.shape.likelihood,
      control: reviewCoreSchema.shape.control,
      impact: reviewCoreSchema.shape.impact,
      reason: reviewCoreSchema.shape.reason,
      why: z
        .string({ error: 'Enter why the review as recorded was wrong' })
        .trim()
        .min(1, 'Enter why the review as recorded was wrong')
        .max(LIMITS.correctionWhy, tooLong('Why it was wrong', LIMITS.correctionWhy)),
    }),
  );
}

export const correctionFormSchema = makeCorrectionFormSchema(currentDay);
