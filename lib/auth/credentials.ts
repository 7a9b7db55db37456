/**
 * Checks an email and password: the one path for the sign-in form and next-auth's Credentials provider.
 * Unknown address, wrong password and deactivated account all give the same answer; five failures on
 * one address lock it for a while, known or not, and the lockout is audited.
 */
import { getDb } from '@/db/client';
import { getSignInAttempts, getUserByEmail } from '@/db/queries/users';
import { recordFailedSignIn, recordSuccessfulSignIn } from '@/db/mutations/users';
import { afterFailure, isLocked, DEFAULT_LOCKOUT } from './lockout';
import { verifyAgainstDummy, verifyPassword } from './passwords';
import { isRole, type Role } from './permissions';

export type SignedInUser = { id: number; email: string; name: string; role: Role };

export type CredentialsResult = { ok: true; user: SignedInUser } | { ok: false; reason: 'invalid' } | { ok: false; reason: 'locked'; lockedUntil: string };

export const LOCKED_MESSAGE = `Too many failed attempts: sign-in for this email address is paused for ${DEFAULT_LOCKOUT.lockMinutes} minutes. Try again later or ask the register’s administrator to reset your password.`;
export const INVALID_MESSAGE = 'Enter a correct email address and password';

/** Verifies credentials, applying the lockout and auditing sign-ins and lockouts. */
export async function checkCredentials(email: string, password: string, now = new Date()): Promise<CredentialsResult> {
  const db = getDb();
  const key = email.trim().toLowerCase();
  const attempts = getSignInAttempts(db, key);
  if (isLocked(attempts, now)) {
    await verifyAgainstDummy(password);
    return { ok: false, reason: 'locked', lockedUntil: attempts!.lockedUntil! };
  }
  const user = getUserByEmail(db, key);
  const valid = user && user.active && isRole(user.role) ? await verifyPassword(user.passwordHash, password) : (await verifyAgainstDummy(password), false);
  if (!valid || !user) {
    const next = afterFailure(attempts, now);
    recordFailedSignIn(db, key, next, now);
    return next.lockedNow ? { ok: false, reason: 'locked', lockedUntil: next.lockedUntil! } : { ok: false, reason: 'invalid' };
  }
  recordSuccessfulSignIn(db, user, 'password', now);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
