/**
 * The review history as a spreadsheet an auditor can work in: the headers read as on the page, dates are
 * real date cells (so they sort and filter as dates), columns are wide enough to read, the header row is
 * frozen and carries an autofilter, and every coded value is in words ("Inherent", "Commissioner’s Monitoring
 * Board (CMB)", "Acceptable", "Review, corrected since"). The CSV and JSON keep the codes, for scripts;
 * docs/exports.md gives every column, code and its words.
 */
import writeExcelFile, { type Cell, type SheetData } from 'write-excel-file/node';
import { REVIEW_EXPORT_COLUMNS, type ReviewExportRow } from '@/db/queries/exports';
import { CATEGORY_LABEL, type Category } from '@/lib/domain/categories';
import { FORUM_LABEL, type Forum } from '@/lib/domain/forums';
import { bandLabel, type BandName } from '@/lib/domain/scoring';

import { asDate, autofilter } from './xlsx';

type Column = (typeof REVIEW_EXPORT_COLUMNS)[number];

/** Each column's header in words, and its width in characters. */
export const REVIEW_EXPORT_XLSX_COLUMNS: Record<Column, { header: string; width: number }> = {
  ref: { header: 'Risk', width: 7 },
  category: { header: 'Category', width: 10 },
  event: { header: 'Event', width: 50 },
  reviewedOn: { header: 'Date reviewed', width: 14 },
  forum: { header: 'Forum', width: 30 },
  reviewer: { header: 'Reviewed by', width: 22 },
  likelihood: { header: 'Likelihood (L)', width: 8 },
  control: { header: 'Control (C)', width: 8 },
  impact: { header: 'Impact (I)', width: 8 },
  score: { header: 'Score', width: 7 },
  band: { header: 'Band', width: 11 },
  direction: { header: 'Direction', width: 11 },
  previousScore: { header: 'Previous score', width: 9 },
  reason: { header: 'Reason', width: 50 },
  appetite: { header: 'Risk appetite', width: 9 },
  recordedAt: { header: 'Recorded at', width: 18 },
  reviewNumber: { header: 'Review number', width: 9 },
  entry: { header: 'Entry', width: 26 },
  correctedBy: { header: 'Corrected by', width: 22 },
  correctionReason: { header: 'Why corrected', width: 40 },
  reviewedOnNote: { header: 'Date note', width: 40 },
};

/** What each entry code (the CSV's `entry`) says in words. */
export const ENTRY_LABEL: Record<string, string> = {
  review: 'Review',
  'review (corrected)': 'Review, corrected since',
  'correction (in force)': 'Correction, in force',
  'correction (corrected)': 'Correction, corrected since',
};

/** The coded columns' values in words; a value with no words (none expected) is shown as it is. */
const IN_WORDS: Partial<Record<Column, (code: string) => string>> = {
  category: (code) => CATEGORY_LABEL[code as Category] ?? code,
  forum: (code) => FORUM_LABEL[code as Forum] ?? code,
  band: (code) => bandLabel(code as BandName),
  entry: (code) => ENTRY_LABEL[code] ?? code,
};

/** The rows as an .xlsx file. */
export async function reviewExportXlsx(rows: Iterable<ReviewExportRow>): Promise<Buffer> {
  const header: Cell[] = REVIEW_EXPORT_COLUMNS.map((c) => ({ value: REVIEW_EXPORT_XLSX_COLUMNS[c].header, fontWeight: 'bold' }));
  const body: SheetData = Array.from(rows, (row) =>
    REVIEW_EXPORT_COLUMNS.map((c): Cell => {
      if (c === 'reviewedOn' || c === 'recordedAt') {
        const date = asDate(row[c], c === 'recordedAt');
        return date ? { value: date, type: Date, format: c === 'recordedAt' ? 'dd/mm/yyyy hh:mm' : 'dd/mm/yyyy' } : null;
      }
      const value = row[c];
      if (value === null || value === '') return null;
      const words = IN_WORDS[c];
      return words && typeof value === 'string' ? words(value) : value;
    }),
  );
  return writeExcelFile(
    [header, ...body],
    { sheet: 'Review history', columns: REVIEW_EXPORT_COLUMNS.map((c) => ({ width: REVIEW_EXPORT_XLSX_COLUMNS[c].width })), stickyRowsCount: 1 },
    { features: [autofilter(body.length + 1, REVIEW_EXPORT_COLUMNS.length)] },
  ).toBuffer();
}
