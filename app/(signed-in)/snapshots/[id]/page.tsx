import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { BandTag } from '@/components/risk-tags';
import { getDb } from '@/db/client';
import { compareWithRebuild, getSnapshot } from '@/db/mutations/snapshots';
import { RebuildDiffers } from '@/components/rebuild-differs';
import { correctionsSince } from '@/db/queries/covering-reports';
import { LaterCorrections } from '@/components/later-corrections';
import { requirePermission } from '@/lib/auth/guard';
import { userCan } from '@/lib/auth/session';
import { formatDay } from '@/lib/domain/dates';
import { FORUM_LABEL } from '@/lib/domain/forums';
import type { BandName } from '@/lib/domain/scoring';
import { Cell, Row, RowHeader, Table } from '@/components/govuk/table';

export const metadata: Metadata = { title: 'Meeting snapshot' };

export default async function SnapshotPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('report:read');
  const id = Number((await params).id);
  const snapshot = Number.isInteger(id) && id > 0 ? getSnapshot(getDb(), id) : null;
  if (!snapshot) notFound();
  const { data } = snapshot;
  return (
    <div className="govuk-width-container app-width-container--wide">
      <Link href="/snapshots" className="govuk-back-link">
        Back to snapshots
      </Link>
      <main className="govuk-main-wrapper" id="main-content">
        <span className="govuk-caption-l">
          {FORUM_LABEL[snapshot.forum]}, {formatDay(snapshot.meetingOn)}
        </span>
        <h1 className="govuk-heading-l">Dynamic risk register as at {formatDay(snapshot.asAt)}</h1>
        <p className="govuk-body" data-testid="snapshot-hash">
          Frozen by {snapshot.createdByName}. SHA-256 of its content: <code>{snapshot.sha256}</code>{' '}
          {snapshot.intact ? '(verified: the content matches)' : '(WARNING: the content no longer matches this hash)'}
        </p>
        <LaterCorrections corrections={correctionsSince(getDb(), snapshot.createdAt, snapshot.asAt)} record="snapshot" />
        <RebuildDiffers comparison={compareWithRebuild(getDb(), snapshot)} asAt={snapshot.asAt} record="snapshot" />
        <p className="govuk-body">
          Risk appetite: {data.appetite}. Topical risks leave the register with a score {data.removalRule}.
        </p>
        <p className="govuk-body">
          <Link className="govuk-link" href={`/snapshots/${snapshot.id}/report`}>
            Covering report for this meeting
          </Link>
        </p>
        {userCan(user, 'export:review-history') ? (
          <p className="govuk-body">
            <a className="govuk-link" href={`/api/snapshots/${snapshot.id}/csv`}>
              Download this register as CSV
            </a>
          </p>
        ) : null}
        <Table
          className="app-register-table"
          data-testid="snapshot-table"
          caption={<>{data.risks.length} risks</>}
          captionSize="m"
          columns={['ID', 'Date identified', 'Event', 'L', 'C', 'I', 'Score', 'Band', 'Date reviewed', 'Summary', 'Owner'].map((header) => ({ header }))}
        >
          {data.risks.map((r) => (
            <Row key={r.ref} data-ref={r.ref}>
              <RowHeader>{r.ref}</RowHeader>
              <Cell className="app-nowrap">{formatDay(r.dateIdentified)}</Cell>
              <Cell>{r.event}</Cell>
              <Cell>{r.likelihood ?? '–'}</Cell>
              <Cell>{r.control ?? '–'}</Cell>
              <Cell>{r.impact ?? '–'}</Cell>
              <Cell className="app-score">{r.score}</Cell>
              <Cell>
                <BandTag band={r.band as BandName} />
              </Cell>
              <Cell className="app-nowrap">{formatDay(r.dateReviewed)}</Cell>
              <Cell>{r.summary}</Cell>
              <Cell>{r.owner ?? 'Unassigned'}</Cell>
            </Row>
          ))}
        </Table>
      </main>
    </div>
  );
}
