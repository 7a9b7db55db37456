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
 * The client's address as a trusted proxy reported it, for sign-in throttling, or null. Only behind a proxy
 * (TRUST_PROXY=true): it appends the address it saw to X-Forwarded-For, so the last entry is the one nearest
 * this service. Without one, the header is whatever the client wrote (`next start` adds the connection's
 * address only when there is none), so it is not read at all.
 */
export function clientAddress(headers: Headers): string | null {
  if (!trustProxy()) return null;
  const last = headers.get('x-forwarded-for')?.split(',').at(-1)?.trim();
  return last ? last.slice(0, 100) : null;
}

/** The cookie that marks a browser an account has signed in from, and the shape of its value. */
export const KNOWN_DEVICE_COOKIE = 'known-device';
const DEVICE_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The browser's known-device token from its cookies, or null when it has none of the right shape. */
export function knownDevice(value: string | undefined | null): string | null {
  return value && DEVICE_TOKEN.test(value) ? value : null;
}
