/**
 * Checkpoints kept where the database's writer cannot reach them: after each passing full check, the head
 * of the audit log is appended to `audit-checkpoints.txt` in AUDIT_CHECKPOINT_DIR (a directory another
 * account owns and this service may only append to, a mounted share, a WORM bucket's sync folder). The
 * full check compares the log against the newest line, so entries cut from the end of the log are caught
 * without anyone keeping a checkpoint by hand. Unset, no checkpoint is kept and start-up says so.
 */
import fs from 'node:fs';
import path from 'node:path';
import { insideDatabaseDirectory } from './client';
import { formatCheckpoint, parseCheckpoint, type Checkpoint } from './queries/audit';

export const CHECKPOINT_FILE_NAME = 'audit-checkpoints.txt';

/** The checkpoint file, or null when AUDIT_CHECKPOINT_DIR is not set; refuses a directory beside the database. */
export function checkpointFile(env: NodeJS.ProcessEnv = process.env): string | null {
  const dir = env.AUDIT_CHECKPOINT_DIR;
  if (!dir) return null;
  if (insideDatabaseDirectory(dir))
    throw new Error(`AUDIT_CHECKPOINT_DIR (${dir}) is in the database's directory; keep checkpoints where the database's writer cannot change them`);
  return path.join(path.resolve(dir), CHECKPOINT_FILE_NAME);
}

/** The newest checkpoint in the file, with when it was written; null when there is none yet. */
export function latestKeptCheckpoint(env: NodeJS.ProcessEnv = process.env): { at: string; checkpoint: Checkpoint } | null {
  const file = checkpointFile(env);
  if (!file || !fs.existsSync(file)) return null;
  const lines = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
  for (let i = lines.length - 1; i >= 0; i--) {
    const [at, text] = lines[i]!.split(' ');
    const checkpoint = parseCheckpoint(text ?? '');
    if (at && checkpoint) return { at, checkpoint };
  }
  return null;
}

/** Appends the head to the file (creating the directory if it can); returns the file. */
export function keepCheckpoint(head: Checkpoint, now: Date, env: NodeJS.ProcessEnv = process.env): string | null {
  const file = checkpointFile(env);
  if (!file) return null;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.appendFileSync(file, `${now.toISOString()} ${formatCheckpoint(head)}\n`);
  return file;
}
