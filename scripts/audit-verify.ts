/**
 * Checks the audit log (db/queries/audit.ts): the triggers, the keyed chain, and the digest of every row
 * of the kept tables against the entry that recorded it; reports the first fault:
 *   npm run audit:verify                      (exit 0 when intact, 1 when not)
 *   npm run audit:verify -- --since ID:HASH   (also fails if that checkpoint's entry is gone or changed)
 */
import { databasePath, openDatabase } from '../db/client';
import { formatCheckpoint, parseCheckpoint, verifyAuditLog } from '../db/queries/audit';

const at = process.argv.indexOf('--since');
const since = at >= 0 ? parseCheckpoint(process.argv[at + 1] ?? '') : undefined;
if (since === null) {
  console.error('--since takes a checkpoint as printed by npm run audit:checkpoint, like 42:3f5a…');
  process.exit(2);
}
const db = openDatabase(databasePath());
const result = verifyAuditLog(db, { since, rows: true });
db.$client.close();
if (result.ok) {
  console.log(
    `audit log intact: ${result.entries} chained entries verified${since ? `, including checkpoint ${since.id}` : ''}, ${result.rows!.checked} recorded rows match their entries; head ${formatCheckpoint(result.head!)}`,
  );
} else {
  console.error(`audit log broken${result.brokenId === null ? '' : ` at entry ${result.brokenId}`}: ${result.reason}`);
  process.exit(1);
}
