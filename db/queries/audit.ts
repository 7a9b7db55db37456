import { and, asc, count, desc, eq, gte, isNotNull, like, lte, sql, type SQL } from 'drizzle-orm';
import { verifyChain, type VerifyResult } from '@/lib/domain/audit-chain';
import { auditKey } from '../audit-key';
import type { Db } from '../client';
import { auditLog } from '../schema';
import { RECORDED_TABLES, rowDigest, UPDATABLE_RECORDED_TABLES, type RowRecord } from '@/lib/domain/row-digest';

/**
 * The triggers that keep history append-only (drizzle/0001, 0005, 0008, 0010, 0013). A missing one is a
 * verification failure: without it rows could be changed or replaced without trace in the database.
 */
export const HISTORY_TRIGGERS = [
  'reviews_no_update',
  'reviews_no_delete',
  'reviews_no_replace',
  'audit_log_no_update',
  'audit_log_no_delete',
  'audit_log_no_replace',
  'register_settings_no_update',
  'register_settings_no_delete',
  'register_settings_no_replace',
  'risk_revisions_no_update',
  'risk_revisions_no_delete',
  'risk_revisions_no_replace',
  'risks_no_delete',
  'risks_no_replace',
  'risk_consequences_no_delete',
  'risk_consequences_close_only',
  'risk_mitigations_no_delete',
  'risk_mitigations_close_only',
  'risk_impact_areas_no_delete',
  'risk_impact_areas_close_only',
  'finding_notes_no_update',
  'finding_notes_no_delete',
  'finding_notes_no_replace',
  'action_updates_no_update',
  'action_updates_no_delete',
  'action_updates_no_replace',
  'action_due_dates_no_update',
  'action_due_dates_no_delete',
  'action_due_dates_no_replace',
  'register_snapshots_no_update',
  'register_snapshots_no_delete',
  'register_snapshots_no_replace',
  'covering_reports_published_frozen',
  'covering_reports_no_delete',
  'covering_reports_no_replace',
  'review_corrections_no_update',
  'review_corrections_no_delete',
  'review_corrections_no_replace',
  ...RECORDED_TABLES.map((t) => `${t}_record_insert`),
  ...UPDATABLE_RECORDED_TABLES.map((t) => `${t}_record_update`),
] as const;

/** A point in the chain kept outside the machine: an entry's id and hash, written "id:hash". */
export type Checkpoint = { id: number; hash: string };

export function formatCheckpoint(checkpoint: Checkpoint): string {
  return `${checkpoint.id}:${checkpoint.hash}`;
}

export function parseCheckpoint(text: string): Checkpoint | null {
  const match = /^(\d+):([0-9a-f]{64})$/.exec(text.trim());
  return match ? { id: Number(match[1]), hash: match[2]! } : null;
}

/** The newest entry's id and hash: what a checkpoint records. */
export function chainHead(db: Db): Checkpoint | null {
  const row = db.select({ id: auditLog.id, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1).get();
  return row?.hash ? { id: row.id, hash: row.hash } : null;
}

/**
 * Verifies the audit log: every history trigger present, at least one entry, every entry hashed and
 * chained to the one before; and, given a checkpoint taken earlier, that its entry is still there
 * unchanged (so removing the newest entries is caught too).
 */
export type RowsResult = {
  /** Rows of the kept tables checked against their digests. */
  checked: number;
  /** The first row whose digest no longer matches the entry that recorded it (or whose row is gone). */
  mismatch: { table: string; id: number; entryId: number; gone: boolean } | null;
  /** Rows no entry recorded, by table and id (the first 20, with the count). */
  unrecorded: Array<{ table: string; id: number }>;
  unrecordedCount: number;
};

/**
 * Recomputes the digest of every row of the kept tables and compares it with the latest entry that
 * recorded that row: names the first row that no longer matches (or is gone) and the rows no entry recorded.
 */
export function verifyRecordedRows(db: Db): RowsResult {
  const recorded = new Map<string, { sha256: string; entryId: number }>();
  const entries = db.select({ id: auditLog.id, records: auditLog.records }).from(auditLog).where(isNotNull(auditLog.records)).orderBy(asc(auditLog.id)).all();
  for (const { id, records } of entries)
    for (const [table, rowId, sha256] of records as RowRecord[]) recorded.set(`${table}:${rowId}`, { sha256, entryId: id });
  const result: RowsResult = { checked: 0, mismatch: null, unrecorded: [], unrecordedCount: 0 };
  for (const table of RECORDED_TABLES) {
    for (const row of db.all<Record<string, unknown> & { id: number }>(sql`SELECT * FROM ${sql.identifier(table)} ORDER BY id`)) {
      result.checked++;
      const key = `${table}:${row.id}`;
      const entry = recorded.get(key);
      recorded.delete(key);
      if (!entry) {
        if (result.unrecordedCount++ < 20) result.unrecorded.push({ table, id: row.id });
      } else if (!result.mismatch && entry.sha256 !== rowDigest(row)) result.mismatch = { table, id: row.id, entryId: entry.entryId, gone: false };
    }
  }
  // What is left was recorded but is no longer there.
  if (!result.mismatch) {
    const [key, entry] = recorded.entries().next().value ?? [];
    if (key && entry) {
      const [table, id] = key.split(':');
      result.mismatch = { table: table!, id: Number(id), entryId: entry.entryId, gone: true };
    }
  }
  return result;
}

function rowsReason(rows: RowsResult): string | null {
  if (rows.mismatch) {
    const { table, id, entryId, gone } = rows.mismatch;
    return gone
      ? `row ${id} of ${table}, recorded by entry ${entryId}, is no longer in the database`
      : `row ${id} of ${table} no longer matches the digest entry ${entryId} recorded of it`;
  }
  if (rows.unrecordedCount) {
    const named = rows.unrecorded.map((r) => `${r.table} ${r.id}`).join(', ');
    return `${rows.unrecordedCount} ${rows.unrecordedCount === 1 ? 'row has' : 'rows have'} no audit entry (${named}${rows.unrecordedCount > rows.unrecorded.length ? ', …' : ''})`;
  }
  return null;
}

/**
 * With `rows`, also recomputes every recorded row's digest (verifyRecordedRows): a full check, for the
 * audit page, `npm run audit:verify` and evidence packs.
 */
export function verifyAuditLog(db: Db, options: { since?: Checkpoint; rows?: boolean } = {}): VerifyResult & { head: Checkpoint | null; rows?: RowsResult } {
  const present = new Set(db.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all() as string[]);
  const head = chainHead(db);
  const missing = HISTORY_TRIGGERS.find((name) => !present.has(name));
  if (missing) return { ok: false, entries: 0, brokenId: null, reason: `the trigger ${missing}, which keeps history from being rewritten, is missing`, head };
  const rows = db.select().from(auditLog).orderBy(asc(auditLog.id)).all();
  if (rows.length === 0) return { ok: false, entries: 0, brokenId: null, reason: 'the log is empty, though every database here starts with entries', head };
  const result = verifyChain(
    rows.map((r) => ({ ...r, entityId: r.entityId ?? null, detail: r.detail ?? null })),
    auditKey(),
  );
  if (!result.ok) return { ...result, head };
  if (options.since) {
    const at = rows.find((r) => r.id === options.since!.id);
    if (!at) return { ok: false, entries: result.entries, brokenId: options.since.id, reason: 'the checkpoint’s entry is no longer in the log', head };
    if (at.hash !== options.since.hash)
      return { ok: false, entries: result.entries, brokenId: at.id, reason: 'the entry no longer matches the checkpoint', head };
  }
  if (!options.rows) return { ...result, head };
  const recorded = verifyRecordedRows(db);
  const reason = rowsReason(recorded);
  if (reason) return { ok: false, entries: result.entries, brokenId: recorded.mismatch?.entryId ?? null, reason, head, rows: recorded };
  return { ...result, head, rows: recorded };
}

export type AuditFilters = { entityType?: string; action?: string; actor?: string; from?: string; to?: string; entityId?: string };

function auditWhere(filters: AuditFilters): SQL | undefined {
  const where: SQL[] = [];
  if (filters.entityType) where.push(eq(auditLog.entityType, filters.entityType));
  if (filters.action) where.push(eq(auditLog.action, filters.action));
  if (filters.entityId) where.push(eq(auditLog.entityId, filters.entityId));
  if (filters.actor) where.push(like(auditLog.actorLabel, `%${filters.actor.replace(/[%_]/g, '')}%`));
  if (filters.from) where.push(gte(auditLog.at, filters.from));
  if (filters.to) where.push(lte(auditLog.at, `${filters.to}T23:59:59.999Z`));
  return where.length ? and(...where) : undefined;
}

export const AUDIT_PAGE_SIZE = 50;

/** One page of entries (newest first) matching the filters, and how many match in all. */
export function listAuditEntries(db: Db, filters: AuditFilters, requested = 1) {
  const where = auditWhere(filters);
  const total = db.select({ n: count() }).from(auditLog).where(where).get()?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  // A page past the end shows the last one.
  const page = Math.min(requested, pages);
  const entries = db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((page - 1) * AUDIT_PAGE_SIZE)
    .all();
  return { entries, total, pages, page };
}

/** Every entry matching the filters, oldest first: for the CSV download. */
export function allAuditEntries(db: Db, filters: AuditFilters) {
  return db.select().from(auditLog).where(auditWhere(filters)).orderBy(asc(auditLog.id)).all();
}

/** The distinct entity types and actions, for the filter lists. */
export function auditVocabulary(db: Db) {
  const rows = db.selectDistinct({ entityType: auditLog.entityType, action: auditLog.action }).from(auditLog).all();
  return { entityTypes: [...new Set(rows.map((r) => r.entityType))].sort(), actions: [...new Set(rows.map((r) => r.action))].sort() };
}
