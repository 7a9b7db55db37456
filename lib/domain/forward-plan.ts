/**
 * A Panel's forward work plan as the agenda pack prints it (a table of date, location and provisional agenda
 * items; tab-separated when extracted, with the items bulleted in one cell), read into meetings. And the check
 * the office needs from it: a commitment due at a meeting whose provisional agenda does not carry it.
 */
import { readDayText, formatDay } from './dates';
import type { ProposedCommitment } from './minutes';

export type PlannedMeeting = { on: string; time: string | null; location: string | null; items: string[] };

const stripTags = (text: string) => text.replace(/<[^>]{0,200}>/g, ' ');

/** Each dated row of the plan: "27 th September 2018 10:30am-1pm<TAB>County Hall, Trowbridge<TAB>• item • item". */
export function parseForwardPlan(input: string): PlannedMeeting[] {
  const meetings: PlannedMeeting[] = [];
  for (const raw of input.replace(/\r\n?/g, '\n').split('\n')) {
    const cells = stripTags(raw)
      .split('\t')
      .map((c) => c.replace(/\s+/g, ' ').trim());
    const when = /^(\d{1,2})\s?(?:st|nd|rd|th)?\s+([A-Za-z]+)\s+(\d{4})\s*(.*)$/.exec(cells[0] ?? '');
    const on = when ? readDayText(`${when[1]} ${when[2]} ${when[3]}`) : null;
    if (!on) continue;
    const items = (cells[2] ?? '')
      .split('•')
      .map((item) => item.trim())
      .filter(Boolean);
    meetings.push({ on, time: when![4]?.trim() || null, location: cells[1] && cells[1] !== 'TBC' ? cells[1] : null, items });
  }
  return meetings.sort((a, b) => a.on.localeCompare(b.on));
}

/** The words that name what a commitment or an agenda item is about: five letters or more, or an acronym (CPT), no filler. */
const FILLER = new Set(['report', 'would', 'forward', 'meeting', 'police', 'wiltshire', 'panel', 'requested', 'update', 'member', 'members', 'questions']);
const topicWords = (text: string) =>
  new Set([...(text.match(/\b[A-Z]{3,}\b/g) ?? []), ...(text.match(/[A-Za-z]{5,}/g) ?? [])].map((w) => w.toLowerCase()).filter((w) => !FILLER.has(w)));

/** A request to put an item on the forward plan names that item itself; other commitments are about their minute's subject too. */
export const PLAN_REQUEST = /\b(?:was|be|were) (?:put on|added to|included in) the forward (?:work )?plan\b.*$/i;

/** Whether an agenda item is about the commitment: two of its topic words in the item (or all it has). */
export function itemCarries(item: string, commitment: Pick<ProposedCommitment, 'what'> & { minuteTitle?: string }): boolean {
  const request = PLAN_REQUEST.test(commitment.what);
  const wanted = topicWords(request ? commitment.what.replace(PLAN_REQUEST, '') : `${commitment.what} ${commitment.minuteTitle ?? ''}`);
  const found = topicWords(item);
  const shared = [...wanted].filter((w) => found.has(w)).length;
  return shared >= Math.min(2, wanted.size) && shared > 0;
}

export type OffThePlan = { commitment: ProposedCommitment; meeting: PlannedMeeting; message: string };

/** Commitments due at a planned meeting whose provisional agenda does not carry them. */
export function offThePlan(commitments: readonly ProposedCommitment[], plan: readonly PlannedMeeting[]): OffThePlan[] {
  return commitments.flatMap((commitment) => {
    const meeting = plan.find((m) => m.on === commitment.due.meetingOn);
    if (!meeting || meeting.items.some((item) => itemCarries(item, commitment))) return [];
    return [{ commitment, meeting, message: `Requested at minute ${commitment.minute} for the ${formatDay(meeting.on)} meeting; not on its forward plan` }];
  });
}
