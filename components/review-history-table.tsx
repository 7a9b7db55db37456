'use client';

import { Cell, Row, Table } from '@/components/govuk/table';
import { BandTag, DirectionText } from '@/components/risk-tags';
import { formatDay } from '@/lib/domain/dates';
import type { Direction } from '@/lib/domain/direction';
import { FORUM_LABEL, type Forum } from '@/lib/domain/forums';
import type { BandName } from '@/lib/domain/scoring';

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
};

/**
 * A risk's reviews as given (newest first on the risk page), every one kept. A client component fed plain
 * row data: the page's payload carries the reviews, not a tree of elements for each of them (see
 * docs/performance.md); the HTML is rendered on the server all the same.
 */
export function ReviewHistoryTable({ history }: { history: ReviewHistoryRowData[] }) {
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
      ]}
    >
      {history.map((entry) => (
        <ReviewHistoryRow key={entry.sequence} entry={entry} />
      ))}
    </Table>
  );
}

/** One review: its factors, score and band, the direction from the review before, and why. */
function ReviewHistoryRow({ entry }: { entry: ReviewHistoryRowData }) {
  return (
    <Row data-sequence={entry.sequence}>
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
      <Cell data-col="forum">{FORUM_LABEL[entry.forum]}</Cell>
      <Cell numeric data-col="likelihood">
        {entry.likelihood ?? 'Not recorded'}
      </Cell>
      <Cell numeric data-col="control">
        {entry.control ?? 'Not recorded'}
      </Cell>
      <Cell numeric data-col="impact">
        {entry.impact ?? 'Not recorded'}
      </Cell>
      <Cell numeric className="app-score" data-col="score">
        {entry.score}
      </Cell>
      <Cell data-col="band">
        <BandTag band={entry.band} />
      </Cell>
      <Cell data-col="direction">
        <DirectionText direction={entry.direction} previousScore={entry.previousScore} />
      </Cell>
      <Cell numeric data-col="previous-score">
        {entry.previousScore ?? '–'}
      </Cell>
      <Cell data-col="reason">{entry.reason ?? (entry.direction === 'new' ? 'First review on record' : '')}</Cell>
    </Row>
  );
}
