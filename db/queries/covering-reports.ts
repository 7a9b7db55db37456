/**
 * What the covering report is drafted from: a frozen snapshot, the reviews behind its rows (the reason
 * and the review before the latest, rebuilt from the append-only history as at the snapshot's day), and
 * the last quarterly report's snapshot for "new" and "removed since the last report".
 */
import { and, asc, desc, eq, gt, inArray, isNull, lt, lte, or } from 'drizzle-orm';
import type { Category } from '@/lib/domain/categories';
import { mattersArising, matterArisingText, MEETING_FORUMS, type MeetingForum } from '@/lib/domain/meetings';
import { listCommitments, meetingOn } from './meetings';
import { buildCoveringReport, type CoveringReport, type Narrative, type ReportInput, type ReportRisk } from '@/lib/domain/covering-report';
import { sha256 } from '@/lib/sha256';
import type { Db } from '../client';
import { getSnapshot, type SnapshotContent } from '../mutations/snapshots';
import { coveringReports, registerSnapshots, reviewCorrections, reviews, riskRevisions, risks } from '../schema';
import { getRegisterAsAt, reviewsInForce, riskListsAsAt } from './risks';

/** Meetings that receive the quarterly report (002:2114, forward work plan 002:2549-2561). */
export const QUARTERLY_FORUMS = ['cmb', 'jiac', 'panel'] as const;

/**
 * The latest quarterly snapshot whose as-at day is before `asAt` (or on it, with `inclusive`): what
 * "since the last report" compares with.
 */
export function previousQuarterlySnapshot(db: Db, asAt: string, inclusive = false) {
  const row = db
    .select({ id: registerSnapshots.id })
    .from(registerSnapshots)
    .where(and(inArray(registerSnapshots.forum, [...QUARTERLY_FORUMS]), inclusive ? lte(registerSnapshots.asAt, asAt) : lt(registerSnapshots.asAt, asAt)))
    .orderBy(desc(registerSnapshots.asAt), desc(registerSnapshots.meetingOn), desc(registerSnapshots.id))
    .limit(1)
    .get();
  return row ? getSnapshot(db, row.id) : null;
}

/** The report's input for a snapshot; null when the snapshot does not exist. */
export function reportInputForSnapshot(db: Db, snapshotId: number): ReportInput | null {
  const snapshot = getSnapshot(db, snapshotId);
  if (!snapshot) return null;
  const data: SnapshotContent = snapshot.data;
  const { settings, all } = getRegisterAsAt(db, data.asAt);
  const byRef = new Map(all.map((r) => [r.ref, r]));
  const previous = previousQuarterlySnapshot(db, data.asAt);

  const lists = riskListsAsAt(
    db,
    all.map((r) => r.id),
    data.asAt,
  );
  const reportRisks: ReportRisk[] = data.risks.map((row) => {
    const rebuilt = byRef.get(row.ref);
    const list = rebuilt ? lists.get(rebuilt.id) : undefined;
    const before = rebuilt && rebuilt.history.length > 1 ? rebuilt.history.at(-2)! : null;
    // A draft is drafted from the reviews as they stand: a correction made since the freeze replaces the
    // snapshot's score for this report (the snapshot itself keeps what it showed).
    const latest = rebuilt?.latest.correction ? rebuilt.latest : null;
    return {
      ref: row.ref,
      category: row.category as Category,
      event: row.event,
      dateIdentified: row.dateIdentified,
      band: latest ? latest.band : (row.band as ReportRisk['band']),
      factors: latest
        ? { likelihood: latest.likelihood, control: latest.control, impact: latest.impact, score: latest.score }
        : { likelihood: row.likelihood, control: row.control, impact: row.impact, score: row.score },
      dateReviewed: latest ? latest.reviewedOn : row.dateReviewed,
      summary: latest ? latest.summary : row.summary,
      reason: rebuilt?.latest.reason ?? null,
      direction: rebuilt?.latest.direction ?? (row.summary === 'NEW' ? 'new' : 'maintained'),
      previous: before ? { likelihood: before.likelihood, control: before.control, impact: before.impact, score: before.score } : null,
      consequences: list?.consequences ?? [],
      impactAreas: row.impactAreas,
      mitigations: list?.mitigations ?? [],
    };
  });

  const currentRefs = new Set(data.risks.map((r) => r.ref));
  const gone = previous ? previous.data.risks.filter((r) => !currentRefs.has(r.ref)) : [];
  const removed = gone.map((r) => {
    const risk = db.select().from(risks).where(eq(risks.ref, r.ref)).get();
    const archivedRevision = risk
      ? db
          .select({ effectiveFrom: riskRevisions.effectiveFrom, reviewId: riskRevisions.reviewId })
          .from(riskRevisions)
          .where(
            and(
              eq(riskRevisions.riskId, risk.id),
              eq(riskRevisions.status, 'archived'),
              gt(riskRevisions.effectiveFrom, previous!.asAt),
              lte(riskRevisions.effectiveFrom, data.asAt),
            ),
          )
          .orderBy(desc(riskRevisions.effectiveFrom))
          .limit(1)
          .get()
      : undefined;
    const archivedOn = archivedRevision?.effectiveFrom ?? null;
    // The score it was removed at is that of the review that removed it (as it stands), not the last one reported.
    const removedBy = risk && archivedRevision?.reviewId ? reviewsInForce(db, risk.id).find((v) => v.id === archivedRevision.reviewId) : undefined;
    return {
      ref: r.ref,
      event: r.event,
      archivedOn,
      reason: risk?.status === 'archived' && risk.archivedOn === archivedOn ? risk.archivedReason : null,
      lastScore: r.score,
      removedAtScore: removedBy?.score ?? null,
    };
  });

  return {
    forum: snapshot.forum,
    meetingOn: snapshot.meetingOn,
    asAt: data.asAt,
    appetite: data.appetite,
    previousAppetite: previous ? previous.data.appetite : null,
    removalComparator: settings.removalComparator,
    removalThreshold: settings.removalThreshold,
    factorNames: { likelihood: settings.factors.likelihood.name, control: settings.factors.control.name, impact: settings.factors.impact.name },
    risks: reportRisks,
    previousRefs: previous ? previous.data.risks.map((r) => r.ref) : null,
    removed,
    ...mattersArisingFor(db, snapshot.forum, snapshot.meetingOn),
  };
}

/** The matters arising of the meeting a snapshot is frozen for, when that meeting is recorded (Panel, CMB or JIAC). */
function mattersArisingFor(db: Db, forum: string, on: string): Pick<ReportInput, 'mattersArising'> {
  if (!(MEETING_FORUMS as readonly string[]).includes(forum)) return {};
  const meeting = meetingOn(db, forum as MeetingForum, on);
  if (!meeting) return {};
  const { dueHere, stillOpen } = mattersArising(listCommitments(db), { id: meeting.id, forum: meeting.forum, on });
  return { mattersArising: { dueHere: dueHere.map(matterArisingText), stillOpen: stillOpen.map(matterArisingText) } };
}

export type CoveringReportView = {
  id: number;
  snapshotId: number;
  status: 'draft' | 'published';
  version: number;
  narrative: Narrative;
  report: CoveringReport;
  sha256: string | null;
  /** For a published report: whether its stored content still matches its hash. */
  intact: boolean;
  createdByName: string;
  updatedByName: string;
  updatedAt: string;
  publishedByName: string | null;
  publishedAt: string | null;
};

/** The covering report of a snapshot: a draft rendered from its narrative now, or the published report as frozen. */
export function getCoveringReport(db: Db, snapshotId: number): CoveringReportView | null {
  const row = db.select().from(coveringReports).where(eq(coveringReports.snapshotId, snapshotId)).get();
  if (!row) return null;
  const narrative = JSON.parse(row.narrative) as Narrative;
  let report: CoveringReport;
  let intact = true;
  if (row.status === 'published' && row.content) {
    report = JSON.parse(row.content) as CoveringReport;
    intact = sha256(row.content) === row.sha256;
  } else {
    const input = reportInputForSnapshot(db, snapshotId);
    if (!input) return null;
    report = buildCoveringReport(input, narrative);
  }
  return {
    id: row.id,
    snapshotId: row.snapshotId,
    status: row.status,
    version: row.version,
    narrative,
    report,
    sha256: row.sha256,
    intact,
    createdByName: row.createdByName,
    updatedByName: row.updatedByName,
    updatedAt: row.updatedAt,
    publishedByName: row.publishedByName,
    publishedAt: row.publishedAt,
  };
}

/** Status of the covering report of each snapshot, for the snapshots list. */
export function coveringReportStatuses(db: Db): Map<number, 'draft' | 'published'> {
  return new Map(
    db
      .select({ snapshotId: coveringReports.snapshotId, status: coveringReports.status })
      .from(coveringReports)
      .all()
      .map((r) => [r.snapshotId, r.status]),
  );
}

/** A correction made after a moment (a freeze or a publication) of a review in force on a day, as a page notes it. */
export type LaterCorrection = { ref: string; sequence: number; correctedAt: string; by: string };

/**
 * Corrections recorded after `since` of reviews dated on or before `asAt` (or undated): what a frozen
 * snapshot or a published report cannot show, so its page says that they exist.
 */
export function correctionsSince(db: Db, since: string, asAt: string): LaterCorrection[] {
  return db
    .select({ ref: risks.ref, sequence: reviews.sequence, correctedAt: reviewCorrections.createdAt, by: reviewCorrections.correctedByName })
    .from(reviewCorrections)
    .innerJoin(reviews, eq(reviews.id, reviewCorrections.reviewId))
    .innerJoin(risks, eq(risks.id, reviews.riskId))
    .where(and(gt(reviewCorrections.createdAt, since), or(isNull(reviews.reviewedOn), lte(reviews.reviewedOn, asAt), lte(reviewCorrections.reviewedOn, asAt))))
    .orderBy(asc(reviewCorrections.id))
    .all();
}
