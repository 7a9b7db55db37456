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
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">Due and overdue</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                ID
              </th>
              <th scope="col" className="govuk-table__header">
                Event
              </th>
              <th scope="col" className="govuk-table__header">
                Last reviewed
              </th>
              <th scope="col" className="govuk-table__header">
                Status
              </th>
              <th scope="col" className="govuk-table__header">
                Overdue by
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {due.map((row) => (
              <tr className="govuk-table__row" key={row.ref} data-ref={row.ref}>
                <th scope="row" className="govuk-table__header">
                  <Link className="govuk-link" href={`/risks/${row.ref}`}>
                    {row.ref}
                  </Link>
                </th>
                <td className="govuk-table__cell">{row.event}</td>
                <td className="govuk-table__cell app-nowrap">{formatDay(row.lastReviewedOn)}</td>
                <td className="govuk-table__cell">
                  <ReviewStatusTag due={row.due} />
                </td>
                <td className="govuk-table__cell" data-col="overdue-by">
                  {row.due.dueOn && row.due.status === 'overdue' ? describeOverdue(row.due.dueOn, day) : 'Not yet'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </main>
    </div>
  );
}
