/** CSV as RFC 4180 describes it, made safe to open in a spreadsheet. */

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell: text that a spreadsheet would run as a formula (starting =, +, -, @, tab or carriage return)
 * is prefixed with an apostrophe; any cell with a comma, quote or line break is quoted, quotes doubled.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV record, ending CRLF as RFC 4180 asks. */
export function csvRow(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
