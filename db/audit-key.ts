/**
 * The key the audit chain is keyed with (lib/domain/audit-chain.ts). It must live apart from the
 * database: AUDIT_KEY when set (at least 32 characters), otherwise `.audit-key` beside the database file
 * at DATABASE_PATH, generated once with 32 random bytes and readable only by its owner. Back it up apart
 * from the database: without it the chain cannot be verified, and with it anyone could re-chain the log.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { databasePath } from './client';

export function auditKeyFile(): string {
  return path.join(path.dirname(databasePath()), '.audit-key');
}

export function auditKey(): Buffer {
  const fromEnv = process.env.AUDIT_KEY;
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error('AUDIT_KEY must be at least 32 characters');
    return Buffer.from(fromEnv, 'utf8');
  }
  const file = auditKeyFile();
  try {
    return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    // 'wx' fails if another process created it first; then that process's key is the one to use.
    fs.writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
}
