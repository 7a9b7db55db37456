import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/options';

type Context = { params: Promise<{ nextauth: string[] }> };

/** next-auth's standard endpoints: /api/auth/csrf, /api/auth/callback/credentials, /api/auth/signout, … */
async function handler(req: Request, context: Context) {
  return NextAuth(authOptions())(req, { params: await context.params });
}

export { handler as GET, handler as POST };
