/**
 * Puts a backup back in place of the database (stop the app first; the replaced file is kept):
 *   npm run db:restore -- backups/register-2026-11-24.db
 */
import { databasePath } from '../db/client';
import { BackupError, restoreDatabase } from '../db/backup';

const source = process.argv[2];
if (!source) {
  console.error('Usage: npm run db:restore -- FILE');
  process.exit(2);
}
const target = databasePath();
restoreDatabase(source, target)
  .then((r) =>
    console.log(
      `restored ${source} to ${target}: ${r.risks} risks, ${r.reviews} reviews${r.replacedBy ? `; the replaced database is kept at ${r.replacedBy}` : ''}`,
    ),
  )
  .catch((error: unknown) => {
    console.error(error instanceof BackupError ? error.message : error);
    process.exit(1);
  });
