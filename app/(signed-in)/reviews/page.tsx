import type { Metadata } from 'next';
import Link from 'next/link';
import { ReviewStatusTag } from '@/components/risk-tags';
import { getDb } from '@/db/client';
import { getLiveRegister } from '@/db/queries/risks';
import { requirePermission } from '@/lib/auth/guard';
import { userCan } from '@/lib/auth/session';
import { formatDay } from '@/lib/domain/dates';
import { describeOverdue } from '@/lib/domain/durations';
import { today } from '@/lib/today';
import { Cell, Row, RowHeader, Table } from '@/components/govuk/table';

export const metadata: Metadata = { title: 'Reviews due' };

/** Live risks due or overdue for their monthly review, most overdue first. */
export default async function ReviewsPage() {
  const user = await requirePermission('register:read');
  const day = today();
  const { all } = getLiveRegister(getDb(), day);
  const due = all.filter((r) => r.due.status !== 'up-to-date').sort((a, b) => b.due.daysOverdue - a.due.daysOverdue || a.ref.localeCompare(b.ref));
  const overdue = due.filter((r) => r.due.status === 'overdue').length;
  return (
    <div className="govuk-width-container">
      <main className="govuk-main-wrapper" id="main-content">
        <h1 className="govuk-heading-l">Reviews due</h1>
        <p className="govuk-body">
          A risk is due for review a month after its last review. {due.length} of {all.length} live risks are due or overdue ({overdue} overdue) on{' '}
          {formatDay(day)}.
        </p>
        {userCan(user, 'review:log') && due.length ? (
          <Link href="/reviews/monthly" className="govuk-button" role="button" draggable={false}>
            Start the monthly review
          </Link>
        ) : null}
        <Table
          caption="Due and overdue"
          captionSize="m"
          columns={[{ header: 'ID' }, { header: 'Event' }, { header: 'Last reviewed' }, { header: 'Status' }, { header: 'Overdue by' }]}
        >
          {due.map((row) => (
            <Row key={row.ref} data-ref={row.ref}>
              <RowHeader>
                <Link className="govuk-link" href={`/risks/${row.ref}`}>
                  {row.ref}
                </Link>
              </RowHeader>
              <Cell>{row.event}</Cell>
              <Cell className="app-nowrap">{formatDay(row.lastReviewedOn)}</Cell>
              <Cell>
                <ReviewStatusTag due={row.due} />
              </Cell>
              <Cell data-col="overdue-by">{row.due.dueOn && row.due.status === 'overdue' ? describeOverdue(row.due.dueOn, day) : 'Not yet'}</Cell>
            </Row>
          ))}
        </Table>
      </main>
    </div>
  );
}
