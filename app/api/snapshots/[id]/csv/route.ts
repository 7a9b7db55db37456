import { getDb } from '@/db/client';
import { getSnapshot } from '@/db/mutations/snapshots';
import { authedRoute } from '@/lib/auth/guard';
import { csvRow } from '@/lib/domain/csv';

export const dynamic = 'force-dynamic';

const COLUMNS = ['ref', 'category', 'dateIdentified', 'event', 'impactAreas', 'likelihood', 'control', 'impact', 'score', 'band', 'dateReviewed', 'summary', 'owner'] as const;

/** A frozen snapshot's register as CSV (formula-safe), named with its meeting. */
export const GET = authedRoute('export:review-history', async (_request, context: { params: Promise<{ id: string }> }) => {
  const id = Number((await context.params).id);
  const snapshot = Number.isInteger(id) && id > 0 ? getSnapshot(getDb(), id) : null;
  if (!snapshot) return Response.json({ error: 'No such snapshot' }, { status: 404 });
  const body = csvRow(COLUMNS) + snapshot.data.risks.map((r) => csvRow(COLUMNS.map((c) => (c === 'impactAreas' ? r.impactAreas.join('; ') : r[c])))).join('');
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="register-${snapshot.forum}-${snapshot.meetingOn}.csv"`,
      'X-Snapshot-SHA256': snapshot.sha256,
      'Cache-Control': 'no-store',
    },
  });
});
