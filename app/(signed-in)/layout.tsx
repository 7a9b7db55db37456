import Link from 'next/link';
import type { ReactNode } from 'react';
import { ROLE_LABEL } from '@/lib/auth/permissions';
import { requireUser, userCan } from '@/lib/auth/session';
import { signOutAction } from '../sign-in/actions';

/** Every page in here needs a signed-in user; each page checks its own permission too. */
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <>
      <div className="govuk-width-container">
        <div className="app-account-bar">
          <p className="govuk-body-s govuk-!-margin-bottom-0">
            Signed in as <strong>{user.name}</strong> ({ROLE_LABEL[user.role]})
          </p>
          <ul className="govuk-list govuk-body-s app-account-bar__links">
            {userCan(user, 'audit:read') ? (
              <li>
                <Link className="govuk-link" href="/audit">
                  Audit log
                </Link>
              </li>
            ) : null}
            {userCan(user, 'export:review-history') || userCan(user, 'export:evidence-pack') ? (
              <li>
                <Link className="govuk-link" href="/exports">
                  Exports
                </Link>
              </li>
            ) : null}
            {userCan(user, 'settings:manage') ? (
              <li>
                <Link className="govuk-link" href="/admin/settings">
                  Settings
                </Link>
              </li>
            ) : null}
            {userCan(user, 'users:manage') ? (
              <li>
                <Link className="govuk-link" href="/admin/users">
                  Users
                </Link>
              </li>
            ) : null}
            <li>
              <Link className="govuk-link" href="/account">
                Your account
              </Link>
            </li>
            <li>
              <form action={signOutAction}>
                <button type="submit" className="app-link-button govuk-link">
                  Sign out
                </button>
              </form>
            </li>
          </ul>
        </div>
      </div>
      {children}
    </>
  );
}
