import 'next-auth/jwt';

declare module 'next-auth/jwt' {
  interface JWT {
    uid?: number;
    sid?: string;
    /** When the session signed in, in seconds: the absolute lifetime runs from here. */
    authTime?: number;
    /** The account's password-change time when the session signed in: a later change ends the session. */
    pwdAt?: string | null;
  }
}
