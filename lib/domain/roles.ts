/** The roles an account can hold: who may do what is in lib/auth/permissions.ts. */
export const ROLES = ['admin', 'staff', 'owner', 'board', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The roles whose people may own risks, mitigations and actions. Board members and auditors hold the owners
 * to account, so they are never owners; people without an account (force leads, partners) may own.
 */
export const OWNING_ROLES: readonly Role[] = ['admin', 'staff', 'owner'];
