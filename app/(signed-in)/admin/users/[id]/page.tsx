import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { getUserById } from '@/db/queries/users';
import { requirePermission } from '@/lib/auth/guard';
import { EditUserForm, ResetPasswordForm } from '../user-forms';

export const metadata: Metadata = { title: 'Change a user' };

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission('users:manage');
  const id = Number((await params).id);
  const user = Number.isInteger(id) && id > 0 ? getUserById(getDb(), id) : undefined;
  if (!user) notFound();
  return (
    <div className="govuk-width-container">
      <Link href="/admin/users" className="govuk-back-link">
        Back to users
      </Link>
      <main className="govuk-main-wrapper" id="main-content">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <span className="govuk-caption-l">{user.email}</span>
            <h1 className="govuk-heading-l">Change {user.name}</h1>
            <EditUserForm user={{ id: user.id, version: user.version, name: user.name, role: user.role, active: user.active }} />
            <h2 className="govuk-heading-m">Reset password</h2>
            <ResetPasswordForm userId={user.id} />
          </div>
        </div>
      </main>
    </div>
  );
}
