'use server';

import { getDb } from '@/db/client';
import { claimPasswordCheck, recordPasswordCheck, setPassword } from '@/db/mutations/users';
import { waitText } from '@/lib/auth/lockout';
import { formatTime } from '@/lib/domain/dates';
import { getUserById } from '@/db/queries/users';
import { authedAction } from '@/lib/auth/guard';
import { createSessionToken, setSessionCookie } from '@/lib/auth/session';
import type { FormState } from '@/lib/validation/form-state';
import { hashPassword, verifyPassword } from '@/lib/auth/passwords';
import { changeOwnPasswordSchema } from '@/lib/validation/users';

/** Changes the signed-in user's own password after checking the current one. */
export const changeOwnPasswordAction = authedAction('account:change-own-password', changeOwnPasswordSchema, async (input, user): Promise<FormState> => {
  const db = getDb();
  const account = getUserById(db, user.id);
  if (!account) return { fieldErrors: { currentPassword: ['Your current password is not correct'] } };
  // Counted before it is checked, so parallel guesses each wait their turn; wrong ones are audited.
  const claim = claimPasswordCheck(db, user.id, new Date());
  if (!claim.allowed)
    return {
      fieldErrors: {
        currentPassword: [
          claim.reason === 'throttled'
            ? `Too many wrong current passwords: wait ${waitText(claim.waitSeconds)} before trying again`
            : `Too many wrong current passwords: try again after ${formatTime(claim.lockedUntil)}`,
        ],
      },
    };
  const correct = await verifyPassword(account.passwordHash, input.currentPassword);
  recordPasswordCheck(db, { userId: user.id, label: user.name }, correct);
  if (!correct) return { fieldErrors: { currentPassword: ['Your current password is not correct'] } };
  const passwordChangedAt = setPassword(db, { userId: user.id, label: user.name }, user.id, await hashPassword(input.newPassword), 'own-change');
  // The change ends every session signed in under the old password; this one carries on with a cookie
  // issued under the new one, keeping its sign-in time so its absolute lifetime is unchanged.
  const { token, maxAge } = await createSessionToken({ ...user, passwordChangedAt }, user.sessionId, user.authTime);
  await setSessionCookie(token, maxAge);
  return { ok: true, message: 'Your password has been changed. You have been signed out everywhere else.' };
});
