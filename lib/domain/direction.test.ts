import { describe, expect, it } from 'vitest';
import { deriveHistory, directionOf, summaryText } from './direction';

describe('directionOf', () => {
  it.each([
    [null, 24, 'new'],
    [16, 24, 'increased'],
    [32, 24, 'reduced'],
    [16, 16, 'maintained'],
  ] as const)('previous %s → %i is %s', (previous, score, direction) => {
    expect(directionOf(previous, score)).toBe(direction);
  });
});

describe('the Summary text of the register of 4 May 2018', () => {
  it.each([
    [
      'I1',
      [{ score: 16 }, { score: 24, reason: 'due to impact of Op Fairline on resources' }],
      'increased',
      16,
      'Increased (previously 16) - due to impact of Op Fairline on resources',
    ],
    [
      'I8',
      [{ score: 32 }, { score: 24, reason: 'Gold Group established and working through issues' }],
      'reduced',
      32,
      'Reduced (previously 32) - Gold Group established and working through issues',
    ],
    ['T7', [{ score: 24, reason: null }], 'new', null, 'NEW'],
    ['I2', [{ score: 16 }, { score: 16, reason: 'business as usual' }], 'maintained', 16, 'Maintain - business as usual'],
    ['T6', [{ score: 24 }, { score: 16, reason: '' }], 'reduced', 24, 'Reduced (previously 24)'],
  ] as const)('%s', (_ref, reviews, direction, previous, summary) => {
    const history = deriveHistory(reviews as ReadonlyArray<{ score: number; reason?: string | null }>);
    const latest = history.at(-1)!;
    expect(latest.direction).toBe(direction);
    expect(latest.previousScore).toBe(previous);
    expect(latest.summary).toBe(summary);
  });

  it('derives every step of a longer history', () => {
    const history = deriveHistory([{ score: 8 }, { score: 12, reason: 'a' }, { score: 12, reason: 'b' }, { score: 4, reason: 'c' }]);
    expect(history.map((h) => h.summary)).toEqual(['NEW', 'Increased (previously 8) - a', 'Maintain - b', 'Reduced (previously 12) - c']);
  });

  it('keeps a reason on a new risk when one is given', () => {
    expect(summaryText('new', null, 'raised at CMB')).toBe('NEW - raised at CMB');
  });
});
