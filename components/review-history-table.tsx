import { BandTag, DirectionText } from '@/components/risk-tags';
import type { HistoryEntry } from '@/db/queries/risks';
import { formatDay } from '@/lib/domain/dates';
import { FORUM_LABEL } from '@/lib/domain/forums';

/** A risk's reviews as given (newest first on the risk page), every one kept. */
export function ReviewHistoryTable({ history }: { history: HistoryEntry[] }) {
  return (
    <table className="govuk-table app-register-table" data-testid="review-history">
      <caption className="govuk-table__caption govuk-table__caption--s">
        {history.length} {history.length === 1 ? 'review' : 'reviews'}, newest first
      </caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Date reviewed</th>
          <th scope="col" className="govuk-table__header">Forum</th>
          <th scope="col" className="govuk-table__header app-register-table__numeric"><abbr title="Likelihood">L</abbr></th>
          <th scope="col" className="govuk-table__header app-register-table__numeric"><abbr title="Control (1 = strong, 4 = limited)">C</abbr></th>
          <th scope="col" className="govuk-table__header app-register-table__numeric"><abbr title="Impact">I</abbr></th>
          <th scope="col" className="govuk-table__header app-register-table__numeric">Score</th>
          <th scope="col" className="govuk-table__header">Band</th>
          <th scope="col" className="govuk-table__header">Direction</th>
          <th scope="col" className="govuk-table__header app-register-table__numeric">Previous score</th>
          <th scope="col" className="govuk-table__header">Reason</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {history.map((entry) => (
          <tr className="govuk-table__row" key={entry.id} data-sequence={entry.sequence}>
            <td className="govuk-table__cell" data-col="date">
              {entry.reviewedOn ? <span className="app-nowrap">{formatDay(entry.reviewedOn)}</span> : <>Date not recorded{entry.reviewedOnNote ? <span className="govuk-body-s"><br />{entry.reviewedOnNote}</span> : null}</>}
            </td>
            <td className="govuk-table__cell" data-col="forum">{FORUM_LABEL[entry.forum]}</td>
            <td className="govuk-table__cell app-register-table__numeric" data-col="likelihood">{entry.likelihood ?? 'Not recorded'}</td>
            <td className="govuk-table__cell app-register-table__numeric" data-col="control">{entry.control ?? 'Not recorded'}</td>
            <td className="govuk-table__cell app-register-table__numeric" data-col="impact">{entry.impact ?? 'Not recorded'}</td>
            <td className="govuk-table__cell app-register-table__numeric app-score" data-col="score">{entry.score}</td>
            <td className="govuk-table__cell" data-col="band"><BandTag band={entry.band} /></td>
            <td className="govuk-table__cell" data-col="direction"><DirectionText direction={entry.direction} previousScore={entry.previousScore} /></td>
            <td className="govuk-table__cell app-register-table__numeric" data-col="previous-score">{entry.previousScore ?? '–'}</td>
            <td className="govuk-table__cell" data-col="reason">{entry.reason ?? (entry.direction === 'new' ? 'First review on record' : '')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
