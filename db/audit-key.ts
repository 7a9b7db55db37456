/**
 * The key the audit chain is keyed with (lib/domain/audit-chain.ts). Whoever holds it and can write the
 * database could re-chain the log, so it must live where the database's writer cannot reach it:
 *   AUDIT_KEY       the key itself, at least 32 characters (from a secret store or the service's unit file)
 *   AUDIT_KEY_FILE  a file holding 64 or more hex characters (`openssl rand -hex 32`), outside the
 *                   database's directory
 * A real register (SEED_DEMO=false) requires one of them, in production (NODE_ENV=production, as `npm start`
 * runs) and in every command run against it (user:create, audit:verify …), so all of them use the same key.
 * The demo register, like tests, generates `.audit-key` beside the database on first use, and a production
 * start warns that it does.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { databasePath, insideDatabaseDirectory } from './client';

export class AuditKeyError extends Error {}

export function auditKeyFile(): string {
  return path.join(path.dirname(databasePath()), '.audit-key');
}

function demo(env: NodeJS.ProcessEnv): boolean {
  return (env.SEED_DEMO ?? 'true').toLowerCase() !== 'false';
}

function strict(env: NodeJS.ProcessEnv): boolean {
  return !demo(env);
}

/** The warning start-up prints when the key sits beside the database; null when it does not. */
export function auditKeyWarning(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.AUDIT_KEY || env.AUDIT_KEY_FILE) return null;
  return `the audit key is ${auditKeyFile()}, beside the database, where anyone who can write the database can read it: fine for the demo, not for real use. Set AUDIT_KEY or AUDIT_KEY_FILE (see README, Operations)`;
}

export function auditKey(env: NodeJS.ProcessEnv = process.env): Buffer {
  const fromEnv = env.AUDIT_KEY;
  if (fromEnv) {
    if (fromEnv.length < 32) throw new AuditKeyError('AUDIT_KEY must be at least 32 characters');
    return Buffer.from(fromEnv, 'utf8');
  }
  const named = env.AUDIT_KEY_FILE;
  if (named) {
    if (strict(env) && insideDatabaseDirectory(named))
      throw new AuditKeyError(`AUDIT_KEY_FILE (${named}) is in the database's directory; keep the audit key where the database's writer cannot reach it`);
    let text: string;
    try {
      text = fs.readFileSync(path.resolve(named), 'utf8').trim();
    } catch (error) {
      throw new AuditKeyError(`AUDIT_KEY_FILE (${named}) cannot be read: ${(error as NodeJS.ErrnoException).code ?? error}`);
    }
    if (!/^[0-9a-f]{64,}$/i.test(text))
      throw new AuditKeyError(`AUDIT_KEY_FILE (${named}) must hold 64 or more hex characters, as openssl rand -hex 32 prints`);
    return Buffer.from(text, 'hex');
  }
  if (strict(env))
    throw new AuditKeyError(
      'A real register’s audit key must be kept away from the database: set AUDIT_KEY (at least 32 characters) or AUDIT_KEY_FILE (a file outside the database’s directory). See README, Operations.',
    );
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
