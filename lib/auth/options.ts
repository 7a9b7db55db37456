/**
 * next-auth (v4) configuration: JWT sessions that end after a period of inactivity, the Credentials
 * provider at the standard endpoints, and OpenID Connect single sign-on when it is configured.
 */
import { randomUUID } from 'node:crypto';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import { getDb } from '@/db/client';
import { recordSuccessfulSignIn, revokeSession } from '@/db/mutations/users';
import { getUserByEmail, getUserById } from '@/db/queries/users';
import { authSecret, oidcConfig, sessionIdleSeconds, secureCookies } from './config';
import { checkCredentials } from './credentials';
import { clientAddress, knownDevice } from './same-site';
import { isRole } from './permissions';
import { userFromClaims } from './session-user';

type OidcProfile = { sub: string; email?: string; preferred_username?: string; upn?: string; name?: string };

/** The email an OpenID provider vouches for (Entra ID may put it in preferred_username or upn). */
export function emailFromProfile(profile: OidcProfile): string | null {
  const email = profile.email ?? profile.preferred_username ?? profile.upn;
  return email && email.includes('@') ? email.trim().toLowerCase() : null;
}

function oidcProvider(): OAuthConfig<OidcProfile>[] {
  const config = oidcConfig();
  if (!config) return [];
  return [
    {
      id: 'oidc',
      name: config.name,
      type: 'oauth',
      wellKnown: `${config.issuer}/.well-known/openid-configuration`,
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      authorization: { params: { scope: 'openid email profile' } },
      idToken: true,
      checks: ['pkce', 'state'],
      profile(profile) {
        return { id: profile.sub, email: emailFromProfile(profile), name: profile.name ?? emailFromProfile(profile) ?? profile.sub };
      },
    },
  ];
}

/** The options shared by the route handler and the server-side session helpers. */
export function authOptions(): NextAuthOptions {
  const maxAge = sessionIdleSeconds();
  return {
    secret: authSecret(),
    useSecureCookies: secureCookies(),
    session: { strategy: 'jwt', maxAge, updateAge: 0 },
    jwt: { maxAge },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    logger: {
      // An ended session reaching next-auth's own endpoints is refused by the jwt callback below: expected,
      // not an error worth a stack trace in the log.
      error(code, metadata) {
        if (code === 'JWT_SESSION_ERROR') return;
        console.error(`[next-auth][error][${code}]`, metadata);
      },
    },
    providers: [
      CredentialsProvider({
        id: 'credentials',
        name: 'Email and password',
        credentials: { email: { label: 'Email address', type: 'email' }, password: { label: 'Password', type: 'password' } },
        async authorize(credentials, req) {
          const email = typeof credentials?.email === 'string' ? credentials.email : '';
          const password = typeof credentials?.password === 'string' ? credentials.password : '';
          if (!email || !password) return null;
          const headers = new Headers(req.headers as Record<string, string>);
          const device = /(?:^|;\s*)known-device=([^;]+)/.exec(headers.get('cookie') ?? '')?.[1];
          const result = await checkCredentials(email, password, { address: clientAddress(headers), device: knownDevice(device) });
          if (result.ok) return { id: String(result.user.id), email: result.user.email, name: result.user.name };
          if (result.reason !== 'invalid') throw new Error('Locked');
          return null;
        },
      }),
      ...oidcProvider(),
    ],
    callbacks: {
      async signIn({ user, account }) {
        if (account?.provider !== 'oidc') return true;
        const found = user.email ? getUserByEmail(getDb(), user.email) : undefined;
        if (!found || !found.active || !isRole(found.role)) return '/sign-in/refused';
        recordSuccessfulSignIn(getDb(), found, 'oidc', new Date());
        return true;
      },
      async jwt({ token, user, account }) {
        if (user && account) {
          const found = account.provider === 'oidc' ? (user.email ? getUserByEmail(getDb(), user.email) : undefined) : getUserById(getDb(), Number(user.id));
          if (!found) throw new Error('No such account');
          token.sub = String(found.id);
          token.uid = found.id;
          token.sid = randomUUID();
          token.authTime = Math.floor(Date.now() / 1000);
          token.pwdAt = found.passwordChangedAt;
          return token;
        }
        // Every later use (including next-auth's own /api/auth/session) checks the session is still live:
        // throwing here makes next-auth clear the cookie and answer with no session.
        if (!userFromClaims(getDb(), token)) throw new Error('Session ended');
        return token;
      },
      async session({ session, token }) {
        return { ...session, uid: token.uid };
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === 'string' && typeof token.uid === 'number') {
          const expiresAt = new Date((typeof token.exp === 'number' ? token.exp : Date.now() / 1000 + maxAge) * 1000).toISOString();
          revokeSession(getDb(), { userId: token.uid, label: token.name ?? `user ${token.uid}` }, token.sid, expiresAt);
        }
      },
    },
  };
}
