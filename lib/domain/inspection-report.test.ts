import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeOf, parseInspectionReport, withinMonthsOf } from './inspection-report';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
const checked = JSON.parse(fixture('inspections-wiltshire.json')) as {
  reports: Array<{
    file: string;
    force: string;
    year: string;
    inspectorate: string;
    areasForImprovement: Array<{ line: number; component: string; text: string; subItems?: Array<{ line: number; text: string }> }>;
  }>;
};

describe.each([
  ['peel-2018-19-wiltshire.txt', '000_d5681268e564143c.txt', 8],
  ['peel-2016-wiltshire.txt', '001_11bd85a13d0bbeef.txt', 6],
])('%s', (file, source, count) => {
  const report = parseInspectionReport(fixture(file));
  const expected = checked.reports.find((r) => r.file === source)!;

  it(`finds exactly the ${count} areas for improvement, verbatim, each under its component, and nothing else`, () => {
    expect(report.findings).toHaveLength(count);
    expect(report.findings.map((f) => f.kind)).toEqual(Array(count).fill('area-for-improvement'));
    expect(report.findings.map((f) => ({ line: f.line, component: f.component, text: f.text, subItems: f.subItems }))).toEqual(
      expected.areasForImprovement.map((a) => ({ line: a.line, component: a.component, text: a.text, subItems: (a.subItems ?? []).map((s) => s.text) })),
    );
  });

  it('reads the force, year and inspectorate', () => {
    expect([report.force, report.year, report.inspectorate]).toEqual([expected.force, expected.year, expected.inspectorate]);
  });
});

describe('the judgments', () => {
  it('2018/19: the overall summary table, with pillars and last inspected', () => {
    const report = parseInspectionReport(fixture('peel-2018-19-wiltshire.txt'));
    expect(report.judgments).toHaveLength(10);
    expect(report.judgments).toContainEqual({
      pillar: 'Effectiveness',
      component: 'Tackling serious and organised crime',
      grade: 'Requires improvement',
      lastInspected: '2018/19',
    });
    expect(report.judgments).toContainEqual({ pillar: 'Effectiveness', component: 'Armed response capability', grade: 'Ungraded', lastInspected: '2018/19' });
    expect(report.judgments).toContainEqual({ pillar: 'Legitimacy', component: 'Fair treatment of the workforce', grade: 'Good', lastInspected: '2018/19' });
    expect([report.type, report.published]).toEqual(['PEEL integrated assessment', '2019-05']);
  });

  it('2016: the five graded core questions of a single-pillar report', () => {
    const report = parseInspectionReport(fixture('peel-2016-wiltshire.txt'));
    expect(report.judgments.map((j) => [j.component, j.grade])).toEqual([
      ['How effective is the force at preventing crime, tackling anti-social behaviour and keeping people safe?', 'Good'],
      ['How effective is the force at investigating crime and reducing re-offending?', 'Good'],
      ['How effective is the force at protecting those who are vulnerable from harm, and supporting victims?', 'Good'],
      ['How effective is the force at tackling serious and organised crime?', 'Good'],
      ["How effective are the force's specialist capabilities?", 'Ungraded'],
    ]);
    expect(new Set(report.judgments.map((j) => j.pillar))).toEqual(new Set(['Effectiveness']));
    expect([report.type, report.published]).toEqual(['PEEL effectiveness', '2017-03']);
  });
});

describe('layouts these tests were not tuned on', () => {
  it('a cause of concern with recommendations, an inadequate grade, a singular heading, deadlines, and lists that are not findings', () => {
    const report = parseInspectionReport(fixture('report-cause-of-concern.md'));
    expect([report.force, report.year, report.published]).toEqual(['Northshire Constabulary', '2021/22', '2022-10']);
    expect(report.judgments).toEqual([
      { pillar: 'Effectiveness', component: 'Investigating crime', grade: 'Inadequate', lastInspected: '2021/22' },
      { pillar: 'Effectiveness', component: 'Protecting vulnerable people', grade: 'Requires improvement', lastInspected: '2021/22' },
    ]);
    expect(report.findings.map((f) => [f.kind, f.component, f.text, f.subItems, f.withinMonths])).toEqual([
      [
        'cause-of-concern',
        'Investigating crime',
        'The force does not make sure that investigations are effectively supervised and completed to a good standard, which means victims are not getting the service they deserve.',
        [],
        null,
      ],
      [
        'recommendation',
        'Investigating crime',
        'Within three months, the force should:',
        ['review how investigations are allocated; and', 'make sure supervisors review every open investigation each month.'],
        3,
      ],
      ['recommendation', 'Investigating crime', 'The force should, within six months, introduce an investigation quality audit.', [], 6],
      [
        'area-for-improvement',
        'Protecting vulnerable people',
        'The force should improve how it records the voice of the child in domestic abuse cases.',
        [],
        null,
      ],
    ]);
    const [cause, first, second] = report.findings;
    expect([first!.causeLine, second!.causeLine]).toEqual([cause!.line, cause!.line]);
  });

  it('a report with no findings gives none, however many other bullets it has', () => {
    const report = parseInspectionReport(fixture('report-no-findings.md'));
    expect(report.findings).toEqual([]);
    expect(report.judgments.map((j) => j.grade)).toEqual(['Outstanding', 'Good']);
    expect(report.force).toBe('Southvale Police');
  });
});

describe('cell readers', () => {
  it.each([
    ['Good', 'Good'],
    ['**Ungraded**', 'Ungraded'],
    [' Requires improvement', 'Requires improvement'],
    ['Good practice', null],
  ])('gradeOf(%j) → %j', (text, grade) => {
    expect(gradeOf(text)).toBe(grade);
  });

  it.each([
    ['The force should, within three months, review…', 3],
    ['within 6 months', 6],
    ['within twelve months', 12],
    ['promptly', null],
  ])('withinMonthsOf(%j) → %j', (text, months) => {
    expect(withinMonthsOf(text)).toBe(months);
  });
});

describe('text built to make the parser backtrack', () => {
  // Each of these took seconds to minutes before (a pattern scanning a long run again from each of its
  // positions); the parser must read them in one pass. The bound is generous: it guards the shape of the
  // work, not a speed.
  it.each([
    ['unclosed markdown links', '[]('.repeat(40_000)],
    ['a heading padded with spaces before its question mark', `How effectively does the force ${' '.repeat(60_000)}?`],
    ['a line of tabs', `${'\t'.repeat(60_000)}x`],
    ['open brackets', '['.repeat(120_000)],
    ['a summary-table row of spaces', `Overall summary\nEffectiveness Last inspected\na${' '.repeat(60_000)}x`],
  ])('%s', (_, text) => {
    const started = performance.now();
    parseInspectionReport(`Summary of findings\n${text}\nRequires improvement\n${text}\n`);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
