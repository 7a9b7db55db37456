import Link from 'next/link';
import { Tag } from '@/components/govuk/tag';
import { formatDay } from '@/lib/domain/dates';
import { ACTION_STATUS_LABEL, type ActionStatus } from '@/lib/domain/inspections';

type Row = {
  id: number;
  title: string;
  owner: string;
  dueOn: string;
  status: ActionStatus;
  overdue: boolean;
  sourceType: string;
  sourceRef: string | null;
  findingRef: string | null;
  riskRef: string | null;
};

function source(row: Row) {
  if (row.sourceType === 'finding' && row.findingRef) return `Finding ${row.findingRef}`;
  if (row.sourceType === 'risk' && row.riskRef) return `Risk ${row.riskRef}${row.sourceRef ? `: ${row.sourceRef}` : ''}`;
  return row.sourceRef ?? 'Other';
}

/** Actions with owner, due date, status and whether overdue, in words. */
export function ActionsTable({ rows, caption }: { rows: Row[]; caption: string }) {
  return (
    <table className="govuk-table" data-testid="actions-table">
      <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Action
          </th>
          <th scope="col" className="govuk-table__header">
            Answers
          </th>
          <th scope="col" className="govuk-table__header">
            Owner
          </th>
          <th scope="col" className="govuk-table__header">
            Due
          </th>
          <th scope="col" className="govuk-table__header">
            Status
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((row) => (
          <tr className="govuk-table__row" key={row.id} data-action-id={row.id}>
            <th scope="row" className="govuk-table__header">
              <Link className="govuk-link" href={`/actions/${row.id}`}>
                {row.title}
              </Link>
            </th>
            <td className="govuk-table__cell">{source(row)}</td>
            <td className="govuk-table__cell">{row.owner}</td>
            <td className="govuk-table__cell app-nowrap">{formatDay(row.dueOn)}</td>
            <td className="govuk-table__cell">
              <Tag colour={row.status === 'completed' ? 'green' : row.status === 'cancelled' ? 'grey' : 'blue'}>{ACTION_STATUS_LABEL[row.status]}</Tag>
              {row.overdue ? (
                <>
                  {' '}
                  <Tag colour="red">Overdue</Tag>
                </>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
