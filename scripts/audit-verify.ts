/**
 * Checks the audit log's hash chain and reports the first broken entry:
 *   npm run audit:verify            (exit 0 when intact, 1 when broken)
 */
import { databasePath, openDatabase } from '../db/client';
import { verifyAuditLog } from '../db/queries/audit';

const db = openDatabase(databasePath());
const result = verifyAuditLog(db);
db.$client.close();
const legacy = result.unchained ? ` (${result.unchained} earlier entries were written before the chain began)` : '';
if (result.ok) {
  console.log(`audit log intact: ${result.entries} chained entries verified${legacy}`);
} else {
  console.error(`audit log broken at entry ${result.brokenId}: ${result.reason}${legacy}`);
  process.exit(1);
}
