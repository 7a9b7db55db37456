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
        <RegisterTableRow key={row.ref} row={row} asAt={asAt} factorNames={[likelihood.name, control.name, impact.name]} />
      ))}
    </Table>
  );
}

/**
 * One risk's row: its current text, latest scores and review status. Its cells are written out with GOV.UK's
 * table classes rather than through Cell: the register renders thousands of them.
 */
function RegisterTableRow({ row, asAt, factorNames }: { row: RegisterTableRowData; asAt?: string | null; factorNames: [string, string, string] }) {
  return (
    <tr className="govuk-table__row" data-ref={row.ref}>
      <th scope="row" className="govuk-table__header app-register-table__ref">
        <a className="govuk-link" href={asAt ? `/risks/${row.ref}?asAt=${asAt}` : `/risks/${row.ref}`}>
          {row.ref}
        </a>
      </th>
      <td className="govuk-table__cell" data-col="date-identified" data-label="Date identified">
        {formatDay(row.dateIdentified)}
      </td>
      <td className="govuk-table__cell" data-col="event" data-label="Event">
        {row.event}
      </td>
      <td className="govuk-table__cell" data-col="impact-areas" data-label="Main impact areas">
        <ul className="govuk-list app-list--compact app-register-table__list">
          {row.impactAreas.map((area) => (
            <li key={area}>{area}</li>
          ))}
        </ul>
      </td>
      <td className="govuk-table__cell govuk-table__cell--numeric" data-col="likelihood" data-label={factorNames[0]}>
        {row.likelihood ?? '–'}
      </td>
      <td className="govuk-table__cell govuk-table__cell--numeric" data-col="control" data-label={factorNames[1]}>
        {row.control ?? '–'}
      </td>
      <td className="govuk-table__cell govuk-table__cell--numeric" data-col="impact" data-label={factorNames[2]}>
        {row.impact ?? '–'}
      </td>
      <td className="govuk-table__cell govuk-table__cell--numeric app-score" data-col="score" data-label="Score">
        {row.score}
      </td>
      <td className="govuk-table__cell" data-col="band" data-label="Band">
        <BandTag band={row.band} />
      </td>
      <td className="govuk-table__cell" data-col="appetite" data-label="Appetite">
        <AppetiteFlag outside={row.atOrAboveAppetite} />
      </td>
      <td className="govuk-table__cell" data-col="date-reviewed" data-label="Date reviewed">
        {formatDay(row.reviewedOn, row.reviewedOnNote ? 'Date not recorded' : 'Not recorded')}
      </td>
      <td className="govuk-table__cell" data-col="summary" data-label="Summary">
        {row.summary}
      </td>
      <td className="govuk-table__cell" data-col="owner" data-label="Owner">
        {row.owner ? row.owner : <span className="app-unassigned">Unassigned</span>}
      </td>
      <td className="govuk-table__cell" data-col="review-status" data-label="Review">
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
