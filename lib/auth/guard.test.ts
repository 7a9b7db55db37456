import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { decide, FORBIDDEN_MESSAGE, makeAuthedAction, makeAuthedRoute, SIGNED_OUT_MESSAGE } from './guard';
import { can, PERMISSIONS, ROLES, type Role } from './permissions';
import type { SessionUser } from './session';

const userWith = (role: Role): SessionUser => ({
  id: 1,
  email: `${role}@example.org`,
  name: role,
  role,
  personId: null,
  sessionId: 's',
  expiresAt: '2099-01-01T00:00:00Z',
  authTime: 0,
});
const schema = z.object({ name: z.string().min(1, 'Enter a name') });

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.append(k, v);
  return data;
}

describe('decide', () => {
  it.each(PERMISSIONS)('nobody signed in may not %s', (permission) => {
    expect(decide(null, permission)).toBe('unauthenticated');
  });
});

describe('authedAction and authedRoute, each role × each permission', () => {
  const cases = ROLES.flatMap((role) => PERMISSIONS.map((permission) => [role, permission] as const));

  it.each(cases)('%s → %s', async (role, permission) => {
    let ran = 0;
    const action = makeAuthedAction(async () => userWith(role))(permission, schema, () => {
      ran++;
      return { ok: true };
    });
    const route = makeAuthedRoute(async () => userWith(role))(permission, () => {
      ran++;
      return new Response('done');
    });
    const state = await action(undefined, form({ name: 'x' }));
    const response = await route(new Request('http://localhost/x'), {});
    if (can(role, permission)) {
      expect(state).toEqual({ ok: true });
      expect(response.status).toBe(200);
      expect(ran).toBe(2);
    } else {
      expect(state.formErrors).toEqual([FORBIDDEN_MESSAGE]);
      expect(response.status).toBe(403);
      expect(ran).toBe(0);
    }
  });

  it('refuses a signed-out caller before reading input, keeping what was typed but never a password', async () => {
    let ran = false;
    const action = makeAuthedAction(async () => null)('register:read', schema, () => {
      ran = true;
      return { ok: true };
    });
    const state = await action(undefined, form({ name: 'kept', password: 'secret' }));
    expect(state).toEqual({ formErrors: [SIGNED_OUT_MESSAGE], values: { name: 'kept' } });
    const route = makeAuthedRoute(async () => null)('register:read', () => new Response('no'));
    expect((await route(new Request('http://localhost/x'), {})).status).toBe(401);
    expect(ran).toBe(false);
  });

  it('returns every field error with the values typed', async () => {
    const action = makeAuthedAction(async () => userWith('staff'))('risk:edit', schema, () => ({ ok: true }));
    const state = await action(undefined, form({ name: '' }));
    expect(state.fieldErrors).toEqual({ name: ['Enter a name'] });
    expect(state.values).toEqual({ name: '' });
  });
});

describe('any-of permissions', () => {
  it('lets a role through when it has any listed permission', () => {
    expect(decide(userWith('owner'), ['action:record', 'action:update-own'])).toBe('ok');
    expect(decide(userWith('board'), ['action:record', 'action:update-own'])).toBe('forbidden');
  });
});
