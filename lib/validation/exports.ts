import { z } from 'zod';
import { FORUMS } from '@/lib/domain/forums';
import { parseDay } from '@/lib/domain/dates';

const day = (label: string) =>
  z
    .string()
    .refine((v) => parseDay(v) !== null, `${label} must be a real date as YYYY-MM-DD`)
    .optional();

/** The review-history export's query string. */
export const reviewExportQuerySchema = z.object({
  format: z.enum(['csv', 'xlsx', 'json'], { error: 'format must be csv, xlsx or json' }).default('csv'),
  risk: z
    .string()
    .regex(/^[IT][1-9][0-9]*$/, 'risk must be a risk ID such as I1 or T7')
    .optional(),
  from: day('from'),
  to: day('to'),
  forum: z.enum(FORUMS, { error: `forum must be one of ${FORUMS.join(', ')}` }).optional(),
});

/** The evidence pack's query string: the register as at a day, and the audit log for a period. */
export const evidencePackQuerySchema = z
  .object({
    asAt: day('asAt'),
    from: day('from'),
    to: day('to'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must be on or before to', path: ['from'] });

/** The commitments export's query: its format, CSV (codes) or XLSX (words). */
export const commitmentsExportQuerySchema = z.object({
  format: z.enum(['csv', 'xlsx'], { error: 'The format must be csv or xlsx' }).default('csv'),
});
