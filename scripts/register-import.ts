/**
 * Imports a register from the command line:
 *   npm run register:import -- FILE [--as-at YYYY-MM-DD] [--dry-run] [--json]
 * FILE is the table pasted from a committee paper (tab-separated), a CSV, or an .xlsx workbook.
 * --dry-run previews without saving; --json prints the parsed risks, warnings and errors as JSON.
 * Nothing is saved while the file has errors.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { databasePath, openDatabase } from '../db/client';
import { ImportRowError } from '../db/errors';
import { applyImport } from '../db/mutations/import';
import { getSettingsInForce } from '../db/queries/settings';
import { parseDay } from '../lib/domain/dates';
import { today } from '../lib/today';
import { previewRegisterFile } from '../lib/register-file';
import { readFileOrExit } from './read-file';

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'as-at': { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
  });
  const file = positionals[0];
  if (!file) {
    console.error('Usage: npm run register:import -- FILE [--as-at YYYY-MM-DD] [--dry-run] [--json]');
    process.exit(2);
  }
  const asAt = values['as-at'] ?? null;
  if (asAt && !parseDay(asAt)) {
    console.error(`--as-at must be a date as YYYY-MM-DD, not “${asAt}”`);
    process.exit(2);
  }
  const content = readFileOrExit(file);
  const result = await previewRegisterFile(path.basename(file), content);
  if (values.json) {
    const risks = result.risks.map(
      ({ ref, category, dateIdentified, event, consequences, impactAreas, mitigations, likelihood, control, impact, score, dateReviewed, summary }) => ({
        ref,
        category,
        dateIdentified,
        event,
        consequences,
        impactAreas,
        mitigations,
        likelihood,
        control,
        impact,
        score,
        dateReviewed,
        summary,
      }),
    );
    console.log(JSON.stringify({ risks, warnings: result.warnings, errors: result.errors }, null, 2));
  } else {
    console.log(`${result.risks.length} risks read (${result.format}); ${result.warnings.length} warnings; ${result.errors.length} errors`);
    for (const w of result.warnings) console.log(`  warning, line ${w.line}: ${w.message}`);
    for (const e of result.errors) console.log(`  error: ${e.message}`);
  }
  if (result.errors.length) {
    if (!values.json) console.error('Nothing saved: correct the errors and import again.');
    process.exit(1);
  }
  if (values['dry-run']) return;
  const db = openDatabase(databasePath());
  try {
    const day = today();
    const settings = getSettingsInForce(db, day);
    let outcome;
    try {
      outcome = applyImport(db, { userId: null, label: `command line: register:import ${path.basename(file)}` }, result.risks, {
        asAt,
        source: path.basename(file),
        removalRule: { comparator: settings.removalComparator, threshold: settings.removalThreshold },
        today: day,
      });
    } catch (error) {
      if (!(error instanceof ImportRowError)) throw error;
      console.error(error.message);
      process.exitCode = 1;
      return;
    }
    const line = `Applied: ${outcome.created.length} added, ${outcome.updated.length} updated, ${outcome.unchanged.length} unchanged`;
    if (values.json) console.error(line);
    else console.log(line);
  } finally {
    db.$client.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
