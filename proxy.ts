/**
 * Refuses a change posted from another site, then optimistic checks only (the real ones are in every page, action and route handler): send a visitor
 * without a session cookie to sign in, and slide a valid session's expiry forward on each page request
 * so it ends after a period of inactivity, but never beyond its absolute lifetime from sign-in.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { decode, encode } from 'next-auth/jwt';
import { postedFromThisSite } from '@/lib/auth/same-site';
import { authSecret, sessionCookieName, sessionCookieSeconds, secureCookies } from '@/lib/auth/config';
import requestLimit from '@/lib/request-limit.json';

const PUBLIC_PREFIXES = ['/sign-in', '/sign-out', '/accessibility', '/request-too-large', '/api/', '/_next/', '/favicon', '/icon.svg'];

/** The largest request body the service reads (next.config.js sets the same for server actions). */
const MAX_REQUEST_BYTES = requestLimit.megabytes * 1024 * 1024;

/** Re-issue the cookie at most this often, not on every request. */
const REFRESH_AFTER_SECONDS = 60;

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // A form or server action posted from another site is refused here with 403, before Next's own check
  // (which would answer 500); the host is the Host header unless a trusted proxy names it (TRUST_PROXY).
  if (request.method !== 'GET' && request.method !== 'HEAD' && !postedFromThisSite(request.headers)) {
    return new NextResponse('This form was sent from another site, so it was refused. Go back to the service and try again.', {
      status: 403,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  // One body limit for every form, server action and route handler, answered in words before the body is
  // read: a page that says so for a browser, JSON for the API.
  if (Number(request.headers.get('content-length') ?? 0) > MAX_REQUEST_BYTES) {
    if (pathname.startsWith('/api/'))
      return NextResponse.json({ error: `The request is larger than ${requestLimit.megabytes} MB, so it was not read` }, { status: 413 });
    return NextResponse.redirect(new URL('/request-too-large', request.url), 303);
  }
  // An address whose percent-encoding is broken names no page; say so rather than fail to decode it later.
  try {
    decodeURIComponent(pathname);
  } catch {
    return new NextResponse('This address is not valid: check it and try again.', { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  if (PUBLIC_PREFIXES.some((prefix) => pathname.startsWith(prefix))) return NextResponse.next();
  // Only a page load is sent to sign in from here. A form post or server action goes on to its own
  // handler, which reads the whole body and answers an ended session itself (lib/auth/guard.ts); answering
  // it here, before the body was read, made clients sending a large body see the connection reset.
  if (request.method !== 'GET' && request.method !== 'HEAD') return NextResponse.next();
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
  // The idle period slides; the absolute lifetime from sign-in does not.
  const maxAge = sessionCookieSeconds(typeof token.authTime === 'number' ? token.authTime : 0);
  if (maxAge <= 0) return toSignIn();
  const response = NextResponse.next();
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
