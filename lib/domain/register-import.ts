/**
 * Reads a risk register as offices hold it: the table pasted from a committee paper (tab-separated,
 * with section rows "Inherent Risks"/"Topical Risks", repeated header rows, bullet cells with or without
 * their glyphs, DD-Mon-YY dates and OCR'd refs such as "14" for I4), or a CSV/XLSX sheet with one row per
 * risk. Nothing is saved here: the result is a preview with per-row warnings and errors.
 *
 * Bullet cells whose glyphs were lost (items run together with single spaces) cannot be split with
 * certainty — "P&C Plan", "Wiltshire Police" and "Estates strategy … appropriate Boards" all look like
 * item boundaries — so such a cell is kept whole as one item and flagged, for staff to split in the
 * preview. Words are never dropped or reordered.
 */
import { parseRef, type Category } from './categories';
import { normaliseImpactArea, sortImpactAreas, IMPACT_AREAS, type ImpactArea } from './impact-areas';
import { parseDay } from './dates';
import { isFactor } from './scoring';

export type ImportedRisk = {
  ref: string;
  category: Category;
  dateIdentified: string;
  event: string;
  consequences: string[];
  impactAreas: ImpactArea[];
  mitigations: string[];
  likelihood: number;
  control: number;
  impact: number;
  score: number;
  dateReviewed: string | null;
  summary: string;
  /** Parsed from the Summary: what the paper says happened, and the previous score it states. */
  summaryDirection: 'new' | 'increased' | 'reduced' | 'maintained' | null;
  previousScore: number | null;
  reason: string | null;
  line: number;
};

export type ImportIssue = { line: number; ref?: string; code: string; message: string };

export type ImportResult = { format: 'paper' | 'csv' | 'xlsx'; risks: ImportedRisk[]; warnings: ImportIssue[]; errors: ImportIssue[] };

/** The columns of a CSV or XLSX register, and the names they may go by. */
export const IMPORT_COLUMNS = {
  ref: ['id', 'ref', 'reference'],
  category: ['category'],
  dateIdentified: ['date identified', 'date_identified', 'identified'],
  event: ['event', 'risk'],
  consequences: ['consequence', 'consequences'],
  impactAreas: ['main impact area(s)', 'impact areas', 'impact_areas', 'main impact areas'],
  mitigations: ['mitigation and controls', 'mitigations', 'mitigation'],
  likelihood: ['l', 'likelihood'],
  control: ['c', 'control'],
  impact: ['i', 'impact'],
  score: ['score'],
  dateReviewed: ['date reviewed', 'date_reviewed', 'reviewed'],
  summary: ['summary'],
} as const;
type Column = keyof typeof IMPORT_COLUMNS;

const MONTHS: Record<string, string> = {
  jan: '01',
  feb: '02',
  mar: '03',
  apr: '04',
  may: '05',
  jun: '06',
  jul: '07',
  aug: '08',
  sep: '09',
  oct: '10',
  nov: '11',
  dec: '12',
};

/** Reads "31-Jan-17", "31/01/2017", "2017-01-31" (and an Excel date) as YYYY-MM-DD, or null. */
export function parseImportDate(value: unknown): string | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  const text = String(value ?? '').trim();
  let m = /^(\d{1,2})-([A-Za-z]{3})-(\d{2}|\d{4})$/.exec(text);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase()];
    const year = m[3]!.length === 2 ? `20${m[3]}` : m[3]!;
    const day = month ? `${year}-${month}-${m[1]!.padStart(2, '0')}` : null;
    return day && parseDay(day) ? day : null;
  }
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (m) {
    const day = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
    return parseDay(day) ? day : null;
  }
  return parseDay(text) ? text : null;
}

/** Reads the Summary column: direction word, "(previously N)", and the reason after the dash. */
export function parseSummary(text: string): { direction: ImportedRisk['summaryDirection']; previousScore: number | null; reason: string | null } {
  const m = /^\s*(increased?|reduced?|maintain(?:ed)?|new)\b\s*(?:\(previously\s+(\d+)\))?\s*(?:[-–]\s*)?(.*)$/i.exec(text);
  if (!m) return { direction: null, previousScore: null, reason: text.trim() || null };
  const word = m[1]!.toLowerCase();
  const direction = word.startsWith('increase') ? 'increased' : word.startsWith('reduce') ? 'reduced' : word.startsWith('maintain') ? 'maintained' : 'new';
  return { direction, previousScore: m[2] ? Number(m[2]) : null, reason: m[3]!.trim() || null };
}

/** Splits a bullet cell: on bullet glyphs or new lines when present; otherwise one item, flagged. */
export function splitBullets(cell: string, oneItemPerLine = false): { items: string[]; certain: boolean } {
  const text = cell
    .replace(/<ul[^>]*>/gi, '')
    .replace(/<\/?li[^>]*>/gi, '\n')
    .replace(/<\/ul>/gi, '')
    .trim();
  if (!text) return { items: [], certain: true };
  if (/[•●▪]/.test(text))
    return {
      items: text
        .split(/\s*[•●▪]\s*/)
        .map((s) => s.trim())
        .filter(Boolean),
      certain: true,
    };
  if (/\n/.test(text))
    return {
      items: text
        .split(/\s*\n\s*/)
        .map((s) => s.replace(/^[-*]\s+/, '').trim())
        .filter(Boolean),
      certain: true,
    };
  return { items: [text.replace(/\s+/g, ' ')], certain: oneItemPerLine };
}

/** Reads an impact-area cell ("Reputational Operational delivery Performance", or one per line / comma). */
export function parseImpactAreas(cell: string): { areas: ImpactArea[]; normalised: string[]; unknown: string[] } {
  const words = cell
    .replace(/[,;\n]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const areas: ImpactArea[] = [];
  const normalised: string[] = [];
  const unknown: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const two = i + 1 < words.length ? `${words[i]} ${words[i + 1]}` : null;
    const twoArea = two ? normaliseImpactArea(two) : null;
    if (twoArea && two!.includes(' ')) {
      areas.push(twoArea);
      if (two!.toLowerCase() !== twoArea.toLowerCase()) normalised.push(`${two} → ${twoArea}`);
      i++;
      continue;
    }
    const one = normaliseImpactArea(words[i]!);
    if (one && one !== 'Operational Delivery') {
      areas.push(one);
      if (words[i]!.toLowerCase() !== one.toLowerCase()) normalised.push(`${words[i]} → ${one}`);
    } else unknown.push(words[i]!);
  }
  return { areas: sortImpactAreas(areas), normalised, unknown };
}

type RawRow = Partial<Record<Column, unknown>> & { line: number; section?: Category; oneItemPerLine?: boolean };

function text(value: unknown): string {
  return value === null || value === undefined ? '' : String(value).trim();
}

/** Turns one raw row into a risk, recording warnings and errors against its line. */
function normaliseRow(raw: RawRow, warnings: ImportIssue[], errors: ImportIssue[]): ImportedRisk | null {
  const line = raw.line;
  let ref = text(raw.ref).toUpperCase();
  const declared = text(raw.category).toLowerCase();
  const category: Category | undefined = declared === 'inherent' || declared === 'topical' ? declared : raw.section;
  if (!parseRef(ref) && /^1\d+$/.test(ref) && category === 'inherent') {
    const corrected = `I${ref.slice(1)}`;
    warnings.push({ line, ref: corrected, code: 'ref-corrected', message: `ID printed as “${ref}” read as ${corrected} (an OCR’d “I”)` });
    ref = corrected;
  }
  const parsedRef = parseRef(ref);
  const problems: string[] = [];
  if (!parsedRef) problems.push(`the ID “${text(raw.ref)}” is not a risk ID such as I1 or T7`);
  const cat = category ?? parsedRef?.category;
  if (parsedRef && cat && parsedRef.category !== cat) problems.push(`${ref} is listed as ${cat} but its ID says ${parsedRef.category}`);
  const dateIdentified = parseImportDate(raw.dateIdentified);
  if (!dateIdentified) problems.push(`the date identified “${text(raw.dateIdentified)}” is not a date`);
  const event = text(raw.event).replace(/\s+/g, ' ');
  if (!event) problems.push('the event is empty');
  const factors = (['likelihood', 'control', 'impact'] as const).map((k) => Number(text(raw[k])));
  (['L', 'C', 'I'] as const).forEach((name, i) => {
    if (!isFactor(factors[i])) problems.push(`${name} “${text(raw[(['likelihood', 'control', 'impact'] as const)[i]!])}” is not a whole number from 1 to 4`);
  });
  const reviewed = text(raw.dateReviewed) ? parseImportDate(raw.dateReviewed) : null;
  if (text(raw.dateReviewed) && !reviewed) problems.push(`the date reviewed “${text(raw.dateReviewed)}” is not a date`);
  if (problems.length) {
    errors.push({ line, ref: parsedRef ? ref : text(raw.ref) || undefined, code: 'invalid-row', message: `Line ${line}: ${problems.join('; ')}` });
    return null;
  }
  const [likelihood, control, impact] = factors as [number, number, number];
  const score = likelihood * control * impact;
  const stated = text(raw.score);
  if (stated && Number(stated) !== score)
    warnings.push({ line, ref, code: 'score-mismatch', message: `${ref}: stated score ${stated} is not L × C × I = ${score}; ${score} is used` });
  const lists = {} as Record<'consequences' | 'mitigations', string[]>;
  for (const key of ['consequences', 'mitigations'] as const) {
    const split = splitBullets(text(raw[key]), raw.oneItemPerLine);
    lists[key] = split.items;
    if (!split.certain)
      warnings.push({
        line,
        ref,
        code: 'bullets-unsplit',
        message: `${ref}: the ${key} lost their bullet marks, so they are kept as one item; split them in the preview (one per line)`,
      });
  }
  const areas = parseImpactAreas(text(raw.impactAreas));
  if (areas.normalised.length) warnings.push({ line, ref, code: 'impact-area-normalised', message: `${ref}: impact area ${areas.normalised.join(', ')}` });
  if (areas.unknown.length)
    warnings.push({
      line,
      ref,
      code: 'impact-area-unknown',
      message: `${ref}: “${areas.unknown.join(' ')}” is not an impact area (${IMPACT_AREAS.join(', ')}); left out`,
    });
  const summary = text(raw.summary);
  const parsedSummary = parseSummary(summary);
  return {
    ref,
    category: cat!,
    dateIdentified: dateIdentified!,
    event,
    consequences: lists.consequences,
    impactAreas: areas.areas,
    mitigations: lists.mitigations,
    likelihood,
    control,
    impact,
    score,
    dateReviewed: reviewed,
    summary,
    summaryDirection: parsedSummary.direction,
    previousScore: parsedSummary.previousScore,
    reason: parsedSummary.reason,
    line,
  };
}

function finish(format: ImportResult['format'], rows: RawRow[], warnings: ImportIssue[], errors: ImportIssue[]): ImportResult {
  const risks: ImportedRisk[] = [];
  const seen = new Set<string>();
  for (const raw of rows) {
    const risk = normaliseRow(raw, warnings, errors);
    if (!risk) continue;
    if (seen.has(risk.ref)) {
      errors.push({ line: risk.line, ref: risk.ref, code: 'duplicate', message: `Line ${risk.line}: ${risk.ref} appears more than once` });
      continue;
    }
    seen.add(risk.ref);
    risks.push(risk);
  }
  if (risks.length === 0 && errors.length === 0) {
    errors.push({
      line: 0,
      code: 'not-a-register',
      message: 'This does not look like a risk register: no row has an ID, dates, an event and L, C and I scores',
    });
  }
  return { format, risks, warnings, errors };
}

const PAPER_HEADER = /^ID\tDate identified\tEvent/i;

/** Reads the register table as committee papers print it (tab-separated text). */
export function parsePaperRegister(input: string): ImportResult {
  const warnings: ImportIssue[] = [];
  const errors: ImportIssue[] = [];
  const rows: RawRow[] = [];
  let section: Category | undefined;
  input.split(/\r?\n/).forEach((lineText, index) => {
    const line = index + 1;
    const cells = lineText.split('\t');
    const first = cells[0]!.trim();
    if (/^inherent risks?$/i.test(first)) return void (section = 'inherent');
    if (/^topical risks?$/i.test(first)) return void (section = 'topical');
    if (cells.length < 10 || PAPER_HEADER.test(lineText) || first === '') return;
    const at = (i: number) => cells[i] ?? '';
    rows.push({
      line,
      section,
      ref: first,
      dateIdentified: at(1),
      event: at(2),
      consequences: at(3),
      impactAreas: at(4),
      mitigations: at(5),
      likelihood: at(6),
      control: at(7),
      impact: at(8),
      score: at(9),
      dateReviewed: at(10),
      summary: at(11),
    });
  });
  return finish('paper', rows, warnings, errors);
}

/** Reads rows with a header row (CSV or XLSX), matching columns by their documented names. */
export function parseTabularRegister(table: unknown[][], format: 'csv' | 'xlsx'): ImportResult {
  const warnings: ImportIssue[] = [];
  const errors: ImportIssue[] = [];
  const [header, ...body] = table;
  if (!header) return finish(format, [], warnings, errors);
  const columns = new Map<number, Column>();
  header.forEach((cell, i) => {
    const name = text(cell).toLowerCase();
    const match = (Object.keys(IMPORT_COLUMNS) as Column[]).find((col) => (IMPORT_COLUMNS[col] as readonly string[]).includes(name));
    if (match) columns.set(i, match);
    else if (name) warnings.push({ line: 1, code: 'unknown-column', message: `Column “${text(cell)}” is not one the importer knows; it is ignored` });
  });
  const rows: RawRow[] = body
    .map((cells, i) => {
      const raw: RawRow = { line: i + 2, oneItemPerLine: true };
      columns.forEach((col, index) => {
        raw[col] = cells[index];
      });
      return raw;
    })
    .filter((raw) => (Object.keys(IMPORT_COLUMNS) as Column[]).some((k) => text(raw[k])));
  if (![...columns.values()].includes('ref') || ![...columns.values()].includes('likelihood')) {
    errors.push({
      line: 1,
      code: 'not-a-register',
      message: 'This does not look like a risk register: the first row must name the columns, including ID, L, C and I',
    });
    return { format, risks: [], warnings, errors };
  }
  return finish(format, rows, warnings, errors);
}

/** Reads pasted or uploaded text: the paper's tab-separated table, or CSV. */
export function parseRegisterText(input: string, csvRows?: (text: string) => unknown[][]): ImportResult {
  if (/\t/.test(input) && /(^|\n)ID\tDate identified/i.test(input)) return parsePaperRegister(input);
  if (csvRows) {
    try {
      return parseTabularRegister(csvRows(input), 'csv');
    } catch (error) {
      return {
        format: 'csv',
        risks: [],
        warnings: [],
        errors: [{ line: 0, code: 'not-a-register', message: `This file could not be read as CSV: ${(error as Error).message}` }],
      };
    }
  }
  return finish('csv', [], [], []);
}
