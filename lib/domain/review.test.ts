import { describe, expect, it } from 'vitest';
import { DEFAULT_REMOVAL_RULE } from './categories';
import { assessReview } from './review';
import { InvalidFactorError } from './scoring';

const base = { appetite: 30, removalRule: DEFAULT_REMOVAL_RULE } as const;

describe('assessReview', () => {
  it('I1 raised from L3 to L4: 32, high, at or above appetite, increased from 24, needs a reason', () => {
    const a = assessReview({ ...base, category: 'inherent', status: 'live', previousScore: 24, factors: { likelihood: 4, control: 2, impact: 4 } });
    expect(a).toMatchObject({
      score: 32,
      band: 'high',
      atOrAboveAppetite: true,
      direction: 'increased',
      reasonRequired: true,
      offerRemoval: false,
      reinstates: false,
    });
    expect(a.summary('Op Fairline')).toBe('Increased (previously 24) - Op Fairline');
  });

  it('T5 to L1 C2 I3 = 6: reduced, offered removal', () => {
    const a = assessReview({ ...base, category: 'topical', status: 'live', previousScore: 12, factors: { likelihood: 1, control: 2, impact: 3 } });
    expect(a).toMatchObject({ score: 6, band: 'minor', direction: 'reduced', offerRemoval: true });
  });

  it.each([
    ['inherent', 'live', 1, false, false],
    ['topical', 'live', 9, true, false],
    ['topical', 'live', 12, false, false],
    ['topical', 'archived', 9, false, false],
    ['topical', 'archived', 12, false, true],
  ] as const)('%s %s at %i: offer removal %s, reinstates %s', (category, status, score, offer, reinstates) => {
    const factors = { 1: [1, 1, 1], 9: [3, 3, 1], 12: [3, 2, 2] }[score]!;
    const a = assessReview({ ...base, category, status, previousScore: score, factors: { likelihood: factors[0], control: factors[1], impact: factors[2] } });
    expect([a.offerRemoval, a.reinstates]).toEqual([offer, reinstates]);
  });

  it('an unchanged score needs no reason; a new risk is NEW', () => {
    expect(
      assessReview({ ...base, category: 'topical', status: 'live', previousScore: 16, factors: { likelihood: 2, control: 2, impact: 4 } }).reasonRequired,
    ).toBe(false);
    const fresh = assessReview({ ...base, category: 'topical', status: 'live', previousScore: null, factors: { likelihood: 2, control: 2, impact: 4 } });
    expect(fresh.direction).toBe('new');
    expect(fresh.summary(null)).toBe('NEW');
  });

  it('refuses factors outside 1-4', () => {
    expect(() => assessReview({ ...base, category: 'topical', status: 'live', previousScore: 8, factors: { likelihood: 5, control: 2, impact: 2 } })).toThrow(
      InvalidFactorError,
    );
  });
});
