/**
 * The commitments as a spreadsheet: one row each, headers and coded values in words ("Police and Crime Panel",
 * "In progress"), days as real date cells, the words of the minutes verbatim, a frozen header row and an
 * autofilter. The CSV keeps the codes, for scripts; docs/exports.md gives both.
 */
import writeExcelFile, { type Cell } from 'write-excel-file/node';
import { ACTION_STATUS_LABEL } from '@/lib/domain/inspections';
import { commitmentOverdue, commitmentSource, MEETING_FORUM_LABEL, offPlanMessage, type CommitmentView } from '@/lib/domain/meetings';
import { asDate, autofilter } from './xlsx';

const day = (value: string | null): Cell => {
  const date = asDate(value, false);
  return date ? { value: date, type: Date, format: 'dd/mm/yyyy' } : null;
};

/** Each column's header, its width in characters, and its cell for a commitment. */
const COLUMNS: Array<{ header: string; width: number; cell: (c: CommitmentView, today: string) => Cell }> = [
  { header: 'Commitment', width: 8, cell: (c) => c.id },
  { header: 'Action', width: 8, cell: (c) => c.actionId },
  { header: 'Source', width: 30, cell: (c) => commitmentSource(c.from.forum, c.from.on, c.minute) },
  { header: 'Forum', width: 28, cell: (c) => MEETING_FORUM_LABEL[c.from.forum] },
  { header: 'Minuted on', width: 12, cell: (c) => day(c.from.on) },
  { header: 'Minute', width: 8, cell: (c) => c.minute },
  { header: 'Minute title', width: 30, cell: (c) => c.minuteTitle || null },
  { header: 'Words of the minutes', width: 60, cell: (c) => c.quote },
  { header: 'Given by', width: 22, cell: (c) => c.givenBy },
  { header: 'What is due', width: 50, cell: (c) => c.what },
  { header: 'When, in the minutes’ words', width: 22, cell: (c) => c.dueText },
  { header: 'Due at the meeting of', width: 12, cell: (c) => day(c.due?.on ?? null) },
  { header: 'Due date', width: 12, cell: (c) => day(c.dueOn) },
  { header: 'Owner', width: 22, cell: (c) => c.ownerName },
  { header: 'Status', width: 12, cell: (c) => ACTION_STATUS_LABEL[c.status] },
  { header: 'Risk', width: 7, cell: (c) => c.riskRef },
  { header: 'Latest update on', width: 12, cell: (c) => day(c.latestUpdate?.on ?? null) },
  { header: 'Latest update', width: 50, cell: (c) => c.latestUpdate?.note ?? null },
  { header: 'Not on its forward plan', width: 40, cell: (c) => offPlanMessage(c) },
  { header: 'Overdue', width: 8, cell: (c, today) => (commitmentOverdue(c, today) ? 'Yes' : 'No') },
];

export const COMMITMENTS_XLSX_HEADERS = COLUMNS.map((c) => c.header);

/** The commitments as an .xlsx file, as they stand on `today`. */
export async function commitmentsXlsx(rows: readonly CommitmentView[], today: string): Promise<Buffer> {
  const header: Cell[] = COLUMNS.map((c) => ({ value: c.header, fontWeight: 'bold' }));
  const body = rows.map((row) => COLUMNS.map((c) => c.cell(row, today) ?? null));
  return writeExcelFile(
    [header, ...body],
    { sheet: 'Commitments', columns: COLUMNS.map((c) => ({ width: c.width })), stickyRowsCount: 1 },
    { features: [autofilter(body.length + 1, COLUMNS.length)] },
  ).toBuffer();
}
