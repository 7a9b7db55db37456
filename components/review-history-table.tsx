import { tagClasses } from '@/components/govuk/tag';
import { BAND_COLOUR, directionText } from '@/components/risk-tags';
import type { HistoryEntry } from '@/db/queries/risks';
import { formatDay } from '@/lib/domain/dates';
import { FORUM_LABEL } from '@/lib/domain/forums';
import { bandLabel } from '@/lib/domain/scoring';
import { HtmlTableBody } from '@/components/html-table-body';
import { html, packHtml } from '@/lib/html';

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
      {/* One HTML string (see lib/html.ts): ten years of monthly reviews is 120 rows. */}
      <HtmlTableBody className="govuk-table__body" packedRows={packedReviewHistoryRows(history)} />
    </table>
  );
}

/** The history's rows as HTML, as BandTag and DirectionText render them, every value escaped; cells styled by .app-register-table. */
export function reviewHistoryRowsHtml(history: HistoryEntry[]): string {
  return history.map(historyRowHtml).join('');
}

/**
 * The rows packed for the RSC payload (packHtml). A row depends on its entry alone, and a risk's kept history
 * hands out the same entry objects until the risk changes (historyOfRisk), so each row is rendered and packed
 * once, not again for every view of the page.
 */
const packedRows = new WeakMap<HistoryEntry, string>();

export function packedReviewHistoryRows(history: HistoryEntry[]): string {
  return history
    .map((entry) => {
      let packed = packedRows.get(entry);
      if (packed === undefined) packedRows.set(entry, (packed = packHtml(historyRowHtml(entry))));
      return packed;
    })
    .join('');
}

function historyRowHtml(entry: HistoryEntry): string {
  const date = entry.reviewedOn
    ? html`<span class='app-nowrap'>${formatDay(entry.reviewedOn)}</span>`
    : html`Date not recorded${entry.reviewedOnNote ? html`<span class='govuk-body-s'><br>${entry.reviewedOnNote}</span>` : null}`;
  const direction = directionText(entry.direction, entry.previousScore);
  return html`<tr data-sequence='${entry.sequence}'><td data-col='date'>${date}</td><td data-col='forum'>${FORUM_LABEL[entry.forum]}</td><td data-col='likelihood'>${entry.likelihood ?? 'Not recorded'}</td><td data-col='control'>${entry.control ?? 'Not recorded'}</td><td data-col='impact'>${entry.impact ?? 'Not recorded'}</td><td data-col='score'>${entry.score}</td><td data-col='band'><strong class='${tagClasses(BAND_COLOUR[entry.band])}'>${bandLabel(entry.band)}</strong></td><td data-col='direction'><span class='app-nowrap'>${direction}</span></td><td data-col='previous-score'>${entry.previousScore ?? '–'}</td><td data-col='reason'>${entry.reason ?? (entry.direction === 'new' ? 'First review on record' : '')}</td></tr>`.value;
}
