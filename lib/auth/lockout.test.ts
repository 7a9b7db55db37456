import { describe, expect, it } from 'vitest';
import { afterFailure, isLocked, type AttemptState } from './lockout';

const now = new Date('2026-11-24T10:00:00.000Z');

describe('sign-in lockout: 5 failures lock an address for 15 minutes', () => {
  it('counts failures one to four without locking', () => {
    let state: AttemptState | null = null;
    for (let i = 1; i <= 4; i++) {
      const next = afterFailure(state, now);
      expect(next).toMatchObject({ failures: i, lockedNow: false, lockedUntil: null });
      state = next;
    }
    expect(isLocked(state, now)).toBe(false);
  });

  it('locks on the fifth', () => {
    const next = afterFailure({ failures: 4, lockedUntil: null }, now);
    expect(next.lockedNow).toBe(true);
    expect(next.lockedUntil).toBe('2026-11-24T10:15:00.000Z');
    expect(isLocked(next, now)).toBe(true);
    expect(isLocked(next, new Date('2026-11-24T10:14:59.000Z'))).toBe(true);
    expect(isLocked(next, new Date('2026-11-24T10:15:00.000Z'))).toBe(false);
  });

  it('starts counting afresh once a lock has expired, forgetting failures from before it', () => {
    const next = afterFailure({ failures: 3, lockedUntil: '2026-11-24T09:00:00.000Z' }, now);
    expect(next).toMatchObject({ failures: 1, lockedUntil: null, lockedNow: false });
  });

  it('keeps counting while a lock is still in force', () => {
    const next = afterFailure({ failures: 2, lockedUntil: '2026-11-24T10:05:00.000Z' }, now);
    expect(next).toMatchObject({ failures: 3, lockedUntil: '2026-11-24T10:05:00.000Z', lockedNow: false });
  });

  it('honours another policy', () => {
    expect(afterFailure({ failures: 2, lockedUntil: null }, now, { maxFailures: 3, lockMinutes: 1 }).lockedUntil).toBe('2026-11-24T10:01:00.000Z');
  });
});
