/**
 * The signed-in user, checked on the server on every request: a valid session token whose session has
 * not been ended, for an account that still exists and is active. Role comes from the database, never
 * from the token, so a role change or deactivation takes effect at once. No request APIs here:
 * lib/auth/session.ts reads the cookie.
 */
import { decode, type JWT } from 'next-auth/jwt';
import type { Db } from '@/db/client';
import { getUserById, isSessionRevoked } from '@/db/queries/users';
import { sessionMaxSeconds } from './config';
import { isRole, type Role } from './permissions';

export type SessionUser = {
  id: number;
  email: string;
  name: string;
  role: Role;
  personId: number | null;
  sessionId: string;
  expiresAt: string;
  /** When the session signed in (seconds since the epoch), carried into a re-issued cookie. */
  authTime: number;
};

/**
 * Checks a decoded session's claims against the database; null when the session has expired, passed its
 * absolute lifetime, was signed out, began before the account's password last changed (a password change
 * or reset ends every other session), or belongs to an inactive account.
 */
export function userFromClaims(db: Db, token: JWT | null | undefined, now = Date.now()): SessionUser | null {
  if (!token || typeof token.uid !== 'number' || typeof token.sid !== 'string' || typeof token.authTime !== 'number') return null;
  if (typeof token.exp === 'number' && token.exp * 1000 <= now) return null;
  if ((token.authTime + sessionMaxSeconds()) * 1000 <= now) return null;
  if (isSessionRevoked(db, token.sid)) return null;
  const user = getUserById(db, token.uid);
  if (!user || !user.active || !isRole(user.role)) return null;
  if ((token.pwdAt ?? null) !== (user.passwordChangedAt ?? null)) return null;
  const expiresAt = new Date((typeof token.exp === 'number' ? token.exp : now / 1000) * 1000).toISOString();
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    personId: user.personId,
    sessionId: token.sid,
    expiresAt,
    authTime: token.authTime,
  };
}

/** Reads and checks a session token; null when it is missing, not ours, or no longer a live session. */
export async function userFromToken(db: Db, raw: string | undefined | null, secret: string): Promise<SessionUser | null> {
  if (!raw) return null;
  const token = await decode({ token: raw, secret }).catch(() => null);
  return userFromClaims(db, token);
}
