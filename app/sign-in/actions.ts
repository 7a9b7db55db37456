'use server';

import { randomUUID } from 'node:crypto';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { headers } from 'next/headers';
import { checkCredentials, refusalMessage } from '@/lib/auth/credentials';
import { clientAddress } from '@/lib/auth/same-site';
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
  const result = await checkCredentials(parsed.data.email, parsed.data.password, clientAddress(await headers()));
  if (!result.ok) {
    return { formErrors: [refusalMessage(result)], values };
  }
  const { token, maxAge } = await createSessionToken(result.user, randomUUID());
  await setSessionCookie(token, maxAge);
  redirect(safeCallbackUrl(values.callbackUrl));
}
