/**
 * The audit log is hash-chained: each entry's hash covers its own content and the previous entry's hash,
 * so changing, removing or reordering any entry breaks every hash after it.
 */
import { createHash } from 'node:crypto';

export type ChainedEntry = {
  at: string;
  actorUserId: number | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  summary: string;
  detail: unknown;
};

/** The hash of an entry chained to the previous one ('' for the first). */
export function auditHash(previousHash: string | null, entry: ChainedEntry): string {
  const content = JSON.stringify([
    entry.at,
    entry.actorUserId,
    entry.actorLabel,
    entry.action,
    entry.entityType,
    entry.entityId,
    entry.summary,
    entry.detail ?? null,
  ]);
  return createHash('sha256')
    .update(`${previousHash ?? ''}\n${content}`)
    .digest('hex');
}

/** `brokenId` names the first entry at fault, or is null when the fault is not one entry's (an empty log, a missing trigger). */
export type VerifyResult = { ok: true; entries: number } | { ok: false; entries: number; brokenId: number | null; reason: string };

/** Checks a chain in order: each entry's stored previous hash and its own hash must be what they should be. */
export function verifyChain(rows: Iterable<ChainedEntry & { id: number; prevHash: string | null; hash: string | null }>): VerifyResult {
  let previous: string | null = null;
  let count = 0;
  for (const row of rows) {
    count++;
    if (row.hash === null) return { ok: false, entries: count, brokenId: row.id, reason: 'it has no hash' };
    if ((row.prevHash ?? null) !== previous) return { ok: false, entries: count, brokenId: row.id, reason: 'its link to the previous entry does not match' };
    const expected = auditHash(previous, row);
    if (row.hash !== expected) return { ok: false, entries: count, brokenId: row.id, reason: 'its content does not match its hash' };
    previous = row.hash;
  }
  return { ok: true, entries: count };
}
