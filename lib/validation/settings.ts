import { z } from 'zod';
import { dateField, withDateInputs } from './date-input';
import { LIMITS, tooLong } from './limits';

const wholeNumber = (label: string) =>
  z.coerce
    .number({ error: `Enter the ${label} as a whole number from 1 to 64` })
    .int(`Enter the ${label} as a whole number from 1 to 64`)
    .min(1, `Enter the ${label} as a whole number from 1 to 64`)
    .max(64, `Enter the ${label} as a whole number from 1 to 64`);

const text = (label: string, max = 200) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `${label[0]!.toUpperCase()}${label.slice(1)} must be ${max} characters or fewer`);

export const settingsSchema = z.object({
  appetite: z.preprocess((v) => (v === '' ? undefined : v), wholeNumber('risk appetite')),
  removalComparator: z.enum(['<', '<='], { error: 'Select how the removal threshold applies' }),
  removalThreshold: z.preprocess((v) => (v === '' ? undefined : v), wholeNumber('removal threshold')),
  likelihoodName: text('the name of L', LIMITS.factorName),
  controlName: text('the name of C', LIMITS.factorName),
  controlScale: text('what the C scale means', LIMITS.controlScale),
  impactName: text('the name of I', LIMITS.factorName),
  approvedBy: text('who approved the decision', LIMITS.approvedBy),
  minuteRef: z.string().trim().max(LIMITS.minuteRef, tooLong('Minute reference', LIMITS.minuteRef)).default(''),
});

/** The settings form, whole; the effective date may be in the future (a decision taking effect later). */
export const settingsFormSchema = withDateInputs(['effectiveFrom'], settingsSchema.extend({ effectiveFrom: dateField('date the decision takes effect') }));
