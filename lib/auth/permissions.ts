/**
 * Who may do what: the only place that knows roles. Pages read it to hide what a role cannot use;
 * every server action and route handler checks it on the server through lib/auth/guard.ts.
 */

import { ROLES, type Role } from '@/lib/domain/roles';

export { ROLES, type Role };

export const ROLE_LABEL: Record<Role, string> = {
  admin: 'Administrator',
  staff: 'Office staff',
  owner: 'Risk or action owner',
  board: 'Board member',
  auditor: 'Auditor',
};

export const ROLE_DESCRIPTION: Record<Role, string> = {
  admin: 'Everything office staff may do, plus manage users and register settings',
  staff:
    'Create and edit risks, log reviews, archive topical risks, record inspections, actions, meetings and commitments, import, freeze snapshots, draft and publish covering reports',
  owner: 'Read the register; update mitigations on risks they own and progress on actions they own',
  board: 'Read the register, risks, inspections, actions, meetings, dashboards and published reports',
  auditor: 'Read everything including the audit log; export review histories and evidence packs',
};

export const PERMISSIONS = [
  'register:read',
  'risk:create',
  'risk:edit',
  'risk:archive',
  'review:log',
  'review:propose-own',
  'mitigation:update-own',
  'inspection:read',
  'inspection:record',
  'action:read',
  'action:record',
  'action:update-own',
  'finding:update-own',
  'meeting:read',
  'meeting:record',
  'register:import',
  'snapshot:freeze',
  'report:read',
  'report:write',
  'audit:read',
  'export:review-history',
  'export:evidence-pack',
  'users:manage',
  'settings:manage',
  'account:change-own-password',
  'account:manage-own-reminders',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ: Permission[] = [
  'register:read',
  'inspection:read',
  'action:read',
  'meeting:read',
  'report:read',
  'account:change-own-password',
  'account:manage-own-reminders',
];

const STAFF: Permission[] = [
  ...READ,
  'risk:create',
  'risk:edit',
  'risk:archive',
  'review:log',
  'inspection:record',
  'action:record',
  'meeting:record',
  'register:import',
  'snapshot:freeze',
  'report:write',
  'export:review-history',
];

/** The map itself: each role's permissions, written out so a reviewer can read it at a glance. */
export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  admin: new Set<Permission>([...STAFF, 'users:manage', 'settings:manage', 'audit:read']),
  staff: new Set<Permission>(STAFF),
  owner: new Set<Permission>([
    'register:read',
    'account:change-own-password',
    'account:manage-own-reminders',
    'review:propose-own',
    'mitigation:update-own',
    'action:read',
    'action:update-own',
    'finding:update-own',
    'meeting:read',
  ]),
  board: new Set<Permission>(READ),
  auditor: new Set<Permission>([...READ, 'audit:read', 'export:review-history', 'export:evidence-pack']),
};

/** Whether a role has a permission; unknown roles have none. */
export function can(role: Role | string | null | undefined, permission: Permission): boolean {
  if (!role || !(ROLES as readonly string[]).includes(role)) return false;
  return ROLE_PERMISSIONS[role as Role].has(permission);
}

/** Whether a string names a role. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export type Decision = 'ok' | 'unauthenticated' | 'forbidden';

/** What the server decides for a user (or nobody) asking to do something. */
export function decide(user: { role: Role } | null, permission: Permission | readonly Permission[]): Decision {
  if (!user) return 'unauthenticated';
  const any = typeof permission === 'string' ? [permission] : permission;
  return any.some((p) => can(user.role, p)) ? 'ok' : 'forbidden';
}
