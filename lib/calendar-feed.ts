/**
 * A person's private calendar feed (iCalendar, for Outlook and other clients to subscribe to): all-day
 * events for the review due dates of the risks they own (staff: every live risk), the due dates of their
 * actions, their findings' deadlines, the s.55 response dates (staff and administrators) and the meetings the
 * register is frozen for, and the recorded meetings of the Panel, CMB and JIAC with how many commitments are due at
 * each (a commitment's own due date comes with its owner's actions), each linking back to its page. References
 * and titles only.
 */
import ical, { ICalCalendarMethod } from 'ical-generator';
import type { DueData } from '@/lib/domain/reminders';
import { shortTitle } from '@/lib/domain/short-title';

export type CalendarPerson = { userId: number; role: 'admin' | 'staff' | 'owner' | 'board' | 'auditor' };
export type Meeting = { snapshotId: number; forum: string; meetingOn: string };
/** A recorded meeting of the Panel, the CMB or JIAC (Meetings), with what is due at it. */
export type ForumMeeting = { id: number; name: string; meetingOn: string; commitmentsDue: number };

/** A YYYY-MM-DD day as the Date ical-generator writes as an all-day DTSTART (UTC midnight, so the day never shifts). */
const allDay = (day: string) => new Date(`${day}T00:00:00Z`);

export function calendarFeed(
  person: CalendarPerson,
  data: DueData,
  meetings: readonly Meeting[],
  baseUrl: string,
  host: string,
  forumMeetings: readonly ForumMeeting[] = [],
): string {
  const office = person.role === 'staff' || person.role === 'admin';
  const calendar = ical({
    name: 'OPCC risk register',
    prodId: { company: 'OPCC', product: 'risk-register', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
  });
  const add = (id: string, day: string, summary: string, path: string) =>
    calendar.createEvent({
      id: `${id}@${host}`,
      start: allDay(day),
      allDay: true,
      // A short title, as the reminder emails give: the full text stays on the page the event links to.
      summary: shortTitle(summary),
      url: `${baseUrl}${path}`,
      description: `${baseUrl}${path}`,
      stamp: allDay(day),
    });
  for (const risk of data.risks)
    if (risk.reviewDueOn && (office || risk.ownerUserId === person.userId))
      add(`review-${risk.ref}`, risk.reviewDueOn, `${risk.ref} review due: ${risk.title}`, `/risks/${risk.ref}`);
  for (const action of data.actions)
    if (action.ownerUserId === person.userId) add(`action-${action.id}`, action.dueOn, `Action due (${action.ref}): ${action.title}`, `/actions/${action.id}`);
  for (const finding of data.findings)
    if (finding.deadline && finding.ownerUserId === person.userId)
      add(`finding-${finding.id}`, finding.deadline, `${finding.ref} deadline`, `/inspections/findings/${finding.id}`);
  if (office)
    for (const inspection of data.inspections)
      if (!inspection.responded) add(`s55-${inspection.id}`, inspection.s55DueOn, `s.55 response due: ${inspection.title}`, `/inspections/${inspection.id}`);
  for (const meeting of meetings)
    add(`meeting-${meeting.snapshotId}`, meeting.meetingOn, `${meeting.forum}: risk register`, `/snapshots/${meeting.snapshotId}`);
  for (const meeting of forumMeetings)
    add(
      `forum-meeting-${meeting.id}`,
      meeting.meetingOn,
      `${meeting.name}${meeting.commitmentsDue ? ` (${meeting.commitmentsDue} ${meeting.commitmentsDue === 1 ? 'commitment' : 'commitments'} due)` : ''}`,
      `/meetings/${meeting.id}`,
    );
  return calendar.toString();
}
