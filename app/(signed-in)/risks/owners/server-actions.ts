'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { StaleOwnerAssignmentError } from '@/db/errors';
import { assignOwners } from '@/db/mutations/risks';
import { getLiveRegister } from '@/db/queries/risks';
import { listOwners } from '@/db/queries/users';
import { authedAction } from '@/lib/auth/guard';
import type { FormState } from '@/lib/validation/form-state';
import { today } from '@/lib/today';

/** One risk's row on the page: `owner-I1` (a person's id, or empty for unassigned) and `version-I1`. */
const assignment = z.object({
  ref: z.string().regex(/^[IT][1-9][0-9]*$/),
  ownerId: z.union([z.literal(''), z.coerce.number().int().positive()]),
  version: z.coerce.number().int().positive(),
});

/**
 * Saves the owners chosen for many risks at once (staff): only the rows whose owner changed are written,
 * each as a revision with its audit entry, in one transaction. A choice that is not an active person, or a
 * risk someone else saved meanwhile, refuses the save and keeps every choice made.
 */
export const assignOwnersAction = authedAction('risk:edit', z.looseObject({}), (_input, user, values): FormState => {
  const db = getDb();
  const day = today();
  const people = new Map(listOwners(db).map((p) => [p.id, p.name]));
  const current = new Map(getLiveRegister(db, day).all.map((r) => [r.ref, r]));
  // The page has one owner field per live risk: more than that is not this page's form, and is not echoed.
  const sent = Object.keys(values).filter((key) => key.startsWith('owner-')).length;
  if (sent > current.size)
    return {
      formErrors: [
        `The form sent ${sent.toLocaleString('en-GB')} owners, more owners than the register has risks (${current.size}), so nothing was saved. Reload the page and choose again.`,
      ],
    };
  const fieldErrors: Record<string, string[]> = {};
  const changes: Array<{ ref: string; ownerId: number | null; expectedVersion: number }> = [];
  for (const key of Object.keys(values)) {
    const ref = /^owner-([IT][1-9][0-9]*)$/.exec(key)?.[1];
    if (!ref) continue;
    const parsed = assignment.safeParse({ ref, ownerId: values[key], version: values[`version-${ref}`] });
    const risk = current.get(ref);
    if (!risk) {
      fieldErrors[key] = [`${ref} is no longer on the live register: reload the page`];
      continue;
    }
    if (!parsed.success || (parsed.data.ownerId !== '' && !people.has(parsed.data.ownerId))) {
      fieldErrors[key] = [`Choose ${ref}’s owner from the list, or Unassigned`];
      continue;
    }
    const ownerId = parsed.data.ownerId === '' ? null : parsed.data.ownerId;
    if (ownerId !== (risk.owner?.id ?? null)) changes.push({ ref, ownerId, expectedVersion: parsed.data.version });
  }
  if (Object.keys(fieldErrors).length) return { fieldErrors, values };
  if (!changes.length) return { formErrors: ['No owner was changed, so nothing was saved'], values };
  try {
    assignOwners(db, { userId: user.id, label: user.name }, changes, day);
  } catch (error) {
    if (error instanceof StaleOwnerAssignmentError)
      return {
        fieldErrors: {
          [`owner-${error.ref}`]: [
            `Someone else changed ${error.ref} after you opened this page. Nothing was saved and your choices are below: reload to see the change, then save again.`,
          ],
        },
        values,
      };
    throw error;
  }
  revalidatePath('/register');
  redirect(`/risks/owners?assigned=${changes.length}`);
});
