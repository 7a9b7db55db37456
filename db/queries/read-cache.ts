/**
 * A small cache for expensive reads that request paths repeat (the register rebuilt live or as at a day,
 * the risks with overdue actions, the s.55 warnings), keyed by the head of the audit log. Every change to
 * the data writes an audit entry in the same transaction (db/mutations/audit.ts), whichever process makes
 * it, so a new last audit id means something may have changed and every cached read is dropped; between
 * changes the same question gets the same answer without rebuilding it. The lookup of the head is one
 * index seek. Only for reads outside transactions (pages and route handlers), never inside a mutation,
 * where data can change before its audit entry is written. Cached values are shared: treat them as
 * read-only.
 */
import type { Db } from '../client';

const MAX_ENTRIES = 32;
let head: number | null = null;
let owner: Db | null = null;
const entries = new Map<string, unknown>();

const statements = new WeakMap<Db, { get(): unknown }>();

function auditHead(db: Db): number {
  let statement = statements.get(db);
  if (!statement) statements.set(db, (statement = db.$client.prepare('SELECT max(id) AS id FROM audit_log')));
  return (statement.get() as { id: number | null }).id ?? 0;
}

/** The value for `key`, built by `build` unless it was built since the last change. */
export function cachedRead<T>(db: Db, key: string, build: () => T): T {
  const current = auditHead(db);
  if (current !== head || owner !== db) {
    entries.clear();
    head = current;
    owner = db;
  }
  if (entries.has(key)) {
    const value = entries.get(key) as T;
    entries.delete(key);
    entries.set(key, value); // most recently used last
    return value;
  }
  const value = build();
  entries.set(key, value);
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return value;
}
