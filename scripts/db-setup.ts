/**
 * Migrates the database and, on first run, loads the demo register and demo accounts (unless
 * SEED_DEMO=false). Safe to run on every start: each step does nothing when already done.
 */
import { auditKey, auditKeyWarning } from '../db/audit-key';
import { checkpointFile } from '../db/audit-checkpoints';
import { databasePath, openDatabase } from '../db/client';
import { seedDemoAccounts } from '../db/seed/demo-accounts';
import { ensureBaselineSettings, seedDemoData } from '../db/seed/demo';
import { seedDemoInspections } from '../db/seed/demo-inspections';
import { seedDemoMeetings } from '../db/seed/demo-meetings';

async function main() {
  const file = databasePath();
  const demo = (process.env.SEED_DEMO ?? 'true').toLowerCase() !== 'false';
  // The audit key's rules (db/audit-key.ts) are checked before anything is written, so a production start
  // without a key kept apart stops here with a sentence naming the settings.
  try {
    auditKey();
    checkpointFile();
  } catch (error) {
    console.error(`db-setup: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
  if (process.env.NODE_ENV === 'production') {
    const warning = auditKeyWarning();
    if (warning) console.warn(`db-setup: warning: ${warning}`);
    if (!process.env.AUDIT_CHECKPOINT_DIR)
      console.warn(
        'db-setup: warning: AUDIT_CHECKPOINT_DIR is not set, so no checkpoint of the audit log is kept outside the database (see README, Operations)',
      );
  }
  const db = openDatabase(file);
  const settingsCreated = ensureBaselineSettings(db, { demo });
  const seed = demo ? seedDemoData(db) : { seeded: false, risks: 0 };
  const accounts = demo ? await seedDemoAccounts(db) : 0;
  const inspectionsSeeded = demo ? seedDemoInspections(db) : false;
  // The end-to-end suite imports the seed pack's plan and minutes itself (e2e/workflow-meetings.spec.ts), so
  // its database starts without them: SEED_DEMO_MEETINGS=false.
  const meetingsSeeded = demo && (process.env.SEED_DEMO_MEETINGS ?? 'true').toLowerCase() !== 'false' ? seedDemoMeetings(db) : false;
  db.$client.close();

  const parts = [`database ${file} migrated`];
  if (settingsCreated) parts.push('baseline register settings written');
  if (seed.seeded) parts.push(`demo register loaded (${seed.risks} risks)`);
  else if (!demo) parts.push('demo data off (SEED_DEMO=false)');
  else parts.push('demo data already present');
  if (accounts) parts.push(`${accounts} demo accounts created (password: demo-password)`);
  if (inspectionsSeeded) parts.push('demo inspections and actions loaded');
  if (meetingsSeeded) parts.push('demo meetings and commitments loaded');
  console.log(`db-setup: ${parts.join('; ')}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
