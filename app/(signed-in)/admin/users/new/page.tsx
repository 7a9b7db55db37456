import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePermission } from '@/lib/auth/guard';
import { AddUserForm } from '../user-forms';

export const metadata: Metadata = { title: 'Add a user' };

export default async function AddUserPage() {
  await requirePermission('users:manage');
  return (
    <div className="govuk-width-container">
      <Link href="/admin/users" className="govuk-back-link">
        Back to users
      </Link>
      <main className="govuk-main-wrapper" id="main-content">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <h1 className="govuk-heading-l">Add a user</h1>
            <AddUserForm />
          </div>
        </div>
      </main>
    </div>
  );
}
