/** Sign-in settings from the environment, read in one place. */

const HOUR = 60 * 60;

/** Seconds of inactivity after which a session ends (AUTH_SESSION_IDLE_HOURS, default 8). */
export function sessionIdleSeconds(): number {
  const hours = Number(process.env.AUTH_SESSION_IDLE_HOURS);
  return Number.isFinite(hours) && hours > 0 ? Math.round(hours * HOUR) : 8 * HOUR;
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
