/**
 * The signed-in user, checked on the server on every request: a valid session cookie whose session
 * has not been ended, for an account that still exists and is active. Role comes from the database,
 * never from the cookie, so a role change or deactivation takes effect at once.
 */
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { encode, type JWT } from 'next-auth/jwt';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { getUserById, isSessionRevoked } from '@/db/queries/users';
import { authSecret, sessionCookieName, sessionIdleSeconds } from './config';
import { decodeSessionToken } from './token';
import { can, isRole, type Permission, type Role } from './permissions';

export type SessionUser = { id: number; email: string; name: string; role: Role; personId: number | null; sessionId: string; expiresAt: string };

/** Reads and checks a session token; null when it is missing, expired, ended or for an inactive account. */
export async function userFromToken(raw: string | undefined | null): Promise<SessionUser | null> {
  if (!raw) return null;
  const token: JWT | null = await decodeSessionToken(raw, authSecret());
  if (!token || typeof token.uid !== 'number' || typeof token.sid !== 'string') return null;
  if (typeof token.exp === 'number' && token.exp * 1000 <= Date.now()) return null;
  const db = getDb();
  if (isSessionRevoked(db, token.sid)) return null;
  const user = getUserById(db, token.uid);
  if (!user || !user.active || !isRole(user.role)) return null;
  const expiresAt = new Date((typeof token.exp === 'number' ? token.exp : Date.now() / 1000) * 1000).toISOString();
  return { id: user.id, email: user.email, name: user.name, role: user.role, personId: user.personId, sessionId: token.sid, expiresAt };
}

/** The signed-in user for this request, or null. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const jar = await cookies();
  return userFromToken(jar.get(sessionCookieName())?.value);
});

/** The signed-in user, or a redirect to sign in. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect('/sign-in');
  return user;
}

/** Creates a session token for a user, as next-auth's own sign-in does. */
export async function createSessionToken(user: { id: number; email: string; name: string }, sessionId: string): Promise<string> {
  const token: JWT = { sub: String(user.id), uid: user.id, sid: sessionId, name: user.name, email: user.email };
  return encode({ token, secret: authSecret(), maxAge: sessionIdleSeconds() });
}

/** Whether the signed-in user (or a role) may do something; for pages deciding what to show. */
export function userCan(user: Pick<SessionUser, 'role'> | null | undefined, permission: Permission): boolean {
  return !!user && can(user.role, permission);
}
