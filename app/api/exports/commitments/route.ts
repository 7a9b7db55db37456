import { z } from 'zod';
import { getDb } from '@/db/client';
import { listCommitments } from '@/db/queries/meetings';
import { authedRoute } from '@/lib/auth/guard';
import { commitmentsXlsx } from '@/lib/commitments-xlsx';
import { csvRow } from '@/lib/domain/csv';
import { COMMITMENT_CSV_HEADERS, commitmentCsvValues } from '@/lib/domain/meetings';
import { today } from '@/lib/today';
import { commitmentsExportQuerySchema } from '@/lib/validation/exports';

export const dynamic = 'force-dynamic';

/**
 * Every commitment recorded from minutes, with the words it came from: GET /api/exports/commitments (CSV, codes
 * for scripts) or ?format=xlsx (a spreadsheet in words). The columns are in docs/exports.md. Anyone who may read
 * meetings may download it.
 */
export const GET = authedRoute('meeting:read', async (request) => {
  const query = commitmentsExportQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success)
    return Response.json({ error: 'Some parameters could not be used', fieldErrors: z.flattenError(query.error).fieldErrors }, { status: 400 });
  const day = today();
  const rows = listCommitments(getDb());
  const headers = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
  if (query.data.format === 'xlsx')
    return new Response(new Uint8Array(await commitmentsXlsx(rows, day)), {
      headers: {
        ...headers,
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Disposition': `attachment; filename="commitments-${day}.xlsx"`,
      },
    });
  const body = [csvRow(COMMITMENT_CSV_HEADERS), ...rows.map((c) => csvRow(commitmentCsvValues(c, day)))].join('');
  return new Response(body, {
    headers: { ...headers, 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="commitments-${day}.csv"` },
  });
});
