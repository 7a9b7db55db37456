import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { itemCarries, offThePlan, parseForwardPlan } from './forward-plan';
import { parseMinutes } from './minutes';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');

describe('the Panel’s forward work plan', () => {
  const plan = parseForwardPlan(fixture('forward-plan-2018.txt'));

  it('reads each dated meeting with its place and provisional items', () => {
    expect(plan.map((m) => m.on)).toEqual(['2018-06-14', '2018-09-27', '2018-12-06', '2019-01-17', '2019-02-07', '2019-03-28']);
    expect(plan[1]).toEqual({
      on: '2018-09-27',
      time: '10:30am-1pm',
      location: 'County Hall, Trowbridge',
      items: ['Update from the Chief Constable', 'Quarterly data (Q1)– Risk / Performance / Finance / Complaints', 'Member questions'],
    });
    expect(plan[4]!.location).toBeNull();
  });

  it('flags the stress-related absences report: requested at minute 24 for 27 September 2018, not on its plan', () => {
    const { commitments } = parseMinutes(fixture('minutes-2018-03-22-and-05-09.txt'));
    const flags = offThePlan(commitments, plan);
    expect(flags.map((f) => f.message)).toEqual(['Requested at minute 24 for the 27 September 2018 meeting; not on its forward plan']);
    expect(flags[0]!.commitment.quote).toContain('stress related absences');
  });

  it('a commitment the plan carries is not flagged', () => {
    const stress = { what: 'a report re Wiltshire Police stress related absences was put on the forward work plan for the September 2018 meeting' };
    expect(itemCarries('Wiltshire Police stress related absences', stress)).toBe(true);
    expect(itemCarries('Member questions', stress)).toBe(false);
    const { commitments } = parseMinutes(fixture('minutes-2018-03-22-and-05-09.txt'));
    const withItem = plan.map((m) => (m.on === '2018-09-27' ? { ...m, items: [...m.items, 'Report on stress related absences in Wiltshire Police'] } : m));
    expect(offThePlan(commitments, withItem)).toEqual([]);
  });
});
