/** A day typed into one box (filters): any of the ways readDayText takes, as a YYYY-MM-DD day, or an error in words. */
import { z } from 'zod';
import { readDayText } from '@/lib/domain/dates';

export const dayTextMessage = (label: string) => `${label} must be a real date, like 4/5/2018, 4 May 2018 or 2018-05-04`;

/** Empty is absent; anything else must be a real day, returned as YYYY-MM-DD. */
export const dayText = (label: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() ? v.trim() : undefined),
    z
      .string()
      .transform((v, ctx) => readDayText(v) ?? (ctx.addIssue({ code: 'custom', message: dayTextMessage(label) }), z.NEVER))
      .optional(),
  );
