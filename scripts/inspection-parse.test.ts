import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const ROOT = path.join(__dirname, '..');

/** The shape the issue states for `npm run --silent inspection:parse -- FILE`. */
const outputSchema = z.strictObject({
  force: z.string(),
  title: z.string(),
  inspectorate: z.string(),
  year: z.string(),
  type: z.string(),
  published: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .nullable(),
  judgments: z.array(z.strictObject({ pillar: z.string().nullable(), component: z.string(), grade: z.string(), lastInspected: z.string().nullable() })),
  findings: z.array(
    z.strictObject({
      kind: z.enum(['area-for-improvement', 'cause-of-concern', 'recommendation']),
      component: z.string().nullable(),
      text: z.string(),
      subItems: z.array(z.string()),
      withinMonths: z.number().nullable(),
      line: z.number().int().positive(),
    }),
  ),
});

describe('inspection:parse prints valid JSON of the stated shape', () => {
  it.each([
    ['peel-2018-19-wiltshire.txt', 8],
    ['peel-2016-wiltshire.txt', 6],
  ])(
    '%s',
    (file, count) => {
      const stdout = execFileSync(
        path.join(ROOT, 'node_modules', '.bin', 'tsx'),
        ['scripts/inspection-parse.ts', path.join('lib', 'domain', 'fixtures', file)],
        { cwd: ROOT, encoding: 'utf8' },
      );
      const parsed = outputSchema.parse(JSON.parse(stdout));
      expect(parsed.force).toBe('Wiltshire Police');
      expect(parsed.findings).toHaveLength(count);
    },
    30_000,
  );

  it('exits non-zero with a message for a file that is not a report', () => {
    expect(() =>
      execFileSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/inspection-parse.ts', 'README.md'], {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: 'pipe',
      }),
    ).toThrow(/does not look like an HMICFRS inspection report/);
  }, 30_000);
});
