/**
 * Reads of the register: the live register with each row's derived score, band, direction and review
 * status, and one risk with its lists and history. A fixed number of queries, never one per risk.
 */
import { and, asc, eq, gt, inArray, isNull, lte, or } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { compareRefs, isEligibleForRemoval, type Category } from '@/lib/domain/categories';
import { deriveHistory, type Direction } from '@/lib/domain/direction';
import { sortImpactAreas, type ImpactArea } from '@/lib/domain/impact-areas';
import { reviewDue, type ReviewDue } from '@/lib/domain/review-due';
import { bandOf, isAtOrAboveAppetite, type BandName } from '@/lib/domain/scoring';
import type { RegisterSettings } from '@/lib/domain/settings';
import type { Db } from '../client';
import { people, reviewProposals, reviews, riskConsequences, riskImpactAreas, riskMitigations, riskRevisions, risks, users, type Review } from '../schema';
import { getSettingsInForce } from './settings';

export type HistoryEntry = Review & {
  band: BandName;
  direction: Direction;
  previousScore: number | null;
  summary: string;
};

export type RegisterRow = {
  id: number;
  ref: string;
  category: Category;
  status: 'live' | 'archived';
  dateIdentified: string;
  event: string;
  impactAreas: ImpactArea[];
  owner: { id: number; name: string } | null;
  version: number;
  /** The whole review history, oldest first, each entry with its derived direction. */
  history: HistoryEntry[];
  latest: HistoryEntry;
  band: BandName;
  atOrAboveAppetite: boolean;
  removalEligible: boolean;
  lastReviewedOn: string | null;
  due: ReviewDue;
};

export type RegisterFilters = {
  category?: Category;
  band?: BandName;
  impactArea?: ImpactArea;
  reviewStatus?: 'overdue' | 'due-or-overdue';
};

/**
 * Keeps the reviews made on or before a day. An undated review (imported history) counts as made on the
 * date of the dated review before it; undated reviews before any dated one count as made before them all.
 */
export function reviewsAsAt<T extends { reviewedOn: string | null }>(reviewsInOrder: readonly T[], asAt: string): T[] {
  let effective: string | null = null;
  return reviewsInOrder.filter((review) => {
    effective = review.reviewedOn ?? effective;
    return effective === null || effective <= asAt;
  });
}

function historiesByRisk(db: Db, riskIds: number[], asAt?: string): Map<number, HistoryEntry[]> {
  const byRisk = new Map<number, Review[]>();
  if (riskIds.length === 0) return new Map();
  const rows = db
    .select()
    .from(reviews)
    .where(inArray(reviews.riskId, riskIds))
    .orderBy(asc(reviews.riskId), asc(reviews.sequence))
    .all();
  for (const row of rows) {
    const list = byRisk.get(row.riskId) ?? [];
    list.push(row);
    byRisk.set(row.riskId, list);
  }
  const result = new Map<number, HistoryEntry[]>();
  for (const [riskId, list] of byRisk) {
    const kept = asAt ? reviewsAsAt(list, asAt) : list;
    if (kept.length) result.set(riskId, deriveHistory(kept).map((entry) => ({ ...entry, band: bandOf(entry.score) })));
  }
  return result;
}

function lastDatedReview(history: readonly HistoryEntry[]): string | null {
  for (let i = history.length - 1; i >= 0; i--) {
    const day = history[i]!.reviewedOn;
    if (day) return day;
  }
  return null;
}

/** Builds register rows (current text and scores) for the given risks. */
/** A dated list item in force on a day: started on or before it and not closed by then (or, without a day, open now). */
function validOn(columns: { validFrom: AnySQLiteColumn; validTo: AnySQLiteColumn }, asAt?: string) {
  return asAt ? and(lte(columns.validFrom, asAt), or(isNull(columns.validTo), gt(columns.validTo, asAt))) : isNull(columns.validTo);
}

function buildRows(db: Db, riskRows: Array<typeof risks.$inferSelect>, settings: RegisterSettings, today: string, asAt?: string): RegisterRow[] {
  const ids = riskRows.map((r) => r.id);
  if (ids.length === 0) return [];
  const histories = historiesByRisk(db, ids, asAt);
  const areas = new Map<number, ImpactArea[]>();
  for (const row of db
    .select({ riskId: riskImpactAreas.riskId, area: riskImpactAreas.area })
    .from(riskImpactAreas)
    .where(and(inArray(riskImpactAreas.riskId, ids), validOn(riskImpactAreas, asAt)))
    .all()) {
    areas.set(row.riskId, [...(areas.get(row.riskId) ?? []), row.area]);
  }
  const ownerIds = [...new Set(riskRows.map((r) => r.ownerId).filter((id): id is number => id !== null))];
  const owners = new Map(
    ownerIds.length ? db.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, ownerIds)).all().map((p) => [p.id, p]) : [],
  );
  const rule = { comparator: settings.removalComparator, threshold: settings.removalThreshold };

  const rows: RegisterRow[] = [];
  for (const risk of riskRows) {
    const history = histories.get(risk.id);
    const latest = history?.at(-1);
    if (!history || !latest) continue;
    const lastReviewedOn = lastDatedReview(history);
    rows.push({
      id: risk.id,
      ref: risk.ref,
      category: risk.category,
      status: risk.status,
      dateIdentified: risk.dateIdentified,
      event: risk.event,
      impactAreas: sortImpactAreas(areas.get(risk.id) ?? []),
      owner: risk.ownerId !== null ? (owners.get(risk.ownerId) ?? null) : null,
      version: risk.version,
      history,
      latest,
      band: latest.band,
      atOrAboveAppetite: isAtOrAboveAppetite(latest.score, settings.appetite),
      removalEligible: isEligibleForRemoval(risk.category, latest.score, rule),
      lastReviewedOn,
      due: reviewDue(lastReviewedOn, today),
    });
  }
  return rows.sort((a, b) => compareRefs(a.ref, b.ref));
}

/** Applies the register's filters to built rows. */
export function filterRegister(rows: RegisterRow[], filters: RegisterFilters): RegisterRow[] {
  return rows.filter(
    (row) =>
      (!filters.category || row.category === filters.category) &&
      (!filters.band || row.band === filters.band) &&
      (!filters.impactArea || row.impactAreas.includes(filters.impactArea)) &&
      (!filters.reviewStatus ||
        (filters.reviewStatus === 'overdue' ? row.due.status === 'overdue' : row.due.status !== 'up-to-date')),
  );
}

/** Archived (removed) risks, newest removal first, with their last review. */
export function getArchivedRisks(db: Db, today: string) {
  const settings = getSettingsInForce(db, today);
  const archived = db.select().from(risks).where(eq(risks.status, 'archived')).all();
  return buildRows(db, archived, settings, today)
    .map((row) => ({ ...row, archivedOn: archived.find((r) => r.id === row.id)?.archivedOn ?? null, archivedReason: archived.find((r) => r.id === row.id)?.archivedReason ?? null }))
    .sort((a, b) => (b.archivedOn ?? '').localeCompare(a.archivedOn ?? ''));
}

/** Every ref ever issued (live or archived), for numbering a new risk. */
export function listIssuedRefs(db: Db): string[] {
  return db.select({ ref: risks.ref }).from(risks).all().map((r) => r.ref);
}

/**
 * Risks as they stood on a day: identified by then, with the event, owner and status of their latest
 * revision effective on or before it. Risks not yet identified are left out.
 */
function stateAsAt(db: Db, current: Array<typeof risks.$inferSelect>, asAt: string): Array<typeof risks.$inferSelect> {
  const known = current.filter((r) => r.dateIdentified <= asAt);
  if (!known.length) return [];
  const state = new Map<number, typeof riskRevisions.$inferSelect>();
  for (const rev of db
    .select()
    .from(riskRevisions)
    .where(and(inArray(riskRevisions.riskId, known.map((r) => r.id)), lte(riskRevisions.effectiveFrom, asAt)))
    .orderBy(asc(riskRevisions.effectiveFrom), asc(riskRevisions.version))
    .all()) {
    state.set(rev.riskId, rev);
  }
  return known.map((r) => {
    const rev = state.get(r.id);
    return rev ? { ...r, event: rev.event, ownerId: rev.ownerId, status: rev.status, version: rev.version } : r;
  });
}

/**
 * The register exactly as it stood on a day, rebuilt from the history (revisions, dated lists, reviews
 * and the settings in force then), never from a stored copy; review status is as of that day.
 */
export function getRegisterAsAt(db: Db, asAt: string, filters: RegisterFilters = {}) {
  const settings = getSettingsInForce(db, asAt);
  const live = stateAsAt(db, db.select().from(risks).all(), asAt).filter((r) => r.status === 'live');
  const all = buildRows(db, live, settings, asAt, asAt);
  return { settings, all, rows: filterRegister(all, filters) };
}

/** The live register on `today`, with the settings in force, filtered as asked. */
export function getLiveRegister(db: Db, today: string, filters: RegisterFilters = {}) {
  const settings = getSettingsInForce(db, today);
  const live = db.select().from(risks).where(eq(risks.status, 'live')).all();
  const all = buildRows(db, live, settings, today);
  return { settings, all, rows: filterRegister(all, filters) };
}

export type RiskDetail = RegisterRow & {
  consequences: Array<{ id: number; text: string }>;
  mitigations: Array<{ id: number; text: string; ownerId: number | null; owner: string | null; validFrom: string }>;
  archivedOn: string | null;
  archivedReason: string | null;
  settings: ReturnType<typeof getSettingsInForce>;
};

/** One risk by its ref (live or archived), with current lists and the whole review history. */
export function getRiskByRef(db: Db, ref: string, today: string, asAt?: string): RiskDetail | null {
  const current = db.select().from(risks).where(eq(risks.ref, ref.toUpperCase())).get();
  if (!current) return null;
  const risk = asAt ? stateAsAt(db, [current], asAt)[0] : current;
  if (!risk) return null;
  const day = asAt ?? today;
  const settings = getSettingsInForce(db, day);
  const [row] = buildRows(db, [risk], settings, day, asAt);
  if (!row) return null;
  const consequences = db
    .select({ id: riskConsequences.id, text: riskConsequences.text })
    .from(riskConsequences)
    .where(and(eq(riskConsequences.riskId, risk.id), validOn(riskConsequences, asAt)))
    .orderBy(asc(riskConsequences.position))
    .all();
  const mitigations = db
    .select({ id: riskMitigations.id, text: riskMitigations.text, ownerId: riskMitigations.ownerId, owner: people.name, validFrom: riskMitigations.validFrom })
    .from(riskMitigations)
    .leftJoin(people, eq(people.id, riskMitigations.ownerId))
    .where(and(eq(riskMitigations.riskId, risk.id), validOn(riskMitigations, asAt)))
    .orderBy(asc(riskMitigations.position))
    .all();
  return {
    ...row,
    consequences,
    mitigations,
    archivedOn: risk.archivedOn,
    archivedReason: risk.archivedReason,
    settings,
  };
}

/** Pending owner proposals for a risk, oldest first, with who proposed them. */
export function listPendingProposals(db: Db, riskId: number) {
  return db
    .select({
      id: reviewProposals.id,
      likelihood: reviewProposals.likelihood,
      control: reviewProposals.control,
      impact: reviewProposals.impact,
      score: reviewProposals.score,
      reason: reviewProposals.reason,
      mitigationUpdate: reviewProposals.mitigationUpdate,
      createdAt: reviewProposals.createdAt,
      proposedBy: users.name,
    })
    .from(reviewProposals)
    .innerJoin(users, eq(users.id, reviewProposals.proposedByUserId))
    .where(and(eq(reviewProposals.riskId, riskId), eq(reviewProposals.status, 'pending')))
    .orderBy(asc(reviewProposals.id))
    .all();
}

/** One pending proposal for a risk, or null. */
export function getPendingProposal(db: Db, riskId: number, proposalId: number) {
  return listPendingProposals(db, riskId).find((p) => p.id === proposalId) ?? null;
}
