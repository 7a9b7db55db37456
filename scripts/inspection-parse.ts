/**
 * Reads an inspection report and prints what was found as JSON; saves nothing.
 *   npm run --silent inspection:parse -- FILE        (FILE: .pdf, .txt or .md)
 */
import path from 'node:path';
import { readReport } from '../lib/report-file';
import { readFileOrExit } from './read-file';

async function main() {
  const file = process.argv.slice(2).find((a) => !a.startsWith('--'));
  if (!file) {
    console.error('Usage: npm run --silent inspection:parse -- FILE');
    process.exit(2);
  }
  const content = readFileOrExit(file);
  const result = await readReport({ name: path.basename(file), content: new Uint8Array(content) });
  if (!result.ok) {
    console.error(result.message);
    process.exit(1);
  }
  const { force, title, inspectorate, year, type, published, judgments, findings } = result.report;
  console.log(
    JSON.stringify(
      {
        force,
        title,
        inspectorate,
        year,
        type,
        published,
        judgments,
        findings: findings.map(({ kind, component, text, subItems, withinMonths, line }) => ({ kind, component, text, subItems, withinMonths, line })),
      },
      null,
      2,
    ),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
