/**
 * Runs once when the server starts: records that it serves the database, so a restore can refuse while it
 * runs, and schedules the daily reminder run and the daily full audit check (lib/reminders-schedule.ts;
 * REMINDERS=off and AUDIT_CHECK=off leave them to the OS).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { databasePath } = await import('./db/client');
  const { markServerRunning } = await import('./db/backup');
  markServerRunning(databasePath());
  const { scheduleAuditCheck, scheduleReminders } = await import('./lib/reminders-schedule');
  scheduleReminders();
  scheduleAuditCheck();
}
