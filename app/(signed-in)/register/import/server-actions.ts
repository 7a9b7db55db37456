'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { chosenFile } from '@/lib/validation/upload';
import { getDb } from '@/db/client';
import { ImportRowError } from '@/db/errors';
import { applyImport, existingRefs } from '@/db/mutations/import';
import { getSettingsInForce } from '@/db/queries/settings';
import { authedAction } from '@/lib/auth/guard';
import type { FormState } from '@/lib/validation/form-state';
import { MAX_TEXT_CHARACTERS, previewRegisterText } from '@/lib/register-file';
import { previewRegisterApart } from '@/lib/parse-job';
import { REGISTER_UPLOAD_MAX_BYTES } from '@/lib/upload-limits';
import { today } from '@/lib/today';
import { optionalDateField, withDateInputs } from '@/lib/validation/date-input';
import { pastDay, readImportPayload } from '@/lib/validation/import';

/** Reads a pasted or uploaded register and returns a preview; nothing is saved. */
export const previewImportAction = authedAction(
  'register:import',
  withDateInputs(['asAt'], z.object({ text: z.string().default(''), asAt: optionalDateField('as-at date', { notAfter: today }) })),
  async (input, _user, values, formData): Promise<FormState> => {
    const chosen = chosenFile(formData);
    const file = chosen.kind === 'file' ? chosen.file : null;
    const hasFile = file !== null;
    if (!hasFile && !input.text.trim()) return { fieldErrors: { text: ['Paste the register, or choose a file to upload'] }, values };
    if (hasFile && file.size > REGISTER_UPLOAD_MAX_BYTES) return { fieldErrors: { file: ['The file must be smaller than 5 MB'] }, values };
    if (hasFile && !/\.(txt|md|tsv|csv|xlsx)$/i.test(file.name))
      return { fieldErrors: { file: ['The file must be a .txt, .md, .tsv, .csv or .xlsx file'] }, values };
    const asAt = input.asAt ?? null;
    // An over-long paste is refused before anything is parsed; everything else is read in a process of its own.
    const result = hasFile
      ? await previewRegisterApart({ kind: 'register', name: file.name, content: new Uint8Array(await file.arrayBuffer()) })
      : input.text.length > MAX_TEXT_CHARACTERS
        ? previewRegisterText(input.text)
        : await previewRegisterApart({ kind: 'register', text: input.text });
    const known = existingRefs(getDb());
    // A refused over-long paste is not echoed back into the page.
    const echo = input.text.length > MAX_TEXT_CHARACTERS ? '' : input.text;
    if (!hasFile && !echo) return { fieldErrors: { text: [result.errors[0]!.message] }, values: { ...(asAt ? { asAt } : {}) } };
    return {
      values: { text: echo, ...(asAt ? { asAt } : {}) },
      data: {
        preview: {
          format: result.format,
          source: hasFile ? file.name : 'pasted text',
          asAt,
          risks: result.risks.map((r) => ({ ...r, existing: known.has(r.ref) })),
          warnings: result.warnings,
          errors: result.errors,
          payload: JSON.stringify(result.risks),
        },
      },
    };
  },
);

/** Applies a previewed import (staff confirmed it); idempotent. */
export const applyImportAction = authedAction(
  'register:import',
  z.object({ source: z.string().max(300).default('import'), asAt: z.union([z.literal(''), pastDay]).default('') }),
  (input, user, values): FormState => {
    const read = readImportPayload(values);
    if (!read.ok) return { formErrors: read.fieldErrors ? [] : [read.message], fieldErrors: read.fieldErrors, values };
    const db = getDb();
    const day = today();
    const settings = getSettingsInForce(db, day);
    let outcome;
    try {
      outcome = applyImport(db, { userId: user.id, label: user.name }, read.risks, {
        asAt: input.asAt || null,
        source: input.source,
        removalRule: { comparator: settings.removalComparator, threshold: settings.removalThreshold },
        today: day,
      });
    } catch (error) {
      // All or nothing: the row that could not be applied is named, and nothing was saved.
      if (error instanceof ImportRowError) return { formErrors: [error.message], values };
      throw error;
    }
    revalidatePath('/register');
    redirect(`/register?imported=${outcome.created.length}-${outcome.updated.length}-${outcome.unchanged.length}`);
  },
);
