/**
 * The auditors' evidence pack: one ZIP with the review history, the register as at a day, the audit log
 * for a period, the covering report PDF in force on that day, and a manifest giving each file's SHA-256
 * (as manifest.json and as SHA256SUMS, which `sha256sum -c SHA256SUMS` checks after unzipping).
 *
 * The ZIP streams: each file is deflated as its rows come from a database cursor, and its hash is taken
 * on the way, so the manifest (the last entry) costs nothing extra and a large history is never held in
 * memory. Reading only: building a pack changes nothing in the database.
 */
import { createHash } from 'node:crypto';
import { Zip, ZipDeflate } from 'fflate';
import { desc, eq, lte, and } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { registerCsv, snapshotContent, type SnapshotContent } from '@/db/mutations/snapshots';
import { reviewExportCsv } from '@/db/queries/exports';
import { formatCheckpoint, verifyAuditLog } from '@/db/queries/audit';
import { coveringReports, registerSnapshots } from '@/db/schema';
import { coveringReportFile } from './covering-report-file';
import { csvRow } from './domain/csv';
import { officeDayEnd, officeDayStart } from './domain/dates';
import type { Role } from './auth/permissions';

export type EvidencePackParams = { asAt: string; from: string; to: string };

type PackFile = { name: string; description: string; chunks: () => Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array> };

const AUDIT_COLUMNS = ['id', 'at', 'actorUserId', 'actorLabel', 'action', 'entityType', 'entityId', 'summary', 'detail', 'prevHash', 'hash'] as const;

/** Rows per piece handed to the compressor. */
const BATCH = 500;

function* batched(lines: Iterable<string>): Generator<string> {
  let text = '';
  let n = 0;
  for (const line of lines) {
    text += line;
    if (++n === BATCH) {
      yield text;
      text = '';
      n = 0;
    }
  }
  if (text) yield text;
}

function* auditLogCsv(db: Db, from: string, to: string): Generator<string> {
  yield csvRow(AUDIT_COLUMNS);
  const statement = db.$client.prepare(
    `SELECT id, at, actor_user_id AS actorUserId, actor_label AS actorLabel, action, entity_type AS entityType, entity_id AS entityId,
       summary, detail, prev_hash AS prevHash, hash FROM audit_log WHERE at >= ? AND at < ? ORDER BY id`,
  );
  for (const row of statement.iterate(officeDayStart(from).toISOString(), officeDayEnd(to).toISOString()) as IterableIterator<
    Record<(typeof AUDIT_COLUMNS)[number], string | number | null>
  >) {
    yield csvRow(AUDIT_COLUMNS.map((c) => row[c]));
  }
}

/** The newest published covering report for a snapshot as at or before `asAt`. */
function reportInForce(db: Db, asAt: string) {
  return db
    .select({ snapshotId: coveringReports.snapshotId, asAt: registerSnapshots.asAt, meetingOn: registerSnapshots.meetingOn, forum: registerSnapshots.forum })
    .from(coveringReports)
    .innerJoin(registerSnapshots, eq(registerSnapshots.id, coveringReports.snapshotId))
    .where(and(eq(coveringReports.status, 'published'), lte(registerSnapshots.asAt, asAt)))
    .orderBy(desc(registerSnapshots.asAt), desc(registerSnapshots.meetingOn), desc(coveringReports.id))
    .limit(1)
    .get();
}

/** The files of a pack, in order; the manifest is added after them. */
export function evidencePackFiles(db: Db, params: EvidencePackParams, role: Role): { files: PackFile[]; notes: string[] } {
  const notes: string[] = [];
  const files: PackFile[] = [
    {
      name: 'review-history.csv',
      description: 'Every review of every risk, one row per review (RFC 4180, UTF-8, formula-safe)',
      chunks: () => reviewExportCsv(db),
    },
    {
      name: `register-as-at-${params.asAt}.csv`,
      description: `The register as it stood on ${params.asAt}, rebuilt from the history`,
      chunks: () => [registerCsv((JSON.parse(snapshotContent(db, params.asAt)) as SnapshotContent).risks)],
    },
    {
      name: `audit-log-${params.from}-to-${params.to}.csv`,
      description: `Every audit entry recorded from ${params.from} to ${params.to}, with the hash chain (prevHash, hash)`,
      chunks: () => batched(auditLogCsv(db, params.from, params.to)),
    },
  ];
  const report = reportInForce(db, params.asAt);
  if (report) {
    files.push({
      name: `covering-report-${report.meetingOn}.pdf`,
      description: `The published covering report for the ${report.forum} meeting on ${report.meetingOn} (register as at ${report.asAt})`,
      chunks: async function* () {
        const file = await coveringReportFile(db, report.snapshotId, 'pdf', { role });
        if (!file.ok) throw new Error(file.message);
        yield file.bytes;
      },
    });
  } else notes.push(`No covering report had been published for a snapshot as at ${params.asAt} or earlier.`);
  return { files, notes };
}

/** The pack as a stream of ZIP bytes. */
export function evidencePackStream(db: Db, params: EvidencePackParams, who: { name: string; role: Role }, now = new Date()): ReadableStream<Uint8Array> {
  const { files, notes } = evidencePackFiles(db, params, who.role);
  const queue: Uint8Array[] = [];
  let finished = false;
  const zip = new Zip((error, chunk, final) => {
    if (error) throw error;
    queue.push(chunk);
    if (final) finished = true;
  });
  const encoder = new TextEncoder();

  async function* work(): AsyncGenerator<void> {
    const manifest: Array<{ name: string; description: string; bytes: number; sha256: string }> = [];
    /** Deflates one file piece by piece, yielding after each so the response drains as it goes. */
    async function* add(name: string, description: string, chunks: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>): AsyncGenerator<void> {
      const entry = new ZipDeflate(name, { level: 6 });
      entry.mtime = now;
      zip.add(entry);
      const hash = createHash('sha256');
      let bytes = 0;
      for await (const piece of chunks) {
        const data = typeof piece === 'string' ? encoder.encode(piece) : piece;
        hash.update(data);
        bytes += data.length;
        entry.push(data, false);
        yield;
      }
      entry.push(new Uint8Array(0), true);
      manifest.push({ name, description, bytes, sha256: hash.digest('hex') });
      yield;
    }
    for (const file of files) yield* add(file.name, file.description, file.chunks());
    const chain = verifyAuditLog(db, { rows: true });
    const manifestJson = JSON.stringify(
      {
        generatedAt: now.toISOString(),
        generatedBy: who.name,
        parameters: params,
        // The head is a checkpoint: `npm run audit:verify -- --since` with it fails if entries are later removed.
        auditChain: chain.ok
          ? { verified: true, entries: chain.entries, recordedRows: chain.rows?.checked ?? 0, checkpoint: chain.head ? formatCheckpoint(chain.head) : null }
          : { verified: false, entries: chain.entries, firstBrokenEntry: chain.brokenId, reason: chain.reason },
        notes,
        files: manifest,
      },
      null,
      2,
    );
    yield* add('manifest.json', 'This manifest', [manifestJson]);
    const sums = manifest.map((f) => `${f.sha256}  ${f.name}\n`).join('');
    yield* add('SHA256SUMS', 'SHA-256 of every file, for sha256sum -c', [sums]);
    zip.end();
  }

  const steps = work();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      while (!queue.length && !finished) {
        const step = await steps.next();
        if (step.done) break;
      }
      while (queue.length) controller.enqueue(queue.shift()!);
      if (finished) controller.close();
    },
    async cancel() {
      await steps.return(undefined);
    },
  });
}
