import { describe, expect, it } from 'vitest';
import { normaliseImpactArea, sortImpactAreas } from './impact-areas';

describe('normaliseImpactArea', () => {
  it.each([
    ['Operational delivery', 'Operational Delivery'],
    ['Operational Delivery', 'Operational Delivery'],
    ['Reputation', 'Reputational'],
    [' reputational ', 'Reputational'],
    ['Financial', 'Financial'],
    ['Legal', 'Legal'],
    ['Performance', 'Performance'],
    ['Weather', null],
  ])('%j → %j', (printed, expected) => {
    expect(normaliseImpactArea(printed)).toBe(expected);
  });

  it('sorts into vocabulary order without duplicates', () => {
    expect(sortImpactAreas(['Reputational', 'Financial', 'Reputational'])).toEqual(['Financial', 'Reputational']);
  });
});
