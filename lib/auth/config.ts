/** Sign-in settings from the environment, read in one place. */

const HOUR = 60 * 60;

/** Seconds of inactivity after which a session ends (AUTH_SESSION_IDLE_HOURS, default 8). */
export function sessionIdleSeconds(): number {
  const hours = Number(process.env.AUTH_SESSION_IDLE_HOURS);
  return Number.isFinite(hours) && hours > 0 ? Math.round(hours * HOUR) : 8 * HOUR;
}

/**
 * Seconds after signing in at which a session ends however active it is (AUTH_SESSION_MAX_HOURS,
 * default 12), so a stolen or forgotten session cannot be kept alive for ever by use.
 */
export function sessionMaxSeconds(): number {
  const hours = Number(process.env.AUTH_SESSION_MAX_HOURS);
  return Number.isFinite(hours) && hours > 0 ? Math.round(hours * HOUR) : 12 * HOUR;
}

/**
 * The cookie lifetime for a session signed in at `authTime` (seconds): the idle period, cut short by the
 * absolute lifetime; zero or less when the session is over.
 */
export function sessionCookieSeconds(authTime: number, nowSeconds = Date.now() / 1000): number {
  return Math.floor(Math.min(sessionIdleSeconds(), authTime + sessionMaxSeconds() - nowSeconds));
}

/**
 * Whether the service runs behind a reverse proxy whose X-Forwarded-Host and X-Forwarded-For it may
 * believe (TRUST_PROXY=true). Without it those headers come from the client and are not trusted.
 */
export function trustProxy(): boolean {
  return /^(1|true|yes)$/i.test(process.env.TRUST_PROXY ?? '');
}

/** The secret that signs and encrypts sessions. `npm start` and `npm test` provide one; production must. */
export function authSecret(): string {
  const secret = process.env.NEXTAUTH_SECRET || process.env.AUTH_SECRET;
  if (secret) return secret;
  if (process.env.NODE_ENV === 'production' && process.env.NEXT_PHASE !== 'phase-production-build') {
    throw new Error('NEXTAUTH_SECRET must be set in production');
  }
  return 'development-only-secret-not-for-production-use';
}

/** Whether cookies carry the Secure flag and __Secure- prefix: when the service is served over https. */
export function secureCookies(): boolean {
  return (process.env.NEXTAUTH_URL ?? '').startsWith('https://');
}

/** The session cookie's name, as next-auth names it. */
export function sessionCookieName(): string {
  return `${secureCookies() ? '__Secure-' : ''}next-auth.session-token`;
}

export type OidcConfig = { issuer: string; clientId: string; clientSecret: string; name: string };

/** Single sign-on through OpenID Connect, when all three settings are present. */
export function oidcConfig(): OidcConfig | null {
  const issuer = process.env.AUTH_OIDC_ISSUER;
  const clientId = process.env.AUTH_OIDC_CLIENT_ID;
  const clientSecret = process.env.AUTH_OIDC_CLIENT_SECRET;
  if (!issuer || !clientId || !clientSecret) return null;
  return { issuer: issuer.replace(/\/$/, ''), clientId, clientSecret, name: process.env.AUTH_OIDC_NAME || 'your organisation account' };
}

/**
 * Whether the service is reached on this computer only (NEXTAUTH_URL unset, or naming localhost or a loopback
 * address): the one place the demo accounts' published password may sign in.
 */
export function servedOnThisComputer(env: NodeJS.ProcessEnv = process.env): boolean {
  if (!env.NEXTAUTH_URL) return true;
  try {
    return ['localhost', '127.0.0.1', '[::1]'].includes(new URL(env.NEXTAUTH_URL).hostname);
  } catch {
    return false;
  }
}
