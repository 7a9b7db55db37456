import { z } from 'zod';
import { closingWhenDone, openReadOnlyDatabase } from '@/db/client';
import { iterateReviewExport, reviewExportCsv } from '@/db/queries/exports';
import { reviewExportXlsx } from '@/lib/review-export-xlsx';
import { authedRoute } from '@/lib/auth/guard';
import { today } from '@/lib/today';
import { reviewExportQuerySchema } from '@/lib/validation/exports';

export const dynamic = 'force-dynamic';

/** Lines per piece pulled from the database cursor into the response stream (JSON; CSV comes in pieces). */
const CHUNK = 500;

/** A response body pulled from a generator of text, one piece (or CHUNK lines) per read, so memory stays flat. */
function stream(lines: Generator<string>, perPull = CHUNK): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      let text = '';
      for (let i = 0; i < perPull; i++) {
        const next = lines.next();
        if (next.done) {
          if (text) controller.enqueue(encoder.encode(text));
          controller.close();
          return;
        }
        text += next.value;
      }
      controller.enqueue(encoder.encode(text));
    },
    cancel() {
      lines.return(undefined);
    },
  });
}

/**
 * Every review, as CSV (RFC 4180, formula-safe), JSON or XLSX, filtered by risk, date range and forum.
 * CSV and JSON stream from a database cursor on a read-only connection of their own (the shared one must
 * stay free for writes while a long download runs); XLSX is built whole.
 */
export const GET = authedRoute('export:review-history', async (request) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = reviewExportQuerySchema.safeParse(query);
  if (!parsed.success)
    return Response.json({ error: 'Some parameters could not be used', fieldErrors: z.flattenError(parsed.error).fieldErrors }, { status: 400 });
  const { format, ...filters } = parsed.data;
  const db = openReadOnlyDatabase();
  const close = () => db.$client.close();
  const name = `review-history-${today()}`;
  const headers = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
  if (format === 'csv') {
    return new Response(closingWhenDone(stream(reviewExportCsv(db, filters), 1), close), {
      headers: { ...headers, 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}.csv"` },
    });
  }
  const rows = iterateReviewExport(db, filters);
  if (format === 'json') {
    function* lines() {
      yield '[';
      let first = true;
      for (const row of rows) {
        yield `${first ? '' : ','}\n${JSON.stringify(row)}`;
        first = false;
      }
      yield '\n]\n';
    }
    return new Response(closingWhenDone(stream(lines()), close), {
      headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}.json"` },
    });
  }
  let buffer;
  try {
    buffer = await reviewExportXlsx(rows);
  } finally {
    close();
  }
  return new Response(new Uint8Array(buffer), {
    headers: {
      ...headers,
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="${name}.xlsx"`,
    },
  });
});
