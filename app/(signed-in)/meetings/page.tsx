import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { listCommitments, listMeetings } from '@/db/queries/meetings';
import { SuccessBanner } from '@/components/govuk/success-banner';
import { Cell, Row, RowHeader, Table } from '@/components/govuk/table';
import { Tag } from '@/components/govuk/tag';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { formatDay } from '@/lib/domain/dates';
import { commitmentOverdue, MEETING_FORUM_LABEL, offPlanMessage } from '@/lib/domain/meetings';
import { today } from '@/lib/today';

export const metadata: Metadata = { title: 'Meetings' };

export default async function MeetingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission('meeting:read');
  const query = await searchParams;
  const db = getDb();
  const day = today();
  const meetings = listMeetings(db);
  const commitments = listCommitments(db);
  const flags = commitments.filter((c) => offPlanMessage(c));
  const plan = typeof query.plan === 'string' ? query.plan.split('-').map(Number) : null;
  const recorded = typeof query.recorded === 'string' ? Number(query.recorded) : null;
  return (
    <div className="govuk-width-container">
      <main className="govuk-main-wrapper" id="main-content">
        {plan && plan.length === 3 ? (
          <SuccessBanner id="plan-saved">
            Forward work plan saved: {plan[0]} meetings ({plan[1]} new), {plan[2]} agenda items added
          </SuccessBanner>
        ) : null}
        {recorded !== null && Number.isFinite(recorded) ? (
          <SuccessBanner id="minutes-saved">
            {recorded} {recorded === 1 ? 'commitment' : 'commitments'} recorded as actions
          </SuccessBanner>
        ) : null}
        <h1 className="govuk-heading-l">Meetings</h1>
        <p className="govuk-body">
          The Police and Crime Panel, the Commissioner’s Monitoring Board and the audit committee (JIAC): each meeting’s provisional agenda (its forward work
          plan) and the commitments the minutes record, tracked as actions to the meeting they are due at.
        </p>
        {can(user.role, 'meeting:record') ? (
          <div className="govuk-button-group">
            <Link href="/meetings/import-minutes" className="govuk-button">
              Import minutes
            </Link>
            <Link href="/meetings/import-plan" className="govuk-button govuk-button--secondary">
              Import a forward work plan
            </Link>
            <Link href="/meetings/new" className="govuk-button govuk-button--secondary">
              Add a meeting
            </Link>
          </div>
        ) : null}
        {flags.length ? (
          <div className="govuk-warning-text" data-testid="off-plan-count">
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong className="govuk-warning-text__text">
              <span className="govuk-visually-hidden">Warning</span>
              {flags.length === 1
                ? '1 commitment is not on the forward plan of the meeting it is due at.'
                : `${flags.length} commitments are not on the forward plans of the meetings they are due at.`}
            </strong>
          </div>
        ) : null}
        {meetings.length ? (
          <Table
            caption="Meetings, oldest first"
            captionSize="m"
            columns={[{ header: 'Meeting' }, { header: 'Place' }, { header: 'Agenda items', numeric: true }, { header: 'Commitments due' }]}
          >
            {meetings.map((m) => {
              const due = commitments.filter((c) => c.due?.id === m.id);
              const off = due.filter((c) => offPlanMessage(c)).length;
              const late = due.filter((c) => commitmentOverdue(c, day)).length;
              return (
                <Row key={m.id} data-testid="meeting-row">
                  <RowHeader>
                    <Link className="govuk-link" href={`/meetings/${m.id}`}>
                      {MEETING_FORUM_LABEL[m.forum]}, {formatDay(m.on)}
                    </Link>
                  </RowHeader>
                  <Cell>{m.place ?? 'To be confirmed'}</Cell>
                  <Cell numeric>{m.items}</Cell>
                  <Cell>
                    {due.length ? `${due.length} ` : 'None'}
                    {off ? <Tag colour="orange">{off} not on its plan</Tag> : null} {late ? <Tag colour="red">{late} overdue</Tag> : null}
                  </Cell>
                </Row>
              );
            })}
          </Table>
        ) : (
          <p className="govuk-body">No meetings are recorded yet.</p>
        )}
        <p className="govuk-body">
          Every commitment with the words it came from:{' '}
          <a className="govuk-link" href="/api/exports/commitments?format=xlsx">
            spreadsheet (XLSX)
          </a>{' '}
          or{' '}
          <a className="govuk-link" href="/api/exports/commitments">
            CSV
          </a>
          .
        </p>
      </main>
    </div>
  );
}
