/** The send log's filters (/admin/notifications and its CSV): each problem named against its field. */
import { z } from 'zod';
import { dayText } from './day-text';

export const NOTIFICATION_STATUSES = ['queued', 'sending', 'sent', 'failed', 'not-sent', 'replaced'] as const;

export const NOTIFICATION_STATUS_LABEL: Record<(typeof NOTIFICATION_STATUSES)[number], string> = {
  queued: 'Queued',
  // Claimed by a run that stopped before it recorded whether the mail server took it: never sent again
  // by itself, since it may have gone; a person checks the mailbox.
  sending: 'Uncertain',
  sent: 'Sent',
  failed: 'Failed',
  'not-sent': 'Not sent',
  // Failed, then carried into the person's next digest (its error names which).
  replaced: 'Replaced',
};

const blank = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

export const notificationFilterSchema = z
  .object({
    status: z.preprocess(blank, z.enum(NOTIFICATION_STATUSES, { error: 'Choose a status from the list' }).optional()),
    from: dayText('From'),
    to: dayText('To'),
  })
  .superRefine((value, ctx) => {
    if (value.from && value.to && value.from > value.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'To must be the same as or after From' });
  });
