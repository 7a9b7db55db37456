/**
 * Reads of the register: the live register with each row's derived score, band, direction and review
 * status, and one risk with its lists and history. A fixed number of queries, never one per risk.
 */
import { and, asc, desc, eq, gt, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { compareRefs, isEligibleForRemoval, type Category } from '@/lib/domain/categories';
import { annotateHistory, type Direction } from '@/lib/domain/direction';
import { sortImpactAreas, type ImpactArea } from '@/lib/domain/impact-areas';
import type { LatestChange } from '@/lib/domain/review';
import { reviewDue, type ReviewDue } from '@/lib/domain/review-due';
import { isAtOrAboveAppetite, type BandName } from '@/lib/domain/scoring';
import type { RegisterSettings } from '@/lib/domain/settings';
import type { Db } from '../client';
import type { Tx } from '../transaction';
import {
  people,
  reviewCorrections,
  reviewProposals,
  reviews,
  riskConsequences,
  riskImpactAreas,
  riskMitigations,
  riskRevisions,
  risks,
  users,
  type Review,
} from '../schema';
import { getSettingsInForce } from './settings';

/** A correction in force on a review: who made it, when and why, and the values first recorded. */
export type CorrectionNote = {
  id: number;
  createdAt: string;
  by: string;
  why: string;
  /** How many corrections the review has had (the latest is in force). */
  count: number;
  original: Pick<Review, 'reviewedOn' | 'forum' | 'likelihood' | 'control' | 'impact' | 'score' | 'reason'>;
};

/** A review as it stands: its latest correction's values in place of those first recorded. */
export type ReviewInForce = Review & { correction: CorrectionNote | null };

export type HistoryEntry = ReviewInForce & {
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
  /**
   * The review history, oldest first, each entry with its derived direction: every review when built with
   * depth `full` (risk page, dashboard), only the last two in force with `latest` (the register's default).
   */
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

/**
 * How much history to load per risk: `full` (every review, for the risk page, dashboard trends and
 * reports) or `latest` (the last two reviews in force, enough for the register row: latest score,
 * direction and Summary). `latest` reads a fixed two rows per risk, so the register costs the same after
 * ten years of monthly reviews as after one.
 */
export type HistoryDepth = 'full' | 'latest';

/**
 * A risk's reviews, oldest first, with each one's direction, previous score, summary and band. The rows are
 * fresh from this read and used nowhere else, so each is annotated in place rather than copied.
 */
function derive(list: ReviewInForce[]): HistoryEntry[] {
  const annotations = annotateHistory(list);
  return list.map((review, i) => Object.assign(review, annotations[i]));
}

function deriveEntries(byRisk: Map<number, ReviewInForce[]>): Map<number, HistoryEntry[]> {
  const result = new Map<number, HistoryEntry[]>();
  for (const [riskId, list] of byRisk) if (list.length) result.set(riskId, derive(list));
  return result;
}

function groupByRisk<T extends Review>(rows: T[]): Map<number, T[]> {
  const byRisk = new Map<number, T[]>();
  for (const row of rows) {
    const list = byRisk.get(row.riskId);
    if (list) list.push(row);
    else byRisk.set(row.riskId, [row]);
  }
  return byRisk;
}

function historiesByRisk(db: Db, riskIds: number[], asAt: string | undefined, depth: HistoryDepth): Map<number, HistoryEntry[]> {
  if (riskIds.length === 0) return new Map();
  const corrections = latestCorrections(db, riskIds);
  if (depth === 'full') {
    const rows = db.select().from(reviews).where(inArray(reviews.riskId, riskIds)).orderBy(asc(reviews.riskId), asc(reviews.sequence)).all();
    const byRisk = groupByRisk(applyCorrections(rows, corrections));
    if (asAt) for (const [riskId, list] of byRisk) byRisk.set(riskId, reviewsAsAt(list, asAt));
    return deriveEntries(byRisk);
  }
  const rows = asAt ? latestReviewsAsAt(db, riskIds, asAt, corrections) : latestReviews(db, riskIds);
  return deriveEntries(groupByRisk(applyCorrections(rows, corrections)));
}

type Corrections = Map<number, { latest: typeof reviewCorrections.$inferSelect; count: number; riskId: number }>;

/**
 * The latest correction of each corrected review of these risks (all risks when none are named).
 * Corrections are few: this reads them all from their own table, each joined to its review by primary
 * key, and keeps those of the risks asked for, rather than walk the (many) reviews of those risks.
 */
export function latestCorrections(db: Db | Tx, riskIds?: number[]): Corrections {
  const wanted = riskIds ? new Set(riskIds) : null;
  const rows = db
    .select({ correction: reviewCorrections, riskId: reviews.riskId })
    .from(reviewCorrections)
    .innerJoin(reviews, eq(reviews.id, reviewCorrections.reviewId))
    .orderBy(asc(reviewCorrections.id))
    .all();
  const byReview: Corrections = new Map();
  for (const { correction, riskId } of rows)
    if (!wanted || wanted.has(riskId))
      byReview.set(correction.reviewId, { latest: correction, riskId, count: (byReview.get(correction.reviewId)?.count ?? 0) + 1 });
  return byReview;
}

/**
 * Puts each review's latest correction in force: its date, forum, factors, score and reason replace those
 * first recorded, which are kept in `correction.original`. The rows are fresh from a read and changed in place.
 */
export function applyCorrections(rows: Review[], corrections: Corrections): ReviewInForce[] {
  return rows.map((row) => {
    const found = corrections.get(row.id);
    if (!found) return Object.assign(row, { correction: null });
    const { latest: c, count } = found;
    const original = {
      reviewedOn: row.reviewedOn,
      forum: row.forum,
      likelihood: row.likelihood,
      control: row.control,
      impact: row.impact,
      score: row.score,
      reason: row.reason,
    };
    return Object.assign(row, {
      reviewedOn: c.reviewedOn,
      reviewedOnNote: c.reviewedOn ? null : row.reviewedOnNote,
      forum: c.forum,
      likelihood: c.likelihood,
      control: c.control,
      impact: c.impact,
      score: c.score,
      reason: c.reason,
      correction: { id: c.id, createdAt: c.createdAt, by: c.correctedByName, why: c.why, count, original },
    });
  });
}

/** Every review of one risk as it stands (corrections in force), oldest first: for the checks on one risk. */
export function reviewsInForce(db: Db | Tx, riskId: number): ReviewInForce[] {
  const rows = db.select().from(reviews).where(eq(reviews.riskId, riskId)).orderBy(asc(reviews.sequence)).all();
  return applyCorrections(rows, latestCorrections(db, [riskId]));
}

const idList = (riskIds: number[]) => JSON.stringify(riskIds);

/** The last two reviews of each risk (by sequence), oldest first: a couple of index seeks per risk. */
function latestReviews(db: Db, riskIds: number[]): Review[] {
  const cut = sql`SELECT j.value AS risk_id, COALESCE((SELECT w.sequence FROM reviews w WHERE w.risk_id = j.value ORDER BY w.sequence DESC LIMIT 1 OFFSET 1), 0) AS sequence
    FROM json_each(${idList(riskIds)}) j`;
  return db
    .select()
    .from(reviews)
    .where(
      sql`(${reviews.riskId}, ${reviews.sequence}) IN (SELECT c.risk_id, v.sequence FROM (${cut}) c JOIN reviews v ON v.risk_id = c.risk_id AND v.sequence >= c.sequence)`,
    )
    .orderBy(asc(reviews.riskId), asc(reviews.sequence))
    .all();
}

/**
 * The last two reviews of each risk in force on a day, by the rule of reviewsAsAt: a dated review counts
 * from its date; an undated one (imported history) from the date of the dated review before it. For a
 * risk with only dated reviews that is the two highest sequences dated on or before the day, read from
 * the (risk, date, sequence) index; the few risks with undated reviews are decided review by review.
 */
function latestReviewsAsAt(db: Db, riskIds: number[], asAt: string, corrections: Corrections): Review[] {
  const undated = new Set(
    db
      .values<[number]>(sql`SELECT DISTINCT risk_id FROM reviews WHERE risk_id IN (SELECT value FROM json_each(${idList(riskIds)})) AND reviewed_on IS NULL`)
      .map(([id]) => id),
  );
  // A corrected date is not in the reviews' index, so a risk with corrections is decided review by review too.
  for (const { riskId } of corrections.values()) undated.add(riskId);
  const dated = riskIds.filter((id) => !undated.has(id));
  const keep: Array<[number, number]> = [];
  if (undated.size) {
    const keys = db.values<[number, number, number, string | null]>(
      sql`SELECT id, risk_id, sequence, reviewed_on FROM reviews WHERE risk_id IN (SELECT value FROM json_each(${idList([...undated])})) ORDER BY risk_id, sequence`,
    );
    const byRisk = new Map<number, Array<{ sequence: number; reviewedOn: string | null }>>();
    for (const [id, riskId, sequence, recordedOn] of keys) {
      const corrected = corrections.get(id);
      const reviewedOn = corrected ? corrected.latest.reviewedOn : recordedOn;
      const list = byRisk.get(riskId);
      if (list) list.push({ sequence, reviewedOn });
      else byRisk.set(riskId, [{ sequence, reviewedOn }]);
    }
    for (const [riskId, list] of byRisk) for (const r of reviewsAsAt(list, asAt).slice(-2)) keep.push([riskId, r.sequence]);
  }
  const fromDated = dated.length
    ? db
        .select()
        .from(reviews)
        .where(
          sql`(${reviews.riskId}, ${reviews.sequence}) IN (SELECT j.value, w.sequence FROM json_each(${idList(dated)}) j JOIN reviews w ON w.risk_id = j.value AND w.sequence IN (
            SELECT x.sequence FROM reviews x WHERE x.risk_id = j.value AND x.reviewed_on <= ${asAt} ORDER BY x.sequence DESC LIMIT 2))`,
        )
        .all()
    : [];
  const fromUndated = keep.length
    ? db
        .select()
        .from(reviews)
        .where(sql`(${reviews.riskId}, ${reviews.sequence}) IN (SELECT value ->> 0, value ->> 1 FROM json_each(${JSON.stringify(keep)}))`)
        .all()
    : [];
  return [...fromDated, ...fromUndated].sort((x, y) => x.riskId - y.riskId || x.sequence - y.sequence);
}

function lastDatedReview(history: readonly ReviewInForce[]): string | null {
  for (let i = history.length - 1; i >= 0; i--) {
    const day = history[i]!.reviewedOn;
    if (day) return day;
  }
  return null;
}

/** A dated list item in force on a day: started on or before it and not closed by then (or, without a day, open now). */
function validOn(columns: { validFrom: AnySQLiteColumn; validTo: AnySQLiteColumn }, asAt?: string) {
  return asAt ? and(lte(columns.validFrom, asAt), or(isNull(columns.validTo), gt(columns.validTo, asAt))) : isNull(columns.validTo);
}

/** Builds register rows (current text and scores) for the given risks. */
function buildRows(
  db: Db,
  riskRows: Array<typeof risks.$inferSelect>,
  settings: RegisterSettings,
  today: string,
  asAt: string | undefined,
  depth: HistoryDepth,
): RegisterRow[] {
  const ids = riskRows.map((r) => r.id);
  if (ids.length === 0) return [];
  const histories = historiesByRisk(db, ids, asAt, depth);
  // With only the latest reviews loaded, an undated tail takes its date from the dated review before it
  // (as it stands, corrections in force); only risks whose last two reviews are undated come here.
  const earlierDated = (riskId: number, before: number) => lastDatedReview(reviewsInForce(db, riskId).filter((r) => r.sequence < before));
  const areas = new Map<number, ImpactArea[]>();
  const areaRows = db
    .select({ riskId: riskImpactAreas.riskId, area: riskImpactAreas.area })
    .from(riskImpactAreas)
    .where(and(inArray(riskImpactAreas.riskId, ids), validOn(riskImpactAreas, asAt)))
    .all();
  for (const row of areaRows) areas.set(row.riskId, [...(areas.get(row.riskId) ?? []), row.area]);
  const ownerIds = [...new Set(riskRows.map((r) => r.ownerId).filter((id): id is number => id !== null))];
  const owners = new Map(
    ownerIds.length
      ? db
          .select({ id: people.id, name: people.name })
          .from(people)
          .where(inArray(people.id, ownerIds))
          .all()
          .map((p) => [p.id, p])
      : [],
  );
  const rule = { comparator: settings.removalComparator, threshold: settings.removalThreshold };

  const rows: RegisterRow[] = [];
  for (const risk of riskRows) {
    const history = histories.get(risk.id);
    const latest = history?.at(-1);
    if (!history || !latest) continue;
    // With only the latest reviews loaded, an undated tail (imported history) takes its date from the dated
    // review before it, as reviewsAsAt does.
    const lastReviewedOn = lastDatedReview(history) ?? (depth === 'latest' ? earlierDated(risk.id, history[0]!.sequence) : null);
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
      (!filters.reviewStatus || (filters.reviewStatus === 'overdue' ? row.due.status === 'overdue' : row.due.status !== 'up-to-date')),
  );
}

/** Archived (removed) risks, newest removal first, with their last review. */
export function getArchivedRisks(db: Db, today: string) {
  const settings = getSettingsInForce(db, today);
  const archived = db.select().from(risks).where(eq(risks.status, 'archived')).all();
  return buildRows(db, archived, settings, today, undefined, 'latest')
    .map((row) => ({
      ...row,
      archivedOn: archived.find((r) => r.id === row.id)?.archivedOn ?? null,
      archivedReason: archived.find((r) => r.id === row.id)?.archivedReason ?? null,
    }))
    .sort((a, b) => (b.archivedOn ?? '').localeCompare(a.archivedOn ?? ''));
}

/** Every ref ever issued (live or archived), for numbering a new risk. */
export function listIssuedRefs(db: Db): string[] {
  return db
    .select({ ref: risks.ref })
    .from(risks)
    .all()
    .map((r) => r.ref);
}

/**
 * Risks as they stood on a day: identified by then, with the event, owner and status of their latest
 * revision effective on or before it. Risks not yet identified are left out.
 */
function stateAsAt(db: Db, current: Array<typeof risks.$inferSelect>, asAt: string): Array<typeof risks.$inferSelect> {
  const known = current.filter((r) => r.dateIdentified <= asAt);
  if (!known.length) return [];
  // The latest revision of each risk effective on or before the day: one seek per risk on (risk, effective, version).
  const state = new Map<number, typeof riskRevisions.$inferSelect>();
  for (const rev of db
    .select()
    .from(riskRevisions)
    .where(
      sql`${riskRevisions.id} IN (SELECT (SELECT x.id FROM risk_revisions x WHERE x.risk_id = j.value AND x.effective_from <= ${asAt}
        ORDER BY x.effective_from DESC, x.version DESC LIMIT 1) FROM json_each(${idList(known.map((r) => r.id))}) j)`,
    )
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
export function getRegisterAsAt(db: Db, asAt: string, filters: RegisterFilters = {}, depth: HistoryDepth = 'latest') {
  const settings = getSettingsInForce(db, asAt);
  const live = stateAsAt(db, db.select().from(risks).all(), asAt).filter((r) => r.status === 'live');
  const all = buildRows(db, live, settings, asAt, asAt, depth);
  return { settings, all, rows: filterRegister(all, filters) };
}

/** The live register on `today`, with the settings in force, filtered as asked. */
export function getLiveRegister(db: Db, today: string, filters: RegisterFilters = {}, depth: HistoryDepth = 'latest') {
  const settings = getSettingsInForce(db, today);
  const live = db.select().from(risks).where(eq(risks.status, 'live')).all();
  const all = buildRows(db, live, settings, today, undefined, depth);
  return { settings, all, rows: filterRegister(all, filters) };
}

export type RiskDetail = RegisterRow & {
  consequences: Array<{ id: number; text: string }>;
  mitigations: Array<{ id: number; text: string; ownerId: number | null; owner: string | null; validFrom: string }>;
  archivedOn: string | null;
  archivedReason: string | null;
  settings: ReturnType<typeof getSettingsInForce>;
};

/** One risk by its ref (live or archived), with current lists and the whole review history (or only its latest reviews, for checks that need no more). */
export function getRiskByRef(db: Db, ref: string, today: string, asAt?: string, depth: HistoryDepth = 'full'): RiskDetail | null {
  const current = db.select().from(risks).where(eq(risks.ref, ref.toUpperCase())).get();
  if (!current) return null;
  const risk = asAt ? stateAsAt(db, [current], asAt)[0] : current;
  if (!risk) return null;
  const day = asAt ?? today;
  const settings = getSettingsInForce(db, day);
  const [row] = buildRows(db, [risk], settings, day, asAt, depth);
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

/** Each risk's consequences and mitigations as they stood on a day, in their order: two queries for any number of risks. */
export function riskListsAsAt(db: Db, riskIds: number[], asAt: string): Map<number, { consequences: string[]; mitigations: string[] }> {
  const lists = new Map(riskIds.map((id) => [id, { consequences: [] as string[], mitigations: [] as string[] }]));
  if (!riskIds.length) return lists;
  for (const row of db
    .select({ riskId: riskConsequences.riskId, text: riskConsequences.text })
    .from(riskConsequences)
    .where(and(inArray(riskConsequences.riskId, riskIds), validOn(riskConsequences, asAt)))
    .orderBy(asc(riskConsequences.riskId), asc(riskConsequences.position))
    .all())
    lists.get(row.riskId)!.consequences.push(row.text);
  for (const row of db
    .select({ riskId: riskMitigations.riskId, text: riskMitigations.text })
    .from(riskMitigations)
    .where(and(inArray(riskMitigations.riskId, riskIds), validOn(riskMitigations, asAt)))
    .orderBy(asc(riskMitigations.riskId), asc(riskMitigations.position))
    .all())
    lists.get(row.riskId)!.mitigations.push(row.text);
  return lists;
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

/**
 * The latest change recorded for a risk, by the day it took effect: its newest revision (an owner assigned,
 * a review, its identification), in words, for the date rule (lib/domain/review.ts, reviewDateProblem).
 */
export function latestChange(db: Db | Tx, riskId: number): LatestChange | null {
  const rev = db
    .select({ effectiveFrom: riskRevisions.effectiveFrom, version: riskRevisions.version, reviewId: riskRevisions.reviewId, ref: risks.ref })
    .from(riskRevisions)
    .innerJoin(risks, eq(risks.id, riskRevisions.riskId))
    .where(eq(riskRevisions.riskId, riskId))
    .orderBy(desc(riskRevisions.effectiveFrom), desc(riskRevisions.version))
    .limit(1)
    .get();
  if (!rev) return null;
  const what = rev.reviewId !== null ? `${rev.ref} was last reviewed` : rev.version === 1 ? `${rev.ref} was recorded` : `${rev.ref}’s owner was changed`;
  return { day: rev.effectiveFrom, what };
}

/** A risk's latest dated review as it stands (by date, then sequence), for the review date rule (lib/domain/review.ts). */
export function latestDatedReview(db: Db | Tx, riskId: number) {
  return reviewsInForce(db, riskId).findLast((r) => r.reviewedOn !== null) ?? null;
}
