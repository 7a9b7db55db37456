'use server';

import { randomUUID } from 'node:crypto';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { sessionCookieName, sessionIdleSeconds, secureCookies } from '@/lib/auth/config';
import { checkCredentials, INVALID_MESSAGE, LOCKED_MESSAGE } from '@/lib/auth/credentials';
import type { FormState } from '@/lib/validation/form-state';
import { createSessionToken } from '@/lib/auth/session';
import { safeCallbackUrl, signInSchema } from '@/lib/validation/sign-in';

/** Signs in with email and password (the same check as next-auth's Credentials provider), then goes on. */
export async function signInAction(_previous: FormState | undefined, formData: FormData): Promise<FormState> {
  const values = { email: String(formData.get('email') ?? ''), callbackUrl: String(formData.get('callbackUrl') ?? '') };
  const parsed = signInSchema.safeParse({ email: formData.get('email'), password: formData.get('password') });
  if (!parsed.success) {
    const flat = z.flattenError(parsed.error);
    return { fieldErrors: flat.fieldErrors, values };
  }
  const result = await checkCredentials(parsed.data.email, parsed.data.password);
  if (!result.ok) {
    return { formErrors: [result.reason === 'locked' ? LOCKED_MESSAGE : INVALID_MESSAGE], values };
  }
  const token = await createSessionToken(result.user, randomUUID());
  const jar = await cookies();
  jar.set(sessionCookieName(), token, { httpOnly: true, sameSite: 'lax', path: '/', secure: secureCookies(), maxAge: sessionIdleSeconds() });
  redirect(safeCallbackUrl(values.callbackUrl));
}
