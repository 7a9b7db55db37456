/**
 * Demo meetings and commitments from the seed pack (lib/domain/fixtures): the Panel's forward work plan of
 * June 2018 to March 2019, and the nine commitments of the minutes of 22 March and 9 May 2018, each an action
 * owned by the demo staff member. A commitment the minutes tie to a meeting is due at it; one they give no
 * time for is due by the Panel's next meeting. The stress-related absences report the Chairman asked for is
 * not on the 27 September 2018 plan, so the demo shows it flagged.
 */
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { parseForwardPlan } from '@/lib/domain/forward-plan';
import { parseMinutes } from '@/lib/domain/minutes';
import { commitmentTitle } from '@/lib/domain/meetings';
import type { Db } from '../client';
import { addActionUpdate } from '../mutations/inspections';
import { importCommitments, importForwardPlan } from '../mutations/meetings';
import { appMeta, people } from '../schema';

export const DEMO_MEETINGS_KEY = 'demo-meetings';
const ACTOR = { userId: null, label: 'system: demo data' };

const fixture = (file: string) => fs.readFileSync(path.resolve(/*turbopackIgnore: true*/ process.cwd(), 'lib', 'domain', 'fixtures', file), 'utf8');

/** Seeds the demo meetings and commitments once (needs the demo accounts); returns whether it did. */
export function seedDemoMeetings(db: Db): boolean {
  if (db.select().from(appMeta).where(eq(appMeta.key, DEMO_MEETINGS_KEY)).get()) return false;
  const staff = db.select({ id: people.id }).from(people).where(eq(people.email, 'staff@example.org')).get();
  if (!staff) return false;
  const plan = parseForwardPlan(fixture('forward-plan-2018.txt'));
  importForwardPlan(db, ACTOR, 'panel', plan, 'the Panel’s forward work plan (agenda pack, 14 June 2018)');
  const minutes = parseMinutes(fixture('minutes-2018-03-22-and-05-09.txt'));
  const ids: number[] = [];
  for (const meetingOn of minutes.meetings) {
    const next = plan.find((m) => m.on > meetingOn)?.on ?? meetingOn;
    const { actionIds } = importCommitments(db, ACTOR, {
      forum: 'panel',
      commitments: minutes.commitments
        .filter((c) => c.meetingOn === meetingOn)
        .map((c) => ({
          meetingOn,
          minute: c.minute,
          minuteTitle: c.minuteTitle,
          quote: c.quote,
          givenBy: c.by,
          what: commitmentTitle(c.what),
          dueText: c.due.text,
          dueMeetingOn: c.due.meetingOn,
          dueOn: c.due.day ?? c.due.meetingOn ?? next,
          ownerId: staff.id,
          riskId: null,
        })),
    });
    ids.push(...actionIds);
  }
  // The extract of the plan was given at the June meeting; the written response is in hand.
  if (ids[0]) addActionUpdate(db, ACTOR, ids[0], 1, { note: 'Extract of the plan circulated with the June agenda', status: 'completed', today: '2018-06-14' });
  if (ids[1])
    addActionUpdate(db, ACTOR, ids[1], 1, { note: 'Response drafted; with the Chief Executive for approval', status: 'in-progress', today: '2018-04-20' });
  db.insert(appMeta).values({ key: DEMO_MEETINGS_KEY, value: 'panel-2018' }).run();
  return true;
}
