import { describe, expect, it } from 'vitest';
import { compareRefs, describeRemovalRule, isEligibleForRemoval, nextRef, parseRef } from './categories';

describe('isEligibleForRemoval: topical under 10 leave; inherent never', () => {
  it.each([
    ['topical', 9, true],
    ['topical', 8, true],
    ['topical', 1, true],
    ['topical', 12, false],
    ['topical', 10, false],
    ['topical', 16, false],
    ['inherent', 1, false],
    ['inherent', 4, false],
    ['inherent', 9, false],
  ] as const)('%s risk at %i → %s', (category, score, eligible) => {
    expect(isEligibleForRemoval(category, score)).toBe(eligible);
  });

  it('honours a "10 or under" comparator set by the board', () => {
    expect(isEligibleForRemoval('topical', 10, { comparator: '<=', threshold: 10 })).toBe(true);
    expect(isEligibleForRemoval('topical', 12, { comparator: '<=', threshold: 10 })).toBe(false);
    expect(isEligibleForRemoval('inherent', 1, { comparator: '<=', threshold: 10 })).toBe(false);
  });

  it('describes the rule as the banner prints it', () => {
    expect(describeRemovalRule({ comparator: '<', threshold: 10 })).toBe('under 10');
    expect(describeRemovalRule({ comparator: '<=', threshold: 10 })).toBe('10 or under');
  });
});

describe('nextRef: one past the highest ever issued in the category', () => {
  const paper = ['I1', 'I2', 'I3', 'I4', 'I5', 'I6', 'I7', 'I8', 'I9', 'I10', 'T1', 'T3', 'T4', 'T5', 'T6', 'T7'];
  it.each([
    ['topical', paper, 'T8'],
    ['inherent', paper, 'I11'],
    ['topical', [], 'T1'],
    ['inherent', ['T4'], 'I1'],
    ['topical', ['T1', 'T9', 'T3'], 'T10'],
  ] as const)('%s after %j is %s', (category, refs, expected) => {
    expect(nextRef(category, refs)).toBe(expected);
  });

  it('never reuses a gap: T2 is gone but the next is T8', () => {
    expect(nextRef('topical', ['T1', 'T3', 'T7'])).not.toBe('T2');
  });
});

describe('parseRef and compareRefs', () => {
  it.each([
    ['I1', { category: 'inherent', number: 1 }],
    ['t7', { category: 'topical', number: 7 }],
    ['I10', { category: 'inherent', number: 10 }],
    ['14', null],
    ['X1', null],
    ['T0', null],
    ['', null],
  ])('parseRef(%j)', (ref, expected) => {
    expect(parseRef(ref)).toEqual(expected);
  });

  it('orders inherent before topical and by number', () => {
    expect(['T1', 'I10', 'I2', 'T7', 'I1'].sort(compareRefs)).toEqual(['I1', 'I2', 'I10', 'T1', 'T7']);
  });
});
