/**
 * The audit log is chained: each entry's hash covers its own content and the previous entry's hash, so
 * changing, removing or reordering any entry breaks every hash after it. The hash is an HMAC keyed with
 * a secret kept outside the database (db/audit-key.ts), so someone who can write the database file but
 * does not hold the key cannot re-chain it after an edit.
 */
import { createHmac } from 'node:crypto';

export type ChainedEntry = {
  at: string;
  actorUserId: number | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  summary: string;
  detail: unknown;
  /** The rows the entry recorded (lib/domain/row-digest.ts); absent from entries that recorded none. */
  records?: ReadonlyArray<readonly [string, number, string] | readonly [string, number, string, string]> | null;
};

/** The keyed hash of an entry chained to the previous one ('' for the first). */
export function auditHash(key: Buffer, previousHash: string | null, entry: ChainedEntry): string {
  return createHmac('sha256', key)
    .update(`${previousHash ?? ''}\n${content(entry)}`)
    .digest('hex');
}

function content(entry: ChainedEntry): string {
  const fields = [entry.at, entry.actorUserId, entry.actorLabel, entry.action, entry.entityType, entry.entityId, entry.summary, entry.detail ?? null];
  // An entry that recorded rows covers their digests too; one that recorded none hashes as entries always have.
  return JSON.stringify(entry.records ? [...fields, entry.records] : fields);
}

/** `brokenId` names the first entry at fault, or is null when the fault is not one entry's (an empty log, a missing trigger). */
export type VerifyResult = { ok: true; entries: number } | { ok: false; entries: number; brokenId: number | null; reason: string };

/**
 * Checks a chain in order: each entry's stored previous hash and its own keyed hash must be what they
 * should be. `after` is the hash of the entry before the first one given (null from the start of the log).
 */
export function verifyChain(
  rows: Iterable<ChainedEntry & { id: number; prevHash: string | null; hash: string | null }>,
  key: Buffer,
  after: string | null = null,
): VerifyResult {
  let previous: string | null = after;
  let count = 0;
  for (const row of rows) {
    count++;
    if (row.hash === null) return { ok: false, entries: count, brokenId: row.id, reason: 'it has no hash' };
    if ((row.prevHash ?? null) !== previous) return { ok: false, entries: count, brokenId: row.id, reason: 'its link to the previous entry does not match' };
    const expected = auditHash(key, previous, row);
    if (row.hash !== expected)
      return { ok: false, entries: count, brokenId: row.id, reason: 'its content does not match its hash (or it was chained without the audit key)' };
    previous = row.hash;
  }
  return { ok: true, entries: count };
}
