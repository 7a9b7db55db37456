import type { Metadata } from 'next';
import Link from 'next/link';
import { Tag } from '@/components/govuk/tag';
import { getDb } from '@/db/client';
import { listInspections } from '@/db/queries/inspections';
import { requirePermission } from '@/lib/auth/guard';
import { userCan } from '@/lib/auth/session';
import { formatDay } from '@/lib/domain/dates';
import { S55_STATUS_LABEL } from '@/lib/domain/inspections';
import { today } from '@/lib/today';
import { Cell, Row, RowHeader, Table } from '@/components/govuk/table';

export const metadata: Metadata = { title: 'Inspections' };

export default async function InspectionsPage() {
  const user = await requirePermission('inspection:read');
  const rows = listInspections(getDb(), today());
  return (
    <div className="govuk-width-container">
      <main className="govuk-main-wrapper" id="main-content">
        <h1 className="govuk-heading-l">Inspections</h1>
        <p className="govuk-body">
          HMICFRS inspection reports on the force, their findings, and the PCC’s response, which must be published within 56 days (Police Act 1996, s.55).
        </p>
        {userCan(user, 'inspection:record') ? (
          <Link href="/inspections/import" className="govuk-button" role="button" draggable={false}>
            Import a report
          </Link>
        ) : null}
        <Table
          caption={<>{rows.length} reports</>}
          captionSize="m"
          columns={[{ header: 'Report' }, { header: 'Published' }, { header: 'Findings', numeric: true }, { header: 's.55 response' }]}
        >
          {rows.map((r) => (
            <Row key={r.id}>
              <RowHeader>
                <Link className="govuk-link" href={`/inspections/${r.id}`}>
                  {r.title}
                </Link>
                <br />
                <span className="govuk-body-s">
                  {r.inspectorate} · {r.type}
                </span>
              </RowHeader>
              <Cell className="app-nowrap">{formatDay(r.publishedOn)}</Cell>
              <Cell numeric>{r.findingCount}</Cell>
              <Cell>
                <Tag colour={r.s55Status === 'published' ? 'green' : 'blue'}>{S55_STATUS_LABEL[r.s55Status]}</Tag>
                <br />
                <span className="govuk-body-s">
                  {r.s55Status === 'published' ? `Published ${formatDay(r.s55PublishedOn)}` : `Due ${formatDay(r.s55DueOn)}`}
                </span>
                {r.s55Warning ? (
                  <>
                    <br />
                    <Tag colour="red">{r.s55Warning.level === 'overdue' ? `Overdue by ${r.s55Warning.days} days` : `Due in ${r.s55Warning.days} days`}</Tag>
                  </>
                ) : null}
              </Cell>
            </Row>
          ))}
        </Table>
      </main>
    </div>
  );
}
