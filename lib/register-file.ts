/** Reads a register file (pasted text, .txt/.md/.tsv/.csv, or .xlsx) into an import preview. */
import { parse as parseCsv } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import { parseRegisterText, parseTabularRegister, type ImportResult } from './domain/register-import';

const csvRows = (text: string): unknown[][] => parseCsv(text, { relax_column_count: true, skip_empty_lines: true, bom: true }) as unknown[][];

/** Parses pasted or uploaded text (the paper's table, or CSV). */
export function previewRegisterText(text: string): ImportResult {
  return parseRegisterText(text, csvRows);
}

/** Parses an uploaded file by its name and content. */
export async function previewRegisterFile(name: string, content: Buffer): Promise<ImportResult> {
  if (/\.xlsx$/i.test(name)) {
    try {
      const rows = await readSheet(content);
      return parseTabularRegister(rows as unknown[][], 'xlsx');
    } catch (error) {
      return {
        format: 'xlsx',
        risks: [],
        warnings: [],
        errors: [{ line: 0, code: 'not-a-register', message: `This spreadsheet could not be read: ${(error as Error).message}` }],
      };
    }
  }
  if (content.includes(0)) {
    return {
      format: 'csv',
      risks: [],
      warnings: [],
      errors: [{ line: 0, code: 'not-a-register', message: 'This file is not text, CSV or an Excel (.xlsx) workbook' }],
    };
  }
  return previewRegisterText(content.toString('utf8'));
}
