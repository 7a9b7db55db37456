/**
 * The part of drizzle/0017 that SQL cannot do: recording, under the audit key, the rows that migration set
 * aside in `audit_upgrade` (rows queued before it, and every row of the live tables, which entries did not
 * record before). openDatabase runs it only when that open applied a migration; it records the rows in one
 * entry that names the migration and drops the table in the same transaction. It records at most once: if
 * an entry of this migration is already in the log, the table is left for `npm run audit:verify` to report,
 * since a second one can only have been put there by hand. A table planted at any other time is never
 * read, and verification fails while it exists.
 */
import { sql } from 'drizzle-orm';
import type { Db } from './client';
import { SYSTEM_ACTOR, writeAudit } from './mutations/audit';
import { rowCapture } from './row-capture';
import { writeTransaction } from './transaction';

export const UPGRADE_MIGRATION = '0017_audit-live-state';
export const UPGRADE_ACTION = 'audit.record-earlier-rows';

export function completeAuditUpgrade(db: Db): number {
  const exists = db.$client.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_upgrade'").get();
  if (!exists) return 0;
  const done = db.$client
    .prepare("SELECT 1 FROM audit_log WHERE action = ? AND json_extract(detail, '$.migration') = ? LIMIT 1")
    .get(UPGRADE_ACTION, UPGRADE_MIGRATION);
  if (done) return 0;
  return writeTransaction(db, (tx) => {
    const rows = tx.all<{ table_name: string; row_id: number }>(sql`SELECT table_name, row_id FROM audit_upgrade ORDER BY table_name, row_id`);
    const capture = rowCapture(db.$client);
    for (const row of rows) capture.inserted(row.table_name, row.row_id);
    if (rows.length)
      writeAudit(tx, SYSTEM_ACTOR, {
        action: UPGRADE_ACTION,
        entityType: 'audit',
        summary: `Recorded the digests of ${rows.length} rows written before this version of the service recorded them (migration ${UPGRADE_MIGRATION}); changes to them from now on are detected`,
        detail: { migration: UPGRADE_MIGRATION, rows: rows.length },
      });
    tx.run(sql`DROP TABLE audit_upgrade`);
    return rows.length;
  });
}
