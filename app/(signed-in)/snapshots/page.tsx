import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { listSnapshots } from '@/db/mutations/snapshots';
import { coveringReportStatuses } from '@/db/queries/covering-reports';
import { requirePermission } from '@/lib/auth/guard';
import { userCan } from '@/lib/auth/session';
import { formatDay } from '@/lib/domain/dates';
import { FORUM_LABEL } from '@/lib/domain/forums';
import { FreezeForm } from './freeze-form';
import { listMeetings } from '@/db/queries/meetings';
import { MEETING_FORUM_LABEL } from '@/lib/domain/meetings';
import { Cell, Row, RowHeader, Table } from '@/components/govuk/table';

export const metadata: Metadata = { title: 'Meeting snapshots' };

export default async function SnapshotsPage() {
  const user = await requirePermission('report:read');
  const db = getDb();
  const rows = listSnapshots(db);
  const reports = coveringReportStatuses(db);
  const seesDrafts = userCan(user, 'report:write') || userCan(user, 'audit:read');
  return (
    <div className="govuk-width-container">
      <main className="govuk-main-wrapper" id="main-content">
        <h1 className="govuk-heading-l">Meeting snapshots</h1>
        <p className="govuk-body">
          The register frozen for a meeting: what the board sees for that meeting. A snapshot never changes and carries a SHA-256 of its content.
        </p>
        <Table
          caption={<>{rows.length === 1 ? '1 snapshot' : `${rows.length} snapshots`}</>}
          captionSize="m"
          columns={[{ header: 'Meeting' }, { header: 'Register as at' }, { header: 'Frozen by' }, { header: 'Covering report' }]}
        >
          {rows.map((s) => (
            <Row key={s.id}>
              <RowHeader>
                <Link className="govuk-link" href={`/snapshots/${s.id}`}>
                  {FORUM_LABEL[s.forum]}, {formatDay(s.meetingOn)}
                </Link>
              </RowHeader>
              <Cell>{formatDay(s.asAt)}</Cell>
              <Cell>{s.createdByName}</Cell>
              <Cell>
                {reports.get(s.id) === 'published' || (reports.get(s.id) === 'draft' && seesDrafts) ? (
                  <Link className="govuk-link" href={`/snapshots/${s.id}/report`}>
                    {reports.get(s.id) === 'published' ? 'Published' : 'Draft'}
                    <span className="govuk-visually-hidden"> covering report for this meeting</span>
                  </Link>
                ) : (
                  'Not published'
                )}
              </Cell>
            </Row>
          ))}
        </Table>
        {userCan(user, 'snapshot:freeze') ? (
          <div className="govuk-grid-row">
            <div className="govuk-grid-column-two-thirds">
              <h2 className="govuk-heading-m">Freeze the register for a meeting</h2>
              <FreezeForm
                meetings={listMeetings(db)
                  .reverse()
                  .map((m) => ({ value: String(m.id), text: `${MEETING_FORUM_LABEL[m.forum]}, ${formatDay(m.on)}` }))}
              />
            </div>
          </div>
        ) : null}
      </main>
    </div>
  );
}
