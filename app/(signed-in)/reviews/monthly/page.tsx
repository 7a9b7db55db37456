import type { Metadata } from 'next';
import Link from 'next/link';
import { BandTag } from '@/components/risk-tags';
import { SuccessBanner } from '@/components/govuk/success-banner';
import { Tag } from '@/components/govuk/tag';
import { getDb } from '@/db/client';
import { getMonthlySession } from '@/db/queries/monthly';
import { requirePermission } from '@/lib/auth/guard';
import { formatDay } from '@/lib/domain/dates';
import { today } from '@/lib/today';
import { NoChangeForm } from './no-change-form';
import { Cell, Row, RowHeader, Table } from '@/components/govuk/table';

export const metadata: Metadata = { title: 'Monthly review' };

/** Walks staff through every due risk, one after another, and ends with what moved. */
export default async function MonthlyReviewPage({ searchParams }: { searchParams: Promise<{ done?: string | string[] }> }) {
  await requirePermission('review:log');
  const day = today();
  const session = getMonthlySession(getDb(), day);
  const { next } = session;
  // The risk just reviewed in this session, named above the next one: only when this month's list holds it as reviewed.
  const doneRef = (await searchParams).done;
  const done = session.items.find(({ row, reviewed }) => reviewed && row.ref === doneRef)?.row;
  return (
    <div className="govuk-width-container">
      <main className="govuk-main-wrapper" id="main-content">
        <span className="govuk-caption-l">{formatDay(session.monthStart).replace(/^1 /, '')}</span>
        <h1 className="govuk-heading-l">Monthly review</h1>
        <p className="govuk-body" data-testid="monthly-progress">
          <strong>
            {session.done} of {session.total} reviewed
          </strong>
          . You can leave and come back: progress is kept.
        </p>
        {done ? (
          <SuccessBanner id="monthly-done-title">
            {done.latest.direction === 'maintained'
              ? `${done.ref}: no change recorded (${done.latest.summary}).`
              : `${done.ref}: review recorded (${done.latest.summary}).`}
          </SuccessBanner>
        ) : null}
        {next ? (
          <section aria-labelledby="next-risk">
            <h2 className="govuk-heading-m" id="next-risk">
              Next: {next.ref}
            </h2>
            <p className="govuk-body">{next.event}</p>
            <p className="govuk-body">
              Score <strong>{next.latest.score}</strong> (L{next.latest.likelihood ?? '?'} C{next.latest.control ?? '?'} I{next.latest.impact ?? '?'}){' '}
              <BandTag band={next.band} />. Last reviewed {formatDay(next.lastReviewedOn)}: {next.latest.summary}.
            </p>
            <div className="govuk-grid-row">
              <div className="govuk-grid-column-one-half">
                <NoChangeForm refId={next.ref} version={next.version} />
              </div>
              <div className="govuk-grid-column-one-half">
                <p className="govuk-body">Score, text or mitigations changed?</p>
                <Link href={`/risks/${next.ref}/review?from=monthly`} className="govuk-button govuk-button--secondary" role="button" draggable={false}>
                  Update {next.ref}
                </Link>
              </div>
            </div>
          </section>
        ) : (
          <section aria-labelledby="session-done">
            <div className="govuk-panel govuk-panel--confirmation">
              <h2 className="govuk-panel__title" id="session-done">
                Monthly review complete
              </h2>
              <div className="govuk-panel__body">
                {session.total} {session.total === 1 ? 'risk' : 'risks'} reviewed
              </div>
            </div>
            <h2 className="govuk-heading-m">What moved</h2>
            {session.moved.length ? (
              <ul className="govuk-list govuk-list--bullet" data-testid="moved">
                {session.moved.map((row) => (
                  <li key={row.ref}>
                    <Link className="govuk-link" href={`/risks/${row.ref}`}>
                      {row.ref}
                    </Link>
                    : {row.latest.summary}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="govuk-body">No score changed: every risk was maintained.</p>
            )}
          </section>
        )}
        <Table caption="This month’s risks" captionSize="m" columns={[{ header: 'ID' }, { header: 'Event' }, { header: 'Status' }]}>
          {session.items.map(({ row, reviewed }) => (
            <Row key={row.ref} data-ref={row.ref}>
              <RowHeader>{row.ref}</RowHeader>
              <Cell>{row.event}</Cell>
              <Cell>{reviewed ? <Tag colour="green">Reviewed</Tag> : <Tag colour="grey">To review</Tag>}</Cell>
            </Row>
          ))}
        </Table>
      </main>
    </div>
  );
}
