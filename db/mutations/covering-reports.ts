/** Drafting, editing and publishing a snapshot's covering report; each change audited in its transaction. */
import { desc, eq } from 'drizzle-orm';
import { buildCoveringReport, draftNarrative, type Narrative } from '@/lib/domain/covering-report';
import type { Db } from '../client';
import { CoveringReportError } from '../errors';
import { writeTransaction } from '../transaction';
import { reportInputForSnapshot } from '../queries/covering-reports';
import { chainHead, formatCheckpoint } from '../queries/audit';
import { coveringReports } from '../schema';
import { writeAudit, type Actor } from './audit';
import { sha256 } from '@/lib/sha256';

/** Starts the draft for a snapshot from its data; returns the existing report's id when there is one. */
export function startCoveringReport(db: Db, actor: Actor, snapshotId: number): number {
  return writeTransaction(db, (tx) => {
    const existing = tx.select({ id: coveringReports.id }).from(coveringReports).where(eq(coveringReports.snapshotId, snapshotId)).get();
    if (existing) return existing.id;
    const input = reportInputForSnapshot(tx as unknown as Db, snapshotId);
    if (!input) throw new CoveringReportError('That snapshot does not exist.');
    // The standing wording (Plan period, monthly reviewers, register manager) comes from the office's latest report.
    const last = tx.select({ narrative: coveringReports.narrative }).from(coveringReports).orderBy(desc(coveringReports.id)).limit(1).get();
    const narrative = draftNarrative(input, last ? (JSON.parse(last.narrative) as Partial<Narrative>) : null);
    const row = tx
      .insert(coveringReports)
      .values({ snapshotId, narrative: JSON.stringify(narrative), createdByUserId: actor.userId, createdByName: actor.label, updatedByName: actor.label })
      .returning({ id: coveringReports.id })
      .get();
    writeAudit(tx, actor, {
      action: 'report.draft',
      entityType: 'covering_report',
      entityId: row.id,
      summary: `Drafted the covering report for snapshot ${snapshotId} (as at ${input.asAt})`,
      detail: { snapshotId },
    });
    return row.id;
  });
}

/** Saves an edited narrative; refused when someone else saved first (the version moved) or it is published. */
export function saveNarrative(
  db: Db,
  actor: Actor,
  snapshotId: number,
  expectedVersion: number,
  narrative: Narrative,
): { ok: true; version: number } | { ok: false; message: string } {
  return writeTransaction(db, (tx) => {
    const row = tx.select().from(coveringReports).where(eq(coveringReports.snapshotId, snapshotId)).get();
    if (!row) return { ok: false as const, message: 'There is no draft covering report for this snapshot yet.' };
    if (row.status === 'published') return { ok: false as const, message: 'This covering report has been published and can no longer be changed.' };
    if (row.version !== expectedVersion)
      return {
        ok: false as const,
        message: `${row.updatedByName} saved this draft after you opened it. Your text is kept below: check it against theirs and save again.`,
      };
    const before = JSON.parse(row.narrative) as Narrative;
    const changed = (Object.keys(narrative) as Array<keyof Narrative>).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(narrative[k]));
    tx.update(coveringReports)
      .set({ narrative: JSON.stringify(narrative), version: row.version + 1, updatedByName: actor.label, updatedAt: new Date().toISOString() })
      .where(eq(coveringReports.id, row.id))
      .run();
    writeAudit(tx, actor, {
      action: 'report.edit',
      entityType: 'covering_report',
      entityId: row.id,
      summary: `Edited the covering report for snapshot ${snapshotId}: ${changed.length ? changed.join(', ') : 'no change'}`,
      detail: { changed: Object.fromEntries(changed.map((k) => [k, { from: before[k], to: narrative[k] }])) },
    });
    return { ok: true as const, version: row.version + 1 };
  });
}

/** Publishes the draft: the rendered report is frozen with its SHA-256 and never changes again. */
export function publishCoveringReport(
  db: Db,
  actor: Actor,
  snapshotId: number,
  expectedVersion: number,
): { ok: true; sha256: string } | { ok: false; message: string } {
  return writeTransaction(db, (tx) => {
    const row = tx.select().from(coveringReports).where(eq(coveringReports.snapshotId, snapshotId)).get();
    if (!row) return { ok: false as const, message: 'There is no draft covering report for this snapshot yet.' };
    if (row.status === 'published') return { ok: false as const, message: 'This covering report is already published.' };
    if (row.version !== expectedVersion)
      return { ok: false as const, message: `${row.updatedByName} changed this draft after you opened it. Read it again before publishing.` };
    const input = reportInputForSnapshot(tx as unknown as Db, snapshotId);
    if (!input) return { ok: false as const, message: 'That snapshot does not exist.' };
    const head = chainHead(tx as unknown as Db);
    const report = buildCoveringReport(input, JSON.parse(row.narrative) as Narrative);
    const content = JSON.stringify(head ? { ...report, auditCheckpoint: formatCheckpoint(head) } : report);
    const hash = sha256(content);
    const at = new Date().toISOString();
    tx.update(coveringReports)
      .set({
        status: 'published',
        content,
        sha256: hash,
        publishedAt: at,
        publishedByUserId: actor.userId,
        publishedByName: actor.label,
        updatedAt: at,
        updatedByName: actor.label,
        version: row.version + 1,
      })
      .where(eq(coveringReports.id, row.id))
      .run();
    writeAudit(tx, actor, {
      action: 'report.publish',
      entityType: 'covering_report',
      entityId: row.id,
      summary: `Published the covering report for snapshot ${snapshotId} (SHA-256 ${hash})`,
      detail: { snapshotId, sha256: hash },
    });
    return { ok: true as const, sha256: hash };
  });
}
