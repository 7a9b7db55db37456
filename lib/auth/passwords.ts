import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';

/** argon2id with the OWASP-recommended minimum cost (19 MiB, 2 passes). */
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** Checks a password against its argon2id hash; false for a missing or malformed hash. */
export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  if (!passwordHash) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;

/** Spends the time a real check would, so an unknown address answers no faster than a known one. */
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword('not-a-real-password-for-timing-only');
  await verifyPassword(await dummyHash, password);
}

/** A new password: 12 to 200 characters (NCSC: length over complexity rules). */
export const newPasswordSchema = z
  .string({ error: 'Enter a password' })
  .min(12, 'Password must be 12 characters or more')
  .max(200, 'Password must be 200 characters or fewer');
