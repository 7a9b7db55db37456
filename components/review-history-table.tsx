'use client';

import { Fragment } from 'react';
import Link from 'next/link';
import { Cell, Row, Table } from '@/components/govuk/table';
import { Tag } from '@/components/govuk/tag';
import { BandTag, DirectionText } from '@/components/risk-tags';
import { formatDay, formatTime } from '@/lib/domain/dates';
import type { Direction } from '@/lib/domain/direction';
import { FORUM_LABEL, type Forum } from '@/lib/domain/forums';
import { bandOf, type BandName } from '@/lib/domain/scoring';

/** What a history row shows of a review (from a HistoryEntry; reviewHistoryRows in review-history-rows.ts). */
export type ReviewHistoryRowData = {
  sequence: number;
  reviewedOn: string | null;
  reviewedOnNote: string | null;
  forum: Forum;
  likelihood: number | null;
  control: number | null;
  impact: number | null;
  score: number;
  band: BandName;
  direction: Direction;
  previousScore: number | null;
  reason: string | null;
  /** The correction in force, with the values first recorded (CorrectionNote in db/queries/risks.ts). */
  correction: {
    id: number;
    createdAt: string;
    by: string;
    why: string;
    count: number;
    original: {
      reviewedOn: string | null;
      forum: Forum;
      likelihood: number | null;
      control: number | null;
      impact: number | null;
      score: number;
      reason: string | null;
    };
  } | null;
};

/**
 * A risk's reviews as given (newest first on the risk page), every one kept. A client component fed plain
 * row data: the page's payload carries the reviews, not a tree of elements for each of them (see
 * docs/performance.md); the HTML is rendered on the server all the same.
 */
export function ReviewHistoryTable({ history, correctHref }: { history: ReviewHistoryRowData[]; correctHref?: string }) {
  return (
    <Table
      className="app-register-table"
      data-testid="review-history"
      caption={`${history.length} ${history.length === 1 ? 'review' : 'reviews'}, newest first`}
      captionSize="s"
      columns={[
        { header: 'Date reviewed' },
        { header: 'Forum' },
        { header: <abbr title="Likelihood">L</abbr>, numeric: true },
        { header: <abbr title="Control (1 = strong, 4 = limited)">C</abbr>, numeric: true },
        { header: <abbr title="Impact">I</abbr>, numeric: true },
        { header: 'Score', numeric: true },
        { header: 'Band' },
        { header: 'Direction' },
        { header: 'Previous score', numeric: true },
        { header: 'Reason' },
        ...(correctHref ? [{ header: <span className="govuk-visually-hidden">Actions</span> }] : []),
      ]}
    >
      {history.map((entry) =>
        entry.correction ? (
          <Fragment key={entry.sequence}>
            <AsRecordedRow entry={entry} correction={entry.correction} withActions={!!correctHref} />
            <ReviewHistoryRow entry={entry} correctHref={correctHref} />
          </Fragment>
        ) : (
          <ReviewHistoryRow key={entry.sequence} entry={entry} correctHref={correctHref} />
        ),
      )}
    </Table>
  );
}

/** The forum, factors, score and band cells of a review (as recorded, or as it stands). */
function ScoreCells({
  values,
  band,
}: {
  values: { forum: Forum; likelihood: number | null; control: number | null; impact: number | null; score: number };
  band: BandName;
}) {
  return (
    <>
      <Cell data-col="forum">{FORUM_LABEL[values.forum]}</Cell>
      <Cell numeric data-col="likelihood">
        {values.likelihood ?? 'Not recorded'}
      </Cell>
      <Cell numeric data-col="control">
        {values.control ?? 'Not recorded'}
      </Cell>
      <Cell numeric data-col="impact">
        {values.impact ?? 'Not recorded'}
      </Cell>
      <Cell numeric className="app-score" data-col="score">
        {values.score}
      </Cell>
      <Cell data-col="band">
        <BandTag band={band} />
      </Cell>
    </>
  );
}

/**
 * A corrected review as first recorded: kept in the history, marked as corrected (in words, not only by its
 * style) and linked to the correction that replaced it, which is the row after it.
 */
function AsRecordedRow({
  entry,
  correction,
  withActions,
}: {
  entry: ReviewHistoryRowData;
  correction: NonNullable<ReviewHistoryRowData['correction']>;
  withActions: boolean;
}) {
  const o = correction.original;
  return (
    <Row data-sequence={entry.sequence} data-as-recorded="true" className="app-history-row--corrected" id={`review-${entry.sequence}`}>
      <Cell data-col="date">
        <span className="app-nowrap">{formatDay(o.reviewedOn, 'Date not recorded')}</span>
        <br />
        <Tag colour="grey">Corrected</Tag>
      </Cell>
      <ScoreCells values={o} band={bandOf(o.score)} />
      <Cell data-col="direction">Replaced by its correction</Cell>
      <Cell numeric data-col="previous-score">
        {entry.previousScore ?? '–'}
      </Cell>
      <Cell data-col="reason">
        {o.reason ? (
          <>
            {o.reason}
            <br />
          </>
        ) : null}
        <span className="govuk-body-s">
          Review {entry.sequence} as first recorded.{' '}
          <a className="govuk-link" href={`#correction-${correction.id}`}>
            See its correction
          </a>
        </span>
      </Cell>
      {withActions ? <Cell data-col="actions" /> : null}
    </Row>
  );
}

/** One review as it stands (a correction in force, when there is one): its factors, score and band, the direction from the review before, and why. */
function ReviewHistoryRow({ entry, correctHref }: { entry: ReviewHistoryRowData; correctHref?: string }) {
  const correction = entry.correction;
  return (
    <Row data-sequence={entry.sequence} id={correction ? `correction-${correction.id}` : `review-${entry.sequence}`}>
      <Cell data-col="date">
        {entry.reviewedOn ? (
          <span className="app-nowrap">{formatDay(entry.reviewedOn)}</span>
        ) : (
          <>
            Date not recorded
            {entry.reviewedOnNote ? (
              <span className="govuk-body-s">
                <br />
                {entry.reviewedOnNote}
              </span>
            ) : null}
          </>
        )}
      </Cell>
      <ScoreCells values={entry} band={entry.band} />
      <Cell data-col="direction">
        <DirectionText direction={entry.direction} previousScore={entry.previousScore} />
      </Cell>
      <Cell numeric data-col="previous-score">
        {entry.previousScore ?? '–'}
      </Cell>
      <Cell data-col="reason">
        {entry.reason ?? (entry.direction === 'new' ? 'First review on record' : '')}
        {correction ? (
          <span className="govuk-body-s app-history-correction">
            <br />
            <strong>Correction of review {entry.sequence}</strong>, recorded {formatTime(correction.createdAt)} by {correction.by}: {correction.why}
          </span>
        ) : null}
      </Cell>
      {correctHref ? (
        <Cell data-col="actions">
          <Link className="govuk-link" href={`${correctHref}/${entry.sequence}/correct`}>
            Correct<span className="govuk-visually-hidden"> review {entry.sequence}</span>
          </Link>
        </Cell>
      ) : null}
    </Row>
  );
}
