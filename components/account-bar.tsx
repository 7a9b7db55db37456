import Link from 'next/link';
import { can, ROLE_LABEL, type Permission, type Role } from '@/lib/auth/permissions';

/**
 * Who is signed in, the links their role allows, and sign out. Sign out is a plain form POST to
 * app/sign-out/route.ts, so it works the same on every page, with or without JavaScript.
 */
export function AccountBar({ user }: { user: { name: string; role: Role } }) {
  const may = (permission: Permission) => can(user.role, permission);
  const links = [
    may('audit:read') && { href: '/audit', text: 'Audit log' },
    may('audit:read') && { href: '/admin/notifications', text: 'Reminders sent' },
    (may('export:review-history') || may('export:evidence-pack')) && { href: '/exports', text: 'Exports' },
    may('settings:manage') && { href: '/admin/settings', text: 'Settings' },
    may('users:manage') && { href: '/admin/users', text: 'Users' },
    { href: '/account', text: 'Your account' },
  ].filter((link) => !!link);
  return (
    <div className="govuk-width-container">
      <div className="app-account-bar">
        <p className="govuk-body-s govuk-!-margin-bottom-0">
          Signed in as <strong>{user.name}</strong> ({ROLE_LABEL[user.role]})
        </p>
        <ul className="govuk-list govuk-body-s app-account-bar__links">
          {links.map((link) => (
            <li key={link.href}>
              <Link className="govuk-link" href={link.href}>
                {link.text}
              </Link>
            </li>
          ))}
          <li>
            <form method="post" action="/sign-out">
              <button type="submit" className="app-link-button govuk-link">
                Sign out
              </button>
            </form>
          </li>
        </ul>
      </div>
    </div>
  );
}
