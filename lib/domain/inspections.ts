/**
 * Rules for inspections and actions: the PCC's s.55 response is due 56 days after a report is published
 * (Police Act 1996 s.55, as amended); a finding's "within N months" runs from publication; an action is
 * overdue once past its due date unless completed or cancelled.
 */
import { addDays, addMonths, differenceInCalendarDays } from 'date-fns';
import { formatDay, parseDay, toDay } from './dates';
import type { FindingKind } from './inspection-report';

export const S55_RESPONSE_DAYS = 56;
export const S55_WARNING_DAYS = 14;

export const S55_STATUSES = ['not-started', 'comments-requested', 'drafted', 'published'] as const;
export type S55Status = (typeof S55_STATUSES)[number];
export const S55_STATUS_LABEL: Record<S55Status, string> = {
  'not-started': 'Not started',
  'comments-requested': 'Chief constable’s comments requested',
  drafted: 'Drafted',
  published: 'Published',
};

/** The day the PCC's response must be published by: 56 days after the report's publication. */
export function s55DueOn(publishedOn: string): string | null {
  const day = parseDay(publishedOn);
  // A stored day that cannot be read has no due date: the page names the record (db/queries/stored-days.ts).
  if (!day) return null;
  return toDay(addDays(day, S55_RESPONSE_DAYS));
}

export type S55Warning = { level: 'overdue' | 'due-soon'; dueOn: string; days: number } | null;

/** A warning when an unpublished response is due within 14 days, or overdue. */
export function s55Warning(publishedOn: string, status: S55Status, today: string): S55Warning {
  if (status === 'published') return null;
  const dueOn = s55DueOn(publishedOn);
  if (!dueOn) return null;
  const days = differenceInCalendarDays(parseDay(dueOn)!, parseDay(today)!);
  if (days < 0) return { level: 'overdue', dueOn, days: -days };
  if (days <= S55_WARNING_DAYS) return { level: 'due-soon', dueOn, days };
  return null;
}

/** A finding's deadline from "within N months" and the publication date, or null. */
export function findingDeadline(publishedOn: string, withinMonths: number | null): string | null {
  if (!withinMonths) return null;
  const day = parseDay(publishedOn);
  return day ? toDay(addMonths(day, withinMonths)) : null;
}

const KIND_CODE: Record<FindingKind, string> = { 'area-for-improvement': 'AFI', 'cause-of-concern': 'COC', recommendation: 'REC' };

export const FINDING_KIND_LABEL: Record<FindingKind, string> = {
  'area-for-improvement': 'Area for improvement',
  'cause-of-concern': 'Cause of concern',
  recommendation: 'Recommendation',
};

/** A finding's reference, e.g. WILT-201819-AFI-01: force, year, kind and number within the report. */
export function findingReference(force: string, year: string, kind: FindingKind, number: number): string {
  const forceCode =
    force
      .replace(/[^A-Za-z]/g, '')
      .slice(0, 4)
      .toUpperCase() || 'FORC';
  return `${forceCode}-${year.replace(/\D/g, '')}-${KIND_CODE[kind]}-${String(number).padStart(2, '0')}`;
}

export const FINDING_STATUSES = ['open', 'in-progress', 'evidence-submitted', 'closed', 'superseded'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];
export const FINDING_STATUS_LABEL: Record<FindingStatus, string> = {
  open: 'Open',
  'in-progress': 'In progress',
  'evidence-submitted': 'Evidence submitted',
  closed: 'Closed',
  superseded: 'Superseded',
};

export const ACTION_STATUSES = ['not-started', 'in-progress', 'completed', 'cancelled'] as const;

/** An action in one of these statuses is closed: never open, never overdue. */
export const CLOSED_ACTION_STATUSES: readonly ActionStatus[] = ['completed', 'cancelled'];
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const ACTION_STATUS_LABEL: Record<ActionStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

/** An action is overdue once past its due date, unless it is completed or cancelled. */
export function isActionOverdue(action: { dueOn: string; status: ActionStatus }, today: string): boolean {
  return !CLOSED_ACTION_STATUSES.includes(action.status) && today > action.dueOn;
}

/** Why an s.55 response cannot be dated `respondedOn`, or null: not before the report it answers was published. */
export function s55DateProblem(reportPublishedOn: string, respondedOn: string | null): string | null {
  return respondedOn && respondedOn < reportPublishedOn
    ? `The response date must be on or after ${formatDay(reportPublishedOn)}, when the report was published`
    : null;
}
