import { z } from 'zod';
import { today } from '@/lib/today';
import { dateField, optionalDateField, withDateInputs } from './date-input';
import { ACTION_STATUSES, FINDING_STATUSES, S55_STATUSES } from '@/lib/domain/inspections';
import { GRADES } from '@/lib/domain/inspection-report';
import { LIMITS, tooLong } from '@/lib/validation/limits';

const id = z.coerce.number({ error: 'This record could not be found' }).int().positive();
const version = z.coerce.number({ error: 'Reload the page and try again' }).int().positive();
const optionalId = z.preprocess((v) => (v === '' || v === undefined ? null : v), z.coerce.number().int().positive().nullable());

/** A previewed report coming back to be saved, with the details staff corrected. */
export const reportPayloadSchema = z.object({
  force: z.string().trim().min(1, 'Enter the force').max(LIMITS.force, tooLong('Force', LIMITS.force)),
  title: z.string().trim().min(1, 'Enter the report’s title').max(LIMITS.reportTitle, tooLong('Title', LIMITS.reportTitle)),
  inspectorate: z.enum(['HMICFRS', 'HMIC'], { error: 'Select the inspectorate' }),
  year: z.string().trim().min(4, 'Enter the inspection year, like 2018/19').max(9, 'Enter the inspection year, like 2018/19'),
  type: z.string().trim().min(1, 'Enter the type of inspection').max(LIMITS.inspectionType, tooLong('Type', LIMITS.inspectionType)),
  judgments: z
    .array(z.object({ pillar: z.string().nullable(), component: z.string().min(1).max(300), grade: z.enum(GRADES), lastInspected: z.string().nullable() }))
    .max(50),
  findings: z
    .array(
      z.object({
        kind: z.enum(['area-for-improvement', 'cause-of-concern', 'recommendation']),
        component: z.string().max(LIMITS.component).nullable(),
        text: z.string().min(1).max(5000),
        subItems: z.array(z.string().max(2000)).max(50),
        withinMonths: z.number().int().min(1).max(60).nullable(),
        line: z.number().int(),
        causeLine: z.number().int().optional(),
      }),
    )
    .max(300),
});

/** What a preview hands back to the confirm form: its judgments and findings, checked apart from the fields staff edit. */
export const previewPayloadSchema = reportPayloadSchema.pick({ judgments: true, findings: true });

/** The s.55 response's progress: a published response needs the day it was published (not in the future). */
export const s55Schema = withDateInputs(
  ['s55PublishedOn'],
  z
    .object({
      id,
      version,
      status: z.enum(S55_STATUSES, { error: 'Select the response’s status' }),
      s55PublishedOn: optionalDateField('date the response was published', { notAfter: today }),
      link: z
        .union([
          z.literal(''),
          z
            .string()
            .trim()
            .max(LIMITS.s55Link, tooLong('The web address', LIMITS.s55Link))
            .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: 'Enter the web address of the published response, starting https://' })),
        ])
        .default(''),
    })
    .superRefine((input, ctx) => {
      if (input.status === 'published' && !input.s55PublishedOn)
        ctx.addIssue({ code: 'custom', path: ['s55PublishedOn'], message: 'Enter the date the response was published' });
    }),
);

export const findingUpdateSchema = z.object({
  id,
  version,
  status: z.enum(FINDING_STATUSES, { error: 'Select a status' }),
  opccOwnerId: optionalId,
  forceLead: z.string().trim().max(LIMITS.forceLead, tooLong('Force lead', LIMITS.forceLead)).default(''),
  predecessorId: optionalId,
});

export const findingNoteSchema = z.object({
  id,
  note: z.string().trim().min(1, 'Enter the progress note').max(LIMITS.findingNote, tooLong('Note', LIMITS.findingNote)),
});

export const findingLinkSchema = z.object({
  id,
  riskRef: z.string().regex(/^[IT][1-9][0-9]*$/, 'Select a risk from the list'),
  intent: z.enum(['link', 'unlink']).default('link'),
});

export const newActionSchema = withDateInputs(
  ['dueOn'],
  z.object({
    dueOn: dateField('due date'),
    title: z.string().trim().min(1, 'Enter what needs to be done').max(LIMITS.actionTitle, tooLong('Action', LIMITS.actionTitle)),
    sourceType: z.enum(['finding', 'risk', 'minute', 'other'], { error: 'Select what the action answers' }),
    sourceRef: z.string().trim().max(LIMITS.sourceRef, tooLong('Reference', LIMITS.sourceRef)).default(''),
    findingId: optionalId,
    riskRef: z.string().trim().default(''),
    ownerId: z.coerce.number({ error: 'Select an owner' }).int().positive('Select an owner'),
  }),
);

export const actionUpdateSchema = z.object({
  id,
  version,
  status: z.enum(ACTION_STATUSES, { error: 'Select a status' }),
  note: z.string().trim().min(1, 'Enter what has happened').max(LIMITS.actionUpdate, tooLong('Update', LIMITS.actionUpdate)),
});

export const reviseDueSchema = withDateInputs(
  ['newDueOn'],
  z.object({
    id,
    version,
    newDueOn: dateField('new due date'),
    reason: z.string().trim().min(1, 'Enter why the due date is changing').max(LIMITS.dueDateReason, tooLong('Reason', LIMITS.dueDateReason)),
  }),
);
