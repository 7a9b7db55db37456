/**
 * Starts single sign-on without JavaScript. next-auth begins an OAuth sign-in only on a POST carrying
 * its CSRF token, so this asks next-auth's own endpoints for both (over loopback, as a browser would)
 * and hands the browser next-auth's redirect to the organisation's sign-in page with its cookies.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { oidcConfig } from '@/lib/auth/config';
import { safeCallbackUrl } from '@/lib/validation/sign-in';

function cookiePairs(setCookies: string[]): string {
  return setCookies.map((c) => c.split(';')[0]).join('; ');
}

export async function GET(request: NextRequest) {
  if (!oidcConfig()) return NextResponse.redirect(new URL('/sign-in', request.url));
  const base = process.env.NEXTAUTH_URL || request.nextUrl.origin;
  const csrfResponse = await fetch(new URL('/api/auth/csrf', base), { headers: { cookie: request.headers.get('cookie') ?? '' }, cache: 'no-store' });
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const csrfCookies = csrfResponse.headers.getSetCookie();
  const cookie = [request.headers.get('cookie'), cookiePairs(csrfCookies)].filter(Boolean).join('; ');
  const callbackUrl = new URL(safeCallbackUrl(request.nextUrl.searchParams.get('callbackUrl')), base).toString();
  const start = await fetch(new URL('/api/auth/signin/oidc', base), {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken, callbackUrl }),
    cache: 'no-store',
  });
  const location = start.headers.get('location') ?? '/sign-in?error=OAuthSignin';
  const response = NextResponse.redirect(new URL(location, base), 303);
  for (const setCookie of [...csrfCookies, ...start.headers.getSetCookie()]) response.headers.append('set-cookie', setCookie);
  return response;
}
