import { describe, expect, it } from 'vitest';
import { describeOverdue } from './durations';

describe('describeOverdue', () => {
  it.each([
    ['2018-06-04', '2018-06-04', 'not overdue'],
    ['2018-06-04', '2018-06-05', '1 day'],
    ['2018-06-04', '2018-06-20', '16 days'],
    ['2018-06-04', '2018-08-10', '2 months'],
    ['2018-06-04', '2019-06-04', '1 year'],
    ['2018-06-04', '2026-11-24', '8 years 5 months'],
  ])('due %s, today %s → %s', (due, today, text) => {
    expect(describeOverdue(due, today)).toBe(text);
  });
});
