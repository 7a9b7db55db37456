import { addDays, format, parseISO } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { digestsFor, dueOccasion, type DueData, type Recipient, type ReminderKind } from './reminders';

const person = (userId: number, role: Recipient['role'], extra: Partial<Recipient> = {}): Recipient => ({
  userId,
  role,
  active: true,
  off: new Set<ReminderKind>(),
  frequency: 'daily',
  ...extra,
});
const ADMIN = person(1, 'admin');
const STAFF = person(2, 'staff');
const OWNER = person(3, 'owner');
const BOARD = person(4, 'board');
const AUDITOR = person(5, 'auditor');
const EVERYONE = [ADMIN, STAFF, OWNER, BOARD, AUDITOR];

const nothing: DueData = { risks: [], actions: [], findings: [], inspections: [], proposals: [], reports: [] };

/** Runs the rule every day from `from` to `to`, as the daily job would, remembering what it sent. */
function runCalendar(from: string, to: string, data: DueData | ((day: string) => DueData), recipients: Recipient[] = EVERYONE) {
  const sent = new Set<string>();
  const log: Array<{ day: string; userId: number; occasion: string; when: string }> = [];
  for (let d = parseISO(from); format(d, 'yyyy-MM-dd') <= to; d = addDays(d, 1)) {
    const day = format(d, 'yyyy-MM-dd');
    const digests = digestsFor(day, typeof data === 'function' ? data(day) : data, recipients, (userId, occasion) => sent.has(`${userId}|${occasion}`));
    for (const digest of digests) {
      expect(digest.items.length, `${day}: a digest has items`).toBeGreaterThan(0);
      for (const item of digest.items) {
        sent.add(`${digest.userId}|${item.occasion}`);
        log.push({ day, userId: digest.userId, occasion: item.occasion, when: item.when });
      }
    }
  }
  return log;
}

describe('which reminder a due date calls for', () => {
  it.each([
    ['2026-12-20', '2026-12-05', null],
    ['2026-12-20', '2026-12-06', 'due-soon:2026-12-20'],
    ['2026-12-20', '2026-12-20', 'due-today:2026-12-20'],
    ['2026-12-20', '2026-12-21', 'overdue:2026-12-20:week-0'],
    ['2026-12-20', '2026-12-27', 'overdue:2026-12-20:week-0'],
    ['2026-12-20', '2026-12-28', 'overdue:2026-12-20:week-1'],
  ])('due %s, on %s → %s', (dueOn, day, occasion) => {
    expect(dueOccasion(dueOn, day, 14, true)?.occasion ?? null).toBe(occasion);
  });
});

describe('reminders over a calendar', () => {
  it('an action’s owner hears it 14 days before, on the day, the day after, then weekly; nobody else does', () => {
    const data = { ...nothing, actions: [{ id: 7, ref: 'WILT-201819-AFI-01', title: 'Vetting backlog', ownerUserId: 3, dueOn: '2026-12-20', open: true }] };
    const log = runCalendar('2026-11-30', '2027-01-10', data);
    expect(log.map((l) => [l.day, l.userId, l.when])).toEqual([
      ['2026-12-06', 3, 'due-soon'],
      ['2026-12-20', 3, 'due-today'],
      ['2026-12-21', 3, 'overdue'],
      ['2026-12-28', 3, 'overdue'],
      ['2027-01-04', 3, 'overdue'],
    ]);
  });

  it('a revised due date starts the count again; a closed action is not chased', () => {
    const log = runCalendar('2026-12-01', '2027-01-20', (day) => ({
      ...nothing,
      actions: [
        {
          id: 7,
          ref: 'A-7',
          title: 'Vetting backlog',
          ownerUserId: 3,
          dueOn: day < '2026-12-15' ? '2026-12-10' : '2027-01-15',
          open: day < '2027-01-16',
        },
      ],
    }));
    expect(log.map((l) => [l.day, l.when])).toEqual([
      ['2026-12-01', 'due-soon'],
      ['2026-12-10', 'due-today'],
      ['2026-12-11', 'overdue'],
      ['2027-01-01', 'due-soon'],
      ['2027-01-15', 'due-today'],
    ]);
  });

  it('a review goes to the risk’s owner and to the staff who keep the register, a week before and when overdue', () => {
    const data = { ...nothing, risks: [{ ref: 'I1', title: 'Failure to deliver the Plan', ownerUserId: 3, reviewDueOn: '2026-12-10' }] };
    const log = runCalendar('2026-12-01', '2026-12-20', data);
    expect(log.map((l) => [l.day, l.userId, l.when])).toEqual([
      ['2026-12-03', 2, 'due-soon'],
      ['2026-12-03', 3, 'due-soon'],
      ['2026-12-11', 2, 'overdue'],
      ['2026-12-11', 3, 'overdue'],
      ['2026-12-18', 2, 'overdue'],
      ['2026-12-18', 3, 'overdue'],
    ]);
  });

  it('the s.55 reminder reaches staff and administrators even with it turned off, and nobody else', () => {
    const off = new Set<ReminderKind>(['s55', 'review', 'action', 'finding', 'proposal', 'report']);
    const recipients = [person(1, 'admin', { off }), person(2, 'staff', { off }), OWNER, BOARD, AUDITOR];
    const data = { ...nothing, inspections: [{ id: 2, title: 'PEEL 2018/19', s55DueOn: '2026-12-14', responded: false }] };
    const log = runCalendar('2026-11-28', '2026-12-16', data, recipients);
    expect(log.map((l) => [l.day, l.userId, l.when])).toEqual([
      ['2026-11-30', 1, 'due-soon'],
      ['2026-11-30', 2, 'due-soon'],
      ['2026-12-15', 1, 'overdue'],
      ['2026-12-15', 2, 'overdue'],
    ]);
    expect(runCalendar('2026-11-28', '2026-12-16', { ...data, inspections: [{ ...data.inspections[0]!, responded: true }] }, recipients)).toEqual([]);
  });

  it('a proposal waiting more than three working days is chased once, to staff and administrators', () => {
    // Proposed on Thursday 3 December 2026: Friday, Monday, Tuesday are three working days; Wednesday is the fourth.
    const data = { ...nothing, proposals: [{ id: 9, ref: 'T4', title: 'Equality Act duties', proposedOn: '2026-12-03', waiting: true }] };
    const log = runCalendar('2026-12-03', '2026-12-20', data);
    expect(log.map((l) => [l.day, l.userId])).toEqual([
      ['2026-12-09', 1],
      ['2026-12-09', 2],
    ]);
  });

  it('board members hear of a covering report published for their meeting, once', () => {
    const data = { ...nothing, reports: [{ snapshotId: 4, title: 'PCC Risk Register', meetingOn: '2026-12-10', publishedOn: '2026-12-03' }] };
    expect(runCalendar('2026-12-01', '2026-12-12', data).map((l) => [l.day, l.userId])).toEqual([['2026-12-03', 4]]);
  });

  it('one digest a day, with every item due that day; weekly readers hear on Mondays; deactivated users never', () => {
    const data: DueData = {
      ...nothing,
      risks: [{ ref: 'T4', title: 'Equality Act duties', ownerUserId: 3, reviewDueOn: '2026-12-08' }],
      actions: [{ id: 1, ref: 'A-1', title: 'Vetting backlog', ownerUserId: 3, dueOn: '2026-12-15', open: true }],
    };
    const [digest] = digestsFor('2026-12-03', data, [OWNER]);
    expect(digest!.items.map((i) => i.kind)).toEqual(['review', 'action']);
    expect(digest!.items.map((i) => i.path)).toEqual(['/risks/T4', '/actions/1']);

    const weekly = person(3, 'owner', { frequency: 'weekly' });
    const days = runCalendar('2026-12-01', '2026-12-20', data, [weekly]).map((l) => l.day);
    expect(new Set(days)).toEqual(new Set(['2026-12-07', '2026-12-14']));
    expect(runCalendar('2026-12-01', '2026-12-20', data, [person(3, 'owner', { active: false })])).toEqual([]);
    expect(digestsFor('2026-12-03', data, [person(3, 'owner', { off: new Set(['review', 'action']) })])).toEqual([]);
  });
});

describe('commitments off the plan of the meeting they are due at', () => {
  const flag = {
    commitmentId: 7,
    ref: 'Action 12',
    message: 'Requested at minute 24 for the 27 September 2018 meeting; not on its forward plan',
    meetingId: 3,
  };

  it('go to staff and administrators once for each meeting, however many days the flag stands', () => {
    const log = runCalendar('2018-04-01', '2018-04-30', { ...nothing, offPlan: [{ ...flag, meetingOn: '2018-09-27' }] });
    expect(log.map((l) => [l.day, l.userId, l.occasion, l.when])).toEqual([
      ['2018-04-01', 1, 'plan:7:2018-09-27', 'off-plan'],
      ['2018-04-01', 2, 'plan:7:2018-09-27', 'off-plan'],
    ]);
  });

  it('flag again when the commitment moves to another meeting that does not carry it, and can be turned off', () => {
    const log = runCalendar('2018-04-01', '2018-04-10', (day) => ({
      ...nothing,
      offPlan: [{ ...flag, meetingOn: day < '2018-04-05' ? '2018-09-27' : '2018-12-06' }],
    }));
    expect(log.filter((l) => l.userId === 2).map((l) => [l.day, l.occasion])).toEqual([
      ['2018-04-01', 'plan:7:2018-09-27'],
      ['2018-04-05', 'plan:7:2018-12-06'],
    ]);
    const off = runCalendar('2018-04-01', '2018-04-10', { ...nothing, offPlan: [{ ...flag, meetingOn: '2018-09-27' }] }, [
      person(2, 'staff', { off: new Set<ReminderKind>(['plan']) }),
    ]);
    expect(off).toEqual([]);
  });
});
