/** Runs once when the server starts: records that it serves the database, so a restore can refuse while it runs. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { databasePath } = await import('./db/client');
  const { markServerRunning } = await import('./db/backup');
  markServerRunning(databasePath());
}
