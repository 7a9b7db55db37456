/**
 * Runs the reminder job once, for deployments that schedule it with the OS (REMINDERS=off in the server):
 *   npm run reminders:send                      claim today's digests and send them (or record them as not sent)
 *   npm run reminders:send -- --dry-run         print what would be sent; nothing is written
 *   npm run reminders:send -- --day 2026-12-07  as on that day
 * Prints one line per digest: recipient, status and subject.
 */
import { databasePath, openDatabase } from '../db/client';
import { claimDigests, planDigests, sendQueued } from '../db/mutations/reminders';
import { parseDay } from '../lib/domain/dates';
import { mailerFromEnv, serviceUrl, ServiceUrlMissingError } from '../lib/mailer';
import { today } from '../lib/today';

async function main() {
  const args = process.argv.slice(2);
  const dryRun = args.includes('--dry-run');
  const dayIndex = args.indexOf('--day');
  const day = dayIndex >= 0 ? args[dayIndex + 1] : today();
  if (!day || !parseDay(day)) {
    console.error('--day needs a real date as YYYY-MM-DD, for example --day 2026-12-07');
    process.exit(2);
  }
  let base: string;
  try {
    base = serviceUrl();
  } catch (error) {
    if (!(error instanceof ServiceUrlMissingError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
  const db = openDatabase(databasePath());
  try {
    if (dryRun) {
      const planned = planDigests(db, day, base);
      for (const digest of planned) console.log(`would send to ${digest.email}: ${digest.subject} (${digest.items.map((i) => i.ref).join(', ')})`);
      console.log(`${planned.length} ${planned.length === 1 ? 'digest' : 'digests'} for ${day}; dry run, nothing written`);
      return;
    }
    const claimed = claimDigests(db, day, base);
    const results = await sendQueued(db, mailerFromEnv());
    for (const r of results) console.log(`${r.status} to ${r.email}: ${r.subject}${r.status === 'sent' ? '' : ` (${r.detail})`}`);
    console.log(`${claimed.length} new ${claimed.length === 1 ? 'digest' : 'digests'} for ${day}; ${results.filter((r) => r.status === 'sent').length} sent`);
    if (results.some((r) => r.status === 'failed')) process.exitCode = 1;
  } finally {
    db.$client.close();
  }
}

void main();
