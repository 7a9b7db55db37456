/**
 * Who should hear what on a given day: the rule behind the reminder emails (issue 19). Pure: it takes the
 * day, the people and what is due, and returns at most one digest per person. Each item carries an
 * occasion key (the item, its due date and which reminder this is), so a sender that records the key in
 * the same transaction that claims it never sends the same reminder twice, however often it runs:
 * - a risk's review: due within 7 days, then overdue on its first day and again each week, to the risk's
 *   owner and the staff who keep the register;
 * - an action: due within 14 days, due today, overdue (first day, then weekly), to its owner; a revised due
 *   date is a new due date, so the count starts again;
 * - a finding's deadline: within 14 days, then passed (first day, then weekly), to its OPCC owner;
 * - the s.55 response: due within 14 days, then overdue (weekly), to staff and administrators, who cannot
 *   turn it off (it is a legal duty);
 * - an owner's proposal waiting for a decision for more than 3 working days, to staff and administrators;
 * - a covering report published for a meeting, to board members;
 * - a commitment from a meeting's minutes that is not on the forward plan of the meeting it is due at, to staff
 *   and administrators, once for each meeting it is due at (moving it to another meeting that does not carry it
 *   flags it again).
 * People choose the kinds they hear and whether daily or weekly (Mondays); deactivated users hear nothing.
 */
import { differenceInBusinessDays, differenceInCalendarDays, isMonday, parseISO } from 'date-fns';
import { dayParts } from './dates';

export const REMINDER_KINDS = ['review', 'action', 'finding', 's55', 'proposal', 'report', 'plan'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const REMINDER_KIND_LABEL: Record<ReminderKind, string> = {
  review: 'Risk reviews due and overdue',
  action: 'Actions due and overdue',
  finding: 'Inspection findings’ deadlines',
  s55: 'The s.55 response to an inspection',
  proposal: 'Owners’ proposals waiting for a decision',
  report: 'Covering reports published for your meetings',
  plan: 'Commitments not on the forward plan of the meeting they are due at',
};

/** The kinds that can reach each role (the rule below sends no other), offered as choices on its page; the s.55 is not a choice. */
export const REMINDER_KINDS_FOR_ROLE: Record<Role, readonly ReminderKind[]> = {
  admin: ['review', 'action', 'finding', 'proposal', 'plan'],
  staff: ['review', 'action', 'finding', 'proposal', 'plan'],
  owner: ['review', 'action', 'finding'],
  board: ['report', 'review', 'action', 'finding'],
  auditor: ['review', 'action', 'finding'],
};

/** Windows before a due date in which a reminder goes, in days. */
export const REVIEW_DUE_SOON_DAYS = 7;
export const ACTION_DUE_SOON_DAYS = 14;
export const FINDING_DUE_SOON_DAYS = 14;
export const S55_DUE_SOON_DAYS = 14;
/** A proposal is chased once it has waited longer than this many working days. */
export const PROPOSAL_WAITING_WORKING_DAYS = 3;

export type Role = 'admin' | 'staff' | 'owner' | 'board' | 'auditor';

export type Recipient = {
  userId: number;
  role: Role;
  active: boolean;
  /** The kinds this person has turned off (the s.55 reminder to staff and admins cannot be). */
  off: ReadonlySet<ReminderKind>;
  frequency: 'daily' | 'weekly';
};

export type DueData = {
  risks: ReadonlyArray<{ ref: string; title: string; ownerUserId: number | null; reviewDueOn: string | null }>;
  actions: ReadonlyArray<{ id: number; ref: string; title: string; ownerUserId: number | null; dueOn: string; open: boolean }>;
  findings: ReadonlyArray<{ id: number; ref: string; title: string; ownerUserId: number | null; deadline: string | null; open: boolean }>;
  inspections: ReadonlyArray<{ id: number; title: string; s55DueOn: string; responded: boolean }>;
  proposals: ReadonlyArray<{ id: number; ref: string; title: string; proposedOn: string; waiting: boolean }>;
  reports: ReadonlyArray<{ snapshotId: number; title: string; meetingOn: string; publishedOn: string }>;
  /** Open commitments the meeting they are due at does not carry on its plan (lib/domain/meetings.ts). */
  offPlan?: ReadonlyArray<{ commitmentId: number; ref: string; message: string; meetingId: number; meetingOn: string }>;
};

export type ReminderItem = {
  kind: ReminderKind;
  /** Unique for the item, its due date and which reminder this is: the send log's key with the recipient. */
  occasion: string;
  ref: string;
  title: string;
  /** What is due, in words: "due 10 December 2026", "overdue since 3 December 2026". */
  when: 'due-soon' | 'due-today' | 'overdue' | 'waiting' | 'published' | 'off-plan';
  dueOn: string;
  /** The page to open, relative to the service's address. */
  path: string;
};

export type Digest = { userId: number; items: ReminderItem[] };

const days = (from: string, to: string) => differenceInCalendarDays(parseISO(to), parseISO(from));

/**
 * Which reminder a due date calls for on `day`, or null: 'due-soon' within the window before it,
 * 'due-today' on the day (when asked for), then 'overdue' on the first day after and each week after that.
 * The week number is part of the occasion, so a missed run still sends that week's reminder the next day.
 */
export function dueOccasion(
  dueOn: string,
  day: string,
  window: number,
  withDueToday = false,
): { when: 'due-soon' | 'due-today' | 'overdue'; occasion: string } | null {
  // A stored due day that is not a real day calls for no reminder; the pages name the record.
  if (!dayParts(dueOn)) return null;
  const late = days(dueOn, day);
  if (late > 0) return { when: 'overdue', occasion: `overdue:${dueOn}:week-${Math.floor((late - 1) / 7)}` };
  if (late === 0 && withDueToday) return { when: 'due-today', occasion: `due-today:${dueOn}` };
  if (late >= -window) return { when: 'due-soon', occasion: `due-soon:${dueOn}` };
  return null;
}

/** Every reminder due on `day`, before preferences: each with the people it goes to. */
function candidates(day: string, data: DueData, recipients: readonly Recipient[]): Array<{ to: number[]; item: ReminderItem }> {
  const withRole = (...roles: Role[]) => recipients.filter((r) => roles.includes(r.role)).map((r) => r.userId);
  const keepers = withRole('staff');
  const office = withRole('staff', 'admin');
  const board = withRole('board');
  const out: Array<{ to: number[]; item: ReminderItem }> = [];

  for (const risk of data.risks) {
    if (!risk.reviewDueOn) continue;
    const due = dueOccasion(risk.reviewDueOn, day, REVIEW_DUE_SOON_DAYS);
    if (!due) continue;
    const to = [...new Set([...(risk.ownerUserId !== null ? [risk.ownerUserId] : []), ...keepers])];
    out.push({
      to,
      item: {
        kind: 'review',
        occasion: `review:${risk.ref}:${due.occasion}`,
        ref: risk.ref,
        title: risk.title,
        when: due.when,
        dueOn: risk.reviewDueOn,
        path: `/risks/${risk.ref}`,
      },
    });
  }
  for (const action of data.actions) {
    if (!action.open || action.ownerUserId === null) continue;
    const due = dueOccasion(action.dueOn, day, ACTION_DUE_SOON_DAYS, true);
    if (!due) continue;
    out.push({
      to: [action.ownerUserId],
      item: {
        kind: 'action',
        occasion: `action:${action.id}:${due.occasion}`,
        ref: action.ref,
        title: action.title,
        when: due.when,
        dueOn: action.dueOn,
        path: `/actions/${action.id}`,
      },
    });
  }
  for (const finding of data.findings) {
    if (!finding.open || finding.ownerUserId === null || !finding.deadline) continue;
    const due = dueOccasion(finding.deadline, day, FINDING_DUE_SOON_DAYS);
    if (!due) continue;
    out.push({
      to: [finding.ownerUserId],
      item: {
        kind: 'finding',
        occasion: `finding:${finding.id}:${due.occasion}`,
        ref: finding.ref,
        title: finding.title,
        when: due.when,
        dueOn: finding.deadline,
        path: `/inspections/findings/${finding.id}`,
      },
    });
  }
  for (const inspection of data.inspections) {
    if (inspection.responded) continue;
    const due = dueOccasion(inspection.s55DueOn, day, S55_DUE_SOON_DAYS);
    if (!due) continue;
    out.push({
      to: office,
      item: {
        kind: 's55',
        occasion: `s55:${inspection.id}:${due.occasion}`,
        ref: 's.55 response',
        title: inspection.title,
        when: due.when,
        dueOn: inspection.s55DueOn,
        path: `/inspections/${inspection.id}`,
      },
    });
  }
  for (const proposal of data.proposals) {
    if (!proposal.waiting || differenceInBusinessDays(parseISO(day), parseISO(proposal.proposedOn)) <= PROPOSAL_WAITING_WORKING_DAYS) continue;
    out.push({
      to: office,
      item: {
        kind: 'proposal',
        occasion: `proposal:${proposal.id}:waiting`,
        ref: proposal.ref,
        title: proposal.title,
        when: 'waiting',
        dueOn: proposal.proposedOn,
        path: `/risks/${proposal.ref}`,
      },
    });
  }
  for (const report of data.reports) {
    if (report.publishedOn > day) continue;
    out.push({
      to: board,
      item: {
        kind: 'report',
        occasion: `report:${report.snapshotId}:published`,
        ref: 'Covering report',
        title: report.title,
        when: 'published',
        dueOn: report.meetingOn,
        path: `/snapshots/${report.snapshotId}/report`,
      },
    });
  }
  for (const flag of data.offPlan ?? []) {
    out.push({
      to: office,
      item: {
        kind: 'plan',
        occasion: `plan:${flag.commitmentId}:${flag.meetingOn}`,
        ref: flag.ref,
        title: flag.message,
        when: 'off-plan',
        dueOn: flag.meetingOn,
        path: `/meetings/${flag.meetingId}`,
      },
    });
  }
  return out;
}

/**
 * The digests for `day`: for each active person who chose to hear today (daily, or weekly on a Monday),
 * the reminders of the kinds they receive, those already sent (`sent`, by recipient and occasion) left out;
 * nobody appears without an item. Staff and administrators always receive the s.55 reminder.
 */
export function digestsFor(
  day: string,
  data: DueData,
  recipients: readonly Recipient[],
  sent: (userId: number, occasion: string) => boolean = () => false,
): Digest[] {
  const byId = new Map(recipients.filter((r) => r.active).map((r) => [r.userId, r]));
  const items = new Map<number, ReminderItem[]>();
  for (const { to, item } of candidates(day, data, [...byId.values()])) {
    for (const userId of to) {
      const person = byId.get(userId);
      if (!person) continue;
      const mandatory = item.kind === 's55' && (person.role === 'staff' || person.role === 'admin');
      if (!mandatory && person.off.has(item.kind)) continue;
      if (!mandatory && person.frequency === 'weekly' && !isMonday(parseISO(day))) continue;
      if (sent(userId, item.occasion)) continue;
      items.set(userId, [...(items.get(userId) ?? []), item]);
    }
  }
  return [...items].map(([userId, list]) => ({ userId, items: list })).sort((a, b) => a.userId - b.userId);
}
