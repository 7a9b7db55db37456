import type { Metadata } from 'next';
import Link from 'next/link';
import { BandTag } from '@/components/risk-tags';
import { getDb } from '@/db/client';
import { getArchivedRisks } from '@/db/queries/risks';
import { requirePermission } from '@/lib/auth/guard';
import { CATEGORY_LABEL } from '@/lib/domain/categories';
import { formatDay } from '@/lib/domain/dates';
import { today } from '@/lib/today';
import { Cell, Row, RowHeader, Table } from '@/components/govuk/table';

export const metadata: Metadata = { title: 'Archived risks' };

/** Topical risks removed from the live register: still readable, with their whole history. */
export default async function ArchivedRisksPage() {
  await requirePermission('register:read');
  const rows = getArchivedRisks(getDb(), today());
  return (
    <div className="govuk-width-container">
      <main className="govuk-main-wrapper" id="main-content">
        <h1 className="govuk-heading-l">Archived risks</h1>
        <p className="govuk-body">
          Topical risks leave the live register when a review scores them below the removal threshold. They are kept here with their whole history, and return
          to the register if a later review scores them at or above the threshold.
        </p>
        {rows.length === 0 ? (
          <p className="govuk-body">No risks have been removed from the register.</p>
        ) : (
          <Table
            caption={<>{rows.length} archived</>}
            captionSize="m"
            columns={[
              { header: 'ID' },
              { header: 'Event' },
              { header: 'Category' },
              { header: 'Last score', numeric: true },
              { header: 'Band' },
              { header: 'Removed on' },
              { header: 'Why' },
            ]}
          >
            {rows.map((row) => (
              <Row key={row.ref} data-ref={row.ref}>
                <RowHeader>
                  <Link className="govuk-link" href={`/risks/${row.ref}`}>
                    {row.ref}
                  </Link>
                </RowHeader>
                <Cell>{row.event}</Cell>
                <Cell>{CATEGORY_LABEL[row.category]}</Cell>
                <Cell numeric>{row.latest.score}</Cell>
                <Cell>
                  <BandTag band={row.band} />
                </Cell>
                <Cell>{formatDay(row.archivedOn)}</Cell>
                <Cell>{row.archivedReason}</Cell>
              </Row>
            ))}
          </Table>
        )}
      </main>
    </div>
  );
}
