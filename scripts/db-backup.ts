/**
 * A consistent copy of the database, safe while the app is serving writes:
 *   npm run db:backup -- backups/register-2026-11-24.db
 */
import { databasePath } from '../db/client';
import { backupDatabase, BackupError } from '../db/backup';

const target = process.argv[2];
if (!target) {
  console.error('Usage: npm run db:backup -- FILE   (FILE must not exist yet)');
  process.exit(2);
}
backupDatabase(databasePath(), target)
  .then((r) => console.log(`backup written to ${target}: ${r.bytes} bytes, ${r.risks} risks, ${r.reviews} reviews, integrity ok, SHA-256 ${r.sha256}`))
  .catch((error: unknown) => {
    console.error(error instanceof BackupError ? error.message : error);
    process.exit(1);
  });
