import { z } from 'zod';
import { closingWhenDone, openReadOnlyDatabase } from '@/db/client';
import { authedRoute } from '@/lib/auth/guard';
import { evidencePackStream } from '@/lib/evidence-pack';
import { today } from '@/lib/today';
import { evidencePackQuerySchema } from '@/lib/validation/exports';

export const dynamic = 'force-dynamic';

/**
 * The evidence pack as one streamed ZIP: GET /api/exports/evidence-pack?asAt=&from=&to= (each a day as
 * YYYY-MM-DD; asAt and to default to today, from to the first day of the audit log).
 */
export const GET = authedRoute('export:evidence-pack', async (request, _context: unknown, user) => {
  const parsed = evidencePackQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success)
    return Response.json({ error: 'Some parameters could not be used', fieldErrors: z.flattenError(parsed.error).fieldErrors }, { status: 400 });
  // Its own read-only connection, in one read transaction: every file of the pack is from the same moment,
  // and the shared connection stays free for writes while the pack streams.
  const db = openReadOnlyDatabase();
  db.$client.exec('BEGIN');
  const close = () => {
    db.$client.exec('COMMIT');
    db.$client.close();
  };
  try {
    const day = today();
    const first = db.$client.prepare('SELECT substr(min(at), 1, 10) AS day FROM audit_log').get() as { day: string | null };
    const params = { asAt: parsed.data.asAt ?? day, from: parsed.data.from ?? first.day ?? day, to: parsed.data.to ?? day };
    return new Response(closingWhenDone(evidencePackStream(db, params, { name: user.name, role: user.role }), close), {
      headers: {
        'Content-Type': 'application/zip',
        'Content-Disposition': `attachment; filename="evidence-pack-${params.asAt}.zip"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (error) {
    close();
    throw error;
  }
});
