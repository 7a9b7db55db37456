/** After a number of failed sign-ins to one email address, further attempts are refused for a while. */

export type LockoutPolicy = { maxFailures: number; lockMinutes: number };

export const DEFAULT_LOCKOUT: LockoutPolicy = { maxFailures: 5, lockMinutes: 15 };

export type AttemptState = { failures: number; lockedUntil: string | null };

/** Whether an address is locked at `now` (ISO times). */
export function isLocked(state: AttemptState | null | undefined, now: Date): boolean {
  return !!state?.lockedUntil && new Date(state.lockedUntil).getTime() > now.getTime();
}

/**
 * The state after one more failure: the count grows; reaching the limit locks the address for the
 * policy's minutes and starts the count again, so each further run of failures locks it again.
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
