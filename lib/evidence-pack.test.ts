import { createHash } from 'node:crypto';
import { parse as parseCsv } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { openDemoTestDatabase } from '@/db/test-database';
import { publishCoveringReport, startCoveringReport } from '@/db/mutations/covering-reports';
import { freezeSnapshot } from '@/db/mutations/snapshots';
import { evidencePackStream } from './evidence-pack';

const actor = { userId: null, label: 'unit test' };
let db: Db;
let close: () => void;

beforeEach(() => {
  ({ db, close } = openDemoTestDatabase('evidence-pack-'));
});

afterEach(() => close());

async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const sha = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

it('one ZIP: review history, the register as at a day, the audit log, the covering report PDF, and a manifest of SHA-256s', async () => {
  const snapshotId = freezeSnapshot(db, actor, { forum: 'panel', meetingOn: '2018-06-14', asAt: '2018-05-08' });
  startCoveringReport(db, actor, snapshotId);
  publishCoveringReport(db, actor, snapshotId, 1);
  const today = new Date().toISOString().slice(0, 10);
  const counts = () =>
    db.$client.prepare('SELECT (SELECT count(*) FROM audit_log) AS audit, (SELECT count(*) FROM reviews) AS reviews').get() as {
      audit: number;
      reviews: number;
    };
  const before = counts();

  const zip = await collect(evidencePackStream(db, { asAt: '2018-05-04', from: '2000-01-01', to: today }, { name: 'An auditor', role: 'auditor' }));
  const files = unzipSync(zip);
  // No published report as at 4 May (the snapshot is as at 8 May): the pack says so rather than guessing.
  expect(Object.keys(files)).toEqual([
    'review-history.csv',
    'register-as-at-2018-05-04.csv',
    `audit-log-2000-01-01-to-${today}.csv`,
    'manifest.json',
    'SHA256SUMS',
  ]);
  const manifest = JSON.parse(strFromU8(files['manifest.json']!));
  expect(manifest.notes).toEqual(['No covering report had been published for a snapshot as at 2018-05-04 or earlier.']);
  expect(manifest.auditChain).toMatchObject({ verified: true });

  const withReport = unzipSync(
    await collect(evidencePackStream(db, { asAt: '2018-06-30', from: '2000-01-01', to: today }, { name: 'An auditor', role: 'auditor' })),
  );
  expect(Object.keys(withReport)).toContain('covering-report-2018-06-14.pdf');
  expect(strFromU8(withReport['covering-report-2018-06-14.pdf']!.subarray(0, 5))).toBe('%PDF-');
  const m = JSON.parse(strFromU8(withReport['manifest.json']!)) as {
    files: Array<{ name: string; bytes: number; sha256: string }>;
    parameters: unknown;
    generatedBy: string;
  };
  expect(m).toMatchObject({ parameters: { asAt: '2018-06-30' }, generatedBy: 'An auditor' });
  for (const f of m.files) {
    expect(withReport[f.name], f.name).toBeDefined();
    expect(sha(withReport[f.name]!), f.name).toBe(f.sha256);
    expect(withReport[f.name]!.length).toBe(f.bytes);
  }
  const sums = strFromU8(withReport.SHA256SUMS!).trim().split('\n');
  expect(sums).toHaveLength(m.files.length + 1);
  for (const line of sums) {
    const [hash, name] = line.split('  ');
    expect(sha(withReport[name!]!)).toBe(hash);
  }

  const reviews = parseCsv(strFromU8(withReport['review-history.csv']!), { columns: true }) as Array<Record<string, string>>;
  expect(reviews).toHaveLength(before.reviews);
  const register = parseCsv(strFromU8(withReport['register-as-at-2018-06-30.csv']!), { columns: true }) as Array<Record<string, string>>;
  expect(register.map((r) => r.ref)).toHaveLength(16);
  const audit = parseCsv(strFromU8(withReport[`audit-log-2000-01-01-to-${today}.csv`]!), { columns: true }) as Array<Record<string, string>>;
  expect(audit).toHaveLength(before.audit);
  expect(audit.at(-1)).toMatchObject({ action: 'report.publish' });
  expect(audit.every((a, i) => i === 0 || a.prevHash === audit[i - 1]!.hash)).toBe(true);

  // Building a pack changes nothing.
  expect(counts()).toEqual(before);
});
