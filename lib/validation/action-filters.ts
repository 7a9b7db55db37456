import { z } from 'zod';
import { ACTION_STATUSES } from '@/lib/domain/inspections';
import type { ActionFilters } from '@/db/queries/inspections';

const one = (v: unknown) => (Array.isArray(v) ? v[0] : v) || undefined;

const schema = z.object({
  ownerId: z.preprocess(one, z.coerce.number().int().positive().optional()).catch(undefined),
  status: z.preprocess(one, z.enum(ACTION_STATUSES).optional()).catch(undefined),
  sourceType: z.preprocess(one, z.enum(['finding', 'risk', 'minute', 'other']).optional()).catch(undefined),
  overdue: z.preprocess(one, z.literal('yes').optional()).catch(undefined),
});

/** The action list's query string; a value that is not on the lists is ignored. */
export function parseActionFilters(query: Record<string, string | string[] | undefined>): ActionFilters {
  const parsed = schema.parse(query);
  return { ownerId: parsed.ownerId, status: parsed.status, sourceType: parsed.sourceType, overdue: parsed.overdue === 'yes' };
}
