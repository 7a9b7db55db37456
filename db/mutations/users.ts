/** Writes to accounts and sign-in state; each in one transaction with its audit row. */
import { and, eq, isNull } from 'drizzle-orm';
import type { Role } from '@/lib/domain/roles';
import type { Db } from '../client';
import { DuplicateEmailError, StaleVersionError } from '../errors';
import { writeTransaction } from '../transaction';
import { afterCountedAttempt, afterFailure, DEFAULT_LOCKOUT, isLocked, throttleWait } from '@/lib/auth/lockout';
import { calendarFeeds, revokedSessions, signInAttempts, signInThrottles, users } from '../schema';
import { writeAudit, type Actor } from './audit';

export type AttemptClaim =
  { allowed: true } | { allowed: false; reason: 'throttled'; waitSeconds: number } | { allowed: false; reason: 'locked'; lockedUntil: string };

/**
 * Counts a sign-in attempt before its password is checked, in one write transaction, so parallel guesses
 * each see the ones before them: refused while the account is locked or this address must still wait;
 * otherwise counted as a failure (a success clears it) for the address and the account, auditing a lock
 * when it starts.
 */
export function claimSignInAttempt(db: Db, email: string, address: string, now: Date): AttemptClaim {
  const key = email.trim().toLowerCase();
  return writeTransaction(db, (tx) => {
    const account = tx.select().from(signInAttempts).where(eq(signInAttempts.email, key)).get();
    if (isLocked(account, now)) return { allowed: false, reason: 'locked', lockedUntil: account!.lockedUntil! };
    const throttle = tx
      .select()
      .from(signInThrottles)
      .where(and(eq(signInThrottles.email, key), eq(signInThrottles.address, address)))
      .get();
    const waitSeconds = throttleWait(throttle, now);
    if (waitSeconds > 0) return { allowed: false, reason: 'throttled', waitSeconds };
    const at = now.toISOString();
    const counted = afterCountedAttempt(throttle, now);
    tx.insert(signInThrottles)
      .values({ email: key, address, ...counted, lastFailureAt: at })
      .onConflictDoUpdate({ target: [signInThrottles.email, signInThrottles.address], set: { ...counted, lastFailureAt: at } })
      .run();
    const next = afterFailure(account, now);
    tx.insert(signInAttempts)
      .values({ email: key, failures: next.failures, lockedUntil: next.lockedUntil, lastFailureAt: at })
      .onConflictDoUpdate({ target: signInAttempts.email, set: { failures: next.failures, lockedUntil: next.lockedUntil, lastFailureAt: at } })
      .run();
    if (next.lockedNow) {
      writeAudit(
        tx,
        { userId: null, label: 'sign-in' },
        {
          action: 'auth.lockout',
          entityType: 'sign_in',
          entityId: key,
          summary: `Sign-in for ${key} locked until ${next.lockedUntil} after ${DEFAULT_LOCKOUT.maxFailures} failed attempts`,
        },
      );
    }
    return { allowed: true };
  });
}

/**
 * Clears the account's failure count and this address's wait (not other addresses': a guesser elsewhere
 * keeps waiting) and stamps the sign-in; audited.
 */
export function recordSuccessfulSignIn(
  db: Db,
  user: { id: number; email: string; name: string },
  method: 'password' | 'oidc',
  now: Date,
  address: string | null = null,
): void {
  const key = user.email.toLowerCase();
  writeTransaction(db, (tx) => {
    tx.delete(signInAttempts).where(eq(signInAttempts.email, key)).run();
    if (address !== null)
      tx.delete(signInThrottles)
        .where(and(eq(signInThrottles.email, key), eq(signInThrottles.address, address)))
        .run();
    tx.update(users).set({ lastSignInAt: now.toISOString() }).where(eq(users.id, user.id)).run();
    writeAudit(
      tx,
      { userId: user.id, label: user.name },
      { action: 'auth.sign-in', entityType: 'user', entityId: user.id, summary: `${user.name} signed in (${method})` },
    );
  });
}

/** The key the current-password check of an account is counted under, apart from its sign-ins. */
export const passwordCheckKey = (userId: number) => `password-change:${userId}`;

/**
 * Counts a check of the current password before it is made, as sign-in attempts are (claimSignInAttempt):
 * three free, then each wrong one doubles the wait, and fifty pause the check for half an hour.
 */
export function claimPasswordCheck(db: Db, userId: number, now: Date): AttemptClaim {
  return claimSignInAttempt(db, passwordCheckKey(userId), 'account page', now);
}

/** Records the result of a current-password check: a wrong one is audited; a right one clears the count. */
export function recordPasswordCheck(db: Db, actor: Actor & { userId: number }, correct: boolean): void {
  const key = passwordCheckKey(actor.userId);
  writeTransaction(db, (tx) => {
    if (correct) {
      tx.delete(signInAttempts).where(eq(signInAttempts.email, key)).run();
      tx.delete(signInThrottles).where(eq(signInThrottles.email, key)).run();
      return;
    }
    writeAudit(tx, actor, {
      action: 'account.password-check-failed',
      entityType: 'user',
      entityId: actor.userId,
      summary: `${actor.label} entered a wrong current password when changing their password`,
    });
  });
}

/** Ends a session: its id is refused from now until it would have expired. */
export function revokeSession(db: Db, actor: Actor, sessionId: string, expiresAt: string): void {
  writeTransaction(db, (tx) => {
    tx.insert(revokedSessions).values({ sessionId, userId: actor.userId, expiresAt }).onConflictDoNothing().run();
    writeAudit(tx, actor, { action: 'auth.sign-out', entityType: 'user', entityId: actor.userId, summary: `${actor.label} signed out` });
  });
}

export type NewUser = { email: string; name: string; role: Role; passwordHash: string | null; personId?: number | null };

/** Adds an account. */
export function createUser(db: Db, actor: Actor, input: NewUser): number {
  return writeTransaction(db, (tx) => {
    const existing = tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .all()
      .find((u) => u.email.toLowerCase() === input.email.toLowerCase());
    if (existing) throw new DuplicateEmailError();
    const now = new Date().toISOString();
    const row = tx
      .insert(users)
      .values({
        email: input.email.trim(),
        name: input.name.trim(),
        role: input.role,
        passwordHash: input.passwordHash,
        personId: input.personId ?? null,
        passwordChangedAt: input.passwordHash ? now : null,
      })
      .returning({ id: users.id })
      .get();
    writeAudit(tx, actor, { action: 'user.create', entityType: 'user', entityId: row.id, summary: `Added ${input.name} <${input.email}> as ${input.role}` });
    return row.id;
  });
}

/** Changes role and active state, refusing a stale edit (optimistic version). */
export function updateUser(db: Db, actor: Actor, id: number, expectedVersion: number, change: { role: Role; active: boolean; name: string }): void {
  writeTransaction(db, (tx) => {
    const before = tx.select().from(users).where(eq(users.id, id)).get();
    if (!before) throw new Error('No such user');
    const result = tx
      .update(users)
      .set({
        role: change.role,
        active: change.active,
        name: change.name,
        deactivatedAt: change.active ? null : (before.deactivatedAt ?? new Date().toISOString()),
        version: before.version + 1,
      })
      .where(and(eq(users.id, id), eq(users.version, expectedVersion)))
      .run();
    if (result.changes !== 1) throw new StaleVersionError();
    const parts: string[] = [];
    if (before.role !== change.role) parts.push(`role ${before.role} → ${change.role}`);
    if (before.active !== change.active) parts.push(change.active ? 'reactivated' : 'deactivated');
    if (before.name !== change.name) parts.push(`name “${before.name}” → “${change.name}”`);
    writeAudit(tx, actor, {
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      summary: `${before.email}: ${parts.length ? parts.join(', ') : 'no change'}`,
      detail: { before: { role: before.role, active: before.active, name: before.name }, after: change },
    });
  });
}

/**
 * Sets a new password hash (own change or an admin's reset) and returns its time. Sessions signed in
 * before it no longer match the account's password-change time, so they end (lib/auth/session-user.ts).
 */
export function setPassword(db: Db, actor: Actor, id: number, passwordHash: string, reason: 'own-change' | 'admin-reset'): string {
  return writeTransaction(db, (tx) => {
    const user = tx.select({ email: users.email, version: users.version }).from(users).where(eq(users.id, id)).get();
    if (!user) throw new Error('No such user');
    const changedAt = new Date().toISOString();
    tx.update(users)
      .set({ passwordHash, passwordChangedAt: changedAt, version: user.version + 1 })
      .where(eq(users.id, id))
      .run();
    tx.delete(signInAttempts).where(eq(signInAttempts.email, user.email.toLowerCase())).run();
    tx.delete(signInThrottles).where(eq(signInThrottles.email, user.email.toLowerCase())).run();
    // A calendar feed's secret address is a credential too: a new password ends it, as it ends sessions.
    tx.update(calendarFeeds)
      .set({ revokedAt: changedAt })
      .where(and(eq(calendarFeeds.userId, id), isNull(calendarFeeds.revokedAt)))
      .run();
    writeAudit(tx, actor, {
      action: reason === 'own-change' ? 'user.password-change' : 'user.password-reset',
      entityType: 'user',
      entityId: id,
      summary:
        reason === 'own-change'
          ? `${user.email} changed their password; their other sessions and any calendar feed ended`
          : `Password reset for ${user.email}; their sessions and any calendar feed ended`,
    });
    return changedAt;
  });
}
