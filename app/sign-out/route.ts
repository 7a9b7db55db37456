import { cookies } from 'next/headers';
import { getDb } from '@/db/client';
import { revokeSession } from '@/db/mutations/users';
import { sessionCookieName } from '@/lib/auth/config';
import { postedFromThisSite } from '@/lib/auth/same-site';
import { getSessionUser } from '@/lib/auth/session';

export const dynamic = 'force-dynamic';

/**
 * Signs out: the session is ended on the server, not only forgotten by the browser. A plain form POST
 * (components/account-bar.tsx), so it works on pages served without JavaScript. Like a server action,
 * it refuses a POST sent from another site, so no other site can end a user's session.
 */
export async function POST(request: Request) {
  if (!postedFromThisSite(request.headers)) {
    return new Response('Sign out from this service’s own pages.', { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  const user = await getSessionUser();
  if (user) revokeSession(getDb(), { userId: user.id, label: user.name }, user.sessionId, user.expiresAt);
  (await cookies()).delete(sessionCookieName());
  return new Response(null, { status: 303, headers: { Location: '/sign-in?signedOut=1', 'Cache-Control': 'no-store' } });
}
