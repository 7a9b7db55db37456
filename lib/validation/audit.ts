/**
 * The audit log's filters, from the page's query string or the CSV download's: each problem named against
 * its field in words, so the page can show GOV.UK's error summary instead of silently ignoring it.
 */
import { z } from 'zod';
import { dayText } from './day-text';

const text = (max: number, label: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() ? v.trim() : undefined),
    z.string().max(max, `${label} must be ${max} characters or fewer`).optional(),
  );

export const auditFilterSchema = z
  .object({
    entityType: text(50, 'Record type'),
    action: text(80, 'Change'),
    actor: text(100, 'Who'),
    from: dayText('From'),
    to: dayText('To'),
    page: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() ? v.trim() : undefined),
      z.coerce.number({ error: 'Page must be a whole number' }).int('Page must be a whole number').min(1, 'Page must be 1 or more').max(1_000_000).default(1),
    ),
  })
  .superRefine((value, ctx) => {
    if (value.from && value.to && value.from > value.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'To must be the same as or after From' });
  });

export type AuditFilterInput = z.infer<typeof auditFilterSchema>;

/** The query string's values as single strings (the first of any repeated key). */
export function queryValues(query: Record<string, string | string[] | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(query).map(([k, v]) => [k, Array.isArray(v) ? (v[0] ?? '') : (v ?? '')]));
}
