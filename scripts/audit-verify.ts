/**
 * The full check of the audit log (db/queries/audit.ts): the triggers, the keyed chain, what every entry
 * says of every row against the rows, and the newest checkpoint kept in AUDIT_CHECKPOINT_DIR. It records
 * its result in the log (who ran it, the newest entry it covered), and after a pass keeps the new head as
 * a checkpoint there. Reports the first fault, and names every stored day that is not a real one:
 *   npm run audit:verify                      (exit 0 when intact, 1 when not)
 *   npm run audit:verify -- --since ID:HASH   (also against a checkpoint kept by hand)
 *   npm run audit:verify -- --no-record       (check only: write nothing)
 *   npm run audit:verify -- --daily           (the scheduled run: skipped when a check passed in the last 20 hours)
 */
import os from 'node:os';
import { latestKeptCheckpoint, keepCheckpoint } from '../db/audit-checkpoints';
import { databasePath, openDatabase } from '../db/client';
import { recordFullCheck } from '../db/mutations/audit';
import { snapshotsDifferingFromRebuild } from '../db/mutations/snapshots';
import { unreadableDays } from '../db/queries/stored-days';
import { chainHead, formatCheckpoint, latestFullCheck, parseCheckpoint, verifyAuditLog, type Checkpoint } from '../db/queries/audit';

const args = process.argv.slice(2);
const at = args.indexOf('--since');
const given = at >= 0 ? parseCheckpoint(args[at + 1] ?? '') : undefined;
if (given === null) {
  console.error('--since takes a checkpoint as printed by npm run audit:checkpoint, like 42:3f5a…');
  process.exit(2);
}
const daily = args.includes('--daily');
const record = !args.includes('--no-record');
const db = openDatabase(databasePath());
try {
  const last = latestFullCheck(db, { passed: true });
  if (daily && last && Date.now() - Date.parse(last.at) < 20 * 3600_000) {
    console.log(`audit check: skipped, the last full check passed at ${last.at}`);
    process.exit(0);
  }
  const kept = latestKeptCheckpoint();
  const checks = [given, kept?.checkpoint].filter((c): c is Checkpoint => !!c);
  const result = verifyAuditLog(db, { since: checks, rows: true });
  if (record) {
    const by = daily ? 'daily check' : `npm run audit:verify (${os.userInfo().username})`;
    recordFullCheck(db, { userId: null, label: by }, result);
  }
  if (result.ok) {
    // The head now, after the check's own entry: the next check must find it.
    const file = record ? keepCheckpoint(chainHead(db)!, new Date()) : null;
    const sinceText = checks.map((c) => `checkpoint ${c.id}`).join(' and ');
    console.log(
      `audit log intact: ${result.entries} chained entries verified${sinceText ? `, including ${sinceText}` : ''}, ${result.rows!.checked} recorded rows match their entries; head ${formatCheckpoint(result.head!)}${file ? `; checkpoint kept in ${file}` : ''}`,
    );
    // Frozen records keep what they showed; a rebuild that differs now is named, for the auditor to read why.
    for (const s of snapshotsDifferingFromRebuild(db))
      console.log(
        `note: snapshot ${s.id} (${s.forum} meeting ${s.meetingOn}, as at ${s.asAt}) differs from the register rebuilt for its day in ${[...s.refs, ...(s.settings ? ['its settings'] : [])].join(', ')}: a review corrected since, or a change dated on or before its day recorded after it`,
      );
  }
  // Whatever the chain says, a stored day no page can read is named for the person who must correct it.
  for (const day of unreadableDays(db)) console.log(`unreadable date: ${day.record}, ${day.field} "${day.value}"`);
  if (!result.ok) {
    console.error(`audit log broken${result.brokenId === null ? '' : ` at entry ${result.brokenId}`}: ${result.reason}`);
    process.exitCode = 1;
  }
} finally {
  db.$client.close();
}
