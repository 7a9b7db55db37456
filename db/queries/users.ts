import { and, asc, count, eq, gt, inArray, notExists, notInArray, sql } from 'drizzle-orm';
import { DEMO_ACCOUNTS_KEY } from '../seed/demo-accounts';
import { OWNING_ROLES } from '@/lib/domain/roles';
import type { Db } from '../client';
import type { Tx } from '../transaction';
import { appMeta, people, revokedSessions, signInAttempts, users } from '../schema';

/** A user by email, case-insensitively. */
export function getUserByEmail(db: Db, email: string) {
  return db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`)
    .get();
}

export function getUserById(db: Db, id: number) {
  return db.select().from(users).where(eq(users.id, id)).get();
}

/** Every account, for the admin's list. */
export function listUsers(db: Db) {
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      active: users.active,
      lastSignInAt: users.lastSignInAt,
      personId: users.personId,
      personName: people.name,
      version: users.version,
      createdAt: users.createdAt,
    })
    .from(users)
    .leftJoin(people, eq(people.id, users.personId))
    .orderBy(asc(users.name))
    .all();
}

/** Accounts whose sign-in is locked at `now`, by lower-cased email, with when the lock ends. */
export function lockedSignIns(db: Db, now: Date): Map<string, string> {
  const rows = db
    .select({ email: signInAttempts.email, lockedUntil: signInAttempts.lockedUntil })
    .from(signInAttempts)
    .where(gt(signInAttempts.lockedUntil, now.toISOString()))
    .all();
  return new Map(rows.map((r) => [r.email, r.lockedUntil!]));
}

export function isSessionRevoked(db: Db, sessionId: string): boolean {
  return !!db.select({ id: revokedSessions.sessionId }).from(revokedSessions).where(eq(revokedSessions.sessionId, sessionId)).get();
}

/** People who can own risks, mitigations and actions, for owner pickers. */
/** Active people who may own (OWNING_ROLES): no account, or an account in an owning role. */
const mayOwn = and(
  eq(people.active, true),
  notExists(sql`(select 1 from ${users} where ${users.personId} = ${people.id} and ${notInArray(users.role, [...OWNING_ROLES])})`),
);

/** The people an owner may be chosen from, by name. */
export function listOwners(db: Db) {
  return db
    .select({ id: people.id, name: people.name, jobTitle: people.jobTitle, active: people.active })
    .from(people)
    .where(mayOwn)
    .orderBy(asc(people.name))
    .all();
}

/** Whether this person may be made an owner (the server's check behind every owner list). */
export function personMayOwn(db: Db | Tx, personId: number): boolean {
  return (
    db
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.id, personId), mayOwn))
      .get() !== undefined
  );
}

export function listPeople(db: Db) {
  return db.select({ id: people.id, name: people.name, jobTitle: people.jobTitle, active: people.active }).from(people).orderBy(asc(people.name)).all();
}

/** How many of the demo accounts (listed in app_meta when db/seed/demo-accounts.ts seeded them) are still active. */
export function activeDemoAccounts(db: Db): number {
  const seeded = db.select({ value: appMeta.value }).from(appMeta).where(eq(appMeta.key, DEMO_ACCOUNTS_KEY)).get();
  if (!seeded) return 0;
  return db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.email, seeded.value.split(','))))
    .get()!.n;
}
