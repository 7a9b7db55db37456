import Link from 'next/link';
import { Tag } from '@/components/govuk/tag';
import { formatDay } from '@/lib/domain/dates';
import { ACTION_STATUS_LABEL, type ActionStatus } from '@/lib/domain/inspections';
import { Cell, Row, RowHeader, Table } from '@/components/govuk/table';

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
    <Table
      data-testid="actions-table"
      caption={<>{caption}</>}
      captionSize="m"
      columns={[{ header: 'Action' }, { header: 'Answers' }, { header: 'Owner' }, { header: 'Due' }, { header: 'Status' }]}
    >
      {rows.map((row) => (
        <Row key={row.id} data-action-id={row.id}>
          <RowHeader>
            <Link className="govuk-link" href={`/actions/${row.id}`}>
              {row.title}
            </Link>
          </RowHeader>
          <Cell>{source(row)}</Cell>
          <Cell>{row.owner}</Cell>
          <Cell className="app-nowrap">{formatDay(row.dueOn)}</Cell>
          <Cell>
            <Tag colour={row.status === 'completed' ? 'green' : row.status === 'cancelled' ? 'grey' : 'blue'}>{ACTION_STATUS_LABEL[row.status]}</Tag>
            {row.overdue ? (
              <>
                {' '}
                <Tag colour="red">Overdue</Tag>
              </>
            ) : null}
          </Cell>
        </Row>
      ))}
    </Table>
  );
}
