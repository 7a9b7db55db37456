import { getDb } from '@/db/client';
import { listCommitments } from '@/db/queries/meetings';
import { authedRoute } from '@/lib/auth/guard';
import { csvRow } from '@/lib/domain/csv';
import { COMMITMENT_CSV_HEADERS, commitmentCsvValues } from '@/lib/domain/meetings';
import { today } from '@/lib/today';

export const dynamic = 'force-dynamic';

/**
 * Every commitment recorded from minutes, with the words it came from: GET /api/exports/commitments (CSV; the
 * columns are in docs/exports.md). Anyone who may read meetings may download it.
 */
export const GET = authedRoute('meeting:read', async () => {
  const day = today();
  const rows = listCommitments(getDb());
  const body = [csvRow(COMMITMENT_CSV_HEADERS), ...rows.map((c) => csvRow(commitmentCsvValues(c, day)))].join('');
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="commitments-${day}.csv"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
});
