import type { Metadata } from 'next';
import { ActionsTable } from '@/components/actions-table';
import { getDb } from '@/db/client';
import { listActions } from '@/db/queries/inspections';
import { requirePermission } from '@/lib/auth/guard';
import { today } from '@/lib/today';

export const metadata: Metadata = { title: 'My actions' };

export default async function MyActionsPage() {
  const user = await requirePermission('action:read');
  const rows = user.personId ? listActions(getDb(), today(), { ownerId: user.personId }) : [];
  return (
    <div className="govuk-width-container">
      <main className="govuk-main-wrapper" id="main-content">
        <h1 className="govuk-heading-l">My actions</h1>
        {user.personId ? (
          <ActionsTable rows={rows} caption={`${rows.length} actions you own`} />
        ) : (
          <p className="govuk-body">Your account is not linked to a person who owns actions.</p>
        )}
      </main>
    </div>
  );
}
