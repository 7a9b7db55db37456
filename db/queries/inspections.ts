/** Reads of inspections, findings and actions, each in a fixed number of queries. */
import { and, asc, desc, eq, inArray, isNull, lt, notInArray, or, type SQL } from 'drizzle-orm';
import { CLOSED_ACTION_STATUSES, isActionOverdue, s55DueOn, s55Warning, type ActionStatus } from '@/lib/domain/inspections';
import type { Db } from '../client';
import type { Tx } from '../transaction';
import { actionDueDates, actions, actionUpdates, findingNotes, findingRiskLinks, findings, inspectionJudgments, inspections, people, risks } from '../schema';

/** The inspection already imported with this force, title and year (one report's identity), if any. */
export function importedInspectionId(db: Db | Tx, report: { force: string; title: string; year: string }): number | null {
  return (
    db
      .select({ id: inspections.id })
      .from(inspections)
      .where(and(eq(inspections.force, report.force), eq(inspections.title, report.title), eq(inspections.year, report.year)))
      .get()?.id ?? null
  );
}

/** Every inspection, newest first, with its s.55 deadline and any warning. */
export function listInspections(db: Db, today: string) {
  const rows = db.select().from(inspections).orderBy(desc(inspections.publishedOn)).all();
  const counts = new Map<number, number>();
  if (rows.length) {
    for (const f of db
      .select({ inspectionId: findings.inspectionId })
      .from(findings)
      .where(
        inArray(
          findings.inspectionId,
          rows.map((r) => r.id),
        ),
      )
      .all()) {
      counts.set(f.inspectionId, (counts.get(f.inspectionId) ?? 0) + 1);
    }
  }
  return rows.map((r) => ({
    ...r,
    findingCount: counts.get(r.id) ?? 0,
    s55DueOn: s55DueOn(r.publishedOn),
    s55Warning: s55Warning(r.publishedOn, r.s55Status, today),
  }));
}

/** One inspection with its judgments and findings (each with its linked risks). */
export function getInspection(db: Db, id: number, today: string) {
  const inspection = db.select().from(inspections).where(eq(inspections.id, id)).get();
  if (!inspection) return null;
  const judgments = db.select().from(inspectionJudgments).where(eq(inspectionJudgments.inspectionId, id)).orderBy(asc(inspectionJudgments.position)).all();
  const list = db
    .select({ finding: findings, owner: people.name })
    .from(findings)
    .leftJoin(people, eq(people.id, findings.opccOwnerId))
    .where(eq(findings.inspectionId, id))
    .orderBy(asc(findings.id))
    .all();
  const links = linkedRisks(
    db,
    list.map((f) => f.finding.id),
  );
  return {
    ...inspection,
    s55DueOn: s55DueOn(inspection.publishedOn),
    s55Warning: s55Warning(inspection.publishedOn, inspection.s55Status, today),
    judgments,
    findings: list.map(({ finding, owner }) => ({ ...finding, owner, risks: links.get(finding.id) ?? [] })),
  };
}

function linkedRisks(db: Db, findingIds: number[]): Map<number, string[]> {
  const map = new Map<number, string[]>();
  if (!findingIds.length) return map;
  for (const row of db
    .select({ findingId: findingRiskLinks.findingId, ref: risks.ref })
    .from(findingRiskLinks)
    .innerJoin(risks, eq(risks.id, findingRiskLinks.riskId))
    .where(and(inArray(findingRiskLinks.findingId, findingIds), isNull(findingRiskLinks.unlinkedAt)))
    .all()) {
    map.set(row.findingId, [...(map.get(row.findingId) ?? []), row.ref]);
  }
  return map;
}

/** One finding with its report, notes, linked risks (and link history), predecessor and actions. */
export function getFinding(db: Db, id: number, today: string) {
  const row = db
    .select({ finding: findings, inspection: inspections, owner: people.name })
    .from(findings)
    .innerJoin(inspections, eq(inspections.id, findings.inspectionId))
    .leftJoin(people, eq(people.id, findings.opccOwnerId))
    .where(eq(findings.id, id))
    .get();
  if (!row) return null;
  const notes = db.select().from(findingNotes).where(eq(findingNotes.findingId, id)).orderBy(desc(findingNotes.id)).all();
  const linkHistory = db
    .select({ ref: risks.ref, event: risks.event, linkedAt: findingRiskLinks.linkedAt, unlinkedAt: findingRiskLinks.unlinkedAt })
    .from(findingRiskLinks)
    .innerJoin(risks, eq(risks.id, findingRiskLinks.riskId))
    .where(eq(findingRiskLinks.findingId, id))
    .orderBy(asc(findingRiskLinks.id))
    .all();
  const predecessor = row.finding.predecessorId
    ? (db
        .select({ id: findings.id, reference: findings.reference, text: findings.text })
        .from(findings)
        .where(eq(findings.id, row.finding.predecessorId))
        .get() ?? null)
    : null;
  const successors = db.select({ id: findings.id, reference: findings.reference }).from(findings).where(eq(findings.predecessorId, id)).all();
  const grade =
    db
      .select({ grade: inspectionJudgments.grade })
      .from(inspectionJudgments)
      .where(and(eq(inspectionJudgments.inspectionId, row.inspection.id), eq(inspectionJudgments.component, row.finding.component ?? '')))
      .get()?.grade ?? null;
  return {
    ...row.finding,
    owner: row.owner,
    inspection: row.inspection,
    grade,
    notes,
    risks: linkHistory.filter((l) => !l.unlinkedAt),
    linkHistory,
    predecessor,
    successors,
    actions: listActions(db, today, { findingId: id }),
  };
}

/** Every finding, for pickers (predecessor). */
export function listFindingChoices(db: Db) {
  return db.select({ id: findings.id, reference: findings.reference, text: findings.text }).from(findings).orderBy(asc(findings.reference)).all();
}

export type ActionFilters = {
  ownerId?: number;
  status?: ActionStatus;
  sourceType?: 'finding' | 'risk' | 'minute' | 'other';
  overdue?: boolean;
  findingId?: number;
  riskId?: number;
  /** Open actions of a risk, its own or through its linked findings (filtered in SQL, not after loading every action). */
  openFor?: { riskId: number; findingIds: number[] };
};

/** Actions with owner and derived overdue flag, filtered; soonest due first. */
export function listActions(db: Db, today: string, filters: ActionFilters = {}) {
  const { ownerId, status, sourceType, findingId, riskId, openFor } = filters;
  const where: SQL[] = [];
  if (ownerId) where.push(eq(actions.ownerId, ownerId));
  if (status) where.push(eq(actions.status, status));
  if (sourceType) where.push(eq(actions.sourceType, sourceType));
  if (findingId) where.push(eq(actions.findingId, findingId));
  if (riskId) where.push(eq(actions.riskId, riskId));
  if (openFor) {
    where.push(notInArray(actions.status, [...CLOSED_ACTION_STATUSES]));
    const ownRisk = eq(actions.riskId, openFor.riskId);
    where.push(openFor.findingIds.length ? or(ownRisk, inArray(actions.findingId, openFor.findingIds))! : ownRisk);
  }
  const rows = db
    .select({ action: actions, owner: people.name, findingRef: findings.reference, riskRef: risks.ref })
    .from(actions)
    .innerJoin(people, eq(people.id, actions.ownerId))
    .leftJoin(findings, eq(findings.id, actions.findingId))
    .leftJoin(risks, eq(risks.id, actions.riskId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(actions.dueOn), asc(actions.id))
    .all()
    .map(({ action, owner, findingRef, riskRef }) => ({ ...action, owner, findingRef, riskRef, overdue: isActionOverdue(action, today) }));
  return filters.overdue ? rows.filter((r) => r.overdue) : rows;
}

/** One action with its updates and every due date it has had. */
export function getAction(db: Db, id: number, today: string) {
  const [action] = listActions(db, today).filter((a) => a.id === id);
  if (!action) return null;
  const updates = db.select().from(actionUpdates).where(eq(actionUpdates.actionId, id)).orderBy(desc(actionUpdates.id)).all();
  const dueDates = db.select().from(actionDueDates).where(eq(actionDueDates.actionId, id)).orderBy(asc(actionDueDates.id)).all();
  return { ...action, updates, dueDates };
}

/** For a risk's page and the register: linked findings and open actions (own or via linked findings). */
export function getRiskInspectionLinks(db: Db, riskId: number, today: string) {
  const linked = db
    .select({
      id: findings.id,
      reference: findings.reference,
      component: findings.component,
      status: findings.status,
      text: findings.text,
      inspectionId: inspections.id,
      title: inspections.title,
    })
    .from(findingRiskLinks)
    .innerJoin(findings, eq(findings.id, findingRiskLinks.findingId))
    .innerJoin(inspections, eq(inspections.id, findings.inspectionId))
    .where(and(eq(findingRiskLinks.riskId, riskId), isNull(findingRiskLinks.unlinkedAt)))
    .all();
  const grades = new Map(
    linked.length
      ? db
          .select({ inspectionId: inspectionJudgments.inspectionId, component: inspectionJudgments.component, grade: inspectionJudgments.grade })
          .from(inspectionJudgments)
          .where(inArray(inspectionJudgments.inspectionId, [...new Set(linked.map((l) => l.inspectionId))]))
          .all()
          .map((j) => [`${j.inspectionId}|${j.component}`, j.grade])
      : [],
  );
  const findingIds = new Set(linked.map((l) => l.id));
  const open = listActions(db, today, { openFor: { riskId, findingIds: [...findingIds] } });
  return { findings: linked.map((l) => ({ ...l, grade: grades.get(`${l.inspectionId}|${l.component}`) ?? null })), actions: open };
}

/**
 * Risk ids with an overdue action of their own or through a linked finding, for the register: the overdue
 * rule of isActionOverdue (open, due before today) read in SQL, so only those actions are read.
 */
export function risksWithOverdueActions(db: Db, today: string): Set<number> {
  const overdue = db
    .select({ riskId: actions.riskId, findingId: actions.findingId })
    .from(actions)
    .where(and(notInArray(actions.status, [...CLOSED_ACTION_STATUSES]), lt(actions.dueOn, today)))
    .all();
  const ids = new Set<number>(overdue.flatMap((a) => (a.riskId === null ? [] : [a.riskId])));
  const viaFindings = overdue.flatMap((a) => (a.findingId === null ? [] : [a.findingId]));
  if (viaFindings.length) {
    for (const l of db
      .select({ riskId: findingRiskLinks.riskId })
      .from(findingRiskLinks)
      .where(and(inArray(findingRiskLinks.findingId, viaFindings), isNull(findingRiskLinks.unlinkedAt)))
      .all())
      ids.add(l.riskId);
  }
  return ids;
}
