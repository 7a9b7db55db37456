import { describe, expect, it } from 'vitest';
import { can, PERMISSIONS, ROLES, type Permission, type Role } from './permissions';

/** The table, written independently of the map: which roles may use each permission. */
const EXPECTED: Record<Permission, Role[]> = {
  'register:read': ['admin', 'staff', 'owner', 'board', 'auditor'],
  'risk:create': ['admin', 'staff'],
  'risk:edit': ['admin', 'staff'],
  'risk:archive': ['admin', 'staff'],
  'review:log': ['admin', 'staff'],
  'review:propose-own': ['owner'],
  'mitigation:update-own': ['owner'],
  'inspection:read': ['admin', 'staff', 'board', 'auditor'],
  'inspection:record': ['admin', 'staff'],
  'action:read': ['admin', 'staff', 'owner', 'board', 'auditor'],
  'action:record': ['admin', 'staff'],
  'action:update-own': ['owner'],
  'finding:update-own': ['owner'],
  'meeting:read': ['admin', 'staff', 'owner', 'board', 'auditor'],
  'meeting:record': ['admin', 'staff'],
  'register:import': ['admin', 'staff'],
  'snapshot:freeze': ['admin', 'staff'],
  'report:read': ['admin', 'staff', 'board', 'auditor'],
  'report:write': ['admin', 'staff'],
  'audit:read': ['admin', 'auditor'],
  'export:review-history': ['admin', 'staff', 'auditor'],
  'export:evidence-pack': ['auditor'],
  'users:manage': ['admin'],
  'settings:manage': ['admin'],
  'account:change-own-password': ['admin', 'staff', 'owner', 'board', 'auditor'],
  'account:manage-own-reminders': ['admin', 'staff', 'owner', 'board', 'auditor'],
};

describe('the role → permission map', () => {
  const cases = ROLES.flatMap((role) => PERMISSIONS.map((permission) => [role, permission, EXPECTED[permission].includes(role)] as const));
  it.each(cases)('%s may %s: %s', (role, permission, allowed) => {
    expect(can(role, permission)).toBe(allowed);
  });

  it.each([null, undefined, '', 'superuser', 'ADMIN'])('%j has no permission at all', (role) => {
    for (const permission of PERMISSIONS) expect(can(role, permission)).toBe(false);
  });

  it('board and auditor change nothing', () => {
    // (reading the audit log is not a change)
    const changes = PERMISSIONS.filter((p) => !p.endsWith(':read') && !p.startsWith('account:') && !p.startsWith('export:'));
    for (const permission of changes) {
      expect(can('board', permission)).toBe(false);
      expect(can('auditor', permission)).toBe(false);
    }
  });
});
