/** What every spreadsheet export shares: date cells that never shift a day, and an autofilter over its rows. */
import type { Blob } from 'node:buffer';
import type Stream from 'node:stream';
import type { Feature } from 'write-excel-file/node';
import { getCellAddress, getOrderOfSiblings, getSelfClosingTagMarkup, insertElementMarkupAccordingToOrderOfSiblings } from 'write-excel-file/utility';
import { parseDay } from '@/lib/domain/dates';

/** What the Node build of write-excel-file writes files as (its own FileContent type, which it does not export). */
type FileContent = Stream | Buffer | Blob;

/** A YYYY-MM-DD day, or an ISO time, as the Date a spreadsheet date cell holds (UTC, so the day never shifts). */
export function asDate(value: string | number | null, withTime: boolean): Date | null {
  if (typeof value !== 'string' || !value) return null;
  if (!withTime) return parseDay(value) ? new Date(`${value}T00:00:00Z`) : null;
  const time = new Date(value.includes('T') || value.endsWith('Z') ? value : `${value.replace(' ', 'T')}Z`);
  return Number.isNaN(time.getTime()) ? null : time;
}

/** Adds an autofilter over the header row and every data row, through the library's documented feature hook. */
export function autofilter(rows: number, columns: number): Feature<FileContent> {
  return {
    files: {
      transform: {
        'xl/worksheets/sheet{id}.xml': {
          transform: (xml) =>
            insertElementMarkupAccordingToOrderOfSiblings(
              xml,
              getSelfClosingTagMarkup('autoFilter', { ref: `A1:${getCellAddress(rows - 1, columns - 1)}` }),
              getOrderOfSiblings('xl/worksheets/sheet{id}.xml', 'worksheet') ?? [],
              'worksheet',
            ),
        },
      },
    },
  };
}
