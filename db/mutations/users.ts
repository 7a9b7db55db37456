/** Writes to accounts and sign-in state; each in one transaction with its audit row. */
import { and, eq, isNull } from 'drizzle-orm';
import type { Role } from '@/lib/domain/roles';
import type { Db } from '../client';
import { DuplicateEmailError, StaleVersionError } from '../errors';
import { writeTransaction, type Tx } from '../transaction';
import {
  accountLockApplies,
  afterCountedAttempt,
  afterFailure,
  DEFAULT_LOCKOUT,
  isLocked,
  throttleKey,
  throttleWait,
  type KnownOrigin,
} from '@/lib/auth/lockout';
import { sha256 } from '@/lib/sha256';
import { calendarFeeds, revokedSessions, signInAttempts, signInKnown, signInThrottles, users } from '../schema';
import { writeAudit, type Actor } from './audit';

export type AttemptClaim =
  | { allowed: true; bucket: string; known: KnownOrigin }
  | { allowed: false; reason: 'throttled'; waitSeconds: number }
  | { allowed: false; reason: 'locked'; lockedUntil: string };

/**
 * Where an attempt comes from: the client address a trusted proxy reported (null without one, since a client
 * can write any X-Forwarded-For it likes), and the browser's known-device cookie, if it has one.
 */
export type AttemptOrigin = { address: string | null; device: string | null };

/** Whether the account has signed in from this browser or this (trusted) address before; the browser first. */
function knownOrigin(tx: Tx, email: string, origin: AttemptOrigin): KnownOrigin {
  const known = (kind: 'device' | 'address', value: string | null) =>
    value !== null &&
    tx
      .select({ email: signInKnown.email })
      .from(signInKnown)
      .where(and(eq(signInKnown.email, email), eq(signInKnown.kind, kind), eq(signInKnown.keyHash, sha256(value))))
      .get() !== undefined;
  if (known('device', origin.device)) return 'device';
  if (known('address', origin.address)) return 'address';
  return null;
}

/**
 * Counts a sign-in attempt before its password is checked, in one write transaction, so parallel guesses
 * each see the ones before them. Each origin waits on its own throttle: a browser the account has signed in
 * from before, else the trusted client address, else every unknown origin together. The account-wide count
 * and lock apply only to attempts from origins the account has never signed in from, so no one else's
 * guesses stop its owner signing in from a browser or address they have used, while a known origin's own
 * guesses still wait longer and longer. A lock is audited when it starts.
 */
export function claimSignInAttempt(db: Db, email: string, origin: AttemptOrigin, now: Date): AttemptClaim {
  const key = email.trim().toLowerCase();
  return writeTransaction(db, (tx) => {
    const known = knownOrigin(tx, key, origin);
    const bucket = throttleKey(known, { address: origin.address, deviceHash: origin.device ? sha256(origin.device) : null });
    const lockApplies = accountLockApplies(known);
    const account = tx.select().from(signInAttempts).where(eq(signInAttempts.email, key)).get();
    if (lockApplies && isLocked(account, now)) return { allowed: false, reason: 'locked', lockedUntil: account!.lockedUntil! };
    const throttle = tx
      .select()
      .from(signInThrottles)
      .where(and(eq(signInThrottles.email, key), eq(signInThrottles.address, bucket)))
      .get();
    const waitSeconds = throttleWait(throttle, now);
    if (waitSeconds > 0) return { allowed: false, reason: 'throttled', waitSeconds };
    const at = now.toISOString();
    const counted = afterCountedAttempt(throttle, now);
    tx.insert(signInThrottles)
      .values({ email: key, address: bucket, ...counted, lastFailureAt: at })
      .onConflictDoUpdate({ target: [signInThrottles.email, signInThrottles.address], set: { ...counted, lastFailureAt: at } })
      .run();
    if (!lockApplies) return { allowed: true, bucket, known };
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
    return { allowed: true, bucket, known };
  });
}

/**
 * Clears the wait of the throttle the attempt was counted under (`claim` from claimSignInAttempt; not others':
 * a guesser elsewhere keeps waiting) and, for a sign-in from an origin new to the account, the account-wide
 * count (a known origin's sign-in leaves a lock in place for everyone else); remembers the browser and the
 * trusted address as known, and stamps the sign-in; audited.
 */
export function recordSuccessfulSignIn(
  db: Db,
  user: { id: number; email: string; name: string },
  method: 'password' | 'oidc',
  now: Date,
  origin: AttemptOrigin = { address: null, device: null },
  claim: { bucket: string; known: KnownOrigin } | null = null,
): void {
  const key = user.email.toLowerCase();
  const at = now.toISOString();
  writeTransaction(db, (tx) => {
    if (!claim || accountLockApplies(claim.known)) tx.delete(signInAttempts).where(eq(signInAttempts.email, key)).run();
    if (claim)
      tx.delete(signInThrottles)
        .where(and(eq(signInThrottles.email, key), eq(signInThrottles.address, claim.bucket)))
        .run();
    for (const [kind, value] of [
      ['device', origin.device],
      ['address', origin.address],
    ] as const)
      if (value !== null)
        tx.insert(signInKnown)
          .values({ email: key, kind, keyHash: sha256(value), lastSignInAt: at })
          .onConflictDoUpdate({ target: [signInKnown.email, signInKnown.kind, signInKnown.keyHash], set: { lastSignInAt: at } })
          .run();
    tx.update(users).set({ lastSignInAt: at }).where(eq(users.id, user.id)).run();
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
  return claimSignInAttempt(db, passwordCheckKey(userId), { address: 'account page', device: null }, now);
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
