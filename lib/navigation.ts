import { can, type Permission, type Role } from '@/lib/auth/permissions';

export type NavItem = { href: string; text: string };

const NAV_ITEMS: Array<NavItem & { permission: Permission }> = [
  { href: '/dashboard', text: 'Dashboard', permission: 'register:read' },
  { href: '/register', text: 'Register', permission: 'register:read' },
  { href: '/reviews', text: 'Reviews due', permission: 'register:read' },
  { href: '/risks/archived', text: 'Archived risks', permission: 'register:read' },
  { href: '/snapshots', text: 'Snapshots', permission: 'report:read' },
  { href: '/inspections', text: 'Inspections', permission: 'inspection:read' },
  { href: '/actions', text: 'Actions', permission: 'action:read' },
  { href: '/meetings', text: 'Meetings', permission: 'meeting:read' },
];

/** The service navigation a role sees (none when signed out). */
export function navItemsFor(role: Role | null | undefined): NavItem[] {
  return role ? NAV_ITEMS.filter((item) => can(role, item.permission)).map(({ href, text }) => ({ href, text })) : [];
}
