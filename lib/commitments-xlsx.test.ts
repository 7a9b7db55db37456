import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import type { CommitmentView } from '@/lib/domain/meetings';
import { COMMITMENTS_XLSX_HEADERS, commitmentsXlsx } from './commitments-xlsx';

const stress: CommitmentView = {
  id: 3,
  version: 1,
  actionId: 12,
  actionVersion: 1,
  what: 'a report re Wiltshire Police stress related absences was put on the forward work plan for the September 2018 meeting',
  minute: '24',
  minuteTitle: 'Quarterly data (Q3)',
  quote: 'The Chairman requested that a report re Wiltshire Police stress related absences was put on the forward work plan for the September 2018 meeting.',
  givenBy: 'The Panel',
  dueText: 'the September 2018 meeting',
  from: { id: 1, forum: 'panel', on: '2018-03-22' },
  due: { id: 4, forum: 'panel', on: '2018-09-27', items: [{ id: 1, title: 'Member questions', source: 'plan', commitmentId: null }] },
  dueOn: '2018-09-27',
  status: 'in-progress',
  ownerId: 2,
  ownerName: 'Demo Staff Officer',
  riskRef: null,
  latestUpdate: { note: 'Asked the Force for the figures', on: '2018-04-20' },
};

describe('the commitments as a spreadsheet', () => {
  it('holds the words of the minutes verbatim, days as date cells and codes in words', async () => {
    const [sheet] = await readXlsxFile(await commitmentsXlsx([stress], '2018-10-01'));
    const [header, row] = sheet!.data;
    expect(header).toEqual(COMMITMENTS_XLSX_HEADERS);
    const cell = (name: string) => row![COMMITMENTS_XLSX_HEADERS.indexOf(name)];
    expect(cell('Source')).toBe('Panel, 22 March 2018, minute 24');
    expect(cell('Forum')).toBe('Police and Crime Panel');
    expect(cell('Words of the minutes')).toBe(stress.quote);
    expect(cell('Due at the meeting of')).toEqual(new Date('2018-09-27T00:00:00Z'));
    expect(cell('Status')).toBe('In progress');
    expect(cell('Not on its forward plan')).toBe('Requested at minute 24 for the 27 September 2018 meeting; not on its forward plan');
    expect(cell('Overdue')).toBe('Yes');
  });
});
