/**
 * Every stored day that is not a real calendar day, named by its record: what `npm run audit:verify` lists.
 * The service never writes one (every form, payload, import and command reads days through one schema), so
 * any found here came from an old import or from the file being edited. Pages show such a day in place as
 * "Unreadable date" (formatDay) and treat it as no date; this finds them all for the person who must fix them.
 * A day is real when SQLite's date() gives it back unchanged: "2026-02-31" becomes "2026-03-03" and
 * "0000-00-00" nothing.
 */
import { eq, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from '../client';
import {
  actionDueDates,
  actions,
  findings,
  inspections,
  notificationItems,
  notificationLog,
  registerSettings,
  registerSnapshots,
  reviewCorrections,
  reviews,
  riskConsequences,
  riskImpactAreas,
  riskMitigations,
  riskRevisions,
  risks,
} from '../schema';

export type UnreadableDay = { record: string; field: string; value: string };

/** A day column, and how to name its record: by id, with the risk's ref where the row has one (`ref`) or points to one (`riskId`). */
type DayColumn = { table: SQLiteTable; id: SQLiteColumn; column: SQLiteColumn; field: string; record: string; ref?: SQLiteColumn; riskId?: SQLiteColumn };

const DAY_COLUMNS: DayColumn[] = [
  { table: risks, id: risks.id, column: risks.dateIdentified, field: 'date identified', record: 'risk', ref: risks.ref },
  { table: risks, id: risks.id, column: risks.archivedOn, field: 'archived on', record: 'risk', ref: risks.ref },
  {
    table: riskRevisions,
    id: riskRevisions.id,
    column: riskRevisions.effectiveFrom,
    field: 'effective from',
    record: 'revision',
    riskId: riskRevisions.riskId,
  },
  {
    table: riskConsequences,
    id: riskConsequences.id,
    column: riskConsequences.validFrom,
    field: 'valid from',
    record: 'consequence',
    riskId: riskConsequences.riskId,
  },
  {
    table: riskMitigations,
    id: riskMitigations.id,
    column: riskMitigations.validFrom,
    field: 'valid from',
    record: 'mitigation',
    riskId: riskMitigations.riskId,
  },
  {
    table: riskImpactAreas,
    id: riskImpactAreas.id,
    column: riskImpactAreas.validFrom,
    field: 'valid from',
    record: 'impact area',
    riskId: riskImpactAreas.riskId,
  },
  { table: reviews, id: reviews.id, column: reviews.reviewedOn, field: 'date reviewed', record: 'review', riskId: reviews.riskId },
  { table: reviewCorrections, id: reviewCorrections.id, column: reviewCorrections.reviewedOn, field: 'date reviewed', record: 'review correction' },
  { table: registerSettings, id: registerSettings.id, column: registerSettings.effectiveFrom, field: 'effective from', record: 'register settings' },
  { table: inspections, id: inspections.id, column: inspections.publishedOn, field: 'publication date', record: 'inspection' },
  { table: inspections, id: inspections.id, column: inspections.s55PublishedOn, field: 's.55 response published', record: 'inspection' },
  { table: findings, id: findings.id, column: findings.deadline, field: 'deadline', record: 'finding' },
  { table: actions, id: actions.id, column: actions.dueOn, field: 'due date', record: 'action' },
  { table: actions, id: actions.id, column: actions.completedOn, field: 'completed on', record: 'action' },
  { table: actionDueDates, id: actionDueDates.id, column: actionDueDates.dueOn, field: 'revised due date', record: 'action due date' },
  { table: registerSnapshots, id: registerSnapshots.id, column: registerSnapshots.meetingOn, field: 'meeting date', record: 'snapshot' },
  { table: registerSnapshots, id: registerSnapshots.id, column: registerSnapshots.asAt, field: 'as at', record: 'snapshot' },
  { table: notificationLog, id: notificationLog.id, column: notificationLog.day, field: 'day', record: 'reminder digest' },
  { table: notificationItems, id: notificationItems.id, column: notificationItems.dueOn, field: 'due date', record: 'reminder' },
];

const notARealDay = (column: SQLiteColumn): SQL => sql`${column} is not null and (date(${column}) is null or date(${column}) <> ${column})`;

/** Each stored day that is not a real day, as "review 412 of I10", its field and what is stored. */
export function unreadableDays(db: Db): UnreadableDay[] {
  return DAY_COLUMNS.flatMap(({ table, id, column, field, record, ref, riskId }) => {
    const rows = riskId
      ? db.select({ id, value: column, ref: risks.ref }).from(table).leftJoin(risks, eq(risks.id, riskId)).where(notARealDay(column)).all()
      : ref
        ? db.select({ id, value: column, ref }).from(table).where(notARealDay(column)).all()
        : db.select({ id, value: column }).from(table).where(notARealDay(column)).all();
    return rows.map((row) => ({
      record: `${record} ${row.id}${'ref' in row && row.ref ? ` of ${row.ref}` : ''}`,
      field,
      value: String(row.value),
    }));
  });
}
