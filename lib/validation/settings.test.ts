import { describe, expect, it } from 'vitest';
import { parseSettingsForm } from './settings';

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

describe('parseSettingsForm', () => {
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
