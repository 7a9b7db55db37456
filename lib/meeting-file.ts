/**
 * Reads a meeting paper (minutes or a forward work plan) from pasted text, a .txt/.md upload, the PDF of the
 * agenda pack, or a Word (.docx) file, into text; and reads that text as minutes or as a plan. Runs in a process
 * of its own (lib/parse-job.ts). Bad input gets a message a person understands, never an exception.
 */
import { parseForwardPlan, type PlannedMeeting } from './domain/forward-plan';
import { parseMinutes, type ParsedMinutes } from './domain/minutes';
import { unzipWithin } from './register-file';
import { readPdfText } from './report-file';
import { MEETING_TEXT_MAX_CHARACTERS, MEETING_UPLOAD_MAX_BYTES } from './upload-limits';

export type MeetingPaperJob = { paper: 'minutes' | 'plan' } & ({ name: string; content: Uint8Array } | { text: string });
export type MeetingPaperRead =
  { ok: true; paper: 'minutes'; minutes: ParsedMinutes } | { ok: true; paper: 'plan'; plan: PlannedMeeting[] } | { ok: false; message: string };

/** The most a Word file may unpack to: a plan or minutes is a few hundred kilobytes of XML. */
const MAX_DOCX_UNPACKED_BYTES = 20 * 1024 * 1024;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (text: string) =>
  text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e.toLowerCase()]!,
  );

/**
 * A Word document's text: paragraphs as lines; a table row as one line, its cells joined by tabs and the
 * paragraphs of a cell by " • " (so a plan's bulleted items read as the agenda pack's text does).
 */
export function docxText(documentXml: string): string {
  const out: string[] = [];
  let line = '';
  let cell: string[] | null = null;
  let paragraph = '';
  let row: string[] | null = null;
  const token = /<w:(tab|br|cr)\b[^>]{0,200}\/>|<(\/?)w:(p|tc|tr)\b[^>]{0,500}?(\/?)>|<w:t(?:\s[^>]{0,200})?>([^<]{0,100000})<\/w:t>/g;
  for (const m of documentXml.matchAll(token)) {
    if (m[1]) paragraph += m[1] === 'tab' ? '\t' : ' ';
    else if (m[5] !== undefined) paragraph += decode(m[5]);
    else {
      const closing = m[2] === '/' || m[4] === '/';
      const tag = m[3];
      if (tag === 'p' && closing) {
        if (cell) {
          if (paragraph.trim()) cell.push(paragraph.trim());
        } else out.push(`${line}${paragraph}`);
        paragraph = '';
        line = '';
      } else if (tag === 'tc' && !closing) cell = [];
      else if (tag === 'tc' && closing) {
        row?.push((cell ?? []).join(' • '));
        cell = null;
      } else if (tag === 'tr' && !closing) row = [];
      else if (tag === 'tr' && closing) {
        out.push((row ?? []).join('\t'));
        row = null;
      }
    }
  }
  return out.join('\n');
}

/** A meeting paper's text from a paste or an upload, or why it cannot be read. */
export async function readMeetingText(job: MeetingPaperJob): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  const what = job.paper === 'minutes' ? 'minutes' : 'forward work plan';
  if ('text' in job) {
    if (!job.text.trim()) return { ok: false, message: `Paste the ${what}, or choose a file` };
    return job.text.length > MEETING_TEXT_MAX_CHARACTERS ? { ok: false, message: tooLong(job.text.length, what) } : { ok: true, text: job.text };
  }
  const { name, content } = job;
  if (content.byteLength === 0) return { ok: false, message: 'The file is empty' };
  if (content.byteLength > MEETING_UPLOAD_MAX_BYTES) return { ok: false, message: 'The file must be smaller than 10 MB' };
  const head = Buffer.from(content.subarray(0, 5)).toString('latin1');
  let text: string;
  if (head === '%PDF-') {
    const read = await readPdfText(content, `the ${what}`);
    if (!read.ok) return read;
    text = read.text;
  } else if (head.startsWith('PK')) {
    const unpacked = unzipWithin(content, MAX_DOCX_UNPACKED_BYTES);
    if (unpacked === null) return { ok: false, message: 'This file is not a Word (.docx) document that can be read. Save it again from Word and upload it.' };
    if ('tooLarge' in unpacked) return { ok: false, message: `This file unpacks to more than 20 MB, far more than any ${what} needs, so it was not read.` };
    const xml = unpacked.files['word/document.xml'];
    if (!xml) return { ok: false, message: 'This file is not a Word (.docx) document that can be read. Save it again from Word and upload it.' };
    text = docxText(Buffer.from(xml).toString('utf8'));
  } else {
    if (!/\.(txt|md)$/i.test(name)) return { ok: false, message: 'The file must be a PDF, a Word (.docx) document, or text (.txt or .md)' };
    if (content.includes(0)) return { ok: false, message: 'The file is not text: upload a PDF, a Word (.docx) document, or a .txt or .md file' };
    text = Buffer.from(content).toString('utf8');
  }
  if (text.length > MEETING_TEXT_MAX_CHARACTERS) return { ok: false, message: tooLong(text.length, what) };
  return { ok: true, text };
}

const tooLong = (length: number, what: string) =>
  `The text is ${length.toLocaleString('en-GB')} characters, more than the ${MEETING_TEXT_MAX_CHARACTERS.toLocaleString('en-GB')} any ${what} needs: check it is the right document`;

/** Reads a meeting paper and what it holds; refuses text that holds no minutes or no dated meetings. */
export async function readMeetingPaper(job: MeetingPaperJob): Promise<MeetingPaperRead> {
  const read = await readMeetingText(job);
  if (!read.ok) return read;
  if (job.paper === 'plan') {
    const plan = parseForwardPlan(read.text);
    if (!plan.length)
      return {
        ok: false,
        message: 'No meetings were found: a forward work plan lists each meeting’s date (for example “27 September 2018”), its place and its items',
      };
    return { ok: true, paper: 'plan', plan };
  }
  const minutes = parseMinutes(read.text);
  if (!minutes.meetings.length)
    return { ok: false, message: 'No minutes were found: the text must name its meeting, for example “Minutes of the meeting held on 22 March 2018”' };
  return { ok: true, paper: 'minutes', minutes };
}
