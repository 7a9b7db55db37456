/** Freezing the register for a meeting: its content as at a day, with a SHA-256 of that content. */
import { desc, eq } from 'drizzle-orm';
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
