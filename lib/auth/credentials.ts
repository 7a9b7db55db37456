/**
 * Checks an email and password: the one path for the sign-in form and next-auth's Credentials provider.
 * Unknown address, wrong password and deactivated account all give the same answer. Each attempt is
 * counted before its password is checked (lib/auth/lockout.ts), so parallel guesses cannot slip past the
 * limits; over-long input is refused before anything is read or written.
 */
import { z } from 'zod';
import { getDb } from '@/db/client';
import { getUserByEmail } from '@/db/queries/users';
import { claimSignInAttempt, recordSuccessfulSignIn, type AttemptOrigin } from '@/db/mutations/users';
import { formatTime } from '@/lib/domain/dates';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@/db/seed/demo-accounts';
import { servedOnThisComputer } from './config';
import { waitText } from './lockout';
import { verifyAgainstDummy, verifyPassword } from './passwords';
import { isRole, type Role } from './permissions';

export type SignedInUser = { id: number; email: string; name: string; role: Role; passwordChangedAt: string | null };

export type CredentialsResult =
  | { ok: true; user: SignedInUser }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; waitSeconds: number }
  | { ok: false; reason: 'locked'; lockedUntil: string }
  | { ok: false; reason: 'demo-elsewhere' };

export const INVALID_MESSAGE = 'Enter a correct email address and password';

/** The longest email and password worth checking; anything longer is refused unread. */
export const MAX_EMAIL_LENGTH = 320;
export const MAX_PASSWORD_LENGTH = 200;

/** What the sign-in form says for a refused attempt. */
export function refusalMessage(result: Exclude<CredentialsResult, { ok: true }>): string {
  if (result.reason === 'throttled')
    return `Too many failed attempts: wait ${waitText(result.waitSeconds)} before trying again. If you have forgotten your password, ask the register’s administrator to reset it.`;
  if (result.reason === 'demo-elsewhere')
    return 'Demo accounts sign in with their published password only when the service runs on this computer. To run a real office, create your own administrator with npm run user:create, then deactivate the demo accounts.';
  if (result.reason === 'locked')
    return `Sign-in for this email address is paused until ${formatTime(result.lockedUntil)} after many failed attempts. Ask the register’s administrator to reset your password if you need to sign in sooner.`;
  return INVALID_MESSAGE;
}

const emailShape = z.email();

/**
 * Whether an address is worth counting: a well-formed email of at most 254 characters (the longest a mail
 * path allows). Anything else is refused unread, so nothing an anonymous caller types reaches the sign-in
 * state or the audit log (a lock's entry names the address) except a bounded, validated email.
 */
export function isCountableEmail(key: string): boolean {
  return key.length > 0 && key.length <= 254 && emailShape.safeParse(key).success;
}

/**
 * Verifies credentials from an origin (the trusted client address and the browser's known-device token),
 * applying the limits and auditing sign-ins and locks; a success makes both known for the account.
 */
export async function checkCredentials(email: string, password: string, origin: AttemptOrigin, now = new Date()): Promise<CredentialsResult> {
  const key = email.trim().toLowerCase();
  if (!isCountableEmail(key) || key.length > MAX_EMAIL_LENGTH || !password || password.length > MAX_PASSWORD_LENGTH) return { ok: false, reason: 'invalid' };
  const db = getDb();
  const from = { address: origin.address?.slice(0, 100) ?? null, device: origin.device };
  const claim = claimSignInAttempt(db, key, from, now);
  if (!claim.allowed)
    return claim.reason === 'locked'
      ? { ok: false, reason: 'locked', lockedUntil: claim.lockedUntil }
      : { ok: false, reason: 'throttled', waitSeconds: claim.waitSeconds };
  const user = getUserByEmail(db, key);
  const valid = user && user.active && isRole(user.role) ? await verifyPassword(user.passwordHash, password) : (await verifyAgainstDummy(password), false);
  if (!valid || !user) return { ok: false, reason: 'invalid' };
  // A demo account's published password is no password at all on a service others can reach.
  if (password === DEMO_PASSWORD && DEMO_ACCOUNTS.some((a) => a.email === user.email) && !servedOnThisComputer())
    return { ok: false, reason: 'demo-elsewhere' };
  recordSuccessfulSignIn(db, user, 'password', now, from, claim);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role, passwordChangedAt: user.passwordChangedAt } };
}
