/** Freezing the register for a meeting: its content as at a day, with a SHA-256 of that content. */
import { asc, desc, eq } from 'drizzle-orm';
import { csvRow } from '@/lib/domain/csv';
import { sha256 } from '@/lib/sha256';
import type { Forum } from '@/lib/domain/forums';
import type { Db } from '../client';
import { writeTransaction } from '../transaction';
import { getRegisterAsAt } from '../queries/risks';
import { registerSnapshots } from '../schema';
import { writeAudit, type Actor } from './audit';

export type SnapshotRow = {
  ref: string;
  category: string;
  dateIdentified: string;
  event: string;
  impactAreas: string[];
  likelihood: number | null;
  control: number | null;
  impact: number | null;
  score: number;
  band: string;
  atOrAboveAppetite: boolean;
  dateReviewed: string | null;
  summary: string;
  owner: string | null;
};

export type SnapshotContent = { asAt: string; appetite: number; removalRule: string; risks: SnapshotRow[] };

/** The content a snapshot freezes, as canonical JSON (its hash is over exactly this text). */
export function snapshotContent(db: Db, asAt: string): string {
  const { all, settings } = getRegisterAsAt(db, asAt);
  const content: SnapshotContent = {
    asAt,
    appetite: settings.appetite,
    removalRule: `${settings.removalComparator} ${settings.removalThreshold}`,
    risks: all.map((r) => ({
      ref: r.ref,
      category: r.category,
      dateIdentified: r.dateIdentified,
      event: r.event,
      impactAreas: r.impactAreas,
      likelihood: r.latest.likelihood,
      control: r.latest.control,
      impact: r.latest.impact,
      score: r.latest.score,
      band: r.band,
      atOrAboveAppetite: r.atOrAboveAppetite,
      dateReviewed: r.latest.reviewedOn,
      summary: r.latest.summary,
      owner: r.owner?.name ?? null,
    })),
  };
  return JSON.stringify(content);
}

/** Freezes the register as at a day for a meeting. */
export function freezeSnapshot(db: Db, actor: Actor, input: { forum: Forum; meetingOn: string; asAt: string }): number {
  return writeTransaction(db, (tx) => {
    const content = snapshotContent(tx as unknown as Db, input.asAt);
    const hash = sha256(content);
    const row = tx
      .insert(registerSnapshots)
      .values({
        forum: input.forum,
        meetingOn: input.meetingOn,
        asAt: input.asAt,
        content,
        sha256: hash,
        createdByUserId: actor.userId,
        createdByName: actor.label,
      })
      .returning({ id: registerSnapshots.id })
      .get();
    writeAudit(tx, actor, {
      action: 'snapshot.freeze',
      entityType: 'snapshot',
      entityId: row.id,
      summary: `Froze the register as at ${input.asAt} for the ${input.forum} meeting on ${input.meetingOn} (SHA-256 ${hash})`,
    });
    return row.id;
  });
}

export function listSnapshots(db: Db) {
  return db
    .select({
      id: registerSnapshots.id,
      forum: registerSnapshots.forum,
      meetingOn: registerSnapshots.meetingOn,
      asAt: registerSnapshots.asAt,
      sha256: registerSnapshots.sha256,
      createdByName: registerSnapshots.createdByName,
      createdAt: registerSnapshots.createdAt,
    })
    .from(registerSnapshots)
    .orderBy(desc(registerSnapshots.meetingOn), desc(registerSnapshots.id))
    .all();
}

/** A snapshot with its content, and whether the content still matches its hash. */
export function getSnapshot(db: Db, id: number) {
  const row = db.select().from(registerSnapshots).where(eq(registerSnapshots.id, id)).get();
  if (!row) return null;
  return { ...row, data: JSON.parse(row.content) as SnapshotContent, intact: sha256(row.content) === row.sha256 };
}

const CSV_COLUMNS = [
  'ref',
  'category',
  'dateIdentified',
  'event',
  'impactAreas',
  'likelihood',
  'control',
  'impact',
  'score',
  'band',
  'dateReviewed',
  'summary',
  'owner',
] as const;

/** A register's rows as CSV (RFC 4180, formula-safe): a snapshot's, or the register as at a day. */
export function registerCsv(rows: readonly SnapshotRow[]): string {
  return csvRow(CSV_COLUMNS) + rows.map((r) => csvRow(CSV_COLUMNS.map((c) => (c === 'impactAreas' ? r.impactAreas.join('; ') : r[c])))).join('');
}

/**
 * How a frozen snapshot compares with the register rebuilt now for its day: the refs whose rows differ
 * (or that one has and the other lacks), and whether the appetite or removal rule does. A snapshot keeps
 * what it showed; a difference comes from a correction made after it was frozen, or a change dated on or
 * before its day recorded after it (a late review of another risk, a settings decision).
 */
export function compareWithRebuild(db: Db, snapshot: { content: string; asAt: string }): { differs: boolean; refs: string[]; settings: boolean } {
  const rebuilt = snapshotContent(db, snapshot.asAt);
  if (rebuilt === snapshot.content) return { differs: false, refs: [], settings: false };
  const frozen = JSON.parse(snapshot.content) as SnapshotContent;
  const now = JSON.parse(rebuilt) as SnapshotContent;
  const rows = (c: SnapshotContent) => new Map(c.risks.map((r) => [r.ref, JSON.stringify(r)]));
  const a = rows(frozen);
  const b = rows(now);
  const refs = [...new Set([...a.keys(), ...b.keys()])].filter((ref) => a.get(ref) !== b.get(ref));
  return { differs: true, refs, settings: frozen.appetite !== now.appetite || frozen.removalRule !== now.removalRule };
}

/** Every frozen snapshot that differs from the rebuild for its day, for `npm run audit:verify`. */
export function snapshotsDifferingFromRebuild(db: Db) {
  return db
    .select()
    .from(registerSnapshots)
    .orderBy(asc(registerSnapshots.id))
    .all()
    .map((s) => ({ id: s.id, forum: s.forum, meetingOn: s.meetingOn, asAt: s.asAt, ...compareWithRebuild(db, s) }))
    .filter((s) => s.differs);
}
