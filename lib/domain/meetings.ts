/**
 * Meetings, their forward plans and the commitments their minutes record (issue 28). Pure: the database's
 * rows in, what the office needs to see out: where a commitment came from, whether the meeting it is due at
 * carries it on its plan, whether it is overdue, and the matters arising a covering report lists.
 */
import { ACTION_STATUS_LABEL, CLOSED_ACTION_STATUSES, type ActionStatus } from './inspections';
import { formatDay } from './dates';
import { itemCarries, PLAN_REQUEST } from './forward-plan';
import { capitalise, midSentence } from './words';

export const MEETING_FORUMS = ['panel', 'cmb', 'jiac'] as const;
export type MeetingForum = (typeof MEETING_FORUMS)[number];

/** The forum's name in full, as a meeting's page and the covering report give it. */
export const MEETING_FORUM_LABEL: Record<MeetingForum, string> = {
  panel: 'Police and Crime Panel',
  cmb: 'Commissioner’s Monitoring Board (CMB)',
  jiac: 'Joint Independent Audit Committee (JIAC)',
};

/** The forum's short name, as a commitment's source gives it: "Panel, 22 March 2018, minute 24". */
export const MEETING_FORUM_SHORT: Record<MeetingForum, string> = { panel: 'Panel', cmb: 'CMB', jiac: 'JIAC' };

export const meetingName = (forum: MeetingForum, on: string) => `${MEETING_FORUM_LABEL[forum]}, ${formatDay(on)}`;

/** The action's source for a commitment: "Panel, 22 March 2018, minute 24". */
export const commitmentSource = (forum: MeetingForum, on: string, minute: string) => `${MEETING_FORUM_SHORT[forum]}, ${formatDay(on)}, minute ${minute}`;

export type AgendaItem = { id: number; title: string; source: 'plan' | 'hand' | 'commitment'; commitmentId: number | null };

/** A commitment as the pages, the flags and the report read it. */
export type CommitmentView = {
  id: number;
  version: number;
  actionId: number;
  actionVersion: number;
  /** What is due, in the minutes' words as staff confirmed them (the action's title). */
  what: string;
  minute: string;
  minuteTitle: string;
  quote: string;
  givenBy: string;
  dueText: string | null;
  from: { id: number; forum: MeetingForum; on: string };
  due: { id: number; forum: MeetingForum; on: string; items: readonly AgendaItem[] } | null;
  dueOn: string;
  status: ActionStatus;
  ownerId: number;
  ownerName: string;
  riskRef: string | null;
  latestUpdate: { note: string; on: string } | null;
};

export const isOpen = (c: Pick<CommitmentView, 'status'>) => !CLOSED_ACTION_STATUSES.includes(c.status);

/** Whether the meeting a commitment is due at carries it: an item put there for it, or one about it. */
export function carried(c: Pick<CommitmentView, 'id' | 'what' | 'minuteTitle' | 'due'>): boolean {
  if (!c.due) return true;
  return c.due.items.some((item) => item.commitmentId === c.id || itemCarries(item.title, { what: c.what, minuteTitle: c.minuteTitle }));
}

/** "Requested at minute 24 for the 27 September 2018 meeting; not on its forward plan", or null. */
export function offPlanMessage(c: Pick<CommitmentView, 'id' | 'what' | 'minuteTitle' | 'due' | 'minute' | 'status'>): string | null {
  if (!isOpen(c) || !c.due || carried(c)) return null;
  return `Requested at minute ${c.minute} for the ${formatDay(c.due.on)} meeting; not on its forward plan`;
}

/** An open commitment is overdue once the meeting it is due at has passed, or (due at none) its due day. */
export function commitmentOverdue(c: Pick<CommitmentView, 'status' | 'due' | 'dueOn'>, today: string): boolean {
  return isOpen(c) && (c.due ? c.due.on < today : c.dueOn < today);
}

/**
 * The agenda item a commitment suggests for the plan that lacks it: a request to put something on the plan names
 * the item itself ("a report re stress related absences was put on the forward work plan …" gives "A report re
 * stress related absences"); any other commitment is its own words.
 */
export function suggestedAgendaItem(what: string): string {
  return commitmentTitle(what.replace(PLAN_REQUEST, '').trim() || what);
}

/** A commitment's words as its action's title: "a full report would be submitted …" gives "A full report would be submitted …". */
export function commitmentTitle(what: string): string {
  return capitalise(what.trim().replace(/[.;]$/, ''));
}

/** Whether a commitment may move to `meeting`: a meeting of its forum after the one that minuted it, other than the one it is due at. */
export function mayMoveTo(c: Pick<CommitmentView, 'from' | 'due'>, meeting: { id: number; forum: MeetingForum; on: string }): boolean {
  return meeting.forum === c.from.forum && meeting.on > c.from.on && meeting.id !== c.due?.id;
}

/** When a commitment is due, in words: "at the 27 September 2018 meeting", "by 5 April 2020". */
export const dueWords = (c: Pick<CommitmentView, 'due' | 'dueOn'>) => (c.due ? `at the ${formatDay(c.due.on)} meeting` : `by ${formatDay(c.dueOn)}`);

/**
 * A meeting's matters arising: the commitments due at it, then those still open from earlier meetings (due at
 * an earlier meeting or by an earlier day), of the same forum, oldest first.
 */
export function mattersArising(
  all: readonly CommitmentView[],
  meeting: { id: number; forum: MeetingForum; on: string },
): { dueHere: CommitmentView[]; stillOpen: CommitmentView[] } {
  const sameForum = all.filter((c) => c.from.forum === meeting.forum && c.from.on < meeting.on);
  const dueHere = sameForum.filter((c) => c.due?.id === meeting.id);
  const stillOpen = sameForum.filter((c) => c.due?.id !== meeting.id && isOpen(c) && (c.due ? c.due.on < meeting.on : c.dueOn < meeting.on));
  const order = (a: CommitmentView, b: CommitmentView) => a.from.on.localeCompare(b.from.on) || a.id - b.id;
  return { dueHere: dueHere.sort(order), stillOpen: stillOpen.sort(order) };
}

/** One matter arising as the covering report prints it: its source, what, who, when, status and latest update. */
export function matterArisingText(c: CommitmentView): string {
  const update = c.latestUpdate ? ` Latest update (${formatDay(c.latestUpdate.on)}): ${c.latestUpdate.note.trim()}` : ' No update recorded.';
  return `Minute ${c.minute} (${formatDay(c.from.on)}): ${c.what.trim().replace(/[.;]$/, '')}. Given by ${midSentence(c.givenBy)}; due ${dueWords(c)}; owner ${c.ownerName}. Status: ${ACTION_STATUS_LABEL[c.status]}.${update}`;
}

/** The commitments export's columns (docs/exports.md): codes for scripts, the minutes' words verbatim. */
export const COMMITMENT_CSV_HEADERS = [
  'commitment_id',
  'action_id',
  'source',
  'forum',
  'minuted_on',
  'minute',
  'minute_title',
  'quote',
  'given_by',
  'what',
  'due_text',
  'due_meeting_on',
  'due_on',
  'owner',
  'status',
  'risk_ref',
  'latest_update_on',
  'latest_update',
  'off_plan',
  'overdue',
] as const;

/** One commitment as a row of the export, in COMMITMENT_CSV_HEADERS order. */
export function commitmentCsvValues(c: CommitmentView, today: string): Array<string | number | null> {
  return [
    c.id,
    c.actionId,
    commitmentSource(c.from.forum, c.from.on, c.minute),
    c.from.forum,
    c.from.on,
    c.minute,
    c.minuteTitle,
    c.quote,
    c.givenBy,
    c.what,
    c.dueText,
    c.due?.on ?? null,
    c.dueOn,
    c.ownerName,
    c.status,
    c.riskRef,
    c.latestUpdate?.on ?? null,
    c.latestUpdate?.note ?? null,
    offPlanMessage(c) ? 'yes' : 'no',
    commitmentOverdue(c, today) ? 'yes' : 'no',
  ];
}
