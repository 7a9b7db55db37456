import { z } from 'zod';
import { getDb } from '@/db/client';
import { allAuditEntries } from '@/db/queries/audit';
import { authedRoute } from '@/lib/auth/guard';
import { actionLabel, recordLabel } from '@/lib/domain/audit-labels';
import { csvRow } from '@/lib/domain/csv';
import { today } from '@/lib/today';
import { auditFilterSchema, queryValues } from '@/lib/validation/audit';

const COLUMNS = ['id', 'at', 'who', 'change', 'changeCode', 'record', 'recordType', 'recordId', 'summary', 'detail', 'prevHash', 'hash'];

/** The audit log, filtered as on /audit, as CSV (RFC 4180, formula-safe) with each entry's hashes. */
export const GET = authedRoute('audit:read', async (request) => {
  const parsed = auditFilterSchema.safeParse(queryValues(Object.fromEntries(new URL(request.url).searchParams)));
  if (!parsed.success)
    return Response.json({ error: 'Some filters could not be used', fieldErrors: z.flattenError(parsed.error).fieldErrors }, { status: 400 });
  const { page: _page, ...filters } = parsed.data;
  const rows = allAuditEntries(getDb(), filters).map((e) =>
    csvRow([
      e.id,
      e.at,
      e.actorLabel,
      actionLabel(e.action),
      e.action,
      recordLabel(e.entityType),
      e.entityType,
      e.entityId,
      e.summary,
      e.detail === null || e.detail === undefined ? '' : JSON.stringify(e.detail),
      e.prevHash,
      e.hash,
    ]),
  );
  return new Response([csvRow(COLUMNS), ...rows].join(''), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="audit-log-${today()}.csv"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
});
