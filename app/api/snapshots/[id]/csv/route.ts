import { getDb } from '@/db/client';
import { getSnapshot, registerCsv } from '@/db/mutations/snapshots';
import { authedRoute } from '@/lib/auth/guard';

export const dynamic = 'force-dynamic';

/** A frozen snapshot's register as CSV (formula-safe), named with its meeting. */
export const GET = authedRoute('export:review-history', async (_request, context: { params: Promise<{ id: string }> }) => {
  const id = Number((await context.params).id);
  const snapshot = Number.isInteger(id) && id > 0 ? getSnapshot(getDb(), id) : null;
  if (!snapshot) return Response.json({ error: 'No such snapshot' }, { status: 404 });
  const body = registerCsv(snapshot.data.risks);
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="register-${snapshot.forum}-${snapshot.meetingOn}.csv"`,
      'X-Snapshot-SHA256': snapshot.sha256,
      'Cache-Control': 'no-store',
    },
  });
});
