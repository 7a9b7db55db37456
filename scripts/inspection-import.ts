/**
 * Reads an inspection report and saves it with its judgments and findings.
 *   npm run inspection:import -- FILE [--published-on YYYY-MM-DD]
 * The publication day starts the s.55 clock; without it, the 1st of the month the report gives is used.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { databasePath, openDatabase } from '../db/client';
import { saveInspection } from '../db/mutations/inspections';
import { DuplicateInspectionError } from '@/db/errors';
import { parseDay } from '../lib/domain/dates';
import { readReport } from '../lib/report-file';

async function main() {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'published-on': { type: 'string' } } });
  const file = positionals[0];
  if (!file) {
    console.error('Usage: npm run inspection:import -- FILE [--published-on YYYY-MM-DD]');
    process.exit(2);
  }
  const result = await readReport({ name: path.basename(file), content: new Uint8Array(fs.readFileSync(file)) });
  if (!result.ok) {
    console.error(result.message);
    process.exit(1);
  }
  const publishedOn = values['published-on'] ?? (result.report.published ? `${result.report.published}-01` : null);
  if (!publishedOn || !parseDay(publishedOn)) {
    console.error('Give the publication date: --published-on YYYY-MM-DD');
    process.exit(2);
  }
  const db = openDatabase(databasePath());
  try {
    const id = saveInspection(
      db,
      { userId: null, label: `command line: inspection:import ${path.basename(file)}` },
      { report: result.report, publishedOn, sourceName: path.basename(file) },
    );
    console.log(`Saved inspection ${id}: ${result.report.title} (${result.report.findings.length} findings)`);
  } catch (error) {
    if (error instanceof DuplicateInspectionError) {
      console.error(`${error.message} (inspection ${error.existingId}); nothing saved`);
      process.exit(1);
    }
    throw error;
  } finally {
    db.$client.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
