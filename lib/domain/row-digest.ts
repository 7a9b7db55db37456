/**
 * The digest an audit entry keeps of each row it recorded: SHA-256 over the row in a canonical form (its
 * columns sorted by name, each with its value as SQLite stores it), so the same row always gives the same
 * digest and any change to any column gives another.
 */
import { createHash } from 'node:crypto';

/** `[table, row id, sha256]`: one row an audit entry recorded. */
export type RowRecord = [table: string, id: number, sha256: string];

/**
 * The tables whose rows are history: appended (and, for the dated lists and covering reports, closed or
 * published once), never rewritten. Each row written to them is recorded by the audit entry of its change.
 */
export const RECORDED_TABLES = [
  'reviews',
  'review_corrections',
  'risk_revisions',
  'risk_consequences',
  'risk_mitigations',
  'risk_impact_areas',
  'register_settings',
  'register_snapshots',
  'covering_reports',
  'finding_notes',
  'action_updates',
  'action_due_dates',
] as const;

/** The tables above whose rows may change once after they are written (closed, or a draft saved and published). */
export const UPDATABLE_RECORDED_TABLES = ['risk_consequences', 'risk_mitigations', 'risk_impact_areas', 'covering_reports'] as const;

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
