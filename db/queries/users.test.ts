import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDemoTestDatabase } from '../test-database';
import { updateUser } from '../mutations/users';
import { seedDemoAccounts } from '../seed/demo-accounts';
import { UnknownPersonError } from '../errors';
import { createRisk } from '../mutations/risks';
import { activeDemoAccounts, getUserByEmail, listOwners, personMayOwn } from './users';

let t: ReturnType<typeof openDemoTestDatabase>;
beforeAll(async () => {
  t = openDemoTestDatabase('register-demo-accounts-');
});
afterAll(() => t.close());

it('owners are chosen only among people who may own: never a board member or an auditor', async () => {
  await seedDemoAccounts(t.db);
  const owners = listOwners(t.db).map((p) => p.name);
  expect(owners).toContain('Demo Risk Owner');
  expect(owners).toContain('Demo Staff Officer');
  expect(owners).not.toContain('Demo Board Member');
  expect(owners).not.toContain('Demo Auditor');
  const board = getUserByEmail(t.db, 'board@example.org')!;
  expect(personMayOwn(t.db, board.personId!)).toBe(false);
  expect(() =>
    createRisk(t.db, { userId: null, label: 'unit test' }, {
      category: 'topical',
      event: 'A risk for a board member',
      consequences: ['c'],
      impactAreas: ['Financial'],
      mitigations: [],
      likelihood: 2,
      control: 2,
      impact: 2,
      ownerId: board.personId!,
      dateIdentified: '2026-12-01',
      reason: '',
    } as never),
  ).toThrow(UnknownPersonError);
});

it('counts the active demo accounts, so the demo banner shows until the last is deactivated', async () => {
  expect(activeDemoAccounts(t.db)).toBe(5);
  const actor = { userId: null, label: 'unit test' };
  for (const email of ['admin@example.org', 'staff@example.org', 'owner@example.org', 'board@example.org', 'auditor@example.org']) {
    const user = getUserByEmail(t.db, email)!;
    updateUser(t.db, actor, user.id, user.version, { role: user.role as never, active: false, name: user.name });
  }
  expect(activeDemoAccounts(t.db)).toBe(0);
});
