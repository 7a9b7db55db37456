/**
 * Optimistic checks only (the real ones are in every page, action and route handler): send a visitor
 * without a session cookie to sign in, and slide a valid session's expiry forward on each page request
 * so it ends after a period of inactivity rather than at a fixed time.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { encode } from 'next-auth/jwt';
import { authSecret, sessionCookieName, sessionIdleSeconds, useSecureCookies } from '@/lib/auth/config';
import { decodeSessionToken } from '@/lib/auth/token';

const PUBLIC_PREFIXES = ['/sign-in', '/sign-out', '/accessibility', '/api/', '/_next/', '/favicon'];

/** Re-issue the cookie at most this often, not on every request. */
const REFRESH_AFTER_SECONDS = 60;

/**
 * When a server action redirects (a saved review goes back to its risk's page), Next renders the target
 * page by requesting it from this same server, with the action's response headers, `x-action-redirect`
 * among them, and its fetch asks for gzip. Compressing that page only for Next to decompress it again
 * cost about a tenth of the server's time when saving reviews, so the internal request asks for no
 * encoding. The response to the browser is compressed as usual.
 */
function internalRedirectRender(request: NextRequest): NextResponse | null {
  if (!request.headers.has('x-action-redirect') || !request.headers.has('accept-encoding')) return null;
  const headers = new Headers(request.headers);
  headers.delete('accept-encoding');
  return NextResponse.next({ request: { headers } });
}

/**
 * The register is a Pages Router page served without JavaScript (pages/register.tsx). When an App Router
 * page follows a link to it, its client asks for the page's RSC payload (a browser fetch, `Sec-Fetch-Dest:
 * empty`), and when a server action redirects to it (signing in does), Next asks for it from this server
 * (`x-action-redirect`). Either way the answer is HTML the client cannot use, so it then loads the page as
 * a document: rendering the whole register for those requests cost two extra renders a click. Answer them
 * at once with an empty body that is not RSC; the client loads the page as a document, as it would anyway.
 */
const PAGES_ROUTER_PAGES = new Set(['/register']);

function notForDocument(request: NextRequest): boolean {
  return request.headers.get('sec-fetch-dest') === 'empty' || request.headers.has('x-action-redirect');
}

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (PAGES_ROUTER_PAGES.has(pathname) && notForDocument(request)) {
    return new NextResponse(null, { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
  }
  if (PUBLIC_PREFIXES.some((prefix) => pathname.startsWith(prefix))) return NextResponse.next();
  const name = sessionCookieName();
  const raw = request.cookies.get(name)?.value;
  const toSignIn = () => {
    const url = new URL('/sign-in', request.url);
    url.searchParams.set('callbackUrl', `${pathname}${search}`);
    return NextResponse.redirect(url);
  };
  if (!raw) return toSignIn();
  const token = await decodeSessionToken(raw, authSecret());
  if (!token) return toSignIn();
  const response = internalRedirectRender(request) ?? NextResponse.next();
  const maxAge = sessionIdleSeconds();
  const issuedAt = typeof token.iat === 'number' ? token.iat : 0;
  if (Date.now() / 1000 - issuedAt > REFRESH_AFTER_SECONDS) {
    const { iat: _iat, exp: _exp, jti: _jti, ...claims } = token;
    const fresh = await encode({ token: claims, secret: authSecret(), maxAge });
    response.cookies.set(name, fresh, { httpOnly: true, sameSite: 'lax', path: '/', secure: useSecureCookies(), maxAge });
  }
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
