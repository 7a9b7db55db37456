import type { Metadata } from 'next';
import Link from 'next/link';
import { SummaryList } from '@/components/govuk/summary-list';
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
        <SummaryList
          rows={[
            { key: 'Name', value: user.name },
            { key: 'Email address', value: user.email },
            { key: 'Role', value: ROLE_LABEL[user.role] },
          ]}
        />
        <p className="govuk-body">
          <Link className="govuk-link" href="/account/password">
            Change your password
          </Link>
        </p>
        <p className="govuk-body">
          <Link className="govuk-link" href="/account/notifications">
            Choose your reminders and turn on a calendar feed
          </Link>
        </p>
      </main>
    </div>
  );
}
