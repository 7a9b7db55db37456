import Link from 'next/link';
import { Tag } from '@/components/govuk/tag';
import { AppetiteFlag, BandTag, ReviewStatusTag } from '@/components/risk-tags';
import type { RegisterRow } from '@/db/queries/risks';
import { CATEGORY_LABEL, type Category } from '@/lib/domain/categories';
import { formatDay } from '@/lib/domain/dates';
import type { RegisterSettings } from '@/lib/domain/settings';

/** One category of the register, laid out as the paper's columns. */
export function RegisterTable({ category, rows, settings, overdueActions, asAt }: { category: Category; rows: RegisterRow[]; settings: RegisterSettings; overdueActions?: Set<number>; asAt?: string }) {
  const { likelihood, control, impact } = settings.factors;
  return (
    <table className="govuk-table app-register-table" data-category={category}>
      <caption className="govuk-table__caption govuk-table__caption--m">
        {CATEGORY_LABEL[category]} risks ({rows.length})
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
      <tbody className="govuk-table__body">
        {rows.map((row) => (
          <tr className="govuk-table__row" key={row.ref} data-ref={row.ref}>
            <th scope="row" className="govuk-table__header app-register-table__ref">
              <Link className="govuk-link" href={asAt ? `/risks/${row.ref}?asAt=${asAt}` : `/risks/${row.ref}`}>
                {row.ref}
              </Link>
            </th>
            <td className="govuk-table__cell app-nowrap" data-col="date-identified">{formatDay(row.dateIdentified)}</td>
            <td className="govuk-table__cell" data-col="event">{row.event}</td>
            <td className="govuk-table__cell" data-col="impact-areas">
              <ul className="govuk-list app-list--compact govuk-body-s">
                {row.impactAreas.map((area) => (
                  <li key={area}>{area}</li>
                ))}
              </ul>
            </td>
            <td className="govuk-table__cell app-register-table__numeric" data-col="likelihood">{row.latest.likelihood ?? '–'}</td>
            <td className="govuk-table__cell app-register-table__numeric" data-col="control">{row.latest.control ?? '–'}</td>
            <td className="govuk-table__cell app-register-table__numeric" data-col="impact">{row.latest.impact ?? '–'}</td>
            <td className="govuk-table__cell app-register-table__numeric app-score" data-col="score">{row.latest.score}</td>
            <td className="govuk-table__cell" data-col="band"><BandTag band={row.band} /></td>
            <td className="govuk-table__cell" data-col="appetite"><AppetiteFlag outside={row.atOrAboveAppetite} /></td>
            <td className="govuk-table__cell app-nowrap" data-col="date-reviewed">{formatDay(row.latest.reviewedOn, row.latest.reviewedOnNote ? 'Date not recorded' : 'Not recorded')}</td>
            <td className="govuk-table__cell" data-col="summary">{row.latest.summary}</td>
            <td className="govuk-table__cell" data-col="owner">{row.owner ? row.owner.name : <span className="app-unassigned">Unassigned</span>}</td>
            <td className="govuk-table__cell" data-col="review-status">
              <ReviewStatusTag due={row.due} />
              {overdueActions?.has(row.id) ? (
                <>
                  <br />
                  <Tag colour="red">Action overdue</Tag>
                </>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
