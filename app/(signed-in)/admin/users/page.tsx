import type { Metadata } from 'next';
import Link from 'next/link';
import { Tag } from '@/components/govuk/tag';
import { getDb } from '@/db/client';
import { listUsers, lockedSignIns } from '@/db/queries/users';
import { formatTime } from '@/lib/domain/dates';
import { requirePermission } from '@/lib/auth/guard';
import { ROLE_LABEL, isRole } from '@/lib/auth/permissions';
import { SuccessBanner } from '@/components/govuk/success-banner';
import { Cell, Row, RowHeader, Table } from '@/components/govuk/table';

export const metadata: Metadata = { title: 'Users' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function UsersPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePermission('users:manage');
  const query = await searchParams;
  const done = typeof query.added === 'string' ? `Added ${query.added}.` : typeof query.updated === 'string' ? `Saved the changes to ${query.updated}.` : null;
  const users = listUsers(getDb());
  const locked = lockedSignIns(getDb(), new Date());
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
              <Cell>
                {u.active ? <Tag colour="green">Active</Tag> : <Tag colour="grey">Deactivated</Tag>}
                {locked.has(u.email.toLowerCase()) ? (
                  <p className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">
                    <Tag colour="red">Sign-in locked</Tag> until {formatTime(locked.get(u.email.toLowerCase()))} after many failed attempts; resetting the
                    password unlocks it
                  </p>
                ) : null}
              </Cell>
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
