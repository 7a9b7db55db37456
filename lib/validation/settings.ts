import { z } from 'zod';
import { dateField, withDateInputs } from './date-input';

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
  likelihoodName: text('the name of L', 40),
  controlName: text('the name of C', 40),
  controlScale: text('what the C scale means', 80),
  impactName: text('the name of I', 40),
  approvedBy: text('who approved the decision'),
  minuteRef: z.string().trim().max(300, 'Minute reference must be 300 characters or fewer').default(''),
});

/** The settings form, whole; the effective date may be in the future (a decision taking effect later). */
export const settingsFormSchema = withDateInputs(['effectiveFrom'], settingsSchema.extend({ effectiveFrom: dateField('date the decision takes effect') }));
