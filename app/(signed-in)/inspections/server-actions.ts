'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { addFindingNote, linkFindingToRisk, saveInspection, unlinkFindingFromRisk, updateFinding, updateS55 } from '@/db/mutations/inspections';
import { DuplicateInspectionError, S55DateError, StaleVersionError } from '@/db/errors';
import { getFinding, importedInspectionId } from '@/db/queries/inspections';
import { authedAction, FORBIDDEN_MESSAGE } from '@/lib/auth/guard';
import type { FormState } from '@/lib/validation/form-state';
import { ownsItem } from '@/lib/auth/ownership';
import { can } from '@/lib/auth/permissions';
import { readReportApart } from '@/lib/parse-job';
import { REPORT_TEXT_MAX_CHARACTERS, REPORT_UPLOAD_MAX_BYTES, reportTextTooLong } from '@/lib/upload-limits';
import { today } from '@/lib/today';
import { readDateInput } from '@/lib/validation/date-input';
import { chosenFile, readPayload } from '@/lib/validation/upload';
import { findingLinkSchema, findingNoteSchema, findingUpdateSchema, previewPayloadSchema, reportPayloadSchema, s55Schema } from '@/lib/validation/inspections';

const STALE = 'Someone else changed this while you were editing it. Nothing was saved; your entries are below: reload to see their change, then save again.';

/** Reads a pasted report, or its PDF or text file, and returns a preview; nothing is saved. */
export const previewReportAction = authedAction(
  'inspection:record',
  z.object({ text: z.string().default('') }),
  async (input, _user, values, formData): Promise<FormState> => {
    // An over-long paste is refused unread and not echoed back into the page.
    if (input.text.length > REPORT_TEXT_MAX_CHARACTERS)
      return { fieldErrors: { text: [reportTextTooLong(input.text.length)] }, values: { ...values, text: '' } };
    const chosen = chosenFile(formData);
    if (chosen.kind === 'empty' && !input.text.trim()) return { fieldErrors: { file: ['The file is empty'] }, values };
    const file = chosen.kind === 'file' ? chosen.file : null;
    const hasFile = file !== null;
    if (!hasFile && !input.text.trim()) return { fieldErrors: { text: ['Paste the report’s text, or choose its PDF or text file'] }, values };
    if (hasFile && file.size > REPORT_UPLOAD_MAX_BYTES) return { fieldErrors: { file: ['The file must be smaller than 20 MB'] }, values };
    // Read in a process of its own, with time and memory limits: see lib/parse-job.ts.
    const result = await readReportApart(
      hasFile ? { kind: 'report', name: file.name, content: new Uint8Array(await file.arrayBuffer()) } : { kind: 'report', text: input.text },
    );
    if (!result.ok) return { fieldErrors: { [hasFile ? 'file' : 'text']: [result.message] }, values };
    return {
      values: { text: input.text },
      data: { report: result.report, sourceName: hasFile ? file.name : 'pasted text', duplicateOf: importedInspectionId(getDb(), result.report) },
    };
  },
);

/** Saves a previewed report as staff corrected and confirmed it. */
export const saveReportAction = authedAction(
  'inspection:record',
  z.object({ payload: z.string(), sourceName: z.string().max(300).default('') }),
  (input, user, values): FormState => {
    // The preview's judgments and findings come back as JSON: checked on their own first, so nothing but a
    // checked preview is ever sent back to the page (a payload nested 10,000 deep is refused, not echoed).
    const preview = readPayload(input.payload, previewPayloadSchema);
    if (!preview) return { formErrors: ['The preview could not be read back: preview the report again'], values: { ...values, payload: '' } };
    const base = reportPayloadSchema.safeParse({
      ...preview,
      force: values.force,
      title: values.title,
      year: values.year,
      type: values.type,
      inspectorate: values.inspectorate,
    });
    const date = readDateInput(values, 'publishedOn', 'publication date', { notAfter: today() });
    const fieldErrors: Record<string, string[]> = base.success ? {} : (z.flattenError(base.error).fieldErrors as Record<string, string[]>);
    if ('error' in date) fieldErrors.publishedOn = [date.error];
    if (!base.success || 'error' in date) return { fieldErrors, values, data: { report: preview, sourceName: input.sourceName } };
    const included = new Set(
      Object.keys(values)
        .filter((k) => k.startsWith('include-') && values[k] === 'yes')
        .map((k) => Number(k.slice(8))),
    );
    const findings = base.data.findings
      .filter((f) => included.has(f.line))
      .map((f) => ({
        ...f,
        component: typeof values[`component-${f.line}`] === 'string' ? String(values[`component-${f.line}`]).trim() || null : f.component,
      }));
    let id: number;
    try {
      id = saveInspection(
        getDb(),
        { userId: user.id, label: user.name },
        { report: { ...base.data, published: null, findings }, publishedOn: date.day, sourceName: input.sourceName || null },
      );
    } catch (error) {
      if (error instanceof DuplicateInspectionError)
        return {
          formErrors: [`This report has already been imported: see inspection ${error.existingId}. Nothing was saved.`],
          values,
          data: { report: preview, sourceName: input.sourceName },
        };
      throw error;
    }
    revalidatePath('/inspections');
    redirect(`/inspections/${id}?imported=1`);
  },
);

/** Records the s.55 response's progress. */
export const updateS55Action = authedAction('inspection:record', s55Schema, (input, user, values): FormState => {
  const publishedOn = input.status === 'published' ? (input.s55PublishedOn ?? null) : null;
  let outcome: 'updated' | 'unchanged';
  try {
    outcome = updateS55(getDb(), { userId: user.id, label: user.name }, input.id, input.version, {
      status: input.status,
      publishedOn,
      link: input.link || null,
    });
  } catch (error) {
    if (error instanceof StaleVersionError) return { formErrors: [STALE], values };
    if (error instanceof S55DateError) return { fieldErrors: { s55PublishedOn: [error.message] }, values };
    throw error;
  }
  if (outcome === 'unchanged') return { ok: true, message: 'Nothing had changed, so nothing was saved.' };
  revalidatePath(`/inspections/${input.id}`);
  return { ok: true, message: 'The s.55 response has been updated.' };
});

/** Changes a finding's status, OPCC owner, force lead and predecessor (staff). */
export const updateFindingAction = authedAction('inspection:record', findingUpdateSchema, (input, user, values): FormState => {
  if (input.predecessorId === input.id) return { fieldErrors: { predecessorId: ['A finding cannot be its own predecessor'] }, values };
  try {
    updateFinding(getDb(), { userId: user.id, label: user.name }, input.id, input.version, {
      status: input.status,
      opccOwnerId: input.opccOwnerId,
      forceLead: input.forceLead || null,
      predecessorId: input.predecessorId,
    });
  } catch (error) {
    if (error instanceof StaleVersionError) return { formErrors: [STALE], values };
    throw error;
  }
  revalidatePath(`/inspections/findings/${input.id}`);
  return { ok: true, message: 'Finding updated.' };
});

/** Adds a progress note: staff, or the finding's own OPCC owner. */
export const addFindingNoteAction = authedAction(['inspection:record', 'finding:update-own'], findingNoteSchema, (input, user, values): FormState => {
  const finding = getFinding(getDb(), input.id, today());
  if (!finding) return { formErrors: ['This finding could not be found'], values };
  if (!can(user.role, 'inspection:record') && !ownsItem(user, finding.opccOwnerId)) return { formErrors: [FORBIDDEN_MESSAGE], values };
  addFindingNote(getDb(), { userId: user.id, label: user.name }, input.id, input.note);
  revalidatePath(`/inspections/findings/${input.id}`);
  return { ok: true, message: 'Progress note added.' };
});

/** Links a finding to a risk it bears on, or unlinks it (staff). */
export const linkFindingAction = authedAction('inspection:record', findingLinkSchema, (input, user, values): FormState => {
  const actor = { userId: user.id, label: user.name };
  try {
    const changed =
      input.intent === 'link' ? linkFindingToRisk(getDb(), actor, input.id, input.riskRef) : unlinkFindingFromRisk(getDb(), actor, input.id, input.riskRef);
    revalidatePath(`/inspections/findings/${input.id}`);
    revalidatePath(`/risks/${input.riskRef}`);
    return changed
      ? { ok: true, message: input.intent === 'link' ? `Linked to ${input.riskRef}.` : `Unlinked from ${input.riskRef}.` }
      : { formErrors: [input.intent === 'link' ? `Already linked to ${input.riskRef}` : `Not linked to ${input.riskRef}`], values };
  } catch {
    return { fieldErrors: { riskRef: ['Select a risk from the list'] }, values };
  }
});
