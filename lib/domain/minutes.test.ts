import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMinutes } from './minutes';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');

describe('commitments read from the Panel’s minutes of 22 March and 9 May 2018', () => {
  const parsed = parseMinutes(fixture('minutes-2018-03-22-and-05-09.txt'));
  const at = (minute: string) => parsed.commitments.filter((c) => c.minute === minute);

  it('finds the two meetings, and the dates the first announces', () => {
    expect(parsed.meetings).toEqual(['2018-03-22', '2018-05-09']);
    expect(parsed.futureMeetings).toEqual(['2018-06-14', '2018-09-27', '2018-12-06']);
  });

  it('finds the nine commitments, six from 22 March and three from 9 May, and no others', () => {
    expect(parsed.commitments.map((c) => `${c.meetingOn} ${c.minute}`)).toEqual([
      '2018-03-22 24',
      '2018-03-22 24',
      '2018-03-22 24',
      '2018-03-22 25',
      '2018-03-22 25',
      '2018-03-22 25',
      '2018-05-09 33',
      '2018-05-09 33',
      '2018-05-09 33',
    ]);
  });

  it('minute 24: each quoting its sentence, who gives it, and the meeting it is due at', () => {
    expect(at('24')).toEqual([
      {
        meetingOn: '2018-03-22',
        minute: '24',
        minuteTitle: 'Quarterly data (Q3)- Risk / Performance / Finance / Complaints',
        quote: 'The Commissioner advised that an extract of the plan would be made available to PCP members at the next meeting.',
        by: 'The Commissioner',
        what: 'an extract of the plan would be made available to PCP members at the next meeting',
        due: { text: 'the next meeting', meetingOn: '2018-06-14', day: null },
      },
      {
        meetingOn: '2018-03-22',
        minute: '24',
        minuteTitle: 'Quarterly data (Q3)- Risk / Performance / Finance / Complaints',
        quote: 'It was agreed that a written response to these concerns would be provided by the OPCC.',
        by: 'The office (OPCC)',
        what: 'a written response to these concerns would be provided by the OPCC',
        due: { text: null, meetingOn: null, day: null },
      },
      {
        meetingOn: '2018-03-22',
        minute: '24',
        minuteTitle: 'Quarterly data (Q3)- Risk / Performance / Finance / Complaints',
        quote:
          'The Chairman requested that a report re Wiltshire Police stress related absences was put on the forward work plan for the September 2018 meeting.',
        by: 'The Panel',
        what: 'a report re Wiltshire Police stress related absences was put on the forward work plan for the September 2018 meeting',
        due: { text: 'the September 2018 meeting', meetingOn: '2018-09-27', day: null },
      },
    ]);
  });

  it('minute 25 and the decisions of minute 33', () => {
    expect(at('25').map((c) => [c.by, c.quote, c.due.meetingOn])).toEqual([
      ['The office (OPCC)', 'It was noted that a full report would be submitted for the June 2018 meeting.', '2018-06-14'],
      ['The Commissioner', 'The PCC proposed that information in this area was added to the PCP performance report.', null],
      [
        'Cllr Richard Britton and Naji Darwish – OPC',
        'It was agreed that Cllr Richard Britton and Naji Darwish – OPC would meet to discuss how the PCP could be involved in shaping the content of the final version of the report.',
        null,
      ],
    ]);
    expect(at('33').map((c) => [c.by, c.quote])).toEqual([
      ['Emily Higson', 'That Emily Higson would research existing work on confidence surveys.'],
      ['Cllr Richard Britton', 'That Cllr Richard Britton would document the three levels of research identified.'],
      ['Cllr Richard Britton', 'That Cllr Richard Britton would produce draft generic questions.'],
    ]);
  });

  it('proposes nothing from the points made at minute 23 or the question and reply at minute 19', () => {
    expect(at('23')).toEqual([]);
    expect(at('19')).toEqual([]);
    const quotes = parsed.commitments.map((c) => c.quote).join('\n');
    expect(quotes).not.toMatch(/listening to both staff|compensation from Central Government|no such investigations/);
  });

  it('every proposal quotes words that are in the minutes', () => {
    const text = fixture('minutes-2018-03-22-and-05-09.txt').replace(/\*\*/g, '').replace(/\s+/g, ' ');
    for (const c of parsed.commitments) expect(text).toContain(c.quote);
  });
});

describe('minutes in other layouts', () => {
  it('as pdftotext lays out a PDF: hard line breaks, indents and a page number between sentences', () => {
    const parsed = parseMinutes(fixture('minutes-pdftotext.txt'));
    expect(parsed.meetings).toEqual(['2018-03-22']);
    expect(parsed.commitments.map((c) => [c.minute, c.by, c.due.meetingOn])).toEqual([
      ['24', 'The Commissioner', '2018-06-14'],
      ['24', 'The office (OPCC)', null],
      ['24', 'The Panel', null],
    ]);
    expect(parsed.commitments[0]!.quote).toBe(
      'The Commissioner advised that an extract of the plan would be made available to PCP members at the next meeting.',
    );
    expect(parsed.commitments[2]!.quote).toBe(
      'The Chairman requested that a report re Wiltshire Police stress related absences was put on the forward work plan for the September 2018 meeting.',
    );
  });

  it('another council’s usual form: "39/20" items, RESOLVED lists, and actions to be provided', () => {
    const parsed = parseMinutes(fixture('minutes-numbered-resolved.txt'));
    expect(parsed.meetings).toEqual(['2020-03-05']);
    expect(parsed.futureMeetings).toEqual(['2020-06-18']);
    expect(parsed.commitments.map((c) => [c.minute, c.by, c.quote, c.due])).toEqual([
      [
        '39/20',
        'The Commissioner',
        'the Commissioner provides a written briefing on rural response times to the next meeting;',
        { text: 'the next meeting', meetingOn: '2020-06-18', day: null },
      ],
      [
        '39/20',
        'The office (OPCC)',
        'the Chief Executive circulates the victims’ services commissioning timetable to members within one month.',
        { text: 'within one month', meetingOn: null, day: '2020-04-05' },
      ],
      ['40/20', 'The office (OPCC)', 'The OPCC to provide the number of complaint reviews upheld in 2019/20.', { text: null, meetingOn: null, day: null }],
      [
        '40/20',
        'The Commissioner',
        'The Commissioner to report back on the independent audit of complaint files at the June 2020 meeting.',
        { text: 'the June 2020 meeting', meetingOn: '2020-06-18', day: null },
      ],
    ]);
  });

  it('text that is not minutes gives no meetings and no proposals', () => {
    expect(parseMinutes('Just some notes.\nIt was agreed that we would have lunch.')).toEqual({ meetings: [], futureMeetings: [], commitments: [] });
  });
});
