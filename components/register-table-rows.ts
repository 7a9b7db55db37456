import type { RegisterRow } from '@/db/queries/risks';
import type { RegisterTableRowData } from './register-table';

/** The register's rows as the table shows them, flagging risks with an overdue action. */
export function registerTableRows(rows: RegisterRow[], overdueActions: ReadonlySet<number>): RegisterTableRowData[] {
  return rows.map((row) => ({
    id: row.id,
    ref: row.ref,
    dateIdentified: row.dateIdentified,
    event: row.event,
    impactAreas: row.impactAreas,
    likelihood: row.latest.likelihood,
    control: row.latest.control,
    impact: row.latest.impact,
    score: row.latest.score,
    band: row.band,
    atOrAboveAppetite: row.atOrAboveAppetite,
    reviewedOn: row.latest.reviewedOn,
    reviewedOnNote: !!row.latest.reviewedOnNote,
    summary: row.latest.summary,
    owner: row.owner?.name ?? null,
    due: row.due,
    actionOverdue: overdueActions.has(row.id),
  }));
}
