/** Reads a register file (pasted text, .txt/.md/.tsv/.csv, or .xlsx) into an import preview. */
import { parse as parseCsv } from 'csv-parse/sync';
import { Unzip, UnzipInflate, zipSync, type Unzipped } from 'fflate';
import { readSheet } from 'read-excel-file/node';
import { REGISTER_TEXT_MAX_CHARACTERS } from './upload-limits';
import { parseRegisterText, parseTabularRegister, type ImportResult } from './domain/register-import';

/**
 * Limits checked before anything is parsed, so one upload cannot hold the server: a register of
 * thousands of risks fits well inside each. The row cap is the one applying an import uses.
 */
export const MAX_TEXT_CHARACTERS = REGISTER_TEXT_MAX_CHARACTERS;
export const MAX_XLSX_UNCOMPRESSED_BYTES = 20 * 1024 * 1024;
export const MAX_CELL_CHARACTERS = 20_000;
export const MAX_ROWS = 5000;

/** A register refused before (or instead of) being read, with the reason in words. */
export const refused = (format: ImportResult['format'], message: string): ImportResult => ({
  format,
  risks: [],
  warnings: [],
  errors: [{ line: 0, code: 'too-large', message }],
});

/** The most a slice of the workbook can inflate to is about 1,000 times its size: 4 kB slices keep each step small. */
const UNZIP_SLICE_BYTES = 4096;

/**
 * Unpacks a workbook, counting the bytes as they inflate and stopping as soon as they pass `limit`. The zip's
 * directory declares each entry's size, but a hostile file can declare 1,000 bytes for an entry that inflates
 * to 300 MB: only what is actually inflated is counted. `null` when the file is not a zip.
 */
export function unzipWithin(content: Uint8Array, limit: number): { files: Unzipped } | { tooLarge: true } | null {
  const files: Unzipped = {};
  let inflated = 0;
  let tooLarge = false;
  let damaged = false;
  const unzip = new Unzip((entry) => {
    const chunks: Uint8Array[] = [];
    entry.ondata = (error, data, final) => {
      if (error || tooLarge) {
        damaged ||= Boolean(error);
        return;
      }
      inflated += data.length;
      if (inflated > limit) {
        tooLarge = true;
        return;
      }
      chunks.push(data);
      if (final) files[entry.name] = Buffer.concat(chunks);
    };
    entry.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < content.length && !tooLarge; at += UNZIP_SLICE_BYTES) {
      const end = Math.min(at + UNZIP_SLICE_BYTES, content.length);
      unzip.push(content.subarray(at, end), end === content.length);
    }
  } catch {
    return null;
  }
  if (tooLarge) return { tooLarge };
  return damaged || Object.keys(files).length === 0 ? null : { files };
}

/** Refuses a result with too many rows or an over-long cell. */
function withinLimits(result: ImportResult): ImportResult {
  if (result.risks.length > MAX_ROWS)
    return refused(
      result.format,
      `This register has ${result.risks.length.toLocaleString('en-GB')} risks; an import can hold at most ${MAX_ROWS.toLocaleString('en-GB')}. Split it into smaller files.`,
    );
  return result;
}

const csvRows = (text: string): unknown[][] => parseCsv(text, { relax_column_count: true, skip_empty_lines: true, bom: true }) as unknown[][];

/** Parses pasted or uploaded text (the paper's table, or CSV). */
export function previewRegisterText(text: string): ImportResult {
  if (text.length > MAX_TEXT_CHARACTERS)
    return refused(
      'csv',
      `The register is too long to read (more than ${MAX_TEXT_CHARACTERS.toLocaleString('en-GB')} characters). Split it into smaller parts.`,
    );
  return withinLimits(parseRegisterText(text, csvRows));
}

/** Parses an uploaded file by its name and content. */
export async function previewRegisterFile(name: string, content: Buffer): Promise<ImportResult> {
  if (/\.xlsx$/i.test(name)) {
    const unpacked = unzipWithin(content, MAX_XLSX_UNCOMPRESSED_BYTES);
    if (unpacked === null) return refused('xlsx', 'This file is not an Excel (.xlsx) workbook that can be read. Save it again from Excel and upload it.');
    if ('tooLarge' in unpacked)
      return refused(
        'xlsx',
        `This workbook unpacks to more than ${MAX_XLSX_UNCOMPRESSED_BYTES / 1024 / 1024} MB, far more than a register needs, so it was not read.`,
      );
    try {
      // The reader is handed only what was counted, stored uncompressed, so it never inflates anything itself.
      const rows = (await readSheet(Buffer.from(zipSync(unpacked.files, { level: 0 })))) as unknown[][];
      if (rows.length > MAX_ROWS + 10)
        return refused(
          'xlsx',
          `This workbook has ${rows.length.toLocaleString('en-GB')} rows; an import can hold at most ${MAX_ROWS.toLocaleString('en-GB')} risks.`,
        );
      const long = rows.flat().find((cell) => typeof cell === 'string' && cell.length > MAX_CELL_CHARACTERS);
      if (long !== undefined)
        return refused('xlsx', `A cell holds more than ${MAX_CELL_CHARACTERS.toLocaleString('en-GB')} characters, more than any register entry needs.`);
      return withinLimits(parseTabularRegister(rows, 'xlsx'));
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
