import { and, asc, desc, eq, gte, like, lte, type SQL } from 'drizzle-orm';
import { verifyChain, type VerifyResult } from '@/lib/domain/audit-chain';
import type { Db } from '../client';
import { auditLog } from '../schema';

/**
 * Verifies the whole audit log's hash chain. Entries written before the chain existed (no hash, at the
 * start of the log) are counted separately rather than failing it.
 */
export function verifyAuditLog(db: Db): VerifyResult & { unchained: number } {
  const rows = db.select().from(auditLog).orderBy(asc(auditLog.id)).all();
  let unchained = 0;
  while (unchained < rows.length && rows[unchained]!.hash === null && rows[unchained]!.prevHash === null) unchained++;
  const chained = rows.slice(unchained).map((r) => ({ ...r, entityId: r.entityId ?? null, detail: r.detail ?? null }));
  return { ...verifyChain(chained), unchained };
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
