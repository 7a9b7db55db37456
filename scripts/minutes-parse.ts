/**
 * Reads a meeting's minutes and prints the commitments it would propose; saves nothing.
 *   npm run --silent minutes:parse -- FILE           (FILE: .pdf, .txt or .md) one line per proposal
 *   npm run --silent minutes:parse -- FILE --json    { meetings, futureMeetings, commitments: [...] }
 * Each proposal quotes the sentence it came from, with its minute, who gives it and when it is due.
 */
import { parseMinutes } from '../lib/domain/minutes';
import { extractPdfText } from '../lib/report-file';
import { formatDay } from '../lib/domain/dates';
import { readFileOrExit } from './read-file';

async function main() {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) {
    console.error('Usage: npm run --silent minutes:parse -- FILE [--json]');
    process.exit(2);
  }
  const content = readFileOrExit(file);
  const isPdf = content.subarray(0, 5).toString('latin1') === '%PDF-';
  if (!isPdf && content.includes(0)) {
    console.error(`${file} is not text or a PDF: save the minutes as .pdf, .txt or .md`);
    process.exit(1);
  }
  const text = isPdf ? await extractPdfText(new Uint8Array(content)) : content.toString('utf8');
  const parsed = parseMinutes(text);
  if (args.includes('--json')) {
    console.log(JSON.stringify(parsed, null, 2));
    return;
  }
  if (!parsed.meetings.length) {
    console.error('No minutes were found: the text names no meeting ("Minutes of the … meeting held on …")');
    process.exit(1);
  }
  for (const c of parsed.commitments) {
    const due = c.due.meetingOn
      ? `due at the meeting of ${formatDay(c.due.meetingOn)}`
      : c.due.day
        ? `due by ${formatDay(c.due.day)}`
        : (c.due.text ?? 'no due date given');
    console.log(`${formatDay(c.meetingOn)}, minute ${c.minute}: ${c.by}; ${due}\n  “${c.quote}”`);
  }
  console.log(
    `${parsed.commitments.length} ${parsed.commitments.length === 1 ? 'commitment' : 'commitments'} proposed from ${parsed.meetings.length === 1 ? 'one meeting' : `${parsed.meetings.length} meetings`}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
