import { describe, expect, it } from 'vitest';
import { calendarFeed } from './calendar-feed';
import { dailyPattern, londonTimeOfDay } from './reminders-schedule';
import type { DueData } from './domain/reminders';
import { parseEvents } from '../e2e/ical';

const data: DueData = {
  risks: [
    { ref: 'I8', title: 'ICT services', ownerUserId: 3, reviewDueOn: '2026-12-10' },
    { ref: 'I1', title: 'Plan delivery', ownerUserId: null, reviewDueOn: '2026-12-12' },
  ],
  actions: [{ id: 3, ref: 'I8', title: 'Report progress to CMB', ownerUserId: 3, dueOn: '2026-11-01', open: true }],
  findings: [{ id: 5, ref: 'WILT-201819-AFI-08', title: 'Vetting', ownerUserId: 3, deadline: '2019-06-30', open: true }],
  inspections: [{ id: 2, title: 'PEEL 2018/19', s55DueOn: '2019-04-30', responded: false }],
  proposals: [],
  reports: [],
};

describe('a person’s calendar feed', () => {
  it('holds their own due dates and the meetings, as all-day events linking back; the s.55 only for office staff', () => {
    const owner = parseEvents(
      calendarFeed(
        { userId: 3, role: 'owner' },
        data,
        [{ snapshotId: 1, forum: 'Police and Crime Panel', meetingOn: '2018-06-14' }],
        'https://risks.example.org',
        'risks.example.org',
      ),
    );
    expect(owner.map((e) => [e.DTSTART, e.SUMMARY, e.URL])).toEqual([
      ['20261210', 'I8 review due: ICT services', 'https://risks.example.org/risks/I8'],
      ['20261101', 'Action due (I8): Report progress to CMB', 'https://risks.example.org/actions/3'],
      ['20190630', 'WILT-201819-AFI-08 deadline', 'https://risks.example.org/inspections/findings/5'],
      ['20180614', 'Police and Crime Panel: risk register', 'https://risks.example.org/snapshots/1'],
    ]);
    const staff = parseEvents(calendarFeed({ userId: 2, role: 'staff' }, data, [], 'https://risks.example.org', 'risks.example.org'));
    expect(staff.map((e) => e.SUMMARY)).toEqual(['I8 review due: ICT services', 'I1 review due: Plan delivery', 's.55 response due: PEEL 2018/19']);
  });

  it('holds the recorded meetings of the Panel, CMB and JIAC, each with how many commitments are due at it', () => {
    const board = parseEvents(
      calendarFeed({ userId: 4, role: 'board' }, { ...data, risks: [], actions: [], findings: [] }, [], 'https://risks.example.org', 'risks.example.org', [
        { id: 4, name: 'Panel meeting', meetingOn: '2018-09-27', commitmentsDue: 1 },
        { id: 5, name: 'JIAC meeting', meetingOn: '2018-12-06', commitmentsDue: 0 },
      ]),
    );
    expect(board.map((e) => [e.DTSTART, e.SUMMARY, e.URL])).toEqual([
      ['20180927', 'Panel meeting (1 commitment due)', 'https://risks.example.org/meetings/4'],
      ['20181206', 'JIAC meeting', 'https://risks.example.org/meetings/5'],
    ]);
  });
});

describe('the daily schedule', () => {
  it.each([
    ['07:00', '0 7 * * *'],
    ['7:05', '5 7 * * *'],
    ['23:59', '59 23 * * *'],
    ['24:00', null],
    ['seven', null],
  ])('REMINDERS_AT %s → %s', (at, pattern) => {
    expect(dailyPattern(at)).toBe(pattern);
  });

  it('reads the time of day in London, summer and winter', () => {
    expect(londonTimeOfDay(new Date('2026-12-03T07:30:00Z'))).toBe('07:30');
    expect(londonTimeOfDay(new Date('2026-07-01T06:30:00Z'))).toBe('07:30');
  });
});

describe('an event’s words', () => {
  it('are a short title, as the reminder emails give, not the full text of the action', () => {
    const long = `Review the collaboration agreement ${'and its schedules '.repeat(100)}`;
    const feed = parseEvents(
      calendarFeed(
        { userId: 3, role: 'owner' },
        { ...data, actions: [{ id: 3, ref: 'I8', title: long, ownerUserId: 3, dueOn: '2026-11-01', open: true }] },
        [],
        'https://risks.example.org',
        'risks.example.org',
      ),
    );
    const action = feed.find((e) => e.URL?.endsWith('/actions/3'))!;
    expect(action.SUMMARY!.length).toBeLessThanOrEqual(90);
    expect(action.SUMMARY).toMatch(/^Action due \(I8\): Review the collaboration agreement and its schedules .*…$/);
  });
});
