import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { settingsFormSchema } from './settings';

/** The form as authedAction reads it: the data, or each field's errors. */
function parseSettingsForm(values: Record<string, unknown>) {
  const result = settingsFormSchema.safeParse(values);
  return result.success
    ? { ok: true as const, data: result.data }
    : { ok: false as const, fieldErrors: z.flattenError(result.error).fieldErrors as Record<string, string[]> };
}

const valid = {
  appetite: '24',
  removalComparator: '<',
  removalThreshold: '10',
  likelihoodName: 'Likelihood',
  controlName: 'Control',
  controlScale: '1 = strong, 4 = limited',
  impactName: 'Impact',
  approvedBy: "Commissioner's Monitoring Board",
  minuteRef: 'CMB 12/2026 item 4',
  'effectiveFrom-day': '1',
  'effectiveFrom-month': '12',
  'effectiveFrom-year': '2026',
};

describe('the settings form schema', () => {
  it('reads a decision', () => {
    const result = parseSettingsForm(valid);
    expect(result).toEqual({
      ok: true,
      data: expect.objectContaining({ appetite: 24, removalComparator: '<', removalThreshold: 10, effectiveFrom: '2026-12-01' }),
    });
  });

  it.each([
    ['appetite', '0', 'Enter the risk appetite as a whole number from 1 to 64'],
    ['appetite', '65', 'Enter the risk appetite as a whole number from 1 to 64'],
    ['appetite', 'thirty', 'Enter the risk appetite as a whole number from 1 to 64'],
    ['appetite', '', 'Enter the risk appetite as a whole number from 1 to 64'],
    ['removalComparator', '>', 'Select how the removal threshold applies'],
    ['approvedBy', ' ', 'Enter who approved the decision'],
  ])('%s = %j → %s', (field, value, message) => {
    const result = parseSettingsForm({ ...valid, [field]: value });
    expect(result.ok === false && result.fieldErrors[field]).toEqual([message]);
  });
});
