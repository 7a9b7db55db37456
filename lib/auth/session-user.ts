/**
 * The signed-in user, checked on the server on every request: a valid session token whose session has
 * not been ended, for an account that still exists and is active. Role comes from the database, never
 * from the token, so a role change or deactivation takes effect at once. No request APIs here:
 * lib/auth/session.ts reads the cookie.
 */
import { decode } from 'next-auth/jwt';
import type { Db } from '@/db/client';
import { getUserById, isSessionRevoked } from '@/db/queries/users';
import { isRole, type Role } from './permissions';

export type SessionUser = { id: number; email: string; name: string; role: Role; personId: number | null; sessionId: string; expiresAt: string };

/** Reads and checks a session token; null when it is missing, not ours, expired, ended or for an inactive account. */
export async function userFromToken(db: Db, raw: string | undefined | null, secret: string): Promise<SessionUser | null> {
  if (!raw) return null;
  const token = await decode({ token: raw, secret }).catch(() => null);
  if (!token || typeof token.uid !== 'number' || typeof token.sid !== 'string') return null;
  if (typeof token.exp === 'number' && token.exp * 1000 <= Date.now()) return null;
  if (isSessionRevoked(db, token.sid)) return null;
  const user = getUserById(db, token.uid);
  if (!user || !user.active || !isRole(user.role)) return null;
  const expiresAt = new Date((typeof token.exp === 'number' ? token.exp : Date.now() / 1000) * 1000).toISOString();
  return { id: user.id, email: user.email, name: user.name, role: user.role, personId: user.personId, sessionId: token.sid, expiresAt };
}
