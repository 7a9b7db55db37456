import { and, asc, desc, eq, gte, like, lte, type SQL } from 'drizzle-orm';
import { verifyChain, type VerifyResult } from '@/lib/domain/audit-chain';
import { auditKey } from '../audit-key';
import type { Db } from '../client';
import { auditLog } from '../schema';

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
export function verifyAuditLog(db: Db, options: { since?: Checkpoint } = {}): VerifyResult & { head: Checkpoint | null } {
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
  if (!result.ok || !options.since) return { ...result, head };
  const at = rows.find((r) => r.id === options.since!.id);
  if (!at) return { ok: false, entries: result.entries, brokenId: options.since.id, reason: 'the checkpoint’s entry is no longer in the log', head };
  if (at.hash !== options.since.hash)
    return { ok: false, entries: result.entries, brokenId: at.id, reason: 'the entry no longer matches the checkpoint', head };
  return { ...result, head };
}

export type AuditFilters = { entityType?: string; action?: string; actor?: string; from?: string; to?: string; entityId?: string };

/** Audit entries, newest first, filtered; at most `limit`. */
export function listAuditEntries(db: Db, filters: AuditFilters, limit = 200) {
  const where: SQL[] = [];
  if (filters.entityType) where.push(eq(auditLog.entityType, filters.entityType));
  if (filters.action) where.push(eq(auditLog.action, filters.action));
  if (filters.entityId) where.push(eq(auditLog.entityId, filters.entityId));
  if (filters.actor) where.push(like(auditLog.actorLabel, `%${filters.actor.replace(/[%_]/g, '')}%`));
  if (filters.from) where.push(gte(auditLog.at, filters.from));
  if (filters.to) where.push(lte(auditLog.at, `${filters.to}T23:59:59.999Z`));
  return db
    .select()
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(limit)
    .all();
}

/** The distinct entity types and actions, for the filter lists. */
export function auditVocabulary(db: Db) {
  const rows = db.selectDistinct({ entityType: auditLog.entityType, action: auditLog.action }).from(auditLog).all();
  return { entityTypes: [...new Set(rows.map((r) => r.entityType))].sort(), actions: [...new Set(rows.map((r) => r.action))].sort() };
}
