/** The roles an account can hold: who may do what is in lib/auth/permissions.ts. */
export const ROLES = ['admin', 'staff', 'owner', 'board', 'auditor'] as const;
export type Role = (typeof ROLES)[number];
