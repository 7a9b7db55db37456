import { z } from 'zod';

/** The sign-in form: both fields required; the email must look like one. */
export const signInSchema = z.object({
  email: z
    .string({ error: 'Enter your email address' })
    .trim()
    .min(1, 'Enter your email address')
    .max(320, 'Email address must be 320 characters or fewer')
    .pipe(z.email({ error: 'Enter an email address in the correct format, like name@example.org' })),
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password').max(200, 'Password must be 200 characters or fewer'),
});

/** Stands for this service's own origin when reading a callback; never contacted. */
const OWN_ORIGIN = 'https://service.invalid';

/**
 * Where to go after signing in: only a page of this service. The value is parsed as a browser would
 * parse it against this service's origin (which drops tabs and newlines, and reads `/\\host` or `//host`
 * as another host), accepted only if it keeps that origin, and returned in the parser's own normalised
 * form, so what the browser follows is what was checked.
 */
export function safeCallbackUrl(value: string | null | undefined): string {
  const fallback = '/register';
  if (!value || value.length > 2000 || !value.startsWith('/')) return fallback;
  let url: URL;
  try {
    url = new URL(value, OWN_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== OWN_ORIGIN || url.pathname.startsWith('/sign-in') || url.pathname.startsWith('/sign-out')) return fallback;
  const result = `${url.pathname}${url.search}${url.hash}`;
  // Normalising can itself make another host: `/..//evil.example` becomes `//evil.example`. What is
  // returned must keep this origin when read again, as the browser reads a Location header.
  try {
    if (new URL(result, OWN_ORIGIN).origin !== OWN_ORIGIN || /^[/\\]{2}/.test(result)) return fallback;
  } catch {
    return fallback;
  }
  return result;
}
