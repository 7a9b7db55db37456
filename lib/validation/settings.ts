import { z } from 'zod';
import { readDateInput } from './date-input';

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

export type SettingsFormResult =
  { ok: true; data: z.infer<typeof settingsSchema> & { effectiveFrom: string } } | { ok: false; fieldErrors: Record<string, string[]> };

/** Reads the settings form; the effective date may be in the future (a decision taking effect later). */
export function parseSettingsForm(values: Record<string, string | string[]>): SettingsFormResult {
  const fieldErrors: Record<string, string[]> = {};
  const parsed = settingsSchema.safeParse(values);
  if (!parsed.success) Object.assign(fieldErrors, z.flattenError(parsed.error).fieldErrors);
  const date = readDateInput(values, 'effectiveFrom', 'date the decision takes effect');
  if ('error' in date) fieldErrors.effectiveFrom = [date.error];
  if (!parsed.success || 'error' in date) return { ok: false, fieldErrors };
  return { ok: true, data: { ...parsed.data, effectiveFrom: date.day } };
}
