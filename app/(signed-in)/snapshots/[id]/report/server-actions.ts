'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { publishCoveringReport, saveNarrative, startCoveringReport } from '@/db/mutations/covering-reports';
import { CoveringReportError } from '@/db/errors';
import { getSnapshot } from '@/db/mutations/snapshots';
import { getCoveringReport } from '@/db/queries/covering-reports';
import { authedAction } from '@/lib/auth/guard';
import type { FormState } from '@/lib/validation/form-state';
import type { Narrative } from '@/lib/domain/covering-report';
import { LIMITS, tooLong } from '@/lib/validation/limits';

const snapshotId = z.coerce.number({ error: 'Choose a snapshot' }).int('Choose a snapshot').positive('Choose a snapshot');
const version = z.coerce.number({ error: 'Reload the page and try again' }).int('Reload the page and try again').positive('Reload the page and try again');

const MAX_TEXT = LIMITS.reportSection;
/** A text field of the narrative; an optional one left out of the post is empty. */
const prose = (what: string, required: boolean) => {
  const text = z.string({ error: `Enter ${what}` });
  const base = (required ? text : text.default(''))
    .transform((t) => t.replace(/\r\n?/g, '\n').trim())
    .pipe(z.string().max(MAX_TEXT, `${what.charAt(0).toUpperCase()}${what.slice(1)} must be ${MAX_TEXT.toLocaleString('en-GB')} characters or fewer`));
  return required ? base.pipe(z.string().min(1, `Enter ${what}`)) : base;
};

const startSchema = z.object({ snapshotId });

/** Drafts the covering report of a snapshot (staff), then opens it for editing. */
export const startCoveringReportAction = authedAction('report:write', startSchema, (input, user): FormState => {
  const db = getDb();
  if (!getSnapshot(db, input.snapshotId)) return { formErrors: ['That snapshot does not exist; nothing has been saved.'] };
  try {
    startCoveringReport(db, { userId: user.id, label: user.name }, input.snapshotId);
  } catch (error) {
    if (error instanceof CoveringReportError) return { formErrors: [error.message] };
    throw error;
  }
  revalidatePath(`/snapshots/${input.snapshotId}`);
  redirect(`/snapshots/${input.snapshotId}/report/edit`);
});

const saveSchema = z.object({
  snapshotId,
  version,
  purpose: prose('the purpose of the report', true),
  background: prose('further background', false),
  otherHeading: prose('the heading of the extra section', false).pipe(
    z.string().max(LIMITS.reportHeading, tooLong('The heading of the extra section', LIMITS.reportHeading)),
  ),
  otherText: prose('the text of the extra section', false),
  futureReviews: prose('what happens at future reviews', true),
  signOffName: prose('the name of the person signing off', false).pipe(z.string().max(LIMITS.reportShort, tooLong('The name', LIMITS.reportShort))),
  signOffRole: prose('their role', false).pipe(z.string().max(LIMITS.reportShort, tooLong('The role', LIMITS.reportShort))),
  agendaItem: prose('the agenda item', false).pipe(z.string().max(LIMITS.agendaItem, `${tooLong('The agenda item', LIMITS.agendaItem)}, for example 8 or 8a`)),
  planAlignment: prose('the Plan the register is aligned to', false).pipe(z.string().max(LIMITS.reportShort, tooLong('The Plan', LIMITS.reportShort))),
  monthlyReviewers: prose('who reviews the register monthly', false).pipe(
    z.string().max(LIMITS.reportShort, tooLong('Who reviews monthly', LIMITS.reportShort)),
  ),
  registerManager: prose('who manages the register day to day', false).pipe(
    z.string().max(LIMITS.reportShort, tooLong('Who manages the register', LIMITS.reportShort)),
  ),
});

/** Saves the edited narrative (staff). Every field is kept and echoed back when anything is wrong. */
export const saveNarrativeAction = authedAction('report:write', saveSchema, (input, user, values): FormState => {
  const db = getDb();
  const current = getCoveringReport(db, input.snapshotId);
  if (!current) return { formErrors: ['There is no draft covering report for this snapshot; nothing has been saved.'], values };
  const fieldErrors: Record<string, string[]> = {};
  const risks: Record<string, string> = { ...current.narrative.risks };
  for (const ref of Object.keys(current.narrative.risks)) {
    const raw = values[`risk-${ref}`];
    if (raw === undefined) continue;
    const text = (Array.isArray(raw) ? raw.join('\n') : raw).replace(/\r\n?/g, '\n').trim();
    if (!text) fieldErrors[`risk-${ref}`] = [`Enter the paragraph for Risk ${ref}`];
    else if (text.length > MAX_TEXT)
      fieldErrors[`risk-${ref}`] = [`The paragraph for Risk ${ref} must be ${MAX_TEXT.toLocaleString('en-GB')} characters or fewer`];
    else risks[ref] = text;
  }
  if ((input.otherHeading && !input.otherText) || (!input.otherHeading && input.otherText)) {
    fieldErrors[input.otherHeading ? 'otherText' : 'otherHeading'] = [
      input.otherHeading ? 'Enter the text of the extra section, or clear its heading' : 'Enter a heading for the extra section, or clear its text',
    ];
  }
  if (Object.keys(fieldErrors).length) return { fieldErrors, values };
  const narrative: Narrative = {
    purpose: input.purpose,
    background: input.background,
    otherHeading: input.otherHeading,
    otherText: input.otherText,
    risks,
    futureReviews: input.futureReviews,
    signOffName: input.signOffName,
    signOffRole: input.signOffRole,
    agendaItem: input.agendaItem,
    planAlignment: input.planAlignment,
    monthlyReviewers: input.monthlyReviewers,
    registerManager: input.registerManager,
  };
  const result = saveNarrative(db, { userId: user.id, label: user.name }, input.snapshotId, input.version, narrative);
  // On a stale save the form keeps everything typed and moves to the current version, so saving again applies it.
  if (!result.ok) return { formErrors: [result.message], values: { ...values, version: String(current.version) } };
  revalidatePath(`/snapshots/${input.snapshotId}/report`);
  redirect(`/snapshots/${input.snapshotId}/report?saved=1`);
});

const publishSchema = z.object({
  snapshotId,
  version,
  confirm: z.literal('yes', { error: 'Confirm that the report is ready to publish: it cannot be changed afterwards' }),
});

/** Publishes the draft (staff): the report is frozen with its SHA-256 and board members can open it. */
export const publishCoveringReportAction = authedAction('report:write', publishSchema, (input, user, values): FormState => {
  const result = publishCoveringReport(getDb(), { userId: user.id, label: user.name }, input.snapshotId, input.version);
  if (!result.ok) return { formErrors: [result.message], values };
  revalidatePath(`/snapshots/${input.snapshotId}/report`);
  revalidatePath('/snapshots');
  redirect(`/snapshots/${input.snapshotId}/report?published=1`);
});
