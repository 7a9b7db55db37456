/**
 * Reads a meeting's minutes and proposes the commitments they record: what was promised, by whom, from which
 * minute, and when it is due. Nothing is invented: each proposal quotes its sentence word for word, and a
 * sentence that promises nothing is not proposed. Staff confirm, edit or drop each one.
 *
 * Minutes come as the agenda pack prints them, as `pdftotext` lays out a PDF (hard line breaks, indents, page
 * numbers), or in other councils' usual forms ("39/20" items, "RESOLVED that" lists, "Actions/further
 * information to be provided:"). The reader unwraps lines into paragraphs, splits the text into numbered
 * minutes, and looks in each for the forms a promise takes in minutes:
 * - "It was agreed that X would …", "It was noted that a report would be submitted …";
 * - "The Commissioner advised that … would be made available …";
 * - "The Chairman requested that … was put on the forward work plan for …";
 * - "The PCC proposed that … was added to …";
 * - the items of a decisions list ("Decisions:", "RESOLVED that", "Actions/further information to be
 *   provided:"): "That Emily Higson would research …", "the Commissioner provides …", "The OPCC to provide …".
 * Points noted in discussion ("Points made included:") and questions with their replies are not promises.
 * All patterns are linear: no nested quantifiers over the same text.
 */
import { addMonths } from 'date-fns';
import { dayParts, parseDay, readDayText, toDay } from './dates';

export type CommitmentDue = {
  /** The words of the minutes that say when ("the next meeting", "the September 2018 meeting"), or null. */
  text: string | null;
  /** The meeting it is due at, when the minutes name one the reader can date. */
  meetingOn: string | null;
  /** The day it is due by, when the minutes give one or a period from the meeting. */
  day: string | null;
};

export type ProposedCommitment = {
  /** The meeting whose minutes record it (YYYY-MM-DD), when the minutes say. */
  meetingOn: string | null;
  /** Its minute's number, as the minutes print it: "24", "39/20". */
  minute: string;
  /** Its minute's title: "Quarterly data (Q3)- Risk / Performance / Finance / Complaints". */
  minuteTitle: string;
  /** The sentence it came from, verbatim (line breaks joined). */
  quote: string;
  /** Who gives it: "The Commissioner", "The office (OPCC)", "The Panel", or the people named. */
  by: string;
  /** What is due, in the minutes' words. */
  what: string;
  due: CommitmentDue;
};

export type ParsedMinutes = {
  /** The meetings whose minutes the text holds, in order. */
  meetings: string[];
  /** Meeting dates the minutes announce ("The next meeting … will be on …", "Future meeting dates were: …"). */
  futureMeetings: string[];
  commitments: ProposedCommitment[];
};

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = `(?:${MONTHS.map((m) => `${m[0]!.toUpperCase()}${m.slice(1)}`).join('|')})`;

/** Lines a PDF or agenda pack adds that are not the minutes' words. */
const FURNITURE = [/^page \d+( of \d+)?$/i, /^\d{1,3}$/, /^this page is intentionally left blank$/i, /^none$/i];

/** A minute's heading: "24 Quarterly data", "24. Title", "39/20 Police and Crime Plan …". */
const MINUTE_HEADING = /^(\d{1,3}(?:\/\d{2,4})?)\.?\s+(?:\*\*)?([A-Z].{0,150})$/;

/** A day in the minutes' usual forms: "22 MARCH 2018", "Thursday 14 June 2018", "14th June 2018". */
const DAY_TEXT = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH})\\b,?(?:\\s+(\\d{4}))?`, 'i');

const clean = (line: string) => line.replace(/\*\*/g, '').replace(/\s+/g, ' ').trim();

/** A day from "22 MARCH 2018", "27 September" (the year from `yearOf` when the text has none), or null. */
function dayFrom(text: string, yearOf?: (month: number) => number): string | null {
  const match = DAY_TEXT.exec(text);
  if (!match) return null;
  const month = MONTHS.indexOf(match[2]!.toLowerCase()) + 1;
  const year = match[3] ? Number(match[3]) : yearOf?.(month);
  return year ? readDayText(`${match[1]} ${match[2]} ${year}`) : null;
}

type Paragraph = { text: string; bullet: boolean };
type Minute = { number: string; heading: string; meetingOn: string | null; paragraphs: Paragraph[] };

/** Unwraps the text into paragraphs (a blank line, a bullet or a heading starts one) under numbered minutes. */
function readMinutes(input: string): { minutes: Minute[]; meetings: string[]; futureMeetings: string[] } {
  const lines = input.replace(/\r\n?/g, '\n').replace(/\f/g, '\n').split('\n').map(clean);
  const minutes: Minute[] = [];
  const meetings: string[] = [];
  const futureMeetings: string[] = [];
  let meetingOn: string | null = null;
  let current: Minute | null = null;
  let paragraph: Paragraph | null = null;
  let header = '';
  const close = () => {
    if (paragraph && current && paragraph.text) current.paragraphs.push(paragraph);
    paragraph = null;
  };
  for (const line of lines) {
    if (FURNITURE.some((f) => f.test(line))) continue;
    // A minutes header, possibly over several lines: "DRAFT MINUTES OF THE … MEETING HELD ON 22 MARCH 2018 …".
    // Only at a line's start: "The minutes of the meeting held on 1 February 2018 were agreed" is a minute's text.
    if (/^(?:draft\s+)?minutes of\b/i.test(line) || header) {
      header = `${header} ${line}`.trim();
      const held = /\bheld\b(.{0,120})/i.exec(header);
      const day = held ? dayFrom(held[1]!) : null;
      if (day) {
        close();
        meetingOn = day;
        meetings.push(day);
        current = null;
        header = '';
        continue;
      }
      if (!line || header.length > 400) header = '';
      else continue;
    }
    const heading = MINUTE_HEADING.exec(line);
    if (heading && meetingOn && (!current || followsOn(current.number, heading[1]!))) {
      close();
      current = { number: heading[1]!, heading: heading[2]!, meetingOn, paragraphs: [] };
      minutes.push(current);
      continue;
    }
    if (!current) continue;
    if (!line) {
      close();
      continue;
    }
    const bullet = /^([-•*]|\([a-z0-9]{1,3}\))\s+/.exec(line);
    if (bullet) {
      close();
      paragraph = { text: line.slice(bullet[0].length), bullet: true };
      continue;
    }
    paragraph = paragraph ? { ...paragraph, text: `${paragraph.text} ${line}` } : { text: line, bullet: false };
  }
  close();
  // Meeting dates the minutes announce, for "the next meeting" and "the September 2018 meeting".
  for (const minute of minutes) {
    const year = Number(minute.meetingOn!.slice(0, 4));
    const monthOfMeeting = Number(minute.meetingOn!.slice(5, 7));
    const yearOf = (month: number) => (month >= monthOfMeeting ? year : year + 1);
    for (const p of minute.paragraphs) {
      const announced = /\bnext meeting\b.*\b(?:will be|is)\b(?: held)?(?: on)?\s+(.*)/i.exec(p.text);
      const listed = p.bullet && /^\d{1,2}(?:st|nd|rd|th)?\s/.test(p.text) && /future meeting|meeting dates/i.test(minute.heading);
      const day = announced ? dayFrom(announced[1]!, yearOf) : listed ? dayFrom(p.text, yearOf) : null;
      if (day && day > minute.meetingOn! && !futureMeetings.includes(day)) futureMeetings.push(day);
    }
  }
  futureMeetings.sort();
  return { minutes, meetings, futureMeetings };
}

/** Whether a minute number plausibly follows the one before (so a line starting "27 September" is not a minute). */
function followsOn(previous: string, next: string): boolean {
  const [a, aYear] = previous.split('/');
  const [b, bYear] = next.split('/');
  if (aYear !== bYear) return false;
  const gap = Number(b) - Number(a);
  return gap >= 1 && gap <= 5;
}

/** The sentences of a paragraph, each verbatim. */
function sentences(text: string): string[] {
  return text
    .split(/(?<=[.;])\s+(?=(?:\(?[a-z]\)\s)?[A-Z])/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Who a promise's subject names, in the register's words. */
function who(subject: string, fallback: string): string {
  const s = subject.trim();
  if (/\b(commissioner|pcc)\b/i.test(s) && !/\b(pcp|panel)\b/i.test(s)) return 'The Commissioner';
  if (/\b(opcc|office|chief executive)\b/i.test(s) && !/^(cllr|councillor|mr|mrs|ms|dr)\b/i.test(s)) return 'The office (OPCC)';
  if (/\b(chair(man)?|panel|pcp|members)\b/i.test(s)) return 'The Panel';
  if (/^(?:(?:cllr|councillor|mr|mrs|ms|dr)\.?\s+)?[A-Z][a-z'-]+\s+[A-Z]/.test(s)) return s.replace(/^the\s+/i, '');
  return fallback;
}

/** The verbs a promise is made with: something will be provided, sent, brought or reported. */
const DELIVER = '(?:made available|provided|circulated|submitted|sent|shared|brought|reported|presented|added|put)';

type Match = { by: string; what: string };

/** A sentence's promise, if it makes one. `decision` is true for the items of a decisions or actions list. */
function promiseIn(sentence: string, decision: boolean, minuteBy: string): Match | null {
  const s = sentence.replace(/\.$/, '');
  let m: RegExpExecArray | null;
  if ((m = /\bIt was agreed that (.+?) would (.+)$/i.exec(s))) {
    const by = /\bby (the )?(OPCC|Commissioner|PCC|Panel|Chief Executive)\b/i.exec(m[2]!);
    return { by: by ? who(by[2]!, minuteBy) : who(m[1]!, minuteBy), what: `${m[1]} would ${m[2]}` };
  }
  if ((m = new RegExp(`\\bIt was noted that (.+?) would be ${DELIVER}\\b(.*)$`, 'i').exec(s)))
    return { by: minuteBy, what: s.replace(/^It was noted that /i, '') };
  if ((m = new RegExp(`^(.+?) (?:advised|confirmed|undertook|agreed|said|promised) that (.+? would be ${DELIVER}\\b.*)$`, 'i').exec(s)))
    return { by: who(m[1]!, minuteBy), what: m[2]! };
  if ((m = /^(.+?) requested that (.+? (?:was|be|were) (?:put on|added to|included in) the forward (?:work )?plan\b.*)$/i.exec(s)))
    return { by: 'The Panel', what: m[2]! };
  if ((m = /^(.+?) proposed that (.+? (?:was|be|were) added to .+)$/i.exec(s))) return { by: who(m[1]!, minuteBy), what: m[2]! };
  if (!decision) return null;
  // A decisions or actions list's items: "That X would …", "the Commissioner provides …", "The OPCC to provide …".
  if ((m = /^(?:That )?(.+?) (?:would|will|to) (?!be noted)(\w.+)$/i.exec(s)) && !/\bbe noted\b|\bbe confirmed\b|\bbe received\b/i.test(s))
    return { by: who(m[1]!, minuteBy), what: s.replace(/^That /i, '') };
  if ((m = /^(?:That )?(?:the )?(Commissioner|PCC|OPCC|Chief Executive)\b(.+)$/i.exec(s)) && !/\bbe noted\b/i.test(s))
    return { by: who(m[1]!, minuteBy), what: s.replace(/^That /i, '') };
  return null;
}

/** When a promise is due, from its words, dated against the meetings the minutes name. */
function dueOf(sentence: string, meetingOn: string | null, futureMeetings: readonly string[]): CommitmentDue {
  const next = /\b(?:at|to|for|by) the next (?:panel |pcp )?meeting\b/i.exec(sentence);
  if (next) return { text: 'the next meeting', meetingOn: futureMeetings.find((d) => !meetingOn || d > meetingOn) ?? null, day: null };
  const monthMeeting = new RegExp(`\\b(?:for|at|to|in) (?:the )?(${MONTH}) (\\d{4})(?: meeting)?\\b`, 'i').exec(sentence);
  if (monthMeeting) {
    const month = String(MONTHS.indexOf(monthMeeting[1]!.toLowerCase()) + 1).padStart(2, '0');
    const prefix = `${monthMeeting[2]}-${month}`;
    return { text: `the ${monthMeeting[1]} ${monthMeeting[2]} meeting`, meetingOn: futureMeetings.find((d) => d.startsWith(prefix)) ?? null, day: null };
  }
  const within = /\bwithin (one|two|three|four|six|twelve|\d{1,2}) (month|week)s?\b/i.exec(sentence);
  if (within && meetingOn && parseDay(meetingOn)) {
    const words: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, six: 6, twelve: 12 };
    const n = words[within[1]!.toLowerCase()] ?? Number(within[1]);
    const from = parseDay(meetingOn)!;
    const day = within[2]!.toLowerCase() === 'month' ? addMonths(from, n) : new Date(from.getFullYear(), from.getMonth(), from.getDate() + 7 * n);
    return { text: within[0], meetingOn: null, day: toDay(day) };
  }
  const by = /\bby (\d{1,2}(?:st|nd|rd|th)? [A-Za-z]+ \d{4})\b/.exec(sentence);
  const day = by ? readDayText(by[1]!) : null;
  if (day && dayParts(day)) return { text: `by ${by![1]}`, meetingOn: null, day };
  return { text: null, meetingOn: null, day: null };
}

/** A heading or line that starts a list of decisions or actions. */
const DECISIONS = /^(decisions?|resolved|agreed|actions?(\/further information to be provided)?|actions arising)\b.*:?$|^resolved that\b/i;

/** Who speaks for a minute by default: the office, unless its text says the Commissioner presented it. */
function minuteSpeaker(minute: Minute): string {
  const opening = minute.paragraphs[0]?.text ?? '';
  return /^The (Commissioner|PCC)\b/i.test(opening) ? 'The Commissioner' : 'The office (OPCC)';
}

/** The commitments a set of minutes records, in order, each quoting its sentence. */
export function parseMinutes(input: string): ParsedMinutes {
  const { minutes, meetings, futureMeetings } = readMinutes(input);
  const commitments: ProposedCommitment[] = [];
  for (const minute of minutes) {
    const speaker = minuteSpeaker(minute);
    let decisions = false;
    for (const p of minute.paragraphs) {
      // A "Points made included:" list records discussion; a decisions or actions list records what was agreed.
      if (!p.bullet) decisions = DECISIONS.test(p.text);
      const resolved = /^RESOLVED that\s*(.*)$/i.exec(p.text);
      const parts = resolved ? (resolved[1] ? [resolved[1]] : []) : sentences(p.text);
      for (const sentence of parts) {
        const inList = decisions && (p.bullet || !!resolved);
        const found = promiseIn(sentence, inList, speaker);
        if (!found) continue;
        commitments.push({
          meetingOn: minute.meetingOn,
          minute: minute.number,
          minuteTitle: minute.heading,
          quote: sentence,
          by: found.by,
          what: found.what.replace(/[.;]$/, ''),
          due: dueOf(sentence, minute.meetingOn, futureMeetings),
        });
      }
    }
  }
  return { meetings, futureMeetings, commitments };
}
