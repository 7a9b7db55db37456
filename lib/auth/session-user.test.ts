import { encode } from 'next-auth/jwt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { createUser, revokeSession, updateUser } from '@/db/mutations/users';
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

const token = (claims: Record<string, unknown>, maxAge = 3600) => encode({ token: claims, secret: SECRET, maxAge });

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
});
