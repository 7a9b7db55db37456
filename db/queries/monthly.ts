import { getLiveRegister, type RegisterRow } from './risks';
import type { Db } from '../client';

/**
 * The monthly review session for the month containing `today`: every live risk that is due or overdue,
 * plus those already reviewed this month, in register order. Progress is kept by the reviews themselves,
 * so a session can be left and resumed.
 */
export function getMonthlySession(db: Db, today: string) {
  const monthStart = `${today.slice(0, 7)}-01`;
  const { all, settings } = getLiveRegister(db, today);
  // The latest dated review (as it stands) is the newest by date, so a risk was reviewed this month when it falls in it.
  const reviewedThisMonth = new Set(all.filter((row) => row.lastReviewedOn !== null && row.lastReviewedOn >= monthStart).map((row) => row.id));
  const items = all
    .filter((row) => row.due.status !== 'up-to-date' || reviewedThisMonth.has(row.id))
    .map((row) => ({ row, reviewed: reviewedThisMonth.has(row.id) }));
  const next: RegisterRow | null = items.find((i) => !i.reviewed)?.row ?? null;
  const moved = items.filter((i) => i.reviewed && i.row.latest.direction !== 'maintained').map((i) => i.row);
  return { monthStart, settings, items, next, done: items.filter((i) => i.reviewed).length, total: items.length, moved };
}
