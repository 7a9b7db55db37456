/**
 * Backup and restore of the register's database file.
 *
 * A backup is SQLite's online backup (through better-sqlite3): a consistent copy taken page by page while
 * the app keeps serving reads and writes; the copy is checked with `PRAGMA integrity_check` before it is
 * reported. A restore refuses while a server is using the database (the server writes its process id
 * beside the database when it starts), checks the file it is given, keeps the file it replaces, and puts
 * the copy in place through the same backup API so the result is a clean single file.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/**
 * Where a server process records that it serves the database: one file per process (an operator may run
 * several on one file), each holding its process id, so processes starting and ending never overwrite each other.
 */
export function serverPidFile(databaseFile: string, pid: number = process.pid): string {
  return `${databaseFile}.server-pid-${pid}`;
}

/** Records that this process serves the database; removed when it exits normally. */
export function markServerRunning(databaseFile: string): void {
  const file = serverPidFile(databaseFile);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, String(process.pid));
  process.once('exit', () => fs.rmSync(file, { force: true }));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The process id of a live server using the database, or null (records left by killed servers are ignored). */
export function runningServer(databaseFile: string): number | null {
  const prefix = `${path.basename(databaseFile)}.server-pid-`;
  let names: string[];
  try {
    names = fs.readdirSync(path.dirname(databaseFile)).filter((name) => name.startsWith(prefix));
  } catch {
    return null;
  }
  for (const name of names) {
    const record = path.join(path.dirname(databaseFile), name);
    let pid: number;
    try {
      pid = Number(fs.readFileSync(record, 'utf8').trim());
    } catch {
      continue;
    }
    if (Number.isInteger(pid) && pid > 0 && alive(pid)) return pid;
    // Left by a process that was killed: tidy it away so that its number, reused later, cannot block a restore.
    fs.rmSync(record, { force: true });
  }
  return null;
}

export class BackupError extends Error {}

function sha256File(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Checks a database file: it opens, passes integrity_check, and holds the register's tables. */
export function checkDatabaseFile(file: string): { reviews: number; risks: number } {
  if (!fs.existsSync(file)) throw new BackupError(`There is no file at ${file}`);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch {
    throw new BackupError(`${file} is not a database this app can open`);
  }
  try {
    let integrity: string;
    try {
      integrity = (db.pragma('integrity_check', { simple: true }) as string) ?? '';
    } catch {
      throw new BackupError(`${file} is not an SQLite database`);
    }
    if (integrity !== 'ok') throw new BackupError(`${file} failed its integrity check: ${integrity}`);
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((t) => t.name));
    for (const t of ['risks', 'reviews', 'audit_log', '__drizzle_migrations'])
      if (!tables.has(t)) throw new BackupError(`${file} is not a risk register database (it has no ${t} table)`);
    const count = (t: string) => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    return { reviews: count('reviews'), risks: count('risks') };
  } finally {
    db.close();
  }
}

/** Takes a consistent copy of the database while it may be in use. */
export async function backupDatabase(databaseFile: string, target: string): Promise<{ bytes: number; sha256: string; reviews: number; risks: number }> {
  if (!fs.existsSync(databaseFile)) throw new BackupError(`There is no database at ${databaseFile}`);
  if (path.resolve(target) === path.resolve(databaseFile)) throw new BackupError('The backup must go to another file than the database itself');
  if (fs.existsSync(target)) throw new BackupError(`${target} already exists; choose a new file name so no backup is overwritten`);
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const source = new Database(databaseFile, { fileMustExist: true });
  source.pragma('busy_timeout = 5000');
  try {
    // All remaining pages in one step, from one read snapshot: copied in steps of 100 pages, a backup restarts
    // whenever another connection writes between steps, and under steady writes it would never finish.
    await source.backup(target, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  // A backup is one self-contained file: switch the copy out of WAL mode so it needs no -wal beside it.
  const copy = new Database(target);
  copy.pragma('journal_mode = DELETE');
  copy.close();
  const counts = checkDatabaseFile(target);
  return { bytes: fs.statSync(target).size, sha256: sha256File(target), ...counts };
}

/** Puts a backup in place of the database, keeping the replaced file; refused while a server runs. */
export async function restoreDatabase(
  backupFile: string,
  databaseFile: string,
  now = new Date(),
): Promise<{ replacedBy: string | null; reviews: number; risks: number }> {
  const pid = runningServer(databaseFile);
  if (pid !== null) throw new BackupError(`The app is running (process ${pid}) on ${databaseFile}. Stop it first, then restore; nothing has been changed.`);
  const counts = checkDatabaseFile(backupFile);
  let kept: string | null = null;
  if (fs.existsSync(databaseFile)) {
    kept = `${databaseFile}.replaced-${now.toISOString().replace(/[:.]/g, '-')}`;
    // Fold any WAL into the file being replaced so what is kept is complete on its own.
    const old = new Database(databaseFile);
    old.pragma('wal_checkpoint(TRUNCATE)');
    old.close();
    fs.renameSync(databaseFile, kept);
    for (const suffix of ['-wal', '-shm']) if (fs.existsSync(databaseFile + suffix)) fs.rmSync(databaseFile + suffix);
  }
  fs.mkdirSync(path.dirname(path.resolve(databaseFile)), { recursive: true });
  const source = new Database(backupFile, { readonly: true, fileMustExist: true });
  try {
    await source.backup(databaseFile);
  } finally {
    source.close();
  }
  return { replacedBy: kept, ...counts };
}
