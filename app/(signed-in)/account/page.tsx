import type { Metadata } from 'next';
import Link from 'next/link';
import { ROLE_LABEL } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Your account' };

/**
 * Who you are signed in as. Deliberately the smallest signed-in page: the benchmark uses it as the
 * framework's floor (session check, layout, one tiny read), so every other page is measured against it.
 */
export default async function AccountPage() {
  const user = await requireUser();
  return (
    <div className="govuk-width-container">
      <main className="govuk-main-wrapper" id="main-content">
        <h1 className="govuk-heading-l">Your account</h1>
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Name</dt>
            <dd className="govuk-summary-list__value">{user.name}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Email address</dt>
            <dd className="govuk-summary-list__value">{user.email}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Role</dt>
            <dd className="govuk-summary-list__value">{ROLE_LABEL[user.role]}</dd>
          </div>
        </dl>
        <p className="govuk-body">
          <Link className="govuk-link" href="/account/password">
            Change your password
          </Link>
        </p>
      </main>
    </div>
  );
}
