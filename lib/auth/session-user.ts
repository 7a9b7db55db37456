/**
 * The signed-in user, checked on the server on every request: a valid session cookie whose session
 * has not been ended, for an account that still exists and is active. Role comes from the database,
 * never from the cookie, so a role change or deactivation takes effect at once. No request APIs here:
 * lib/auth/session.ts reads the cookie for the App Router, pages/register.tsx from its request.
 */
import type { JWT } from 'next-auth/jwt';
import { getDb } from '@/db/client';
import { getUserById, isSessionRevoked } from '@/db/queries/users';
import { authSecret, sessionCookieName } from './config';
import { decide, isRole, type Permission, type Role } from './permissions';
import { decodeSessionToken } from './token';

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

/**
 * The gate for a Pages Router page (pages/register.tsx), from its request's cookies: the same session check
 * and the same decision as the App Router's requirePermission, answered as a value for getServerSideProps.
 */
export async function pagesRequestAccess(
  cookies: Partial<Record<string, string>>,
  permission: Permission,
): Promise<{ decision: 'ok' | 'forbidden'; user: SessionUser } | { decision: 'unauthenticated' }> {
  const user = await userFromToken(cookies[sessionCookieName()]);
  if (!user) return { decision: 'unauthenticated' };
  return { decision: decide(user, permission) === 'ok' ? 'ok' : 'forbidden', user };
}
