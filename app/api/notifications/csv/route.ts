import { z } from 'zod';
import { getDb } from '@/db/client';
import { listNotifications } from '@/db/queries/reminders';
import { authedRoute } from '@/lib/auth/guard';
import { csvRow } from '@/lib/domain/csv';
import { today } from '@/lib/today';
import { queryValues } from '@/lib/validation/audit';
import { notificationFilterSchema, NOTIFICATION_STATUS_LABEL } from '@/lib/validation/notifications';

const COLUMNS = ['id', 'day', 'recipient', 'email', 'reminders', 'subject', 'status', 'attempts', 'messageId', 'error', 'createdAt', 'updatedAt'];

/** The send log, filtered as on /admin/notifications, as CSV (formula-safe): what was sent to whom, and what became of it. */
export const GET = authedRoute('audit:read', async (request) => {
  const parsed = notificationFilterSchema.safeParse(queryValues(Object.fromEntries(new URL(request.url).searchParams)));
  if (!parsed.success)
    return Response.json({ error: 'Some filters could not be used', fieldErrors: z.flattenError(parsed.error).fieldErrors }, { status: 400 });
  const rows = listNotifications(getDb(), parsed.data, 100_000).map((n) =>
    csvRow([
      n.id,
      n.day,
      n.name,
      n.email,
      n.items.map((i) => `${i.ref} (${i.occasion})`).join('; '),
      n.subject,
      NOTIFICATION_STATUS_LABEL[n.status],
      n.attempts,
      n.messageId,
      n.error,
      n.createdAt,
      n.updatedAt,
    ]),
  );
  return new Response([csvRow(COLUMNS), ...rows].join(''), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="reminders-sent-${today()}.csv"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
});
