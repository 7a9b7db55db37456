import { addDays, format, isValid, parse } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { formatDay, officeDay, officeDayEnd, officeDayStart, parseDay, readDayText, toDay } from './dates';

/** What the functions did when they were written with date-fns, kept as the reference. */
const reference = {
  parseDay(day: string): Date | null {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
    const date = parse(day, 'yyyy-MM-dd', new Date(2000, 0, 1));
    return isValid(date) && format(date, 'yyyy-MM-dd') === day ? date : null;
  },
  formatDay: (day: string) => {
    const date = reference.parseDay(day);
    return date ? format(date, 'd MMMM yyyy') : 'Not recorded';
  },
};

describe('day dates', () => {
  it('agree with date-fns on every day from 2015 to 2030', () => {
    for (let date = new Date(2015, 0, 1); date.getFullYear() < 2031; date = addDays(date, 1)) {
      const day = format(date, 'yyyy-MM-dd');
      expect(toDay(date)).toBe(day);
      expect(parseDay(day)?.getTime()).toBe(reference.parseDay(day)?.getTime());
      expect(formatDay(day)).toBe(reference.formatDay(day));
    }
  });

  it('refuse impossible and malformed days as date-fns did', () => {
    for (const day of [
      '2018-02-30',
      '2019-02-29',
      '2018-13-01',
      '2018-00-10',
      '2018-04-31',
      '31-13-2018',
      '2018-5-4',
      ' 2018-05-04',
      '2018-05-04T00:00',
      '0000-00-00',
    ]) {
      expect(parseDay(day)).toBeNull();
      expect(reference.parseDay(day)).toBeNull();
      expect(formatDay(day)).toBe(`Unreadable date “${day}”`);
    }
    expect(formatDay('')).toBe('Not recorded');
    expect(formatDay('2020-02-29')).toBe('29 February 2020');
    expect(formatDay('0099-01-05')).toBe(reference.formatDay('0099-01-05'));
    expect(formatDay(null, 'Date not recorded')).toBe('Date not recorded');
  });
});

describe('day arithmetic without Date', () => {
  it('dayNumber counts days since 1970-01-01 as Date.UTC does, from 1600 to 2400 (leap centuries included)', async () => {
    const { dayNumber, dayParts } = await import('./dates');
    for (let t = Date.UTC(1600, 0, 1); t < Date.UTC(2400, 11, 31); t += 86_400_000 * 13) {
      const day = new Date(t).toISOString().slice(0, 10);
      expect(dayNumber(dayParts(day)!)).toBe(t / 86_400_000);
    }
    expect(dayParts('2100-02-29')).toBeNull();
    expect(dayParts('2000-02-29')).not.toBeNull();
  });
});

describe('the office’s day, whatever the host’s time zone', () => {
  it.each([
    // Summer: London is an hour ahead of UTC, so 23:30 UTC is already tomorrow there.
    ['2026-07-01T23:30:00Z', '2026-07-02'],
    ['2026-07-01T22:59:59Z', '2026-07-01'],
    // Winter: London keeps UTC.
    ['2026-12-07T23:30:00Z', '2026-12-07'],
    // Either side of both clock changes of 2026 (29 March, 25 October, at 01:00 UTC).
    ['2026-03-29T00:59:59Z', '2026-03-29'],
    ['2026-03-28T23:59:59Z', '2026-03-28'],
    ['2026-10-24T23:00:00Z', '2026-10-25'],
    ['2026-10-25T23:30:00Z', '2026-10-25'],
  ])('at %s it is %s in London', (instant, day) => {
    expect(officeDay(new Date(instant))).toBe(day);
  });

  it.each([
    ['2026-07-02', '2026-07-01T23:00:00.000Z', '2026-07-02T23:00:00.000Z'],
    ['2026-12-07', '2026-12-07T00:00:00.000Z', '2026-12-08T00:00:00.000Z'],
    // The day the clocks go forward is 23 hours long; the day they go back, 25.
    ['2026-03-29', '2026-03-29T00:00:00.000Z', '2026-03-29T23:00:00.000Z'],
    ['2026-10-25', '2026-10-24T23:00:00.000Z', '2026-10-26T00:00:00.000Z'],
  ])('%s runs from %s to %s', (day, start, end) => {
    expect(officeDayStart(day).toISOString()).toBe(start);
    expect(officeDayEnd(day).toISOString()).toBe(end);
  });
});

describe('a day typed into one box', () => {
  it.each([
    ['2018-05-04', '2018-05-04'],
    ['4/5/2018', '2018-05-04'],
    ['04/05/2018', '2018-05-04'],
    ['4.5.2018', '2018-05-04'],
    ['4 5 2018', '2018-05-04'],
    ['4 May 2018', '2018-05-04'],
    [' 4  may 2018 ', '2018-05-04'],
    ['4th Sept 2018', '2018-09-04'],
    ['29 February 2020', '2020-02-29'],
  ])('%j is %s', (text, day) => {
    expect(readDayText(text)).toBe(day);
  });

  it.each(['31/2/2018', '29 February 2019', '4/5/18', '2018-5-4', 'May 4 2018', '4 Mai 2018', '', '0/0/2018', '2018-02-31'])('%j is not a day', (text) => {
    expect(readDayText(text)).toBeNull();
  });
});
