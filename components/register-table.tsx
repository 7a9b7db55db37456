import Link from 'next/link';
import { Tag } from '@/components/govuk/tag';
import { Cell, Row, RowHeader, Table } from '@/components/govuk/table';
import { AppetiteFlag, BandTag, ReviewStatusTag } from '@/components/risk-tags';
import type { RegisterRow } from '@/db/queries/risks';
import { CATEGORY_LABEL, type Category } from '@/lib/domain/categories';
import { formatDay } from '@/lib/domain/dates';
import type { RegisterSettings } from '@/lib/domain/settings';

/** One category of the register, laid out as the paper's columns. */
export function RegisterTable({
  category,
  rows,
  settings,
  overdueActions,
  asAt,
}: {
  category: Category;
  rows: RegisterRow[];
  settings: RegisterSettings;
  /** Risks with an overdue action, flagged in the Review column. */
  overdueActions?: ReadonlySet<number>;
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
        <RegisterTableRow key={row.ref} row={row} actionOverdue={overdueActions?.has(row.id) ?? false} asAt={asAt} />
      ))}
    </Table>
  );
}

/** One risk's row: its current text, latest scores and review status. */
export function RegisterTableRow({ row, actionOverdue, asAt }: { row: RegisterRow; actionOverdue: boolean; asAt?: string | null }) {
  const { latest } = row;
  return (
    <Row data-ref={row.ref}>
      <RowHeader className="app-register-table__ref">
        <Link className="govuk-link" href={asAt ? `/risks/${row.ref}?asAt=${asAt}` : `/risks/${row.ref}`} prefetch={false}>
          {row.ref}
        </Link>
      </RowHeader>
      <Cell className="app-nowrap" data-col="date-identified">
        {formatDay(row.dateIdentified)}
      </Cell>
      <Cell data-col="event">{row.event}</Cell>
      <Cell data-col="impact-areas">
        <ul className="govuk-list app-list--compact app-register-table__list">
          {row.impactAreas.map((area) => (
            <li key={area}>{area}</li>
          ))}
        </ul>
      </Cell>
      <Cell numeric data-col="likelihood">
        {latest.likelihood ?? '–'}
      </Cell>
      <Cell numeric data-col="control">
        {latest.control ?? '–'}
      </Cell>
      <Cell numeric data-col="impact">
        {latest.impact ?? '–'}
      </Cell>
      <Cell numeric className="app-score" data-col="score">
        {latest.score}
      </Cell>
      <Cell data-col="band">
        <BandTag band={row.band} />
      </Cell>
      <Cell data-col="appetite">
        <AppetiteFlag outside={row.atOrAboveAppetite} />
      </Cell>
      <Cell className="app-nowrap" data-col="date-reviewed">
        {formatDay(latest.reviewedOn, latest.reviewedOnNote ? 'Date not recorded' : 'Not recorded')}
      </Cell>
      <Cell data-col="summary">{latest.summary}</Cell>
      <Cell data-col="owner">{row.owner ? row.owner.name : <span className="app-unassigned">Unassigned</span>}</Cell>
      <Cell data-col="review-status">
        <ReviewStatusTag due={row.due} />
        {actionOverdue ? (
          <>
            <br />
            <Tag colour="red">Action overdue</Tag>
          </>
        ) : null}
      </Cell>
    </Row>
  );
}
