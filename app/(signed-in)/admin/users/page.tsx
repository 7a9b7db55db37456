import type { Metadata } from 'next';
import Link from 'next/link';
import { Tag } from '@/components/govuk/tag';
import { getDb } from '@/db/client';
import { listUsers } from '@/db/queries/users';
import { requirePermission } from '@/lib/auth/guard';
import { ROLE_LABEL, isRole } from '@/lib/auth/permissions';
import { SuccessBanner } from '@/components/govuk/success-banner';

export const metadata: Metadata = { title: 'Users' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function formatTime(iso: string | null): string {
  if (!iso) return 'Never';
  return new Date(iso).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/London',
  });
}

export default async function UsersPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePermission('users:manage');
  const query = await searchParams;
  const done = typeof query.added === 'string' ? `Added ${query.added}.` : typeof query.updated === 'string' ? `Saved the changes to ${query.updated}.` : null;
  const users = listUsers(getDb());
  return (
    <div className="govuk-width-container">
      <main className="govuk-main-wrapper" id="main-content">
        {done ? <SuccessBanner id="users-done-title">{done}</SuccessBanner> : null}
        <h1 className="govuk-heading-l">Users</h1>
        <p className="govuk-body">
          Everyone who can sign in, and what their role lets them do. Deactivated users cannot sign in; their history stays attributed to them.
        </p>
        <Link href="/admin/users/new" className="govuk-button" role="button" draggable={false}>
          Add a user
        </Link>
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">{users.length} users</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Name
              </th>
              <th scope="col" className="govuk-table__header">
                Email address
              </th>
              <th scope="col" className="govuk-table__header">
                Role
              </th>
              <th scope="col" className="govuk-table__header">
                Status
              </th>
              <th scope="col" className="govuk-table__header">
                Last signed in
              </th>
              <th scope="col" className="govuk-table__header">
                <span className="govuk-visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {users.map((u) => (
              <tr className="govuk-table__row" key={u.id} data-email={u.email}>
                <th scope="row" className="govuk-table__header">
                  {u.name}
                </th>
                <td className="govuk-table__cell">{u.email}</td>
                <td className="govuk-table__cell">{isRole(u.role) ? ROLE_LABEL[u.role] : u.role}</td>
                <td className="govuk-table__cell">{u.active ? <Tag colour="green">Active</Tag> : <Tag colour="grey">Deactivated</Tag>}</td>
                <td className="govuk-table__cell">{formatTime(u.lastSignInAt)}</td>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" href={`/admin/users/${u.id}`}>
                    Change<span className="govuk-visually-hidden"> {u.name}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </main>
    </div>
  );
}
