import { getDb } from '@/db/client';

export const dynamic = 'force-dynamic';

/** Health check for monitoring: the database opens and answers. No data is disclosed. */
export function GET() {
  try {
    getDb().$client.prepare('select 1').get();
    return Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
  } catch {
    return Response.json({ status: 'error', message: 'The database is not available' }, { status: 503, headers: { 'Cache-Control': 'no-store' } });
  }
}
