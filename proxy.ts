/**
 * Optimistic checks only (the real ones are in every page, action and route handler): send a visitor
 * without a session cookie to sign in, and slide a valid session's expiry forward on each page request
 * so it ends after a period of inactivity rather than at a fixed time.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { decode, encode } from 'next-auth/jwt';
import { authSecret, sessionCookieName, sessionIdleSeconds, secureCookies } from '@/lib/auth/config';

const PUBLIC_PREFIXES = ['/sign-in', '/sign-out', '/accessibility', '/api/', '/_next/', '/favicon'];

/** Re-issue the cookie at most this often, not on every request. */
const REFRESH_AFTER_SECONDS = 60;

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (PUBLIC_PREFIXES.some((prefix) => pathname.startsWith(prefix))) return NextResponse.next();
  const name = sessionCookieName();
  const raw = request.cookies.get(name)?.value;
  const toSignIn = () => {
    const url = new URL('/sign-in', request.url);
    url.searchParams.set('callbackUrl', `${pathname}${search}`);
    return NextResponse.redirect(url);
  };
  if (!raw) return toSignIn();
  const token = await decode({ token: raw, secret: authSecret() }).catch(() => null);
  if (!token) return toSignIn();
  const response = NextResponse.next();
  const maxAge = sessionIdleSeconds();
  const issuedAt = typeof token.iat === 'number' ? token.iat : 0;
  if (Date.now() / 1000 - issuedAt > REFRESH_AFTER_SECONDS) {
    const { iat: _iat, exp: _exp, jti: _jti, ...claims } = token;
    const fresh = await encode({ token: claims, secret: authSecret(), maxAge });
    response.cookies.set(name, fresh, { httpOnly: true, sameSite: 'lax', path: '/', secure: secureCookies(), maxAge });
  }
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
