/**
 * Reads an HMICFRS (formerly HMIC) inspection report's text: force, year, type, the graded judgments,
 * and every area for improvement, cause of concern and recommendation with its component.
 *
 * The cues (DOMAIN.md, from the two Wiltshire reports and the report templates):
 * - a finding block starts at a heading line of its own — "Areas for improvement" / "Area for improvement",
 *   "Cause(s) of concern", "Recommendation(s)" — and holds the "- " bullets that follow, up to the first
 *   blank line after them; an indented " - " bullet under a stem ending in ":" is a sub-item of that stem;
 * - prose that mentions "area for improvement" or "we recommend", and bullet lists under any other heading,
 *   are never findings;
 * - a component is a heading that carries a grade (the grade on the next lines, or inline as **Ungraded**);
 *   in the 2016 layout the grade comes after "Summary of findings" at the end of the section, and the
 *   findings block follows it, so the component is the last graded heading seen before the block;
 * - headings that ask "How effectively/efficiently/legitimately does the force …?" are pillars, not components;
 * - "within three months" in a finding gives its deadline.
 */

export const GRADES = ['Outstanding', 'Good', 'Requires improvement', 'Inadequate', 'Ungraded'] as const;
export type Grade = (typeof GRADES)[number];

export type FindingKind = 'area-for-improvement' | 'cause-of-concern' | 'recommendation';

export type ParsedFinding = {
  kind: FindingKind;
  component: string | null;
  text: string;
  subItems: string[];
  withinMonths: number | null;
  line: number;
  /** For a recommendation under a cause of concern: the cause's line. */
  causeLine?: number;
};

export type ParsedJudgment = { pillar: string | null; component: string; grade: Grade; lastInspected: string | null };

export type ParsedReport = {
  force: string;
  title: string;
  inspectorate: string;
  year: string;
  type: string;
  published: string | null;
  judgments: ParsedJudgment[];
  findings: ParsedFinding[];
};

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  eighteen: 18,
  'twenty-four': 24,
};

/** Strips markdown emphasis and heading marks from a line. */
function plain(line: string): string {
  return (
    line
      .replace(/^#+\s*/, '')
      .replace(/\*\*|__/g, '')
      // A markdown link's text and address stop at the next bracket, so a line of unclosed brackets is read
      // once, not once from each bracket (which took seconds on a line of 40,000 "[](").
      .replace(/\[([^[\]]*)\]\([^()]*\)/g, '$1')
      .trim()
  );
}

/** A grade named alone on a line (bold or not), or null. */
export function gradeOf(text: string): Grade | null {
  const t = plain(text).replace(/[.:]$/, '').toLowerCase();
  return GRADES.find((g) => g.toLowerCase() === t) ?? null;
}

const PILLAR_QUESTION = /^how (effectively|efficiently|legitimately) does the force\b.*\?$/i;
const PILLAR_NAMES = /^(effectiveness|efficiency|legitimacy|overall (judgment|judgement)\W*)$/i;
const SUMMARY_OF_FINDINGS = /^summary of findings$/i;

const AFI_HEADING = /^areas? for improvement:?$/i;
const COC_HEADING = /^causes? of concern:?$/i;
const REC_HEADING = /^recommendations?:?$/i;

/** "within three months" / "within 6 months" → months, or null. */
export function withinMonthsOf(text: string): number | null {
  const m = /within\s+(\d+|[a-z-]+)\s+months?/i.exec(text);
  if (!m) return null;
  const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : NUMBER_WORDS[m[1]!.toLowerCase()];
  return n ?? null;
}

type Line = { n: number; raw: string; text: string };

function isBullet(raw: string): boolean {
  return /^-\s+\S/.test(raw) || /^[•●]\s+\S/.test(raw);
}

function isSubBullet(raw: string): boolean {
  return /^\s+[-•●◦o]\s+\S/.test(raw) && !isBullet(raw);
}

function bulletText(raw: string): string {
  return plain(raw.replace(/^\s*[-•●◦o]\s+/, ''));
}

/** Reads the bullets after a heading: top-level bullets with their sub-items, to the first blank line after them. */
function readBullets(lines: Line[], start: number): { items: Array<{ line: number; text: string; subItems: string[] }>; end: number } {
  const items: Array<{ line: number; text: string; subItems: string[] }> = [];
  let i = start;
  while (i < lines.length && lines[i]!.text === '') i++;
  for (; i < lines.length; i++) {
    const { raw, n } = lines[i]!;
    if (raw.trim() === '') break;
    if (isBullet(raw)) items.push({ line: n, text: bulletText(raw), subItems: [] });
    else if (isSubBullet(raw) && items.length) items.at(-1)!.subItems.push(bulletText(raw));
    else if (items.length && !/^\s*$/.test(raw) && /^\s{2,}\S/.test(raw)) items.at(-1)!.text += ` ${plain(raw)}`;
    else break;
  }
  return { items, end: i };
}

/** Reads a paragraph (consecutive non-blank lines) after a heading, or its first bullet. */
function readParagraph(lines: Line[], start: number): { line: number; text: string; end: number } | null {
  let i = start;
  while (i < lines.length && lines[i]!.text === '') i++;
  if (i >= lines.length) return null;
  if (isBullet(lines[i]!.raw)) return { line: lines[i]!.n, text: bulletText(lines[i]!.raw), end: i + 1 };
  const first = i;
  const parts: string[] = [];
  for (; i < lines.length && lines[i]!.text !== ''; i++) parts.push(plain(lines[i]!.raw));
  return { line: lines[first]!.n, text: parts.join(' '), end: i };
}

function headingText(text: string): string {
  // Trimmed first, so the word is matched only at the end: a pattern starting with \s* would scan a long run
  // of spaces again from each of its positions.
  const t = plain(text).trimEnd();
  return (/\bUngraded$/i.test(t) ? t.slice(0, -'Ungraded'.length) : t).trim();
}

function previousNonEmpty(lines: Line[], i: number, limit = 6): number {
  for (let j = i - 1; j >= 0 && j >= i - limit; j--) if (lines[j]!.text !== '') return j;
  return -1;
}

const GRADE_WORDS = 'Outstanding|Good|Requires improvement|Inadequate|Ungraded';
const UNTABBED_PILLAR = new RegExp(`^(Effectiveness|Efficiency|Legitimacy)(?:\\s+(${GRADE_WORDS}))?\\s+Last inspected$`, 'i');
const UNTABBED_ROW = new RegExp(`^(.+?)\\s+(${GRADE_WORDS})(?:\\s+(\\d{4}(?:\\/\\d{2})?))?$`);

/** The longest line read as a summary-table row: real rows are short, and the row pattern backtracks. */
const MAX_ROW_LENGTH = 300;

/** Splits a summary-table row that lost its tabs, by the row's known shape; null when it is not one. */
function untabbedCells(text: string, inTable: boolean): string[] | null {
  if (text.length > MAX_ROW_LENGTH) return null;
  const pillar = UNTABBED_PILLAR.exec(text);
  if (pillar) return [pillar[1]!, ...(pillar[2] ? [pillar[2]] : []), 'Last inspected'];
  const row = inTable ? UNTABBED_ROW.exec(text) : null;
  if (row) return [row[1]!, row[2]!, ...(row[3] ? [row[3]] : [])];
  return null;
}

/** A line without the tabs at its end, in one pass (/\t+$/ would scan a run of tabs from each of them). */
function withoutTrailingTabs(raw: string): string {
  let end = raw.length;
  while (end > 0 && raw[end - 1] === '\t') end--;
  return raw.slice(0, end);
}

/** Parses a report's text. */
export function parseInspectionReport(input: string): ParsedReport {
  const lines: Line[] = input.split(/\r?\n/).map((raw, i) => ({ n: i + 1, raw: withoutTrailingTabs(raw), text: plain(raw) }));

  // Graded headings: a heading followed by a grade line, or carrying **Ungraded** inline.
  const graded = new Map<string, { grade: Grade; pillar: boolean }>();
  let lastKnownComponent: string | null = null;
  let lastQuestion: string | null = null;
  lines.forEach((line, i) => {
    const grade = gradeOf(line.raw);
    if (grade) {
      const p = previousNonEmpty(lines, i);
      if (p < 0) return;
      const heading = headingText(lines[p]!.raw);
      if (SUMMARY_OF_FINDINGS.test(heading)) {
        // 2016 layout: the section's grade follows its "Summary of findings"; the section is the last
        // heading already known as graded (from the overall summary), else the last question heading.
        const section = lastKnownComponent ?? lastQuestion;
        if (section && !graded.has(section)) graded.set(section, { grade, pillar: false });
        return;
      }
      if (heading.length > 3 && heading.length < 200 && !/\t/.test(lines[p]!.raw) && !gradeOf(lines[p]!.raw)) {
        if (!graded.has(heading)) graded.set(heading, { grade, pillar: PILLAR_QUESTION.test(heading) || PILLAR_NAMES.test(heading) });
      }
      return;
    }
    const inline = /^(.*\?)\s*\**Ungraded\**\s*$/i.exec(line.text);
    if (inline) graded.set(inline[1]!.trim(), { grade: 'Ungraded', pillar: false });
    if (/\t/.test(line.raw)) return;
    const known = graded.get(headingText(line.raw));
    if (known && !known.pillar) lastKnownComponent = headingText(line.raw);
    else if (/^how\b.*\?$/i.test(line.text) && !PILLAR_QUESTION.test(line.text)) lastQuestion = line.text;
  });

  // Judgments: the "Overall summary" table when the report has one, otherwise the graded headings.
  const judgments: ParsedJudgment[] = [];
  const summaryAt = lines.findIndex((l) => /^overall summary$/i.test(l.text));
  if (summaryAt >= 0) {
    let pillar: string | null = null;
    for (let i = summaryAt + 1; i < Math.min(lines.length, summaryAt + 40); i++) {
      const raw = lines[i]!.raw;
      // A PDF's text may lose the table's tabs: read "cells" from the row's known shape too.
      const cells: string[] | null = raw.includes('\t')
        ? raw
            .split('\t')
            .map((c) => plain(c))
            .filter(Boolean)
        : untabbedCells(plain(raw), pillar !== null);
      if (!cells) {
        if (lines[i]!.text !== '' && judgments.length) break;
        continue;
      }
      if (cells.includes('Last inspected')) {
        pillar = cells[0] ?? null;
        continue;
      }
      const gradeIndex = cells.findIndex((c) => gradeOf(c));
      if (gradeIndex > 0) {
        const lastInspected = cells.slice(gradeIndex + 1).find((c) => /^\d{4}(\/\d{2})?$/.test(c)) ?? null;
        judgments.push({ pillar, component: cells[gradeIndex - 1]!, grade: gradeOf(cells[gradeIndex]!)!, lastInspected });
      }
    }
  }
  if (judgments.length === 0) {
    let pillar: string | null = null;
    for (const [heading, info] of graded) {
      if (info.pillar) pillar = heading;
      else judgments.push({ pillar, component: heading, grade: info.grade, lastInspected: null });
    }
  }
  const componentNames = new Set([...graded].filter(([, v]) => !v.pillar).map(([k]) => k));
  for (const j of judgments) componentNames.add(j.component);

  // Findings.
  const findings: ParsedFinding[] = [];
  let component: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heading = headingText(line.raw);
    if (componentNames.has(heading) && !/\t/.test(line.raw)) {
      component = heading;
      continue;
    }
    if (AFI_HEADING.test(line.text)) {
      const { items, end } = readBullets(lines, i + 1);
      for (const item of items)
        findings.push({
          kind: 'area-for-improvement',
          component,
          text: item.text,
          subItems: item.subItems,
          withinMonths: withinMonthsOf([item.text, ...item.subItems].join(' ')),
          line: item.line,
        });
      i = Math.max(i, end - 1);
      continue;
    }
    if (COC_HEADING.test(line.text)) {
      const cause = readParagraph(lines, i + 1);
      if (!cause) continue;
      findings.push({ kind: 'cause-of-concern', component, text: cause.text, subItems: [], withinMonths: withinMonthsOf(cause.text), line: cause.line });
      let j = cause.end;
      while (j < lines.length && lines[j]!.text === '') j++;
      if (j < lines.length && REC_HEADING.test(lines[j]!.text)) {
        const { items, end } = readBullets(lines, j + 1);
        for (const item of items) {
          findings.push({
            kind: 'recommendation',
            component,
            text: item.text,
            subItems: item.subItems,
            withinMonths: withinMonthsOf([item.text, ...item.subItems].join(' ')),
            line: item.line,
            causeLine: cause.line,
          });
        }
        j = end;
      }
      i = Math.max(i, j - 1);
      continue;
    }
    if (REC_HEADING.test(line.text)) {
      const { items, end } = readBullets(lines, i + 1);
      for (const item of items)
        findings.push({
          kind: 'recommendation',
          component,
          text: item.text,
          subItems: item.subItems,
          withinMonths: withinMonthsOf([item.text, ...item.subItems].join(' ')),
          line: item.line,
        });
      i = Math.max(i, end - 1);
    }
  }

  // Report details.
  const texts = lines.map((l) => l.text);
  const forceMatch = texts.map((t) => /^An inspection of (.+?)\.?$/i.exec(t)).find(Boolean);
  const force = forceMatch ? forceMatch[1]!.trim() : 'Unknown force';
  let subject =
    texts
      .map((t) => /^PEEL:\s*(.+)$/i.exec(t))
      .find(Boolean)?.[1]
      ?.trim() ?? null;
  if (!subject) {
    const peel = texts.findIndex((t) => /^PEEL$/i.test(t));
    if (peel >= 0) subject = texts.slice(peel + 1).find((t) => t !== '') ?? null;
  }
  subject ??= texts.find((t) => /inspection/i.test(t)) ?? 'Inspection report';
  const title = `PEEL: ${subject} - An inspection of ${force}`;
  const year = /(\d{4}\/\d{2}|\d{4})\s*$/.exec(subject)?.[1] ?? '';
  const s = subject.toLowerCase();
  const pillars = ['effectiveness', 'efficiency', 'legitimacy'].filter((p) => s.includes(p));
  const type = pillars.length > 1 ? 'PEEL integrated assessment' : pillars.length === 1 ? `PEEL ${pillars[0]}` : /peel/i.test(input) ? 'PEEL' : 'Inspection';
  const inspectorate = /HMICFRS/.test(input) ? 'HMICFRS' : /HMIC\b/.test(input) ? 'HMIC' : 'HMICFRS';
  let published: string | null = null;
  for (const t of texts) {
    const m = /^(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{4})\b/i.exec(t);
    if (m) {
      published = `${m[2]}-${String(MONTH_NAMES.indexOf(m[1]!.toLowerCase()) + 1).padStart(2, '0')}`;
      break;
    }
  }
  const singlePillar = pillars.length === 1 ? pillars[0]!.charAt(0).toUpperCase() + pillars[0]!.slice(1) : null;
  for (const j of judgments) if (j.pillar && /^overall/i.test(j.pillar)) j.pillar = singlePillar;
  return { force, title, inspectorate, year, type, published, judgments, findings };
}

/** Whether parsed text looks like an inspection report at all. */
export function looksLikeReport(report: ParsedReport, input: string): boolean {
  return (
    /\b(HMICFRS|HMIC|inspectorate of constabulary)\b/i.test(input) &&
    (report.judgments.length > 0 || report.findings.length > 0 || report.force !== 'Unknown force')
  );
}
