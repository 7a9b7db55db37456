import { describe, expect, it } from 'vitest';
import { ATTAINABLE_SCORES, bandOf, InvalidFactorError, isAtOrAboveAppetite, isFactor, scoreOf } from './scoring';

describe('scoreOf: L × C × I with each factor an integer 1-4', () => {
  it.each([
    [1, 1, 1, 1],
    [2, 2, 4, 16],
    [3, 2, 4, 24],
    [4, 2, 4, 32],
    [3, 4, 2, 24],
    [3, 3, 3, 27],
    [4, 4, 1, 16],
    [4, 4, 4, 64],
  ])('L%i × C%i × I%i = %i', (likelihood, control, impact, expected) => {
    expect(scoreOf({ likelihood, control, impact })).toBe(expected);
  });

  it.each([
    ['zero', 0],
    ['five', 5],
    ['a fraction', 2.5],
    ['text', '2'],
    ['a word', 'high'],
    ['negative', -1],
    ['NaN', Number.NaN],
    ['null', null],
    ['undefined', undefined],
  ])('rejects %s as a factor', (_label, bad) => {
    expect(isFactor(bad)).toBe(false);
    for (const slot of ['likelihood', 'control', 'impact'] as const) {
      const factors: Record<string, unknown> = { likelihood: 2, control: 2, impact: 2, [slot]: bad };
      expect(() => scoreOf(factors as never)).toThrow(InvalidFactorError);
    }
  });

  it('names the factor that was wrong', () => {
    expect(() => scoreOf({ likelihood: 2, control: 5, impact: 2 })).toThrow(/control must be a whole number from 1 to 4/);
  });

  it('lists the sixteen attainable scores', () => {
    expect(ATTAINABLE_SCORES).toEqual([1, 2, 3, 4, 6, 8, 9, 12, 16, 18, 24, 27, 32, 36, 48, 64]);
  });
});

describe('bandOf: minor 1-7, acceptable 8-17, moderate 18-29, high 30+', () => {
  it.each([
    [1, 'minor'],
    [7, 'minor'],
    [8, 'acceptable'],
    [17, 'acceptable'],
    [18, 'moderate'],
    [29, 'moderate'],
    [30, 'high'],
    [64, 'high'],
    [4, 'minor'],
    [16, 'acceptable'],
    [24, 'moderate'],
    [27, 'moderate'],
    [32, 'high'],
  ])('score %i is %s', (score, band) => {
    expect(bandOf(score)).toBe(band);
  });

  it.each([0, 65, 2.5, -3])('refuses %s as a score', (score) => {
    expect(() => bandOf(score)).toThrow(RangeError);
  });
});

describe('isAtOrAboveAppetite against an appetite of 30', () => {
  it.each([
    [29, false],
    [30, true],
    [32, true],
    [27, false],
    [64, true],
  ])('score %i → %s', (score, outside) => {
    expect(isAtOrAboveAppetite(score, 30)).toBe(outside);
  });

  it('follows a changed appetite', () => {
    expect(isAtOrAboveAppetite(24, 24)).toBe(true);
    expect(isAtOrAboveAppetite(24, 36)).toBe(false);
  });
});
