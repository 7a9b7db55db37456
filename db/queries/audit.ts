import { and, asc, count, desc, eq, gt, gte, isNotNull, like, lt, sql, type SQL } from 'drizzle-orm';
import { formatTime, officeDayEnd, officeDayStart } from '@/lib/domain/dates';
import { verifyChain, type VerifyResult } from '@/lib/domain/audit-chain';
import { auditKey } from '../audit-key';
import type { Db } from '../client';
import { auditLog } from '../schema';
import { CLOSABLE_TABLES, mayRecordAgain, RECORDED_TABLES, rowDigest, type RowRecord } from '@/lib/domain/row-digest';

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
  'meeting_items_no_update',
  'meeting_items_no_delete',
  'meeting_items_no_replace',
  'commitment_moves_no_update',
  'commitment_moves_no_delete',
  'commitment_moves_no_replace',
  'meetings_no_delete',
  'commitments_no_delete',
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

export type RowsResult = {
  /** Rows of the recorded tables checked against their digests. */
  checked: number;
  /** The first fault found in the rows or in what the entries say of them, in words, with the entry at fault. */
  fault: { entryId: number | null; reason: string } | null;
  /** Rows no entry recorded, by table and id (the first 20, with the count). */
  unrecorded: Array<{ table: string; id: number }>;
  unrecordedCount: number;
};

const CLOSABLE = new Set<string>(Object.keys(CLOSABLE_TABLES));

/**
 * What the entries say of each row, checked in order: a row is recorded new once, by the change that wrote
 * it; a later entry may record a new version only of a row that may change (lib/domain/row-digest.ts), in
 * a change that may change it, and only from the version last recorded (so a row edited in the file and
 * then changed by the service is caught). Then every row in the file must equal the version last recorded
 * of it, every recorded row must still be there, and every row must have been recorded.
 */
export function verifyRecordedRows(db: Db): RowsResult {
  const latest = new Map<string, { sha256: string; entryId: number }>();
  const result: RowsResult = { checked: 0, fault: null, unrecorded: [], unrecordedCount: 0 };
  const fail = (entryId: number | null, reason: string) => {
    result.fault ??= { entryId, reason };
  };
  const entries = db
    .select({ id: auditLog.id, action: auditLog.action, records: auditLog.records })
    .from(auditLog)
    .where(isNotNull(auditLog.records))
    .orderBy(asc(auditLog.id))
    .all();
  for (const { id, action, records } of entries) {
    for (const [table, rowId, sha256, previous] of records as RowRecord[]) {
      const key = `${table}:${rowId}`;
      const known = latest.get(key);
      if (previous === undefined) {
        // Entries written before changes carried the previous digest recorded a closed list row or a saved
        // draft again in this form; only those changes may have. A live row is recorded new only once.
        if (known && (!CLOSABLE.has(table) || !mayRecordAgain(table, action)))
          fail(id, `entry ${id} records row ${rowId} of ${table} as new, but entry ${known.entryId} recorded it first`);
      } else if (!known) {
        fail(id, `entry ${id} records a change to row ${rowId} of ${table}, which no earlier entry recorded`);
      } else if (!mayRecordAgain(table, action)) {
        fail(id, `entry ${id} (${action}) records a new version of row ${rowId} of ${table}, which that change may not make`);
      } else if (known.sha256 !== previous) {
        fail(id, `row ${rowId} of ${table} was changed outside the service after entry ${known.entryId} recorded it, before entry ${id} changed it`);
      }
      latest.set(key, { sha256, entryId: id });
    }
  }
  for (const table of RECORDED_TABLES) {
    for (const { __rowid: rowId, ...row } of db.$client.prepare(`SELECT rowid AS __rowid, * FROM "${table}" ORDER BY rowid`).iterate() as Iterable<
      Record<string, unknown> & { __rowid: number }
    >) {
      result.checked++;
      const key = `${table}:${rowId}`;
      const entry = latest.get(key);
      latest.delete(key);
      if (!entry) {
        if (result.unrecordedCount++ < 20) result.unrecorded.push({ table, id: rowId });
      } else if (entry.sha256 !== rowDigest(row))
        fail(entry.entryId, `row ${rowId} of ${table} no longer matches the digest entry ${entry.entryId} recorded of it`);
    }
  }
  // What is left was recorded but is no longer there.
  const [key, entry] = latest.entries().next().value ?? [];
  if (key && entry) {
    const [table, id] = key.split(':');
    fail(entry.entryId, `row ${id} of ${table}, recorded by entry ${entry.entryId}, is no longer in the database`);
  }
  if (result.unrecordedCount) {
    const named = result.unrecorded.map((r) => `${r.table} ${r.id}`).join(', ');
    fail(
      null,
      `${result.unrecordedCount} ${result.unrecordedCount === 1 ? 'row has' : 'rows have'} no audit entry (${named}${result.unrecordedCount > result.unrecorded.length ? ', …' : ''})`,
    );
  }
  return result;
}

/** Tables that once held rows waiting to be recorded: they exist only inside an upgrade's transaction. */
const WAITING_TABLES = ['audit_pending', 'audit_upgrade'];

type Result = VerifyResult & { head: Checkpoint | null; rows?: RowsResult };

/** The checks every verification starts with: the history triggers are all there, and no rows are waiting. */
function schemaFault(db: Db): string | null {
  const names = db.$client.prepare("SELECT type, name FROM sqlite_master WHERE type IN ('trigger', 'table')").all() as Array<{ type: string; name: string }>;
  const present = new Set(names.filter((r) => r.type === 'trigger').map((r) => r.name));
  const missing = HISTORY_TRIGGERS.find((name) => !present.has(name));
  if (missing) return `the trigger ${missing}, which keeps history from being rewritten, is missing`;
  const waiting = names.find((r) => r.type === 'table' && WAITING_TABLES.includes(r.name));
  if (waiting) return `the table ${waiting.name} holds rows waiting to be recorded, which only an upgrade in progress may`;
  return null;
}

const asChained = (r: typeof auditLog.$inferSelect) => ({ ...r, entityId: r.entityId ?? null, detail: r.detail ?? null });

/**
 * Verifies the audit log: every history trigger present, no table of rows waiting to be recorded, at least
 * one entry, every entry hashed and chained to the one before; and, given checkpoints taken earlier, that
 * their entries are still there unchanged (so removing the newest entries is caught too). With `rows`, also
 * what the entries say of every row, against the rows (verifyRecordedRows): the full check, run by
 * `npm run audit:verify` and the daily job (which record their result) and by evidence packs.
 */
export function verifyAuditLog(db: Db, options: { since?: Checkpoint | readonly Checkpoint[]; rows?: boolean } = {}): Result {
  const head = chainHead(db);
  const fault = schemaFault(db);
  if (fault) return { ok: false, entries: 0, brokenId: null, reason: fault, head };
  const rows = db.select().from(auditLog).orderBy(asc(auditLog.id)).all();
  if (rows.length === 0) return { ok: false, entries: 0, brokenId: null, reason: 'the log is empty, though every database here starts with entries', head };
  const result = verifyChain(rows.map(asChained), auditKey());
  if (!result.ok) return { ...result, head };
  // Each checkpoint given (kept by hand, or in AUDIT_CHECKPOINT_DIR) must still be there unchanged.
  for (const since of [options.since ?? []].flat()) {
    const at = rows.find((r) => r.id === since.id);
    if (!at) return { ok: false, entries: result.entries, brokenId: since.id, reason: 'the checkpoint’s entry is no longer in the log', head };
    if (at.hash !== since.hash) return { ok: false, entries: result.entries, brokenId: at.id, reason: 'the entry no longer matches the checkpoint', head };
  }
  if (!options.rows) return { ...result, head };
  const recorded = verifyRecordedRows(db);
  if (recorded.fault) return { ok: false, entries: result.entries, brokenId: recorded.fault.entryId, reason: recorded.fault.reason, head, rows: recorded };
  return { ...result, head, rows: recorded };
}

/** The change a full check is recorded under, with who or what ran it and what it found. */
export const FULL_CHECK_ACTION = 'audit.verify';

export type FullCheck = {
  entryId: number;
  at: string;
  by: string;
  ok: boolean;
  reason: string | null;
  /** The newest entry the check covered: later checks start from it. */
  head: Checkpoint | null;
  entries: number;
  rows: number;
};

/** The newest recorded full check, passed or failed (its entry is sealed in the chain like any other). */
export function latestFullCheck(db: Db, options: { passed?: boolean } = {}): FullCheck | null {
  const where = options.passed
    ? and(eq(auditLog.action, FULL_CHECK_ACTION), sql`json_extract(${auditLog.detail}, '$.ok') = 1`)
    : eq(auditLog.action, FULL_CHECK_ACTION);
  const row = db.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(1).get();
  if (!row) return null;
  const detail = (row.detail ?? {}) as { ok?: boolean; reason?: string | null; head?: string | null; entries?: number; rows?: number };
  return {
    entryId: row.id,
    at: row.at,
    by: row.actorLabel,
    ok: detail.ok === true,
    reason: detail.reason ?? null,
    head: detail.head ? parseCheckpoint(detail.head) : null,
    entries: detail.entries ?? 0,
    rows: detail.rows ?? 0,
  };
}

/**
 * The check pages run on every view, cheap whatever the log's size: the triggers, no waiting rows, and the
 * chain from the head the latest passing full check covered to the newest entry (that head must still be
 * there, unchanged). Rows and older entries are the full check's work (daily and on demand). Without a
 * passing full check it checks the whole chain.
 */
export function verifySinceLastCheck(db: Db): Result & { since: FullCheck | null } {
  const head = chainHead(db);
  const fault = schemaFault(db);
  const since = latestFullCheck(db, { passed: true });
  if (fault) return { ok: false, entries: 0, brokenId: null, reason: fault, head, since };
  if (!since?.head) {
    const whole = verifyAuditLog(db);
    return { ...whole, since };
  }
  const at = db.select({ hash: auditLog.hash }).from(auditLog).where(eq(auditLog.id, since.head.id)).get();
  if (!at) return { ok: false, entries: 0, brokenId: since.head.id, reason: 'the entry the last full check ended at is no longer in the log', head, since };
  if (at.hash !== since.head.hash)
    return { ok: false, entries: 0, brokenId: since.head.id, reason: 'the entry the last full check ended at no longer matches it', head, since };
  const later = db.select().from(auditLog).where(gt(auditLog.id, since.head.id)).orderBy(asc(auditLog.id)).all();
  return { ...verifyChain(later.map(asChained), auditKey(), since.head.hash), head, since };
}

export type AuditFilters = { entityType?: string; action?: string; actor?: string; from?: string; to?: string; entityId?: string };

function auditWhere(filters: AuditFilters): SQL | undefined {
  const where: SQL[] = [];
  if (filters.entityType) where.push(eq(auditLog.entityType, filters.entityType));
  if (filters.action) where.push(eq(auditLog.action, filters.action));
  if (filters.entityId) where.push(eq(auditLog.entityId, filters.entityId));
  if (filters.actor) where.push(like(auditLog.actorLabel, `%${filters.actor.replace(/[%_]/g, '')}%`));
  // The filters are office days; entries are stamped in UTC.
  if (filters.from) where.push(gte(auditLog.at, officeDayStart(filters.from).toISOString()));
  if (filters.to) where.push(lt(auditLog.at, officeDayEnd(filters.to).toISOString()));
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

/**
 * The distinct values of one of the log's columns, by walking its index from each value to the next (a
 * recursive query: one index seek per distinct value, where DISTINCT would read every entry).
 */
function distinctValues(db: Db, column: 'action' | 'entity_type'): string[] {
  const c = sql.identifier(column);
  return db
    .all<{ v: string | null }>(
      sql`WITH RECURSIVE t(v) AS (SELECT min(${c}) FROM audit_log UNION ALL SELECT (SELECT min(${c}) FROM audit_log WHERE ${c} > t.v) FROM t WHERE t.v IS NOT NULL) SELECT v FROM t WHERE v IS NOT NULL`,
    )
    .map((r) => r.v!);
}

/** The distinct entity types and actions, for the filter lists. */
export function auditVocabulary(db: Db) {
  return { entityTypes: distinctValues(db, 'entity_type'), actions: distinctValues(db, 'action') };
}

export type AuditStatus = {
  ok: boolean;
  brokenId: number | null;
  reason: string | null;
  /** The newest full check, passed or failed. */
  lastFull: FullCheck | null;
  /** Entries chained since the last passing full check (all of them when there is none). */
  entriesSince: number;
};

/**
 * What pages say of the log: the cheap check (verifySinceLastCheck) and the newest full check. Either
 * failing fails the status; a failed full check stays the newest until a later one passes.
 */
export function auditStatus(db: Db): AuditStatus {
  const cheap = verifySinceLastCheck(db);
  const lastFull = latestFullCheck(db);
  if (!cheap.ok) return { ok: false, brokenId: cheap.brokenId, reason: cheap.reason, lastFull, entriesSince: cheap.entries };
  if (lastFull && !lastFull.ok)
    return {
      ok: false,
      brokenId: null,
      reason: `the full check of ${formatTime(lastFull.at)} found that ${lastFull.reason}`,
      lastFull,
      entriesSince: cheap.entries,
    };
  return { ok: true, brokenId: null, reason: null, lastFull, entriesSince: cheap.entries };
}
