import fs from 'node:fs';
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitmentOverdue, mattersArising, matterArisingText, offPlanMessage } from '@/lib/domain/meetings';
import { parseForwardPlan } from '@/lib/domain/forward-plan';
import { verifyAuditLog } from '../queries/audit';
import { openDemoTestDatabase } from '../test-database';
import { openDatabase } from '../client';
import { seedDemoAccounts } from '../seed/demo-accounts';
import { seedDemoMeetings } from '../seed/demo-meetings';
import { listCommitments, listMeetings, meetingOn, commitmentMovesOf, getMeeting } from '../queries/meetings';
import { addAgendaItem, addMeeting, importCommitments, importForwardPlan, moveCommitment } from './meetings';
import { addActionUpdate } from './inspections';
import { DuplicateMeetingError } from '../errors';
import type { Db } from '../client';

const actor = { userId: null, label: 'unit test' };
let t: ReturnType<typeof openDemoTestDatabase>;
let db: Db;

beforeEach(async () => {
  t = openDemoTestDatabase('register-meetings-');
  db = t.db;
  await seedDemoAccounts(db);
});
afterEach(() => t.close());

describe('the demo meetings from the seed pack', () => {
  it('carry the plan’s six meetings, the two minuted ones and the nine commitments, with only the stress report off its plan', () => {
    expect(seedDemoMeetings(db)).toBe(true);
    expect(seedDemoMeetings(db)).toBe(false);
    // Each meeting's count of provisional items is its own: none for the minuted ones, seven for June.
    expect(listMeetings(db).map((m) => m.items)).toEqual([0, 0, 7, 3, 2, 2, 1, 3]);
    expect(listMeetings(db).map((m) => m.on)).toEqual([
      '2018-03-22',
      '2018-05-09',
      '2018-06-14',
      '2018-09-27',
      '2018-12-06',
      '2019-01-17',
      '2019-02-07',
      '2019-03-28',
    ]);
    const all = listCommitments(db);
    expect(all).toHaveLength(9);
    expect(all.map((c) => c.actionId)).toEqual([...new Set(all.map((c) => c.actionId))]);
    const flags = all.map(offPlanMessage).filter(Boolean);
    expect(flags).toEqual(['Requested at minute 24 for the 27 September 2018 meeting; not on its forward plan']);
    expect(verifyAuditLog(db, { rows: true }).ok).toBe(true);
  });
});

describe('meetings and commitments', () => {
  it('refuses a forum’s second meeting on one day, and a plan imported twice adds nothing twice', () => {
    const id = addMeeting(db, actor, { forum: 'jiac', meetingOn: '2026-12-10', time: null, place: 'Devizes' });
    expect(() => addMeeting(db, actor, { forum: 'jiac', meetingOn: '2026-12-10', time: null, place: null })).toThrow(DuplicateMeetingError);
    expect(addMeeting(db, actor, { forum: 'panel', meetingOn: '2026-12-10', time: null, place: null })).not.toBe(id);
    const plan = parseForwardPlan(fs.readFileSync(path.join(__dirname, '..', '..', 'lib', 'domain', 'fixtures', 'forward-plan-2018.txt'), 'utf8'));
    expect(importForwardPlan(db, actor, 'panel', plan, 'test')).toEqual({ meetings: 6, created: 6, items: 18 });
    expect(importForwardPlan(db, actor, 'panel', plan, 'test')).toEqual({ meetings: 6, created: 0, items: 0 });
    expect(meetingOn(db, 'panel', '2018-09-27')?.place).toBe('County Hall, Trowbridge');
  });

  it('flags a commitment off its meeting’s plan until an item carries it; a move keeps its reason and revises the due date', () => {
    const plan = parseForwardPlan(
      '27 th September 2018\tCounty Hall\t• Quarterly data (Q1) • Member questions\n6 th December 2018\tSwindon\t• Member questions',
    );
    importForwardPlan(db, actor, 'panel', plan, 'test');
    const staff = db.$client.prepare("select id from people where email = 'staff@example.org'").get() as { id: number };
    const { actionIds } = importCommitments(db, actor, {
      forum: 'panel',
      commitments: [
        {
          meetingOn: '2018-03-22',
          minute: '24',
          minuteTitle: 'Quarterly data',
          quote: 'The Chairman requested that a report re stress related absences was put on the forward work plan for the September 2018 meeting.',
          givenBy: 'The Panel',
          what: 'a report re stress related absences was put on the forward work plan for the September 2018 meeting',
          dueText: 'the September 2018 meeting',
          dueMeetingOn: '2018-09-27',
          dueOn: '2018-09-27',
          ownerId: staff.id,
          riskId: null,
        },
      ],
    });
    expect(actionIds).toHaveLength(1);
    // The same minute's words again are not recorded twice.
    const again = importCommitments(db, actor, { forum: 'panel', commitments: [{ ...listCommitmentInput(db) }] });
    expect(again).toEqual({ actionIds: [], skipped: 1 });
    let [c] = listCommitments(db);
    expect(offPlanMessage(c!)).toBe('Requested at minute 24 for the 27 September 2018 meeting; not on its forward plan');
    expect(commitmentOverdue(c!, '2018-09-28')).toBe(true);

    const december = meetingOn(db, 'panel', '2018-12-06')!;
    moveCommitment(db, { userId: null, label: 'staff' }, c!.id, c!.version, december.id, 'The Force’s data is not ready until November');
    [c] = listCommitments(db);
    expect(c!.due?.on).toBe('2018-12-06');
    expect(c!.dueOn).toBe('2018-12-06');
    expect(commitmentMovesOf(db, c!.id).map((m) => m.reason)).toEqual(['The Force’s data is not ready until November']);
    expect(offPlanMessage(c!)).toBe('Requested at minute 24 for the 6 December 2018 meeting; not on its forward plan');

    addAgendaItem(db, actor, december.id, 'Stress related absences in Wiltshire Police', c!.id);
    [c] = listCommitments(db);
    expect(offPlanMessage(c!)).toBeNull();
    expect(getMeeting(db, december.id)!.items.map((i) => i.source)).toEqual(['plan', 'commitment']);

    // Matters arising at the December meeting: due there; at March 2019, still open from before.
    const { dueHere } = mattersArising(listCommitments(db), { id: december.id, forum: 'panel', on: '2018-12-06' });
    expect(dueHere.map(matterArisingText)).toEqual([
      'Minute 24 (22 March 2018): a report re stress related absences was put on the forward work plan for the September 2018 meeting. Given by the Panel; due at the 6 December 2018 meeting; owner Demo Staff Officer. Status: Not started. No update recorded.',
    ]);
    const march = addMeeting(db, actor, { forum: 'panel', meetingOn: '2019-03-28', time: null, place: null });
    expect(mattersArising(listCommitments(db), { id: march, forum: 'panel', on: '2019-03-28' }).stillOpen).toHaveLength(1);
    addActionUpdate(db, actor, c!.actionId, c!.actionVersion, { note: 'Reported', status: 'completed', today: '2018-12-06' });
    expect(mattersArising(listCommitments(db), { id: march, forum: 'panel', on: '2019-03-28' }).stillOpen).toHaveLength(0);
    expect(offPlanMessage(listCommitments(db)[0]!)).toBeNull();

    // History is append-only and every change is recorded.
    expect(() => db.$client.prepare('update commitment_moves set reason = ?').run('rewritten')).toThrow(/append-only/);
    expect(() => db.$client.prepare('delete from meeting_items').run()).toThrow(/append-only/);
    expect(verifyAuditLog(db, { rows: true }).ok).toBe(true);
  });

  it('audit:verify names a commitment edited in the file behind the service’s back', () => {
    seedDemoMeetings(db);
    // A hostile insider edits the words a commitment came from with their own tool (no audit entry).
    const other = new Database(t.file);
    other.prepare("update commitments set quote = 'nothing was promised' where id = 3").run();
    other.close();
    const result = verifyAuditLog(db, { rows: true });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain('row 3 of commitments no longer matches');
  });

  it('a flag hidden by editing the file stays caught after a restart and the service’s next write to the same rows', () => {
    seedDemoMeetings(db);
    const flagged = listCommitments(db).find((c) => offPlanMessage(c))!;
    // The insider makes the flag go away: the commitment no longer due at a meeting, and an item "carrying" it
    // slipped into the plan with the append-only trigger dropped and put back.
    const other = new Database(t.file);
    other.prepare('update commitments set due_meeting_id = null where id = ?').run(flagged.id);
    const trigger = other.prepare("select sql from sqlite_master where name = 'meeting_items_no_update'").pluck().get() as string;
    other.exec('drop trigger meeting_items_no_update');
    other
      .prepare('update meeting_items set commitment_id = ? where id = (select min(id) from meeting_items where meeting_id = ?)')
      .run(flagged.id, flagged.due!.id);
    other.exec(trigger);
    other.close();
    expect(listCommitments(db).some((c) => offPlanMessage(c))).toBe(false);

    // The service restarts (a new connection) and writes to the same commitment: moving it records a new version.
    t.db.$client.close();
    const restarted = openDatabase(t.file);
    try {
      const [c] = listCommitments(restarted, { ids: [flagged.id] });
      const december = meetingOn(restarted, 'panel', '2018-12-06')!;
      moveCommitment(restarted, actor, c!.id, c!.version, december.id, 'Moved after the edit');
      const result = verifyAuditLog(restarted, { rows: true });
      expect(result.ok).toBe(false);
      // The service's own later write does not launder the edit: the row's earlier digest no longer matches.
      expect(!result.ok && result.reason).toContain(`row ${flagged.id} of commitments was changed outside the service`);
    } finally {
      restarted.$client.close();
    }
  });
});

function listCommitmentInput(db: Db) {
  const [c] = listCommitments(db);
  return {
    meetingOn: '2018-03-22',
    minute: c!.minute,
    minuteTitle: c!.minuteTitle,
    quote: c!.quote,
    givenBy: c!.givenBy,
    what: 'anything',
    dueText: null,
    dueMeetingOn: null,
    dueOn: '2018-09-27',
    ownerId: c!.ownerId,
    riskId: null,
  };
}
