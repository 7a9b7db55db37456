/**
 * The digest an audit entry keeps of each row it recorded: SHA-256 over the row in a canonical form (its
 * columns sorted by name, each with its value as SQLite stores it), so the same row always gives the same
 * digest and any change to any column gives another.
 */
import { createHash } from 'node:crypto';

/**
 * One row an audit entry recorded: `[table, row id, sha256]` for a row the change wrote new, and
 * `[table, row id, sha256, previous sha256]` for a row it changed, with the digest of the row as the
 * change found it. Verification checks that the previous digest is the one last recorded, so a row edited
 * in the file and then changed by the service is still caught.
 */
export type RowRecord = [table: string, id: number, sha256: string] | [table: string, id: number, sha256: string, previous: string];

/**
 * The tables whose rows are history: appended, never rewritten. Each row is recorded once, by the audit
 * entry of the change that wrote it; a later entry recording it again is a fault.
 */
export const HISTORY_TABLES = [
  'reviews',
  'review_corrections',
  'risk_revisions',
  'register_settings',
  'register_snapshots',
  'finding_notes',
  'action_updates',
  'action_due_dates',
  'meeting_items',
  'commitment_moves',
  // A signed-out session, refused from then on: removing the row would let a copied cookie back in.
  'revoked_sessions',
] as const;

/**
 * History rows that change once after they are written (a list row closed, a draft saved and published),
 * and the only changes that may record a later version of them.
 */
export const CLOSABLE_TABLES = {
  risk_consequences: ['review.record'],
  risk_mitigations: ['review.record'],
  risk_impact_areas: ['review.record'],
  covering_reports: ['report.edit', 'report.publish'],
} as const satisfies Record<string, readonly string[]>;

/**
 * The live state the register, the tracker, sign-in and roles read. Any audited change may record a new
 * version of a row; the row in the file must always equal the version its latest entry recorded.
 */
export const LIVE_TABLES = [
  'risks',
  'people',
  'users',
  'review_proposals',
  'inspections',
  'inspection_judgments',
  'findings',
  'finding_risk_links',
  'actions',
  'meetings',
  'commitments',
] as const;

/** Every table whose rows the audit log records. */
export const RECORDED_TABLES = [...HISTORY_TABLES, ...(Object.keys(CLOSABLE_TABLES) as Array<keyof typeof CLOSABLE_TABLES>), ...LIVE_TABLES] as const;

export type RecordedTable = (typeof RECORDED_TABLES)[number];

/** Whether a later entry may record a new version of a row of `table` in a change of kind `action`. */
export function mayRecordAgain(table: string, action: string): boolean {
  if ((LIVE_TABLES as readonly string[]).includes(table)) return true;
  const allowed = (CLOSABLE_TABLES as Record<string, readonly string[]>)[table];
  return !!allowed && allowed.includes(action);
}

/** A row's canonical text: `[[column, value], ...]` in column-name order, as JSON. */
export function canonicalRow(row: Record<string, unknown>): string {
  return JSON.stringify(
    Object.keys(row)
      .sort()
      .map((column) => [column, row[column] ?? null]),
  );
}

export function rowDigest(row: Record<string, unknown>): string {
  return createHash('sha256').update(canonicalRow(row)).digest('hex');
}
