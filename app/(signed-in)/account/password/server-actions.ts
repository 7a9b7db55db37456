'use server';

import { getDb } from '@/db/client';
import { setPassword } from '@/db/mutations/users';
import { getUserById } from '@/db/queries/users';
import { authedAction } from '@/lib/auth/guard';
import { createSessionToken, setSessionCookie } from '@/lib/auth/session';
import type { FormState } from '@/lib/validation/form-state';
import { hashPassword, verifyPassword } from '@/lib/auth/passwords';
import { changeOwnPasswordSchema } from '@/lib/validation/users';

/** Changes the signed-in user's own password after checking the current one. */
export const changeOwnPasswordAction = authedAction('account:change-own-password', changeOwnPasswordSchema, async (input, user): Promise<FormState> => {
  const account = getUserById(getDb(), user.id);
  if (!account || !(await verifyPassword(account.passwordHash, input.currentPassword))) {
    return { fieldErrors: { currentPassword: ['Your current password is not correct'] } };
  }
  const passwordChangedAt = setPassword(getDb(), { userId: user.id, label: user.name }, user.id, await hashPassword(input.newPassword), 'own-change');
  // The change ends every session signed in under the old password; this one carries on with a cookie
  // issued under the new one, keeping its sign-in time so its absolute lifetime is unchanged.
  const { token, maxAge } = await createSessionToken({ ...user, passwordChangedAt }, user.sessionId, user.authTime);
  await setSessionCookie(token, maxAge);
  return { ok: true, message: 'Your password has been changed. You have been signed out everywhere else.' };
});
