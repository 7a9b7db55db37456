/**
 * The server's daily reminder run (croner), started from instrumentation.ts: at REMINDERS_AT (default 07:00)
 * Europe/London time it runs the same job as `npm run reminders:send`, compiled by `npm run build` to
 * dist/reminders-send.mjs and run with `node` in a child process of its own (the job renders each email's HTML
 * part with react-dom/server, which Next keeps out of the server's own bundle, and a run of its own cannot slow
 * the pages). REMINDERS=off leaves scheduling to the OS. Two servers on one database
 * may both run it: the send log's unique key lets only one claim each reminder.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { Cron } from 'croner';

const execFileAsync = promisify(execFile);

/** "07:00" as a daily cron pattern, or null when it is not a time of day. */
export function dailyPattern(at: string): string | null {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(at.trim());
  return match ? `${Number(match[2])} ${Number(match[1])} * * *` : null;
}

/** Runs one of the compiled jobs in dist/ (scripts/build-jobs.mjs) once, from the project's folder, and returns what it printed. */
async function runJob(job: 'reminders-send' | 'audit-verify', args: string[] = []): Promise<string> {
  const root = process.cwd();
  const { stdout } = await execFileAsync(process.execPath, [path.join(/*turbopackIgnore: true*/ root, 'dist', `${job}.mjs`), ...args], {
    cwd: root,
    env: process.env,
  });
  return stdout.trim();
}

/** Runs the reminder job once and returns what it printed. */
export function runReminders(): Promise<string> {
  return runJob('reminders-send');
}

export function scheduleReminders(env: NodeJS.ProcessEnv = process.env): Cron | null {
  if ((env.REMINDERS ?? '').toLowerCase() === 'off') return null;
  const at = env.REMINDERS_AT || '07:00';
  const pattern = dailyPattern(at);
  if (!pattern) {
    console.error(`REMINDERS_AT must be a time of day such as 07:00; "${at}" is not, so no reminders are scheduled`);
    return null;
  }
  const run = async () => {
    try {
      console.log(await runReminders());
    } catch (error) {
      // A failed send exits 1 and stays in the send log as failed; the next run retries it.
      console.error('the reminder run did not finish cleanly; the next run will try again', error instanceof Error ? error.message : error);
    }
  };
  // protect: a run still sending when the next is due is not started twice.
  const job = new Cron(pattern, { timezone: 'Europe/London', protect: true, name: 'reminders' }, run);
  // A server started after today's time (a fresh install, a restart) catches up with today's run; the send
  // log's key means nothing already sent goes again.
  if (londonTimeOfDay(new Date()) >= at.trim().padStart(5, '0')) void run();
  return job;
}

/**
 * The daily full check of the audit log (`npm run audit:verify -- --daily`) at AUDIT_CHECK_AT (default 06:30)
 * London time, in a child process so it never slows a page; AUDIT_CHECK=off leaves it to the OS. It records
 * its result in the log and keeps a checkpoint in AUDIT_CHECKPOINT_DIR. A server started later in the day
 * runs it once at start, unless a check passed in the last 20 hours.
 */
export function scheduleAuditCheck(env: NodeJS.ProcessEnv = process.env): Cron | null {
  if ((env.AUDIT_CHECK ?? '').toLowerCase() === 'off') return null;
  const at = env.AUDIT_CHECK_AT || '06:30';
  const pattern = dailyPattern(at);
  if (!pattern) {
    console.error(`AUDIT_CHECK_AT must be a time of day such as 06:30; "${at}" is not, so no daily audit check is scheduled`);
    return null;
  }
  const run = async () => {
    try {
      console.log(await runJob('audit-verify', ['--daily']));
    } catch (error) {
      // A failed check exits 1 and is recorded in the log, where the audit page shows it.
      console.error('the daily audit check found a fault or did not finish', error instanceof Error ? error.message : error);
    }
  };
  const job = new Cron(pattern, { timezone: 'Europe/London', protect: true, name: 'audit-check' }, run);
  if (londonTimeOfDay(new Date()) >= at.trim().padStart(5, '0')) void run();
  return job;
}

/** The time of day in London as HH:MM. */
export function londonTimeOfDay(moment: Date): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(moment);
}
