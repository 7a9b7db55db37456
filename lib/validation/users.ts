import { z } from 'zod';
import { newPasswordSchema } from '@/lib/auth/passwords';
import { ROLES } from '@/lib/auth/permissions';
import { LIMITS, tooLong } from './limits';

const name = z.string({ error: 'Enter a full name' }).trim().min(1, 'Enter a full name').max(LIMITS.name, tooLong('Full name', LIMITS.name));
const email = z
  .string({ error: 'Enter an email address' })
  .trim()
  .min(1, 'Enter an email address')
  .max(LIMITS.email, tooLong('Email address', LIMITS.email))
  .pipe(z.email({ error: 'Enter an email address in the correct format, like name@example.org' }));
const role = z.enum(ROLES, { error: 'Select a role' });
const id = z.coerce.number({ error: 'This user could not be found' }).int().positive();
const version = z.coerce.number({ error: 'Reload the page and try again' }).int().positive();

/** Adding an account: name, email, role and a first password to pass on securely. */
export const addUserSchema = z.object({ name, email, role, password: newPasswordSchema });

/** Changing an account's name, role and whether it may sign in. */
export const updateUserSchema = z.object({
  id,
  version,
  name,
  role,
  active: z.enum(['yes', 'no'], { error: 'Select whether this user can sign in' }),
});

/** An administrator setting a new password for someone. */
export const resetPasswordSchema = z.object({ id, password: newPasswordSchema });

/** Changing your own password: the current one, then the new one twice. */
export const changeOwnPasswordSchema = z
  .object({
    currentPassword: z.string({ error: 'Enter your current password' }).min(1, 'Enter your current password'),
    newPassword: newPasswordSchema,
    confirmPassword: z.string({ error: 'Enter the new password again' }).min(1, 'Enter the new password again'),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: 'The passwords do not match' });
