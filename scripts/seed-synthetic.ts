/**
 * Builds a synthetic register into a separate database (never the one the app serves unless you say so):
 *   npm run seed:synthetic -- --risks 200 --years 10 [--db data/synthetic.db] [--seed 1] [--end 2026-11-01]
 * --accounts adds the demo accounts (one per role, password demo-password) so the app can be signed into.
 * Deterministic for a given seed and end date. Refuses a database that already holds risks.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/client';
import { seedDemoAccounts } from '../db/seed/demo-accounts';
import { seedSynthetic } from '../db/seed/synthetic';

const { values } = parseArgs({
  options: {
    risks: { type: 'string', default: '200' },
    years: { type: 'string', default: '10' },
    db: { type: 'string', default: 'data/synthetic.db' },
    seed: { type: 'string', default: '1' },
    end: { type: 'string' },
    replace: { type: 'boolean', default: false },
    accounts: { type: 'boolean', default: false },
  },
});
const risks = Number(values.risks);
const years = Number(values.years);
if (!Number.isInteger(risks) || risks < 1 || !Number.isInteger(years) || years < 1 || years > 50) {
  console.error('Usage: npm run seed:synthetic -- --risks N --years Y [--db PATH] [--seed S] [--end YYYY-MM-DD] [--replace] [--accounts]');
  process.exit(2);
}
const file = values.db!;
// The audit key lives beside the database it seals (db/audit-key.ts): this one, not the app's default.
process.env.DATABASE_PATH = file;
if (values.replace) for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
const started = Date.now();
const db = openDatabase(file);
if ((db.$client.prepare('SELECT count(*) AS n FROM risks').get() as { n: number }).n > 0) {
  console.error(`${file} already holds risks; use a new --db or --replace`);
  process.exit(1);
}
async function main() {
  const summary = seedSynthetic(db, { risks, years, seed: Number(values.seed), end: values.end });
  const accounts = values.accounts ? await seedDemoAccounts(db) : 0;
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
  db.$client.close();
  console.log(
    `synthetic register in ${file} (${((Date.now() - started) / 1000).toFixed(1)} s): ${summary.risks} risks (${summary.live} live, ${summary.archived} archived), ${summary.reviews} reviews, ${summary.revisions} revisions, ${summary.findings} findings, ${summary.actions} actions with ${summary.actionUpdates} updates, ${summary.auditEntries} audit entries${accounts ? `, ${accounts} demo accounts` : ''}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
