'use client';

import { Tag } from '@/components/govuk/tag';
import { Table } from '@/components/govuk/table';
import { AppetiteFlag, BandTag, ReviewStatusTag } from '@/components/risk-tags';
import type { ReviewDue } from '@/lib/domain/review-due';
import type { BandName } from '@/lib/domain/scoring';
import { CATEGORY_LABEL, type Category } from '@/lib/domain/categories';
import { formatDay } from '@/lib/domain/dates';
import type { RegisterSettings } from '@/lib/domain/settings';

/** What a register row shows: the fields of a RegisterRow the table needs, and nothing else. */
export type RegisterTableRowData = {
  id: number;
  ref: string;
  dateIdentified: string;
  event: string;
  impactAreas: string[];
  likelihood: number | null;
  control: number | null;
  impact: number | null;
  score: number;
  band: BandName;
  atOrAboveAppetite: boolean;
  reviewedOn: string | null;
  reviewedOnNote: boolean;
  summary: string;
  owner: string | null;
  due: ReviewDue;
  actionOverdue: boolean;
};

/**
 * One category of the register, laid out as the paper's columns. A client component fed plain row data
 * (registerTableRows in register-table-rows.ts): the page's payload carries 200 rows of data rather than a
 * tree of thousands of elements, which halves the register's server time and page size (docs/performance.md).
 * The HTML is rendered on the server all the same, so the table is complete without JavaScript.
 */
export function RegisterTable({
  category,
  rows,
  settings,
  asAt,
}: {
  category: Category;
  rows: RegisterTableRowData[];
  settings: Pick<RegisterSettings, 'factors'>;
  /** The day of an as-at register: links open each risk as at that day. */
  asAt?: string | null;
}) {
  const { likelihood, control, impact } = settings.factors;
  return (
    <Table
      className="app-register-table"
      data-category={category}
      caption={`${CATEGORY_LABEL[category]} risks (${rows.length})`}
      captionSize="m"
      columns={[
        { header: 'ID' },
        { header: 'Date identified' },
        { header: 'Event' },
        { header: 'Main impact areas' },
        { header: <abbr title={likelihood.name}>L</abbr>, numeric: true },
        { header: <abbr title={`${control.name} (${control.scale})`}>C</abbr>, numeric: true },
        { header: <abbr title={impact.name}>I</abbr>, numeric: true },
        { header: 'Score', numeric: true },
        { header: 'Band' },
        { header: 'Appetite' },
        { header: 'Date reviewed' },
        { header: 'Summary' },
        { header: 'Owner' },
        { header: 'Review' },
      ]}
    >
      {rows.map((row) => (
        <RegisterTableRow key={row.ref} row={row} asAt={asAt} />
      ))}
    </Table>
  );
}

/**
 * One risk's row: its current text, latest scores and review status. Its cells are written out with GOV.UK's
 * table classes rather than through Cell: the register renders thousands of them.
 */
function RegisterTableRow({ row, asAt }: { row: RegisterTableRowData; asAt?: string | null }) {
  return (
    <tr className="govuk-table__row" data-ref={row.ref}>
      <th scope="row" className="govuk-table__header app-register-table__ref">
        <a className="govuk-link" href={asAt ? `/risks/${row.ref}?asAt=${asAt}` : `/risks/${row.ref}`}>
          {row.ref}
        </a>
      </th>
      <td className="govuk-table__cell app-nowrap" data-col="date-identified">
        {formatDay(row.dateIdentified)}
      </td>
      <td className="govuk-table__cell" data-col="event">
        {row.event}
      </td>
      <td className="govuk-table__cell" data-col="impact-areas">
        <ul className="govuk-list app-list--compact app-register-table__list">
          {row.impactAreas.map((area) => (
            <li key={area}>{area}</li>
          ))}
        </ul>
      </td>
      <td className="govuk-table__cell govuk-table__cell--numeric" data-col="likelihood">
        {row.likelihood ?? '–'}
      </td>
      <td className="govuk-table__cell govuk-table__cell--numeric" data-col="control">
        {row.control ?? '–'}
      </td>
      <td className="govuk-table__cell govuk-table__cell--numeric" data-col="impact">
        {row.impact ?? '–'}
      </td>
      <td className="govuk-table__cell govuk-table__cell--numeric app-score" data-col="score">
        {row.score}
      </td>
      <td className="govuk-table__cell" data-col="band">
        <BandTag band={row.band} />
      </td>
      <td className="govuk-table__cell" data-col="appetite">
        <AppetiteFlag outside={row.atOrAboveAppetite} />
      </td>
      <td className="govuk-table__cell app-nowrap" data-col="date-reviewed">
        {formatDay(row.reviewedOn, row.reviewedOnNote ? 'Date not recorded' : 'Not recorded')}
      </td>
      <td className="govuk-table__cell" data-col="summary">
        {row.summary}
      </td>
      <td className="govuk-table__cell" data-col="owner">
        {row.owner ? row.owner : <span className="app-unassigned">Unassigned</span>}
      </td>
      <td className="govuk-table__cell" data-col="review-status">
        <ReviewStatusTag due={row.due} />
        {row.actionOverdue ? (
          <>
            <br />
            <Tag colour="red">Action overdue</Tag>
          </>
        ) : null}
      </td>
    </tr>
  );
}
