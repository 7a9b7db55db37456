/**
 * What a request says about where it came from. Behind a reverse proxy (TRUST_PROXY=true) the proxy's
 * X-Forwarded-Host and X-Forwarded-For are believed; without one, the Host header names this service.
 */
import { trustProxy } from './config';

/** The host this request was addressed to. */
export function requestHost(headers: Headers): string | null {
  return (trustProxy() ? headers.get('x-forwarded-host') : null) ?? headers.get('host');
}

/**
 * Whether a POST came from this service's own pages: no Origin header (a script, or an old browser)
 * passes; an opaque `null` origin or one that is not a URL counts as another site's.
 */
export function postedFromThisSite(headers: Headers): boolean {
  const origin = headers.get('origin');
  if (origin === null) return true;
  try {
    return new URL(origin).host === requestHost(headers);
  } catch {
    return false;
  }
}

/**
 * The client's address, as a key for sign-in throttling. `next start` fills X-Forwarded-For with the
 * connection's address when the request has none, and a proxy appends the address it saw, so the last
 * entry is the one nearest this service. Without a proxy a client could send its own header instead;
 * that only gives it its own throttle, and the account-wide limit still bounds its guesses.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for');
  const last = forwarded?.split(',').at(-1)?.trim();
  return last ? last.slice(0, 100) : 'unknown';
}
