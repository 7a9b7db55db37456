import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, settingInForce } from './settings';

describe('settingInForce: the latest effective on or before the day', () => {
  const appetite = [
    { effectiveFrom: '2017-01-01', value: 30 },
    { effectiveFrom: '2019-04-01', value: 24 },
  ];
  it.each([
    ['2016-12-31', null],
    ['2017-01-01', 30],
    ['2018-05-04', 30],
    ['2019-03-31', 30],
    ['2019-04-01', 24],
    ['2026-11-24', 24],
  ])('on %s → %s', (day, value) => {
    expect(settingInForce(appetite, day)).toBe(value);
  });

  it('defaults to the paper: appetite 30, removal under 10, C is control', () => {
    expect(DEFAULT_SETTINGS.appetite).toBe(30);
    expect([DEFAULT_SETTINGS.removalComparator, DEFAULT_SETTINGS.removalThreshold]).toEqual(['<', 10]);
    expect(DEFAULT_SETTINGS.factors.control.name).toBe('Control');
    expect(DEFAULT_SETTINGS.factors.control.scale).toBe('1 = strong, 4 = limited');
  });
});
