import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDemoTestDatabase } from '../test-database';
import { updateUser } from '../mutations/users';
import { seedDemoAccounts } from '../seed/demo-accounts';
import { activeDemoAccounts, getUserByEmail } from './users';

let t: ReturnType<typeof openDemoTestDatabase>;
beforeAll(async () => {
  t = openDemoTestDatabase('register-demo-accounts-');
});
afterAll(() => t.close());

it('counts the active demo accounts, so the demo banner shows until the last is deactivated', async () => {
  expect(activeDemoAccounts(t.db)).toBe(0);
  await seedDemoAccounts(t.db);
  expect(activeDemoAccounts(t.db)).toBe(5);
  const actor = { userId: null, label: 'unit test' };
  for (const email of ['admin@example.org', 'staff@example.org', 'owner@example.org', 'board@example.org', 'auditor@example.org']) {
    const user = getUserByEmail(t.db, email)!;
    updateUser(t.db, actor, user.id, user.version, { role: user.role as never, active: false, name: user.name });
  }
  expect(activeDemoAccounts(t.db)).toBe(0);
});
