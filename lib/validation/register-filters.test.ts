import { describe, expect, it } from 'vitest';
import { parseAsAt, parseImported, parseRegisterFilters } from './register-filters';

describe('parseRegisterFilters', () => {
  it('reads every filter', () => {
    expect(parseRegisterFilters({ category: 'topical', band: 'moderate', impactArea: 'Legal', reviewStatus: 'overdue' })).toEqual({
      filters: { category: 'topical', band: 'moderate', impactArea: 'Legal', reviewStatus: 'overdue' },
      errors: {},
    });
  });

  it('treats empty values as no filter', () => {
    expect(parseRegisterFilters({ category: '', band: undefined })).toEqual({ filters: {}, errors: {} });
  });

  it('keeps valid filters and names each invalid one', () => {
    const result = parseRegisterFilters({ category: 'inherent', band: 'huge', impactArea: 'Weather' });
    expect(result.filters).toEqual({ category: 'inherent' });
    expect(result.errors).toEqual({ band: 'Choose a band from the list', impactArea: 'Choose an impact area from the list' });
  });

  it('takes the first of repeated values', () => {
    expect(parseRegisterFilters({ category: ['topical', 'inherent'] }).filters).toEqual({ category: 'topical' });
  });
});

describe('parseAsAt', () => {
  it.each([
    [undefined, {}],
    ['2018-05-04', { asAt: '2018-05-04' }],
    ['2018-02-30', { error: 'The date must be a real date, like 4/5/2018, 4 May 2018 or 2018-05-04' }],
    ['4 May 2018', { asAt: '2018-05-04' }],
    ['4/5/2018', { asAt: '2018-05-04' }],
    ['5/4', { error: 'The date must be a real date, like 4/5/2018, 4 May 2018 or 2018-05-04' }],
    ['2099-01-01', { error: 'The date must be today or in the past' }],
  ])('%j → %j', (value, expected) => {
    expect(parseAsAt(value, '2026-11-24')).toEqual(expected);
  });
});

describe('parseImported', () => {
  it('reads the counts an applied import puts in the address', () => {
    expect(parseImported('3-12-1')).toEqual({ added: '3', updated: '12', unchanged: '1' });
  });
  it('shows no banner for anything else', () => {
    for (const value of [undefined, '', '3-12', '3-12-1-4', 'a-b-c', '<b>-1-1', ['3-12-1', '1-1-1']]) expect(parseImported(value)).toBeNull();
  });
});
