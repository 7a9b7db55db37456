import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const ROOT = path.join(__dirname, '..');
const run = (...args: string[]) =>
  execFileSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join(ROOT, 'scripts', 'minutes-parse.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });

/** The shape `npm run --silent minutes:parse -- FILE --json` prints. */
const outputSchema = z.strictObject({
  meetings: z.array(z.iso.date()),
  futureMeetings: z.array(z.iso.date()),
  commitments: z.array(
    z.strictObject({
      meetingOn: z.iso.date().nullable(),
      minute: z.string(),
      minuteTitle: z.string(),
      quote: z.string().min(1),
      by: z.string().min(1),
      what: z.string().min(1),
      due: z.strictObject({ text: z.string().nullable(), meetingOn: z.iso.date().nullable(), day: z.iso.date().nullable() }),
    }),
  ),
});

describe('minutes:parse', () => {
  const file = path.join(ROOT, 'lib', 'domain', 'fixtures', 'minutes-2018-03-22-and-05-09.txt');

  it('with --json prints one entry per proposal, each with its quoted sentence', () => {
    const output = outputSchema.parse(JSON.parse(run(file, '--json')));
    expect(output.commitments).toHaveLength(9);
    expect(output.commitments[2]!.quote).toContain('stress related absences was put on the forward work plan for the September 2018 meeting');
  }, 30_000);

  it('prints each proposal for a person, and a count', () => {
    const out = run(file);
    expect(out).toContain('22 March 2018, minute 24: The Commissioner; due at the meeting of 14 June 2018');
    expect(out).toContain('9 commitments proposed from 2 meetings');
  }, 30_000);
});
