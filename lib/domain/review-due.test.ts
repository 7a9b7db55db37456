import { describe, expect, it } from 'vitest';
import { reviewDue, reviewDueOn } from './review-due';

describe('reviewDueOn: a calendar month after the last review', () => {
  it.each([
    ['2018-05-04', '2018-06-04'],
    ['2018-05-08', '2018-06-08'],
    ['2019-01-31', '2019-02-28'],
    ['2020-01-31', '2020-02-29'],
    ['2018-12-15', '2019-01-15'],
  ])('%s → %s', (last, due) => {
    expect(reviewDueOn(last)).toBe(due);
  });

  it('gives no due date for a stored day that does not exist, and the risk is due now rather than an error', () => {
    expect(reviewDueOn('2018-02-30')).toBeNull();
    expect(reviewDue('2026-02-31', '2026-12-07')).toEqual({ status: 'due', dueOn: null, daysOverdue: 0 });
  });
});

describe('reviewDue on a fixed today', () => {
  it.each([
    ['2018-05-04', '2018-05-20', 'up-to-date', 0],
    ['2018-05-04', '2018-05-27', 'up-to-date', 0],
    ['2018-05-04', '2018-05-28', 'due', 0],
    ['2018-05-04', '2018-06-04', 'due', 0],
    ['2018-05-04', '2018-06-05', 'overdue', 1],
    ['2018-05-04', '2018-07-04', 'overdue', 30],
    ['2018-05-04', '2026-11-24', 'overdue', 3095],
  ] as const)('last %s, today %s → %s (%i days overdue)', (last, today, status, days) => {
    const due = reviewDue(last, today);
    expect(due.status).toBe(status);
    expect(due.daysOverdue).toBe(days);
  });

  it('treats a risk with no dated review as due now', () => {
    expect(reviewDue(null, '2018-05-04')).toEqual({ status: 'due', dueOn: null, daysOverdue: 0 });
  });
});

describe('review due dates agree with date-fns on every day', () => {
  it('from 2015 to 2030, due a calendar month later, and the days overdue', async () => {
    const { addDays, addMonths, differenceInCalendarDays, format } = await import('date-fns');
    const today = new Date(2023, 5, 15);
    for (let date = new Date(2015, 0, 1); date.getFullYear() < 2031; date = addDays(date, 1)) {
      const day = format(date, 'yyyy-MM-dd');
      const due = format(addMonths(date, 1), 'yyyy-MM-dd');
      expect(reviewDueOn(day)).toBe(due);
      const days = differenceInCalendarDays(today, addMonths(date, 1));
      expect(reviewDue(day, '2023-06-15').daysOverdue).toBe(days > 0 ? days : 0);
    }
  });
});
