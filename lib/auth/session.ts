/**
 * The signed-in user of an App Router request, from its session cookie (checked by userFromToken in
 * lib/auth/session-user.ts), and the helpers pages, actions and route handlers use.
 */
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { encode, type JWT } from 'next-auth/jwt';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { authSecret, secureCookies, sessionCookieName, sessionCookieSeconds } from './config';
import { can, type Permission } from './permissions';
import { userFromToken, type SessionUser } from './session-user';

export { userFromToken, type SessionUser };

/** The signed-in user for this request, or null. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const jar = await cookies();
  return userFromToken(getDb(), jar.get(sessionCookieName())?.value, authSecret());
});

/** The signed-in user, or a redirect to sign in. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect('/sign-in');
  return user;
}

/**
 * Creates a session token for a user, as next-auth's own sign-in does, with the claims userFromClaims
 * checks: when the session signed in, and the password-change time it signed in under.
 */
export async function createSessionToken(
  user: { id: number; email: string; name: string; passwordChangedAt: string | null },
  sessionId: string,
  authTime = Math.floor(Date.now() / 1000),
): Promise<{ token: string; maxAge: number }> {
  const claims: JWT = { sub: String(user.id), uid: user.id, sid: sessionId, name: user.name, email: user.email, authTime, pwdAt: user.passwordChangedAt };
  const maxAge = sessionCookieSeconds(authTime);
  return { token: await encode({ token: claims, secret: authSecret(), maxAge }), maxAge };
}

/** Sets the session cookie (sign-in, and the session kept by a password change). */
export async function setSessionCookie(token: string, maxAge: number): Promise<void> {
  (await cookies()).set(sessionCookieName(), token, { httpOnly: true, sameSite: 'lax', path: '/', secure: secureCookies(), maxAge });
}

/** Whether the signed-in user (or a role) may do something; for pages deciding what to show. */
export function userCan(user: Pick<SessionUser, 'role'> | null | undefined, permission: Permission): boolean {
  return !!user && can(user.role, permission);
}
