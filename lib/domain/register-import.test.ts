import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import paper from '../../db/seed/register-2018-05.json';
import { sortImpactAreas, type ImpactArea } from './impact-areas';
import { parseImpactAreas, parseImportDate, parsePaperRegister, parseSummary, parseTabularRegister, splitBullets } from './register-import';

const PAPER_TEXT = fs.readFileSync(path.join(__dirname, 'fixtures', 'register-2018-05-paper.txt'), 'utf8');
const GLYPHLESS = ['I1', 'I2', 'I3', 'I4', 'I5', 'I6', 'I7'];

describe('importing the register of 4 May 2018 as the paper prints it', () => {
  const result = parsePaperRegister(PAPER_TEXT);

  it('finds the 16 risks with no errors and 4 ref corrections', () => {
    expect(result.errors).toEqual([]);
    expect(result.risks.map((r) => r.ref)).toEqual(paper.risks.map((r) => r.id));
    expect(result.warnings.filter((w) => w.code === 'ref-corrected').map((w) => w.ref)).toEqual(['I4', 'I5', 'I6', 'I7']);
  });

  it.each(paper.risks.map((r) => [r.id, r] as const))('%s matches the checked extract', (ref, expected) => {
    const risk = result.risks.find((r) => r.ref === ref)!;
    expect(risk).toMatchObject({
      category: expected.category,
      dateIdentified: expected.dateIdentified,
      event: expected.event,
      impactAreas: sortImpactAreas(expected.impactAreas as ImpactArea[]),
      likelihood: expected.likelihood,
      control: expected.control,
      impact: expected.impact,
      score: expected.score,
      dateReviewed: expected.dateReviewed,
      previousScore: expected.previousScore,
    });
    for (const key of ['consequences', 'mitigations'] as const) {
      if (GLYPHLESS.includes(ref)) {
        // Glyphs lost: one item holding every word in order, flagged for staff to split.
        expect(risk[key]).toEqual([expected[key].join(' ')]);
        expect(result.warnings.some((w) => w.ref === ref && w.code === 'bullets-unsplit' && w.message.includes(key))).toBe(true);
      } else {
        expect(risk[key]).toEqual(expected[key]);
      }
    }
  });

  it('reads the Summary column', () => {
    const bySummary = Object.fromEntries(result.risks.map((r) => [r.ref, [r.summaryDirection, r.previousScore, r.reason]]));
    expect(bySummary.I1).toEqual(['increased', 16, 'due to impact of Op Fairline on resources']);
    expect(bySummary.I8).toEqual(['reduced', 32, 'Gold Group established and working through issues']);
    expect(bySummary.T6).toEqual(['reduced', 24, null]);
    expect(bySummary.I2).toEqual(['maintained', null, 'business as usual']);
    expect(bySummary.T7).toEqual(['new', null, null]);
  });

  it('flags the impact area printed as “Reputation”', () => {
    expect(result.warnings.filter((w) => w.code === 'impact-area-normalised').map((w) => w.ref)).toEqual(['T3']);
  });
});

describe('CSV and XLSX rows', () => {
  const header = [
    'ID',
    'Category',
    'Date identified',
    'Event',
    'Consequences',
    'Impact areas',
    'Mitigations',
    'L',
    'C',
    'I',
    'Score',
    'Date reviewed',
    'Summary',
    'Notes',
  ];

  it('reads documented columns, bullets on new lines, and warns on an unknown column and a wrong score', () => {
    const result = parseTabularRegister(
      [header, ['T9', 'topical', '2026-01-05', 'A new risk', 'One\nTwo', 'Legal, Reputation', 'Mitigate', '2', '3', '2', '13', '24/11/2026', 'NEW', 'x']],
      'csv',
    );
    expect(result.errors).toEqual([]);
    expect(result.risks[0]).toMatchObject({
      ref: 'T9',
      consequences: ['One', 'Two'],
      impactAreas: ['Legal', 'Reputational'],
      score: 12,
      dateReviewed: '2026-11-24',
    });
    expect(result.warnings.map((w) => w.code).sort()).toEqual(['impact-area-normalised', 'score-mismatch', 'unknown-column']);
  });

  it.each([
    [['I1', 'inherent', '31-Jan-17', 'E', 'c', 'Legal', 'm', '5', '2', '2', '20', '', ''], 'L “5” is not a whole number from 1 to 4'],
    [['I1', 'inherent', '31-Feb-17', 'E', 'c', 'Legal', 'm', '1', '2', '2', '4', '', ''], 'the date identified “31-Feb-17” is not a date'],
    [['X1', 'inherent', '31-Jan-17', 'E', 'c', 'Legal', 'm', '1', '2', '2', '4', '', ''], 'the ID “X1” is not a risk ID such as I1 or T7'],
    [['T1', 'inherent', '31-Jan-17', 'E', 'c', 'Legal', 'm', '1', '2', '2', '4', '', ''], 'T1 is listed as inherent but its ID says topical'],
  ])('refuses a bad row: %j', (row, message) => {
    const result = parseTabularRegister([header.slice(0, 13), row], 'csv');
    expect(result.risks).toEqual([]);
    expect(result.errors[0]!.message).toContain(message);
  });

  it('says when a file is not a register', () => {
    expect(
      parseTabularRegister(
        [
          ['Name', 'Address'],
          ['a', 'b'],
        ],
        'csv',
      ).errors[0]!.message,
    ).toMatch(/does not look like a risk register/);
    expect(parsePaperRegister('Dear Panel,\nplease find attached.').errors[0]!.message).toMatch(/does not look like a risk register/);
  });
});

describe('cell readers', () => {
  it.each([
    ['31-Jan-17', '2017-01-31'],
    ['04-May-18', '2018-05-04'],
    ['4/5/2018', '2018-05-04'],
    ['2018-05-04', '2018-05-04'],
    ['30-Feb-18', null],
    ['soon', null],
  ])('date %j → %j', (value, expected) => {
    expect(parseImportDate(value)).toBe(expected);
  });

  it.each([
    ['Reputational Operational delivery Performance Legal', ['Legal', 'Operational Delivery', 'Performance', 'Reputational']],
    ['Financial Operational Delivery Reputation', ['Financial', 'Operational Delivery', 'Reputational']],
  ])('impact areas %j', (cell, areas) => {
    expect(parseImpactAreas(cell).areas).toEqual(areas);
  });

  it('splits on glyphs, keeps a glyphless cell whole', () => {
    expect(splitBullets('<ul style="list-style-type: none"> • One • Two, three ')).toEqual({ items: ['One', 'Two, three'], certain: true });
    expect(splitBullets('<ul style="list-style-type: none"> One thing Another thing ')).toEqual({ items: ['One thing Another thing'], certain: false });
  });

  it('reads "Reduce (previously 24) -" as reduced with no reason', () => {
    expect(parseSummary('Reduce (previously 24) -')).toEqual({ direction: 'reduced', previousScore: 24, reason: null });
  });
});
