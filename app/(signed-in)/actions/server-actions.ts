'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { addActionUpdate, createAction, reviseActionDue } from '@/db/mutations/inspections';
import { StaleVersionError } from '@/db/errors';
import { getAction, getFinding } from '@/db/queries/inspections';
import { getRiskByRef } from '@/db/queries/risks';
import { personMayOwn } from '@/db/queries/users';
import { authedAction, FORBIDDEN_MESSAGE } from '@/lib/auth/guard';
import type { FormState } from '@/lib/validation/form-state';
import { ownsItem } from '@/lib/auth/ownership';
import { can } from '@/lib/auth/permissions';
import { today } from '@/lib/today';
import { actionUpdateSchema, newActionSchema, reviseDueSchema } from '@/lib/validation/inspections';

const STALE =
  'Someone else changed this action while you were editing it. Nothing was saved; your entries are below: reload to see their change, then save again.';

/** Adds an action with an owner and a due date (staff). */
export const createActionAction = authedAction('action:record', newActionSchema, (input, user, values): FormState => {
  const db = getDb();
  const fieldErrors: Record<string, string[]> = {};
  const risk = input.riskRef ? getRiskByRef(db, input.riskRef, today()) : null;
  if (input.sourceType === 'finding' && (!input.findingId || !getFinding(db, input.findingId, today())))
    fieldErrors.findingId = ['Select the finding the action answers'];
  if (input.sourceType === 'risk' && !risk) fieldErrors.riskRef = ['Select the risk the action mitigates'];
  // An owner must be someone who may own (never a board member or auditor); an unknown id is refused, not a 500.
  if (!personMayOwn(db, input.ownerId)) fieldErrors.ownerId = ['Select the action’s owner from the list'];
  if ((input.sourceType === 'minute' || input.sourceType === 'other') && !input.sourceRef)
    fieldErrors.sourceRef = ['Enter the minute or source, for example “Police and Crime Panel, 14 June 2018, item 5”'];
  if (Object.keys(fieldErrors).length) return { fieldErrors, values };
  const id = createAction(
    db,
    { userId: user.id, label: user.name },
    {
      title: input.title,
      sourceType: input.sourceType,
      sourceRef: input.sourceRef || null,
      findingId: input.sourceType === 'finding' ? input.findingId : null,
      riskId: input.sourceType === 'risk' ? risk!.id : null,
      ownerId: input.ownerId,
      dueOn: input.dueOn,
    },
  );
  revalidatePath('/actions');
  redirect(`/actions/${id}?created=1`);
});

function mayUpdate(user: { role: string; personId: number | null }, ownerId: number): boolean {
  return can(user.role, 'action:record') || ownsItem(user, ownerId);
}

/** Appends a progress update, and the status it leaves the action in: staff, or the action's owner. */
export const addActionUpdateAction = authedAction(['action:record', 'action:update-own'], actionUpdateSchema, (input, user, values): FormState => {
  const action = getAction(getDb(), input.id, today());
  if (!action) return { formErrors: ['This action could not be found'], values };
  if (!mayUpdate(user, action.ownerId)) return { formErrors: [FORBIDDEN_MESSAGE], values };
  try {
    addActionUpdate(getDb(), { userId: user.id, label: user.name }, input.id, input.version, { note: input.note, status: input.status, today: today() });
  } catch (error) {
    if (error instanceof StaleVersionError) return { formErrors: [STALE], values };
    throw error;
  }
  revalidatePath(`/actions/${input.id}`);
  // Back to the page, whose confirmation is at the top (GOV.UK's place for it), with the history updated.
  redirect(`/actions/${input.id}?done=update`);
});

/** Revises the due date with a reason; every earlier date is kept: staff, or the action's owner. */
export const reviseActionDueAction = authedAction(['action:record', 'action:update-own'], reviseDueSchema, (input, user, values): FormState => {
  const action = getAction(getDb(), input.id, today());
  if (!action) return { formErrors: ['This action could not be found'], values };
  if (!mayUpdate(user, action.ownerId)) return { formErrors: [FORBIDDEN_MESSAGE], values };
  if (input.newDueOn === action.dueOn) return { fieldErrors: { newDueOn: ['The new due date is the same as the current one'] }, values };
  try {
    reviseActionDue(getDb(), { userId: user.id, label: user.name }, input.id, input.version, { dueOn: input.newDueOn, reason: input.reason });
  } catch (error) {
    if (error instanceof StaleVersionError) return { formErrors: [STALE], values };
    throw error;
  }
  revalidatePath(`/actions/${input.id}`);
  redirect(`/actions/${input.id}?done=revised`);
});
