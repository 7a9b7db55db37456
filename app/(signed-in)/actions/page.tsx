import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionsTable } from '@/components/actions-table';
import { Select } from '@/components/govuk/select';
import { getDb } from '@/db/client';
import { listActions } from '@/db/queries/inspections';
import { listPeople } from '@/db/queries/users';
import { requirePermission } from '@/lib/auth/guard';
import { userCan } from '@/lib/auth/session';
import { ACTION_STATUS_LABEL, ACTION_STATUSES } from '@/lib/domain/inspections';
import { today } from '@/lib/today';
import { parseActionFilters } from '@/lib/validation/action-filters';

export const metadata: Metadata = { title: 'Actions' };

export default async function ActionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission('action:read');
  const filters = parseActionFilters(await searchParams);
  const db = getDb();
  const rows = listActions(db, today(), filters);
  const overdue = rows.filter((r) => r.overdue).length;
  return (
    <div className="govuk-width-container">
      <main className="govuk-main-wrapper" id="main-content">
        <h1 className="govuk-heading-l">Actions</h1>
        <p className="govuk-body">
          Everything with an owner and a due date: answers to inspection findings, risk mitigations, and Panel and board minutes. {overdue} of {rows.length}{' '}
          shown are overdue.
        </p>
        <div className="govuk-button-group">
          {userCan(user, 'action:record') ? (
            <Link href="/actions/new" className="govuk-button" role="button" draggable={false}>
              Add an action
            </Link>
          ) : null}
          <Link href="/actions/mine" className="govuk-link">
            My actions
          </Link>
        </div>
        <form method="get" action="/actions" className="app-filters" aria-label="Filter actions">
          <Select
            id="filter-owner"
            name="ownerId"
            label="Owner"
            defaultValue={filters.ownerId ? String(filters.ownerId) : ''}
            options={[{ value: '', text: 'Anyone' }, ...listPeople(db).map((p) => ({ value: String(p.id), text: p.name }))]}
          />
          <Select
            id="filter-status"
            name="status"
            label="Status"
            defaultValue={filters.status ?? ''}
            options={[{ value: '', text: 'Any status' }, ...ACTION_STATUSES.map((s) => ({ value: s, text: ACTION_STATUS_LABEL[s] }))]}
          />
          <Select
            id="filter-source"
            name="sourceType"
            label="Answers"
            defaultValue={filters.sourceType ?? ''}
            options={[
              { value: '', text: 'Anything' },
              { value: 'finding', text: 'Inspection findings' },
              { value: 'risk', text: 'Risks' },
              { value: 'minute', text: 'Minutes' },
              { value: 'other', text: 'Other' },
            ]}
          />
          <Select
            id="filter-overdue"
            name="overdue"
            label="Overdue"
            defaultValue={filters.overdue ? 'yes' : ''}
            options={[
              { value: '', text: 'All' },
              { value: 'yes', text: 'Overdue only' },
            ]}
          />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button govuk-button--secondary">
              Apply filters
            </button>
          </div>
        </form>
        <ActionsTable rows={rows} caption={`${rows.length} actions`} />
      </main>
    </div>
  );
}
