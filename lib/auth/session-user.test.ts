import { encode } from 'next-auth/jwt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { createUser, revokeSession, setPassword, updateUser } from '@/db/mutations/users';
import { getUserById } from '@/db/queries/users';
import { openDemoTestDatabase } from '@/db/test-database';
import { userFromToken } from './session-user';

const SECRET = 'test-secret-0123456789abcdef0123456789abcdef';
const SYSTEM = { userId: null, label: 'test' };

let db: Db;
let close: () => void;
let userId: number;
beforeEach(() => {
  ({ db, close } = openDemoTestDatabase('session-user-'));
  userId = createUser(db, SYSTEM, { email: 'reader@example.org', name: 'A Reader', role: 'board', passwordHash: null });
});
afterEach(() => close());

const now = () => Math.floor(Date.now() / 1000);
/** A session token as sign-in issues it: signed in now, under the account's current password time. */
const token = (claims: Record<string, unknown>, maxAge = 3600) =>
  encode({ token: { authTime: now(), pwdAt: getUserById(db, userId)?.passwordChangedAt ?? null, ...claims }, secret: SECRET, maxAge });

describe('userFromToken', () => {
  it('returns the account behind a valid session, its role read from the database', async () => {
    const user = await userFromToken(db, await token({ uid: userId, sid: 'session-1' }), SECRET);
    expect(user).toMatchObject({ id: userId, email: 'reader@example.org', name: 'A Reader', role: 'board', sessionId: 'session-1' });
    updateUser(db, SYSTEM, userId, getUserById(db, userId)!.version, { role: 'auditor', active: true, name: 'A Reader' });
    expect((await userFromToken(db, await token({ uid: userId, sid: 'session-1', role: 'admin' }), SECRET))?.role).toBe('auditor');
  });

  it('refuses a session that was signed out, even with its token still valid', async () => {
    const raw = await token({ uid: userId, sid: 'session-2' });
    revokeSession(db, { userId, label: 'A Reader' }, 'session-2', new Date(Date.now() + 3600_000).toISOString());
    expect(await userFromToken(db, raw, SECRET)).toBeNull();
  });

  it('refuses a deactivated account', async () => {
    const raw = await token({ uid: userId, sid: 'session-3' });
    updateUser(db, SYSTEM, userId, getUserById(db, userId)!.version, { role: 'board', active: false, name: 'A Reader' });
    expect(await userFromToken(db, raw, SECRET)).toBeNull();
  });

  it('refuses tokens that are not this service’s sessions', async () => {
    expect(await userFromToken(db, undefined, SECRET)).toBeNull();
    expect(await userFromToken(db, 'not-a-token', SECRET)).toBeNull();
    expect(await userFromToken(db, await token({ uid: userId, sid: 'session-4' }), `${SECRET}-other`)).toBeNull();
    expect(await userFromToken(db, await token({ sid: 'session-5' }), SECRET)).toBeNull();
    expect(await userFromToken(db, await token({ uid: 999_999, sid: 'session-6' }), SECRET)).toBeNull();
    expect(await userFromToken(db, await token({ uid: userId, sid: 'session-7' }, -60), SECRET)).toBeNull();
  });

  it('a password change or an admin reset ends every session signed in before it', async () => {
    const before = await token({ uid: userId, sid: 'session-8' });
    expect(await userFromToken(db, before, SECRET)).not.toBeNull();
    const changedAt = setPassword(db, SYSTEM, userId, 'hash', 'own-change');
    expect(await userFromToken(db, before, SECRET)).toBeNull();
    // The session that made the change is re-issued under the new time, and carries on.
    expect(await userFromToken(db, await token({ uid: userId, sid: 'session-8', pwdAt: changedAt }), SECRET)).not.toBeNull();
    setPassword(db, SYSTEM, userId, 'hash-2', 'admin-reset');
    expect(await userFromToken(db, await token({ uid: userId, sid: 'session-8', pwdAt: changedAt }), SECRET)).toBeNull();
  });

  it('ends a session at its absolute lifetime (12 hours by default) however recently it was used', async () => {
    expect(await userFromToken(db, await token({ uid: userId, sid: 'session-9', authTime: now() - 11 * 3600 }), SECRET)).not.toBeNull();
    expect(await userFromToken(db, await token({ uid: userId, sid: 'session-9', authTime: now() - 12 * 3600 - 1 }), SECRET)).toBeNull();
    expect(await userFromToken(db, await token({ uid: userId, sid: 'session-9', authTime: undefined }), SECRET)).toBeNull();
  });
});
