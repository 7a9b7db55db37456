/**
 * Session tokens read once per process. next-auth derives its encryption key (HKDF) and decrypts the
 * token on every call, and every page request reads the cookie twice (the proxy, then the page's own
 * check); a saved review, which renders the risk's page as well, did it four times, about a thirtieth of
 * the server's time. A token is authenticated ciphertext, so the same string always decrypts to the same
 * claims: remember them, keyed by the token and the secret, and keep applying the expiry check that
 * decrypting would (with next-auth's 15 seconds' tolerance). Revocation and the account's state are not
 * in the token; they are still read from the database on every request.
 */
import { decode, type JWT } from 'next-auth/jwt';

const LIMIT = 1000;
const CLOCK_TOLERANCE_SECONDS = 15;
const claims = new Map<string, JWT>();

function expired(token: JWT, now: number): boolean {
  return typeof token.exp === 'number' && (token.exp + CLOCK_TOLERANCE_SECONDS) * 1000 <= now;
}

/** The claims of a session token, or null when it is not one of ours or has expired. */
export async function decodeSessionToken(raw: string, secret: string, now: number = Date.now()): Promise<JWT | null> {
  const key = `${secret.length}:${secret}${raw}`;
  const known = claims.get(key);
  if (known) {
    if (!expired(known, now)) return known;
    claims.delete(key);
    return null;
  }
  const token = await decode({ token: raw, secret }).catch(() => null);
  if (!token || expired(token, now)) return null;
  if (claims.size >= LIMIT) claims.delete(claims.keys().next().value!);
  claims.set(key, token);
  return token;
}
