import { describe, expect, it } from 'vitest';
import { findingDeadline, findingReference, isActionOverdue, s55DueOn, s55Warning } from './inspections';

describe('the s.55 response', () => {
  it.each([
    ['2019-05-02', '2019-06-27'],
    ['2017-03-22', '2017-05-17'],
  ])('published %s → due %s (56 days)', (published, due) => {
    expect(s55DueOn(published)).toBe(due);
  });

  it.each([
    ['2026-11-01', 'not-started', '2026-11-24', null],
    ['2026-10-14', 'drafted', '2026-11-24', null],
    ['2026-10-13', 'drafted', '2026-11-24', { level: 'due-soon', dueOn: '2026-12-08', days: 14 }],
    ['2026-09-01', 'comments-requested', '2026-11-24', { level: 'overdue', dueOn: '2026-10-27', days: 28 }],
    ['2026-09-01', 'published', '2026-11-24', null],
  ] as const)('published %s, %s, on %s → %j', (published, status, today, warning) => {
    expect(s55Warning(published, status, today)).toEqual(warning);
  });
});

describe('deadlines, references, overdue actions', () => {
  it('within three months of publication', () => {
    expect(findingDeadline('2019-05-02', 3)).toBe('2019-08-02');
    expect(findingDeadline('2019-05-02', null)).toBeNull();
  });

  it('references by force, year, kind and number', () => {
    expect(findingReference('Wiltshire Police', '2018/19', 'area-for-improvement', 1)).toBe('WILT-201819-AFI-01');
    expect(findingReference('Northshire Constabulary', '2021/22', 'cause-of-concern', 2)).toBe('NORT-202122-COC-02');
  });

  it.each([
    ['2026-11-23', 'in-progress', true],
    ['2026-11-24', 'in-progress', false],
    ['2026-11-01', 'completed', false],
    ['2026-11-01', 'cancelled', false],
    ['2026-11-01', 'not-started', true],
  ] as const)('due %s, %s → overdue %s on 24 November 2026', (dueOn, status, overdue) => {
    expect(isActionOverdue({ dueOn, status }, '2026-11-24')).toBe(overdue);
  });
});
