/**
 * Whether a POST came from this service's own pages, for route handlers that change something (server
 * actions have Next's own check). No Origin header (a script, or an old browser) passes; an opaque `null`
 * origin or one that is not a URL counts as another site's.
 */
export function postedFromThisSite(headers: Headers): boolean {
  const origin = headers.get('origin');
  if (origin === null) return true;
  const host = headers.get('x-forwarded-host') ?? headers.get('host');
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
