'use server';

import { randomBytes, randomUUID } from 'node:crypto';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { cookies, headers } from 'next/headers';
import { checkCredentials, refusalMessage } from '@/lib/auth/credentials';
import { secureCookies } from '@/lib/auth/config';
import { clientAddress, KNOWN_DEVICE_COOKIE, knownDevice } from '@/lib/auth/same-site';
import type { FormState } from '@/lib/validation/form-state';
import { createSessionToken, setSessionCookie } from '@/lib/auth/session';
import { safeCallbackUrl, signInSchema } from '@/lib/validation/sign-in';

/** Signs in with email and password (the same check as next-auth's Credentials provider), then goes on. */
export async function signInAction(_previous: FormState | undefined, formData: FormData): Promise<FormState> {
  const values = { email: String(formData.get('email') ?? ''), callbackUrl: String(formData.get('callbackUrl') ?? '') };
  const parsed = signInSchema.safeParse({ email: formData.get('email'), password: formData.get('password') });
  if (!parsed.success) {
    const flat = z.flattenError(parsed.error);
    return { fieldErrors: flat.fieldErrors, values };
  }
  const jar = await cookies();
  // A browser new to the service gets a token that, once an account signs in with it, marks it as known.
  const device = knownDevice(jar.get(KNOWN_DEVICE_COOKIE)?.value) ?? randomBytes(32).toString('base64url');
  const result = await checkCredentials(parsed.data.email, parsed.data.password, { address: clientAddress(await headers()), device });
  if (!result.ok) {
    return { formErrors: [refusalMessage(result)], values };
  }
  jar.set(KNOWN_DEVICE_COOKIE, device, { httpOnly: true, sameSite: 'lax', path: '/', secure: secureCookies(), maxAge: 400 * 24 * 60 * 60 });
  const { token, maxAge } = await createSessionToken(result.user, randomUUID());
  await setSessionCookie(token, maxAge);
  redirect(safeCallbackUrl(values.callbackUrl));
}
