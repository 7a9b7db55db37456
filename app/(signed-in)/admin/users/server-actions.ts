'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { createUser, setPassword, updateUser } from '@/db/mutations/users';
import { DuplicateEmailError, StaleVersionError } from '@/db/errors';
import { getUserById } from '@/db/queries/users';
import { authedAction } from '@/lib/auth/guard';
import type { FormState } from '@/lib/validation/form-state';
import { hashPassword } from '@/lib/auth/passwords';
import { addUserSchema, resetPasswordSchema, updateUserSchema } from '@/lib/validation/users';

const actorOf = (user: { id: number; name: string }) => ({ userId: user.id, label: user.name });

/** Adds an account (admin). */
export const addUserAction = authedAction('users:manage', addUserSchema, async (input, user, values): Promise<FormState> => {
  try {
    createUser(getDb(), actorOf(user), { ...input, passwordHash: await hashPassword(input.password) });
  } catch (error) {
    if (error instanceof DuplicateEmailError) return { fieldErrors: { email: [error.message] }, values: { ...values, password: '' } };
    throw error;
  }
  revalidatePath('/admin/users');
  redirect(`/admin/users?added=${encodeURIComponent(input.email)}`);
});

/** Changes an account's name, role and whether it can sign in (admin); refuses stale edits. */
export const updateUserAction = authedAction('users:manage', updateUserSchema, (input, user, values): FormState => {
  const target = getUserById(getDb(), input.id);
  if (!target) return { formErrors: ['This user could not be found'], values };
  if (target.id === user.id && (input.active === 'no' || input.role !== 'admin')) {
    return { fieldErrors: { role: ['You cannot remove your own administrator access: ask another administrator'] }, values };
  }
  try {
    updateUser(getDb(), actorOf(user), input.id, input.version, { name: input.name, role: input.role, active: input.active === 'yes' });
  } catch (error) {
    if (error instanceof StaleVersionError) {
      return {
        formErrors: [
          'Someone else changed this user while you were editing. Your changes are below: check the current details on the list and apply them again.',
        ],
        values,
      };
    }
    throw error;
  }
  revalidatePath('/admin/users');
  redirect(`/admin/users?updated=${encodeURIComponent(target.email)}`);
});

/** Sets a new password for an account (admin). */
export const resetPasswordAction = authedAction('users:manage', resetPasswordSchema, async (input, user): Promise<FormState> => {
  const target = getUserById(getDb(), input.id);
  if (!target) return { formErrors: ['This user could not be found'] };
  setPassword(getDb(), actorOf(user), input.id, await hashPassword(input.password), 'admin-reset');
  return { ok: true, message: `Password reset for ${target.email}. Pass it on securely; they can change it after signing in.` };
});
