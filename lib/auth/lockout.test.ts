import { describe, expect, it } from 'vitest';
import { afterCountedAttempt, afterFailure, delaySeconds, isLocked, throttleWait, waitText, type AttemptState, type ThrottleState } from './lockout';

const now = new Date('2026-11-24T10:00:00.000Z');

describe('per-address throttle: three free attempts, then doubling waits up to 15 minutes', () => {
  it('lets the first three through at once and makes the fourth wait 2 seconds, then 4, 8 …', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => delaySeconds(n))).toEqual([0, 0, 2, 4, 8, 16]);
    expect(delaySeconds(30)).toBe(900);
    let state: ThrottleState | null = null;
    for (let i = 0; i < 2; i++) {
      state = afterCountedAttempt(state, now);
      expect(throttleWait(state, now)).toBe(0);
    }
    state = afterCountedAttempt(state, now);
    expect([state.failures, throttleWait(state, now), throttleWait(state, new Date(now.getTime() + 2000))]).toEqual([3, 2, 0]);
  });

  it('says how long to wait in words', () => {
    expect([waitText(1), waitText(45), waitText(60), waitText(61), waitText(900)]).toEqual(['1 second', '45 seconds', '1 minute', '2 minutes', '15 minutes']);
  });
});

describe('account lock: 50 counted failures lock the account for 30 minutes', () => {
  it('counts 49 without locking and locks on the 50th', () => {
    let state: AttemptState | null = null;
    for (let i = 1; i < 50; i++) state = afterFailure(state, now);
    expect([state!.failures, isLocked(state, now)]).toEqual([49, false]);
    const next = afterFailure(state, now);
    expect([next.lockedNow, next.lockedUntil]).toEqual([true, '2026-11-24T10:30:00.000Z']);
    expect(isLocked(next, new Date('2026-11-24T10:29:59.000Z'))).toBe(true);
    expect(isLocked(next, new Date('2026-11-24T10:30:00.000Z'))).toBe(false);
  });

  it('starts counting afresh once a lock has expired', () => {
    expect(afterFailure({ failures: 3, lockedUntil: '2026-11-24T09:00:00.000Z' }, now)).toMatchObject({ failures: 1, lockedUntil: null, lockedNow: false });
  });

  it('honours another policy', () => {
    expect(afterFailure({ failures: 2, lockedUntil: null }, now, { maxFailures: 3, lockMinutes: 1 }).lockedUntil).toBe('2026-11-24T10:01:00.000Z');
  });
});
