/** Writes for inspections, findings, links and actions: one transaction each, with its audit row. */
import { and, eq, isNull } from 'drizzle-orm';
import type { ParsedReport } from '@/lib/domain/inspection-report';
import { findingDeadline, findingReference, s55DateProblem, type ActionStatus, type FindingStatus, type S55Status } from '@/lib/domain/inspections';
import type { Db } from '../client';
import { importedInspectionId } from '../queries/inspections';
import { DuplicateInspectionError, S55DateError, StaleVersionError } from '../errors';
import { writeTransaction } from '../transaction';
import { actionDueDates, actions, actionUpdates, findingNotes, findingRiskLinks, findings, inspectionJudgments, inspections, risks } from '../schema';
import { writeAudit, type Actor } from './audit';

/** Saves a confirmed report with its judgments and findings; refuses one already imported. */
export function saveInspection(db: Db, actor: Actor, input: { report: ParsedReport; publishedOn: string; sourceName: string | null }): number {
  const { report } = input;
  return writeTransaction(db, (tx) => {
    const existing = importedInspectionId(tx, report);
    if (existing !== null) throw new DuplicateInspectionError(existing);
    const inspection = tx
      .insert(inspections)
      .values({
        force: report.force,
        title: report.title,
        inspectorate: report.inspectorate,
        type: report.type,
        year: report.year,
        publishedOn: input.publishedOn,
        sourceName: input.sourceName,
      })
      .returning({ id: inspections.id })
      .get();
    report.judgments.forEach((j, i) =>
      tx
        .insert(inspectionJudgments)
        .values({ inspectionId: inspection.id, position: i + 1, pillar: j.pillar, component: j.component, grade: j.grade, lastInspected: j.lastInspected })
        .run(),
    );
    // Number on from any earlier report on the same force and year, so references stay unique.
    const counters: Record<string, number> = {};
    const taken = new Set(
      tx
        .select({ reference: findings.reference })
        .from(findings)
        .all()
        .map((r) => r.reference),
    );
    const causeIds = new Map<number, number>();
    for (const f of report.findings) {
      do counters[f.kind] = (counters[f.kind] ?? 0) + 1;
      while (taken.has(findingReference(report.force, report.year, f.kind, counters[f.kind]!)));
      const row = tx
        .insert(findings)
        .values({
          inspectionId: inspection.id,
          kind: f.kind,
          reference: findingReference(report.force, report.year, f.kind, counters[f.kind]!),
          component: f.component,
          text: f.text,
          subItems: f.subItems,
          line: f.line,
          withinMonths: f.withinMonths,
          deadline: findingDeadline(input.publishedOn, f.withinMonths),
          causeId: f.causeLine !== undefined ? (causeIds.get(f.causeLine) ?? null) : null,
        })
        .returning({ id: findings.id })
        .get();
      if (f.kind === 'cause-of-concern') causeIds.set(f.line, row.id);
    }
    writeAudit(tx, actor, {
      action: 'inspection.import',
      entityType: 'inspection',
      entityId: inspection.id,
      summary: `Imported ${report.title} (${report.findings.length} findings, ${report.judgments.length} judgments) from ${input.sourceName ?? 'pasted text'}`,
    });
    return inspection.id;
  });
}

/** Records the s.55 response's progress. */
export function updateS55(
  db: Db,
  actor: Actor,
  id: number,
  expectedVersion: number,
  change: { status: S55Status; publishedOn: string | null; link: string | null },
): 'updated' | 'unchanged' {
  return writeTransaction(db, (tx) => {
    const current = tx.select().from(inspections).where(eq(inspections.id, id)).get();
    if (!current || current.version !== expectedVersion) throw new StaleVersionError();
    const dateProblem = s55DateProblem(current.publishedOn, change.publishedOn);
    if (dateProblem) throw new S55DateError(dateProblem);
    // Saving the form as it was loaded records nothing: no new version and no audit entry.
    if (current.s55Status === change.status && current.s55PublishedOn === change.publishedOn && current.s55Link === change.link) return 'unchanged';
    const result = tx
      .update(inspections)
      .set({ s55Status: change.status, s55PublishedOn: change.publishedOn, s55Link: change.link, version: expectedVersion + 1 })
      .where(and(eq(inspections.id, id), eq(inspections.version, expectedVersion)))
      .run();
    if (result.changes !== 1) throw new StaleVersionError();
    writeAudit(tx, actor, {
      action: 'inspection.s55',
      entityType: 'inspection',
      entityId: id,
      summary: `s.55 response: ${change.status}${change.publishedOn ? ` on ${change.publishedOn}` : ''}`,
    });
    return 'updated';
  });
}

/** Changes a finding's status, owners and predecessor. */
export function updateFinding(
  db: Db,
  actor: Actor,
  id: number,
  expectedVersion: number,
  change: { status: FindingStatus; opccOwnerId: number | null; forceLead: string | null; predecessorId: number | null },
): void {
  writeTransaction(db, (tx) => {
    const before = tx.select().from(findings).where(eq(findings.id, id)).get();
    if (!before) throw new Error('No such finding');
    const result = tx
      .update(findings)
      .set({ ...change, version: expectedVersion + 1 })
      .where(and(eq(findings.id, id), eq(findings.version, expectedVersion)))
      .run();
    if (result.changes !== 1) throw new StaleVersionError();
    writeAudit(tx, actor, {
      action: 'finding.update',
      entityType: 'finding',
      entityId: before.reference,
      summary: `${before.reference}: status ${before.status} → ${change.status}`,
      detail: {
        before: { status: before.status, opccOwnerId: before.opccOwnerId, forceLead: before.forceLead, predecessorId: before.predecessorId },
        after: change,
      },
    });
  });
}

/** Appends a dated, attributed progress note to a finding. */
export function addFindingNote(db: Db, actor: Actor, findingId: number, note: string): void {
  writeTransaction(db, (tx) => {
    const finding = tx.select({ reference: findings.reference }).from(findings).where(eq(findings.id, findingId)).get();
    if (!finding) throw new Error('No such finding');
    tx.insert(findingNotes).values({ findingId, note, authorUserId: actor.userId, authorName: actor.label }).run();
    writeAudit(tx, actor, { action: 'finding.note', entityType: 'finding', entityId: finding.reference, summary: `Progress note on ${finding.reference}` });
  });
}

/** Links a finding to a risk it bears on (no-op if already linked). */
export function linkFindingToRisk(db: Db, actor: Actor, findingId: number, riskRef: string): boolean {
  return writeTransaction(db, (tx) => {
    const finding = tx.select({ reference: findings.reference }).from(findings).where(eq(findings.id, findingId)).get();
    const risk = tx.select({ id: risks.id }).from(risks).where(eq(risks.ref, riskRef)).get();
    if (!finding || !risk) throw new Error('No such finding or risk');
    const open = tx
      .select({ id: findingRiskLinks.id })
      .from(findingRiskLinks)
      .where(and(eq(findingRiskLinks.findingId, findingId), eq(findingRiskLinks.riskId, risk.id), isNull(findingRiskLinks.unlinkedAt)))
      .get();
    if (open) return false;
    tx.insert(findingRiskLinks).values({ findingId, riskId: risk.id, linkedByUserId: actor.userId }).run();
    writeAudit(tx, actor, {
      action: 'finding.link',
      entityType: 'finding',
      entityId: finding.reference,
      summary: `Linked ${finding.reference} to risk ${riskRef}`,
    });
    return true;
  });
}

/** Unlinks a finding from a risk; the link's history stays. */
export function unlinkFindingFromRisk(db: Db, actor: Actor, findingId: number, riskRef: string): boolean {
  return writeTransaction(db, (tx) => {
    const finding = tx.select({ reference: findings.reference }).from(findings).where(eq(findings.id, findingId)).get();
    const risk = tx.select({ id: risks.id }).from(risks).where(eq(risks.ref, riskRef)).get();
    if (!finding || !risk) throw new Error('No such finding or risk');
    const result = tx
      .update(findingRiskLinks)
      .set({ unlinkedAt: new Date().toISOString(), unlinkedByUserId: actor.userId })
      .where(and(eq(findingRiskLinks.findingId, findingId), eq(findingRiskLinks.riskId, risk.id), isNull(findingRiskLinks.unlinkedAt)))
      .run();
    if (result.changes === 0) return false;
    writeAudit(tx, actor, {
      action: 'finding.unlink',
      entityType: 'finding',
      entityId: finding.reference,
      summary: `Unlinked ${finding.reference} from risk ${riskRef}`,
    });
    return true;
  });
}

export type NewAction = {
  title: string;
  sourceType: 'finding' | 'risk' | 'minute' | 'other';
  sourceRef: string | null;
  findingId: number | null;
  riskId: number | null;
  ownerId: number;
  dueOn: string;
};

/** Adds an action with its first due date. */
export function createAction(db: Db, actor: Actor, input: NewAction): number {
  return writeTransaction(db, (tx) => {
    const row = tx.insert(actions).values(input).returning({ id: actions.id }).get();
    tx.insert(actionDueDates).values({ actionId: row.id, dueOn: input.dueOn, reason: null, setByUserId: actor.userId, setByName: actor.label }).run();
    writeAudit(tx, actor, { action: 'action.create', entityType: 'action', entityId: row.id, summary: `Action ${row.id} “${input.title}” due ${input.dueOn}` });
    return row.id;
  });
}

/** Appends a progress update, optionally changing the status. */
export function addActionUpdate(
  db: Db,
  actor: Actor,
  id: number,
  expectedVersion: number,
  update: { note: string; status: ActionStatus; today: string },
): void {
  writeTransaction(db, (tx) => {
    const before = tx.select().from(actions).where(eq(actions.id, id)).get();
    if (!before) throw new Error('No such action');
    const result = tx
      .update(actions)
      .set({ status: update.status, completedOn: update.status === 'completed' ? (before.completedOn ?? update.today) : null, version: expectedVersion + 1 })
      .where(and(eq(actions.id, id), eq(actions.version, expectedVersion)))
      .run();
    if (result.changes !== 1) throw new StaleVersionError();
    tx.insert(actionUpdates).values({ actionId: id, note: update.note, statusAfter: update.status, authorUserId: actor.userId, authorName: actor.label }).run();
    writeAudit(tx, actor, {
      action: 'action.update',
      entityType: 'action',
      entityId: id,
      summary: `Action ${id}: ${before.status} → ${update.status}: ${update.note}`,
    });
  });
}

/** Revises an action's due date; a reason is required and every earlier date is kept. */
export function reviseActionDue(db: Db, actor: Actor, id: number, expectedVersion: number, change: { dueOn: string; reason: string }): void {
  writeTransaction(db, (tx) => {
    const before = tx.select().from(actions).where(eq(actions.id, id)).get();
    if (!before) throw new Error('No such action');
    const result = tx
      .update(actions)
      .set({ dueOn: change.dueOn, version: expectedVersion + 1 })
      .where(and(eq(actions.id, id), eq(actions.version, expectedVersion)))
      .run();
    if (result.changes !== 1) throw new StaleVersionError();
    tx.insert(actionDueDates).values({ actionId: id, dueOn: change.dueOn, reason: change.reason, setByUserId: actor.userId, setByName: actor.label }).run();
    writeAudit(tx, actor, {
      action: 'action.revise-due',
      entityType: 'action',
      entityId: id,
      summary: `Action ${id} due ${before.dueOn} → ${change.dueOn}: ${change.reason}`,
    });
  });
}
