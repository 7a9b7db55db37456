/**
 * Which rows of the recorded tables (lib/domain/row-digest.ts) a transaction writes, taken by the service's
 * own connection. Each connection opened by openDatabase creates TEMP triggers: they live only in that
 * connection, never in the database file, and call a function of this process. So the rows an entry records
 * are exactly the rows the code making the change wrote: nothing waits in a table for a later entry, and a
 * row written with another tool (the sqlite3 shell, a script of a tamperer's own) is never captured, whatever
 * triggers sit in the file.
 *
 * Rows are named by their rowid, which is the `id` column of every recorded table that has one.
 *
 * A write to a recorded table outside writeTransaction fails, and writeTransaction refuses to commit a
 * transaction whose captured rows no audit entry recorded (db/transaction.ts).
 */
import type Database from 'better-sqlite3';
import { CLOSABLE_TABLES, LIVE_TABLES, RECORDED_TABLES, rowDigest, type RowRecord } from '@/lib/domain/row-digest';

type Captured = { table: string; id: number; previous: string | null };

export class RowCapture {
  /** How many writeTransaction calls are open on this connection. */
  depth = 0;
  private readonly rows = new Map<string, Captured>();

  get size(): number {
    return this.rows.size;
  }

  /** A row written new. */
  inserted(table: string, id: number): void {
    const key = `${table}:${id}`;
    if (!this.rows.has(key)) this.rows.set(key, { table, id, previous: null });
  }

  /** A row about to change, as it is before the change: only its first change since the last entry counts. */
  updating(table: string, id: number, before: Record<string, unknown>): void {
    const key = `${table}:${id}`;
    if (!this.rows.has(key)) this.rows.set(key, { table, id, previous: rowDigest(before) });
  }

  /**
   * The records for the captured rows, read as they now are, in table and id order; forgets them. A row
   * that is not there (its write was rolled back to a savepoint) is left out, and so is a change that left
   * a row as it was.
   */
  take(read: (table: string, id: number) => Record<string, unknown> | undefined): RowRecord[] | null {
    const records: RowRecord[] = [];
    for (const { table, id, previous } of this.rows.values()) {
      const row = read(table, id);
      if (!row) continue;
      const sha256 = rowDigest(row);
      if (previous === null) records.push([table, id, sha256]);
      else if (previous !== sha256) records.push([table, id, sha256, previous]);
    }
    this.rows.clear();
    records.sort((a, b) => (a[0] === b[0] ? a[1] - b[1] : a[0] < b[0] ? -1 : 1));
    return records.length ? records : null;
  }

  /** The captured rows no entry has recorded yet, named for an error message. */
  describe(): string {
    return [...this.rows.values()]
      .slice(0, 5)
      .map((r) => `${r.table} ${r.id}`)
      .join(', ');
  }

  clear(): void {
    this.rows.clear();
  }
}

/**
 * Kept on globalThis, as the connection is (db/client.ts): Next bundles server code per route, so this
 * module may be loaded more than once in a process while the connection is shared.
 */
const shared = globalThis as unknown as { registerRowCaptures?: WeakMap<Database.Database, RowCapture>; registerActiveCapture?: RowCapture | null };
const captures = (shared.registerRowCaptures ??= new WeakMap<Database.Database, RowCapture>());

/** The capture of the write transaction running now (better-sqlite3 runs one at a time in a process). */
export function runningCapture(): RowCapture | null {
  return shared.registerActiveCapture ?? null;
}

export function setRunningCapture(capture: RowCapture | null): void {
  shared.registerActiveCapture = capture;
}

/** The capture of a connection opened by openDatabase. */
export function rowCapture(sqlite: Database.Database): RowCapture {
  const capture = captures.get(sqlite);
  if (!capture) throw new Error('this connection does not capture its writes: open it with openDatabase');
  return capture;
}

const UPDATABLE = new Set<string>([...Object.keys(CLOSABLE_TABLES), ...LIVE_TABLES]);

/** Creates the connection's capture and its TEMP triggers; run once the schema is migrated. */
export function installRowCapture(sqlite: Database.Database): RowCapture {
  const capture = new RowCapture();
  captures.set(sqlite, capture);
  const outside = (table: string) => {
    if (capture.depth === 0) throw new Error(`a write to ${table} outside writeTransaction, which no audit entry would record`);
  };
  sqlite.function('register_row_inserted', { deterministic: false }, (table: unknown, id: unknown) => {
    outside(String(table));
    capture.inserted(String(table), Number(id));
    return null;
  });
  sqlite.function('register_row_updating', { deterministic: false, varargs: true }, (table: unknown, id: unknown, ...pairs: unknown[]) => {
    outside(String(table));
    const before: Record<string, unknown> = {};
    for (let i = 0; i < pairs.length; i += 2) before[String(pairs[i])] = pairs[i + 1];
    capture.updating(String(table), Number(id), before);
    return null;
  });
  for (const table of RECORDED_TABLES) {
    sqlite.exec(
      `CREATE TEMP TRIGGER "capture_${table}_insert" AFTER INSERT ON main."${table}" BEGIN SELECT register_row_inserted('${table}', NEW.rowid); END;`,
    );
    if (!UPDATABLE.has(table)) continue;
    const columns = sqlite.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[];
    const old = columns.map((c) => `'${c}', OLD."${c}"`).join(', ');
    sqlite.exec(
      `CREATE TEMP TRIGGER "capture_${table}_update" BEFORE UPDATE ON main."${table}" BEGIN SELECT register_row_updating('${table}', OLD.rowid, ${old}); END;`,
    );
  }
  return capture;
}
