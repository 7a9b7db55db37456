/**
 * Two limits on guessing passwords, both counted before a password is checked:
 * - per account and client address, growing delays: a few attempts are free, then each failure doubles
 *   the wait before the next one from that address, so someone else's guesses from elsewhere do not
 *   stop the account's owner signing in from their own address;
 * - per account, a lock after many more failures from anywhere, which bounds guessing spread over many
 *   addresses; it is audited and shown to administrators, and a password reset clears it.
 */

/** Where an attempt comes from, as far as the limits are concerned: a browser or address the account signed in from before, or neither. */
export type KnownOrigin = 'device' | 'address' | null;

/**
 * The throttle an attempt waits on: its known browser's (by the SHA-256 of its token), else the client
 * address a trusted proxy reported, else one throttle for every unknown origin together.
 */
export function throttleKey(known: KnownOrigin, origin: { address: string | null; deviceHash: string | null }): string {
  return known === 'device' ? `device:${origin.deviceHash}` : (origin.address ?? 'anywhere');
}

/**
 * Whether the account-wide count and lock apply to an attempt: only to origins the account has never signed
 * in from, so other people's guesses never stop its owner, and the owner's sign-in never lifts the lock.
 */
export const accountLockApplies = (known: KnownOrigin): boolean => known === null;

export type ThrottlePolicy = { freeAttempts: number; baseDelaySeconds: number; maxDelaySeconds: number };
export type LockoutPolicy = { maxFailures: number; lockMinutes: number };

export const DEFAULT_THROTTLE: ThrottlePolicy = { freeAttempts: 3, baseDelaySeconds: 2, maxDelaySeconds: 15 * 60 };
export const DEFAULT_LOCKOUT: LockoutPolicy = { maxFailures: 50, lockMinutes: 30 };

/** Failures from one address at one account, and when it may try again. */
export type ThrottleState = { failures: number; nextAttemptAt: string | null };

/** The wait after `failures` counted attempts: none for the first few, then doubling up to the cap. */
export function delaySeconds(failures: number, policy: ThrottlePolicy = DEFAULT_THROTTLE): number {
  if (failures < policy.freeAttempts) return 0;
  return Math.min(policy.baseDelaySeconds * 2 ** (failures - policy.freeAttempts), policy.maxDelaySeconds);
}

/** Whole seconds to wait before the next attempt is allowed at `now` (0 when it is allowed). */
export function throttleWait(state: ThrottleState | null | undefined, now: Date): number {
  if (!state?.nextAttemptAt) return 0;
  return Math.max(0, Math.ceil((new Date(state.nextAttemptAt).getTime() - now.getTime()) / 1000));
}

/** The state once one more attempt is counted (before its password is checked). */
export function afterCountedAttempt(state: ThrottleState | null | undefined, now: Date, policy: ThrottlePolicy = DEFAULT_THROTTLE): ThrottleState {
  const failures = (state?.failures ?? 0) + 1;
  const delay = delaySeconds(failures, policy);
  return { failures, nextAttemptAt: delay ? new Date(now.getTime() + delay * 1000).toISOString() : null };
}

export type AttemptState = { failures: number; lockedUntil: string | null };

/** Whether an account is locked at `now` (ISO times). */
export function isLocked(state: AttemptState | null | undefined, now: Date): boolean {
  return !!state?.lockedUntil && new Date(state.lockedUntil).getTime() > now.getTime();
}

/**
 * The account's state after one more counted failure: the count grows; reaching the limit locks the
 * account for the policy's minutes and starts the count again.
 */
export function afterFailure(
  state: AttemptState | null | undefined,
  now: Date,
  policy: LockoutPolicy = DEFAULT_LOCKOUT,
): AttemptState & { lockedNow: boolean } {
  const expiredLock = state?.lockedUntil && !isLocked(state, now);
  const failures = (expiredLock ? 0 : (state?.failures ?? 0)) + 1;
  if (failures >= policy.maxFailures) {
    return { failures: 0, lockedUntil: new Date(now.getTime() + policy.lockMinutes * 60_000).toISOString(), lockedNow: true };
  }
  return { failures, lockedUntil: expiredLock ? null : (state?.lockedUntil ?? null), lockedNow: false };
}

/** "45 seconds", "2 minutes": how long to wait, for the sign-in message. */
export function waitText(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
