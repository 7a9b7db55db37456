import { tagClasses } from '@/components/govuk/tag';
import { BAND_COLOUR, dueText, STATUS_COLOUR } from '@/components/risk-tags';
import type { RegisterRow } from '@/db/queries/risks';
import { CATEGORY_LABEL, type Category } from '@/lib/domain/categories';
import { formatDay } from '@/lib/domain/dates';
import { REVIEW_STATUS_LABEL } from '@/lib/domain/review-due';
import { bandLabel } from '@/lib/domain/scoring';
import type { RegisterSettings } from '@/lib/domain/settings';
import { html } from '@/lib/html';

/** One category of the register, laid out as the paper's columns. */
export function RegisterTable({
  category,
  count,
  settings,
  rowsHtml,
}: {
  category: Category;
  /** How many rows: shown in the caption. */
  count: number;
  settings: RegisterSettings;
  /** The rows, rendered by registerRowsHtml (and kept until the next change). */
  rowsHtml: string;
}) {
  const { likelihood, control, impact } = settings.factors;
  return (
    <table className="govuk-table app-register-table" data-category={category}>
      <caption className="govuk-table__caption govuk-table__caption--m">
        {CATEGORY_LABEL[category]} risks ({count})
      </caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">ID</th>
          <th scope="col" className="govuk-table__header">Date identified</th>
          <th scope="col" className="govuk-table__header">Event</th>
          <th scope="col" className="govuk-table__header">Main impact areas</th>
          <th scope="col" className="govuk-table__header app-register-table__numeric">
            <abbr title={likelihood.name}>L</abbr>
          </th>
          <th scope="col" className="govuk-table__header app-register-table__numeric">
            <abbr title={`${control.name} (${control.scale})`}>C</abbr>
          </th>
          <th scope="col" className="govuk-table__header app-register-table__numeric">
            <abbr title={impact.name}>I</abbr>
          </th>
          <th scope="col" className="govuk-table__header app-register-table__numeric">Score</th>
          <th scope="col" className="govuk-table__header">Band</th>
          <th scope="col" className="govuk-table__header">Appetite</th>
          <th scope="col" className="govuk-table__header">Date reviewed</th>
          <th scope="col" className="govuk-table__header">Summary</th>
          <th scope="col" className="govuk-table__header">Owner</th>
          <th scope="col" className="govuk-table__header">Review</th>
        </tr>
      </thead>
      {/* The rows are one HTML string (see lib/html.ts): hundreds of rows through React cost several times the whole page. */}
      <tbody className="govuk-table__body" dangerouslySetInnerHTML={{ __html: rowsHtml }} />
    </table>
  );
}

/**
 * The register's rows as HTML, cell for cell what the React components render elsewhere (BandTag,
 * AppetiteFlag, ReviewStatusTag), every value escaped by the html template. Cells carry no classes or
 * attributes: the register table's styles give them GOV.UK's table styles by position (globals.scss), which
 * more than halves the bytes of a row. End tags HTML makes optional (td, th, tr, li) are left out for the same
 * reason. Keep the column order in
 * step with the header above, globals.scss and REGISTER_COLUMNS in e2e/helpers.ts.
 */
export function registerRowsHtml(rows: RegisterRow[], overdueActions?: Set<number>, asAt?: string): string {
  return rows
    .map((row) => {
      const { latest } = row;
      return html`<tr data-ref='${row.ref}'><th scope='row'><a class='govuk-link' href='${asAt ? `/risks/${row.ref}?asAt=${asAt}` : `/risks/${row.ref}`}'>${row.ref}</a><td>${formatDay(row.dateIdentified)}<td>${row.event}<td><ul>${row.impactAreas.map((area) => html`<li>${area}`)}</ul><td>${latest.likelihood ?? '–'}<td>${latest.control ?? '–'}<td>${latest.impact ?? '–'}<td>${latest.score}<td><strong class='${tagClasses(BAND_COLOUR[row.band])}'>${bandLabel(row.band)}</strong><td>${row.atOrAboveAppetite ? html`<span class='app-appetite-flag'>Outside appetite</span>` : 'Within appetite'}<td>${formatDay(latest.reviewedOn, latest.reviewedOnNote ? 'Date not recorded' : 'Not recorded')}<td>${latest.summary}<td>${row.owner ? row.owner.name : html`<span class='app-unassigned'>Unassigned</span>`}<td><strong class='${tagClasses(STATUS_COLOUR[row.due.status])}'>${REVIEW_STATUS_LABEL[row.due.status]}</strong><br>${dueText(row.due)}${overdueActions?.has(row.id) ? html`<br><strong class='${tagClasses('red')}'>Action overdue</strong>` : null}`.value;
    })
    .join('');
}
