/**
 * Prints the audit log's head as a checkpoint, to keep somewhere this machine cannot change (a ticket,
 * an email to the audit committee's secretary, a paper minute):
 *   npm run audit:checkpoint
 * Later, `npm run audit:verify -- --since CHECKPOINT` fails if that entry was removed or changed.
 */
import { databasePath, openDatabase } from '../db/client';
import { chainHead, formatCheckpoint } from '../db/queries/audit';

const db = openDatabase(databasePath());
const head = chainHead(db);
db.$client.close();
if (!head) {
  console.error('the audit log is empty or its newest entry has no hash: run npm run audit:verify');
  process.exit(1);
}
console.log(formatCheckpoint(head));
