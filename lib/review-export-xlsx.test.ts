import { strFromU8, unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { REVIEW_EXPORT_COLUMNS, type ReviewExportRow } from '@/db/queries/exports';
import { REVIEW_EXPORT_XLSX_COLUMNS, reviewExportXlsx } from './review-export-xlsx';

const row = (overrides: Partial<ReviewExportRow>): ReviewExportRow => ({
  ...(Object.fromEntries(REVIEW_EXPORT_COLUMNS.map((c) => [c, null])) as ReviewExportRow),
  ref: 'I1',
  category: 'inherent',
  event: 'Failure to deliver the priorities',
  forum: 'cmb',
  score: 24,
  ...overrides,
});

describe('the review history as a spreadsheet', () => {
  it('has the page’s headers, real date cells, widths, a frozen header row and an autofilter', async () => {
    const file = await reviewExportXlsx([
      row({
        reviewedOn: '2018-05-04',
        recordedAt: '2018-05-04T10:15:00.000Z',
        reason: 'due to impact of Op Fairline on resources',
        band: 'moderate',
        entry: 'review (corrected)',
      }),
      row({ reviewedOn: null, reviewedOnNote: 'Date not recorded in the imported register', score: 16 }),
    ]);
    const [sheet] = await readXlsxFile(file);
    const data = sheet!.data;
    expect(data[0]).toEqual(REVIEW_EXPORT_COLUMNS.map((c) => REVIEW_EXPORT_XLSX_COLUMNS[c].header));
    expect(data[0]).toContain('Date reviewed');
    const dated = data[1]!;
    expect(dated[REVIEW_EXPORT_COLUMNS.indexOf('reviewedOn')]).toEqual(new Date('2018-05-04T00:00:00Z'));
    // A spreadsheet keeps a time as a fraction of a day: equal to well within a second.
    const recorded = dated[REVIEW_EXPORT_COLUMNS.indexOf('recordedAt')];
    expect(recorded).toBeInstanceOf(Date);
    expect(Math.abs((recorded instanceof Date ? recorded.getTime() : 0) - Date.parse('2018-05-04T10:15:00Z'))).toBeLessThan(1000);
    expect(dated[REVIEW_EXPORT_COLUMNS.indexOf('score')]).toBe(24);
    // Coded values in words, for people: the CSV keeps the codes for scripts.
    const at = (r: unknown[], c: (typeof REVIEW_EXPORT_COLUMNS)[number]) => r[REVIEW_EXPORT_COLUMNS.indexOf(c)];
    expect(at(dated, 'category')).toBe('Inherent');
    expect(at(dated, 'forum')).toBe('Commissioner’s Monitoring Board (CMB)');
    expect(at(dated, 'band')).toBe('Moderate');
    expect(at(dated, 'entry')).toBe('Review, corrected since');
    const undated = data[2]!;
    expect(undated[REVIEW_EXPORT_COLUMNS.indexOf('reviewedOn')]).toBeNull();
    expect(undated[REVIEW_EXPORT_COLUMNS.indexOf('reviewedOnNote')]).toBe('Date not recorded in the imported register');

    const xml = strFromU8(unzipSync(new Uint8Array(file))['xl/worksheets/sheet1.xml']!);
    expect(xml).toContain('<autoFilter ref="A1:U3"/>');
    expect(xml).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    expect(xml).toMatch(/<col [^>]*width="50"/);
    // The autofilter follows the sheet data, as the format requires.
    expect(xml.indexOf('<autoFilter')).toBeGreaterThan(xml.indexOf('</sheetData>'));
  });
});
