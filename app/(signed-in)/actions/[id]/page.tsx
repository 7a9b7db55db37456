import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Tag } from '@/components/govuk/tag';
import { getDb } from '@/db/client';
import { getAction } from '@/db/queries/inspections';
import { commitmentMovesOf, commitmentOfAction } from '@/db/queries/meetings';
import { commitmentSource, offPlanMessage } from '@/lib/domain/meetings';
import { midSentence } from '@/lib/domain/words';
import { requirePermission } from '@/lib/auth/guard';
import { ownsItem } from '@/lib/auth/ownership';
import { can } from '@/lib/auth/permissions';
import { formatDay, formatTime, OFFICE_TIME_ZONE } from '@/lib/domain/dates';
import { ACTION_STATUS_LABEL } from '@/lib/domain/inspections';
import { today } from '@/lib/today';
import { ActionUpdateForm, ReviseDueForm } from '../action-forms';
import { SuccessBanner } from '@/components/govuk/success-banner';

export const metadata: Metadata = { title: 'Action' };

export default async function ActionPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePermission('action:read');
  const id = Number((await params).id);
  const action = Number.isInteger(id) && id > 0 ? getAction(getDb(), id, today()) : null;
  if (!action) notFound();
  const query = await searchParams;
  const commitment = commitmentOfAction(getDb(), action.id);
  const moves = commitment ? commitmentMovesOf(getDb(), commitment.id) : [];
  const mayUpdate = can(user.role, 'action:record') || (can(user.role, 'action:update-own') && ownsItem(user, action.ownerId));
  return (
    <div className="govuk-width-container">
      <Link href="/actions" className="govuk-back-link">
        Back to actions
      </Link>
      <main className="govuk-main-wrapper" id="main-content">
        {query.created ? <SuccessBanner id="created-title">Action added.</SuccessBanner> : null}
        {query.done === 'update' ? <SuccessBanner id="done-title">Update recorded.</SuccessBanner> : null}
        {query.done === 'revised' ? <SuccessBanner id="done-title">Due date revised.</SuccessBanner> : null}
        <span className="govuk-caption-l">Action {action.id}</span>
        <h1 className="govuk-heading-l">{action.title}</h1>
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Owner</dt>
            <dd className="govuk-summary-list__value">{action.owner}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Due</dt>
            <dd className="govuk-summary-list__value" data-testid="action-due">
              {formatDay(action.dueOn)} {action.overdue ? <Tag colour="red">Overdue</Tag> : null}
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Status</dt>
            <dd className="govuk-summary-list__value" data-testid="action-status">
              {ACTION_STATUS_LABEL[action.status]}
              {action.completedOn ? ` on ${formatDay(action.completedOn)}` : ''}
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Answers</dt>
            <dd className="govuk-summary-list__value">
              {action.findingRef ? (
                <Link className="govuk-link" href={`/inspections/findings/${action.findingId}`}>
                  Finding {action.findingRef}
                </Link>
              ) : action.riskRef ? (
                <Link className="govuk-link" href={`/risks/${action.riskRef}`}>
                  Risk {action.riskRef}
                </Link>
              ) : (
                (action.sourceRef ?? 'Other')
              )}
            </dd>
          </div>
        </dl>
        {commitment ? (
          <section aria-labelledby="commitment-heading" data-testid="commitment">
            <h2 className="govuk-heading-m" id="commitment-heading">
              Commitment from {commitmentSource(commitment.from.forum, commitment.from.on, commitment.minute)}
            </h2>
            <blockquote className="govuk-body">“{commitment.quote}”</blockquote>
            <p className="govuk-body">
              Given by {midSentence(commitment.givenBy)}; due{' '}
              {commitment.due ? (
                <Link className="govuk-link" href={`/meetings/${commitment.due.id}`}>
                  at the {formatDay(commitment.due.on)} meeting
                </Link>
              ) : (
                `by ${formatDay(commitment.dueOn)}`
              )}
              {commitment.dueText ? ` (the minutes say “${commitment.dueText}”)` : ''}.
            </p>
            {offPlanMessage(commitment) ? <p className="govuk-body govuk-!-font-weight-bold">{offPlanMessage(commitment)}.</p> : null}
            {moves.length ? (
              <ol className="govuk-list govuk-list--number" data-testid="commitment-moves">
                {moves.map((m) => (
                  <li key={m.id}>
                    Moved by {m.movedByName} on {formatTime(m.createdAt)}: {m.reason}
                  </li>
                ))}
              </ol>
            ) : null}
          </section>
        ) : null}
        <h2 className="govuk-heading-m">Due dates</h2>
        <ol className="govuk-list govuk-list--number" data-testid="due-history">
          {action.dueDates.map((d) => (
            <li key={d.id}>
              {formatDay(d.dueOn)}: {d.reason ? `revised by ${d.setByName}, because ${d.reason}` : `set by ${d.setByName}`}
            </li>
          ))}
        </ol>
        {mayUpdate ? (
          <div className="govuk-grid-row">
            <div className="govuk-grid-column-one-half">
              <h2 className="govuk-heading-m">Record progress</h2>
              <ActionUpdateForm id={action.id} version={action.version} status={action.status} />
            </div>
            <div className="govuk-grid-column-one-half">
              <h2 className="govuk-heading-m">Revise the due date</h2>
              <ReviseDueForm id={action.id} version={action.version} />
            </div>
          </div>
        ) : null}
        <h2 className="govuk-heading-m">Progress</h2>
        {action.updates.length ? (
          <ul className="govuk-list" data-testid="action-updates">
            {action.updates.map((u) => (
              <li key={u.id}>
                <strong>
                  {new Date(u.createdAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: OFFICE_TIME_ZONE })},{' '}
                  {u.authorName} ({ACTION_STATUS_LABEL[u.statusAfter]}):
                </strong>{' '}
                {u.note}
              </li>
            ))}
          </ul>
        ) : (
          <p className="govuk-body">No updates yet.</p>
        )}
      </main>
    </div>
  );
}
