import { describe, expect, it } from 'vitest';
import { mayMoveTo, suggestedAgendaItem } from './meetings';

describe('the agenda item a flagged commitment suggests', () => {
  it('is the item a request to put on the plan names, or the commitment’s own words', () => {
    expect(suggestedAgendaItem('a report re Wiltshire Police stress related absences was put on the forward work plan for the September 2018 meeting')).toBe(
      'A report re Wiltshire Police stress related absences',
    );
    expect(suggestedAgendaItem('a full report would be submitted for the June 2018 meeting')).toBe(
      'A full report would be submitted for the June 2018 meeting',
    );
  });
});

describe('where a commitment may move', () => {
  const c = { from: { id: 1, forum: 'panel' as const, on: '2018-03-22' }, due: { id: 4, forum: 'panel' as const, on: '2018-09-27', items: [] } };
  it('to a later meeting of its forum other than the one it is due at', () => {
    expect(mayMoveTo(c, { id: 5, forum: 'panel', on: '2018-12-06' })).toBe(true);
    expect(mayMoveTo(c, { id: 4, forum: 'panel', on: '2018-09-27' })).toBe(false);
    expect(mayMoveTo(c, { id: 6, forum: 'jiac', on: '2018-12-06' })).toBe(false);
    expect(mayMoveTo(c, { id: 2, forum: 'panel', on: '2018-03-22' })).toBe(false);
  });
});
