import type { Metadata } from 'next';
import Link from 'next/link';
import { Tag } from '@/components/govuk/tag';
import { getDb } from '@/db/client';
import { listUsers } from '@/db/queries/users';
import { requirePermission } from '@/lib/auth/guard';
import { ROLE_LABEL, isRole } from '@/lib/auth/permissions';
import { SuccessBanner } from '@/components/govuk/success-banner';
import { Cell, Row, RowHeader, Table } from '@/components/govuk/table';

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
        <Table
          caption={<>{users.length} users</>}
          captionSize="m"
          columns={[
            { header: 'Name' },
            { header: 'Email address' },
            { header: 'Role' },
            { header: 'Status' },
            { header: 'Last signed in' },
            {
              header: (
                <>
                  <span className="govuk-visually-hidden">Actions</span>
                </>
              ),
            },
          ]}
        >
          {users.map((u) => (
            <Row key={u.id} data-email={u.email}>
              <RowHeader>{u.name}</RowHeader>
              <Cell>{u.email}</Cell>
              <Cell>{isRole(u.role) ? ROLE_LABEL[u.role] : u.role}</Cell>
              <Cell>{u.active ? <Tag colour="green">Active</Tag> : <Tag colour="grey">Deactivated</Tag>}</Cell>
              <Cell>{formatTime(u.lastSignInAt)}</Cell>
              <Cell>
                <Link className="govuk-link" href={`/admin/users/${u.id}`}>
                  Change<span className="govuk-visually-hidden"> {u.name}</span>
                </Link>
              </Cell>
            </Row>
          ))}
        </Table>
      </main>
    </div>
  );
}
