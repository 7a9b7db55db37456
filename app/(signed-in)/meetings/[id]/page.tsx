import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { getMeeting, listCommitments, listMeetings, snapshotsForMeeting } from '@/db/queries/meetings';
import { SuccessBanner } from '@/components/govuk/success-banner';
import { SummaryList } from '@/components/govuk/summary-list';
import { Cell, Row, RowHeader, Table } from '@/components/govuk/table';
import { Tag } from '@/components/govuk/tag';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { formatDay } from '@/lib/domain/dates';
import { ACTION_STATUS_LABEL } from '@/lib/domain/inspections';
import {
  commitmentOverdue,
  dueWords,
  mattersArising,
  MEETING_FORUM_LABEL,
  mayMoveTo,
  meetingName,
  offPlanMessage,
  suggestedAgendaItem,
  type CommitmentView,
} from '@/lib/domain/meetings';
import { midSentence } from '@/lib/domain/words';
import { today } from '@/lib/today';
import { AddAgendaItemForm, CloseCommitmentForm, MoveCommitmentForm } from '../meeting-forms';

type Params = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

function meetingOf(id: string) {
  return /^\d{1,9}$/.test(id) ? getMeeting(getDb(), Number(id)) : null;
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const meeting = meetingOf((await params).id);
  return { title: meeting ? meetingName(meeting.forum, meeting.meetingOn) : 'Meeting not found' };
}

const DONE: Record<string, string> = {
  added: 'Meeting added',
  item: 'Item added to the plan',
  moved: 'Commitment moved to this meeting',
  closed: 'Commitment closed',
};

/** The commitments of a list, with their source, what, who, status, latest update and whether overdue. */
function CommitmentTable({ caption, rows, day, testId }: { caption: string; rows: CommitmentView[]; day: string; testId: string }) {
  return (
    <Table caption={caption} captionSize="m" columns={[{ header: 'Commitment' }, { header: 'Owner and due' }, { header: 'Status and latest update' }]}>
      {rows.map((c) => (
        <Row key={c.id} data-testid={testId}>
          <RowHeader>
            <Link className="govuk-link" href={`/actions/${c.actionId}`}>
              Minute {c.minute}, {formatDay(c.from.on)}
            </Link>
            <span className="govuk-body-s govuk-!-display-block">
              {c.what} (given by {midSentence(c.givenBy)})
            </span>
          </RowHeader>
          <Cell>
            {c.ownerName}; due {dueWords(c)}
          </Cell>
          <Cell>
            <Tag colour={c.status === 'completed' ? 'green' : c.status === 'cancelled' ? 'grey' : 'blue'}>{ACTION_STATUS_LABEL[c.status]}</Tag>{' '}
            {commitmentOverdue(c, day) ? <Tag colour="red">Overdue</Tag> : null}
            <span className="govuk-body-s govuk-!-display-block">
              {c.latestUpdate ? `${formatDay(c.latestUpdate.on)}: ${c.latestUpdate.note}` : 'No update recorded'}
            </span>
          </Cell>
        </Row>
      ))}
    </Table>
  );
}

export default async function MeetingPage({ params, searchParams }: Params) {
  const user = await requirePermission('meeting:read');
  const { id } = await params;
  const query = await searchParams;
  const meeting = meetingOf(id);
  if (!meeting) notFound();
  const db = getDb();
  const day = today();
  const staff = can(user.role, 'meeting:record');
  const all = listCommitments(db);
  const { dueHere, stillOpen } = mattersArising(all, { id: meeting.id, forum: meeting.forum, on: meeting.meetingOn });
  const flagged = dueHere.filter((c) => offPlanMessage(c));
  const recordedHere = all.filter((c) => c.from.id === meeting.id);
  const meetings = listMeetings(db);
  const snapshots = snapshotsForMeeting(db, meeting.forum, meeting.meetingOn);
  const done = typeof query.done === 'string' ? DONE[query.done] : typeof query.added === 'string' ? DONE.added : undefined;
  return (
    <div className="govuk-width-container">
      <Link href="/meetings" className="govuk-back-link">
        Back to meetings
      </Link>
      <main className="govuk-main-wrapper" id="main-content">
        {done ? <SuccessBanner id="meeting-done">{done}</SuccessBanner> : null}
        <span className="govuk-caption-l">{MEETING_FORUM_LABEL[meeting.forum]}</span>
        <h1 className="govuk-heading-l">Meeting of {formatDay(meeting.meetingOn)}</h1>
        <SummaryList
          rows={[
            { key: 'Forum', value: MEETING_FORUM_LABEL[meeting.forum] },
            { key: 'Date', value: formatDay(meeting.meetingOn) },
            { key: 'Time', value: meeting.time ?? 'To be confirmed' },
            { key: 'Place', value: meeting.place ?? 'To be confirmed' },
            {
              key: 'Covering report',
              value: snapshots.length ? (
                <Link className="govuk-link" href={`/snapshots/${snapshots[0]!.id}/report`}>
                  Covering report for this meeting (register as at {formatDay(snapshots[0]!.asAt)})
                </Link>
              ) : (
                'No register has been frozen for this meeting yet'
              ),
            },
          ]}
        />

        {flagged.map((c) => (
          <div key={c.id} className="govuk-inset-text" data-testid="off-plan">
            <div className="govuk-warning-text">
              <span className="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <strong className="govuk-warning-text__text">
                <span className="govuk-visually-hidden">Warning</span>
                {offPlanMessage(c)}
              </strong>
            </div>
            <blockquote className="govuk-body">“{c.quote}”</blockquote>
            {staff ? (
              <>
                <h2 className="govuk-heading-s">Resolve it: add it to the plan, move it to another meeting, or close it</h2>
                <AddAgendaItemForm meetingId={meeting.id} commitmentId={c.id} title={suggestedAgendaItem(c.what)} label="Agenda item that carries it" />
                <MoveCommitmentForm
                  id={c.id}
                  version={c.version}
                  meetings={meetings
                    .filter((m) => mayMoveTo(c, m))
                    .map((m) => ({ value: String(m.id), text: `${formatDay(m.on)}${m.place ? `, ${m.place}` : ''}` }))}
                />
                <CloseCommitmentForm id={c.id} version={c.actionVersion} />
              </>
            ) : null}
          </div>
        ))}

        <h2 className="govuk-heading-m">Provisional agenda</h2>
        {meeting.items.length ? (
          <ul className="govuk-list govuk-list--bullet" data-testid="agenda">
            {meeting.items.map((item) => (
              <li key={item.id}>
                {item.title}
                {item.source === 'commitment' ? ' (added to carry a commitment)' : item.source === 'hand' ? ' (added by hand)' : ''}
              </li>
            ))}
          </ul>
        ) : (
          <p className="govuk-body">No provisional items are recorded.</p>
        )}
        {staff ? <AddAgendaItemForm meetingId={meeting.id} label="Add an item to the plan" /> : null}

        <h2 className="govuk-heading-m">What will be reported: matters arising</h2>
        {dueHere.length ? (
          <CommitmentTable caption="Due at this meeting" rows={dueHere} day={day} testId="due-here" />
        ) : (
          <p className="govuk-body">No commitment is due at this meeting.</p>
        )}
        {stillOpen.length ? (
          <CommitmentTable caption="Still open from earlier meetings" rows={stillOpen} day={day} testId="still-open" />
        ) : (
          <p className="govuk-body">No commitment from an earlier meeting is still open.</p>
        )}

        <h2 className="govuk-heading-m">Commitments recorded at this meeting</h2>
        {recordedHere.length ? (
          <CommitmentTable caption="From this meeting’s minutes" rows={recordedHere} day={day} testId="recorded-here" />
        ) : (
          <p className="govuk-body">No commitments from this meeting’s minutes are recorded.</p>
        )}
      </main>
    </div>
  );
}
