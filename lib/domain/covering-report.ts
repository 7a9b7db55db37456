/**
 * The quarterly covering report to the audit committee and the Police and Crime Panel, drafted from a
 * frozen snapshot in the structure of the paper's report (agenda pack 14 June 2018, lines 2103-2169):
 * purpose; background (cadence, categories and the removal rule, owners, the appetite); key risks —
 * inherent, then topical existing, then new — each "Risk I1: <event> (moderate risk)" with a paragraph
 * drafted from its reviews; counts in words; risks removed since the last report; Appendix A the
 * register with its Summary column; Appendix B the glossary and the risk key.
 *
 * Pure: the draft is computed from data; staff then edit the narrative, which is kept apart from the
 * derived parts so that counts, headings and the appendices always agree with the snapshot.
 */
import { capitalise } from './words';
import { describeRemovalRule, type Category, type RemovalComparator } from './categories';
import { inWords } from './dashboard';
import { formatDay } from './dates';
import type { Direction } from './direction';
import { FORUM_LABEL, type Forum } from './forums';
import { GLOSSARY } from './glossary';
import { BANDS, bandLabel, bandOf, type BandName } from './scoring';
import type { FactorKey } from './settings';

export type ReportFactors = { likelihood: number | null; control: number | null; impact: number | null; score: number };

/** One live risk in the snapshot, with the review before its latest one (what the paragraph explains). */
export type ReportRisk = {
  ref: string;
  category: Category;
  event: string;
  dateIdentified: string;
  band: BandName;
  factors: ReportFactors;
  dateReviewed: string | null;
  summary: string;
  reason: string | null;
  direction: Direction;
  previous: ReportFactors | null;
  /** Appendix A's lists, as they stood on the as-at day. */
  consequences?: string[];
  impactAreas?: string[];
  mitigations?: string[];
};

/** `lastScore`: its score in the last report; `removedAtScore`: the score of the review that removed it. */
export type RemovedRisk = {
  ref: string;
  event: string;
  archivedOn: string | null;
  reason: string | null;
  lastScore: number | null;
  removedAtScore?: number | null;
};

export type ReportInput = {
  forum: Forum;
  meetingOn: string;
  asAt: string;
  appetite: number;
  /** The appetite in the last report's snapshot; null when there is no earlier report. */
  previousAppetite: number | null;
  removalComparator: RemovalComparator;
  removalThreshold: number;
  factorNames: Record<FactorKey, string>;
  risks: ReportRisk[];
  /** Refs in the last report's snapshot; null when this is the first report. */
  previousRefs: string[] | null;
  /** Risks archived after the last report's as-at day and on or before this one's. */
  removed: RemovedRisk[];
  /**
   * The meeting's matters arising (lib/domain/meetings.ts, matterArisingText), when the meeting is recorded:
   * the commitments due at it, and those still open from earlier meetings.
   */
  mattersArising?: { dueHere: string[]; stillOpen: string[] };
};

/** What staff write or edit; everything else is derived. */
export type Narrative = {
  purpose: string;
  /** Extra background paragraphs (blank-line separated), printed after the standard ones. */
  background: string;
  /** An optional section of its own (the paper's "3. Op Fairline"), printed before the key risks. */
  otherHeading: string;
  otherText: string;
  /** The drafted paragraph for each key risk, by ref. */
  risks: Record<string, string>;
  futureReviews: string;
  signOffName: string;
  signOffRole: string;
  /**
   * The office's standing wording, set on its first report and carried into each next draft (absent from
   * narratives saved before these were asked): the agenda item this report is, the Police and Crime Plan
   * the register is aligned to ("Police and Crime Plan (2017-2021)", printed at 2.1), who reviews it monthly
   * ("the Deputy Chief Executive", 2.4) and who manages it day to day ("The Commissioning and Policy Officer").
   */
  agendaItem?: string;
  planAlignment?: string;
  monthlyReviewers?: string;
  registerManager?: string;
};

/** The standing wording a new draft carries over from the office's last covering report. */
export const STANDING_WORDING = ['planAlignment', 'monthlyReviewers', 'registerManager'] as const;

export type ReportBlock =
  | { kind: 'paragraph'; number: string | null; text: string }
  | { kind: 'risk'; ref: string; event: string; band: BandName; text: string }
  | { kind: 'list'; items: string[] };

export type ReportSection = { number: number; heading: string; blocks: ReportBlock[] };

export type AppendixRow = {
  ref: string;
  category: Category;
  dateIdentified: string;
  event: string;
  /** Absent from reports published before Appendix A printed the paper's every column. */
  consequences?: string[];
  impactAreas?: string[];
  mitigations?: string[];
  likelihood: number | null;
  control: number | null;
  impact: number | null;
  score: number;
  band: BandName;
  dateReviewed: string | null;
  summary: string;
};

/**
 * Appendix A's columns, as the paper prints them (agenda pack, 14 June 2018): every column of its table,
 * the Score cell carrying the band's name in words as well as its colour.
 */
export const APPENDIX_A_HEADERS = [
  'ID',
  'Date identified',
  'Event',
  'Consequence',
  'Main impact area(s)',
  'Mitigation and Controls',
  'L',
  'C',
  'I',
  'Score',
  'Date Reviewed',
  'Summary',
] as const;

/** The fill behind Appendix A's Score cell in the PDF and Word files (RGB hex); the band's name is written in the cell too. */
export const BAND_FILL: Record<BandName, string> = { minor: 'CCE2D8', acceptable: 'BBD4EA', moderate: 'FFF7BF', high: 'F4CDC6' };

/** Where the Score cell is among APPENDIX_A_HEADERS. */
export const APPENDIX_A_SCORE_COLUMN = APPENDIX_A_HEADERS.indexOf('Score');

/** The divider row the paper prints before each category's first risk in Appendix A. */
export const APPENDIX_A_DIVIDER: Record<Category, string> = { inherent: 'Inherent Risks', topical: 'Topical Risks' };

/** The divider before row `index`, when it is its category's first: "Inherent Risks", "Topical Risks". */
export function appendixDividerBefore(rows: readonly AppendixRow[], index: number): string | null {
  const row = rows[index]!;
  return index === 0 || rows[index - 1]!.category !== row.category ? APPENDIX_A_DIVIDER[row.category] : null;
}

/**
 * The record note at the end of a published report, after the appendices, where an auditor finds it and a
 * councillor reading the report is not stopped by a hash in its body.
 */
export function recordNote(checkpoint: string): string {
  return `Audit log checkpoint at publication: ${checkpoint}. An auditor can check that no entry before it was later removed or changed with npm run audit:verify -- --since ${checkpoint}.`;
}

/** One Appendix A row as the text of its cells (lists as lines), for the PDF and Word tables. */
export function appendixCells(r: AppendixRow): Array<string | string[]> {
  return [
    r.ref,
    formatDay(r.dateIdentified),
    r.event,
    r.consequences ?? [],
    r.impactAreas ?? [],
    r.mitigations ?? [],
    r.likelihood?.toString() ?? '-',
    r.control?.toString() ?? '-',
    r.impact?.toString() ?? '-',
    `${r.score} ${bandLabel(r.band)}`,
    formatDay(r.dateReviewed, 'Date not recorded'),
    r.summary,
  ];
}

/** The whole report as data: rendered to HTML, PDF and Word from this one structure. */
export type CoveringReport = {
  title: string;
  /** The meeting's agenda item this report is, when staff gave one ("8"). */
  agendaItem?: string;
  forum: string;
  meetingOn: string;
  asAt: string;
  sections: ReportSection[];
  signOff: { name: string; role: string };
  appendixA: { caption: string; rows: AppendixRow[] };
  appendixB: { glossary: ReadonlyArray<{ acronym: string; meaning: string }>; key: Array<{ band: BandName; range: string }> };
  /**
   * A published report's checkpoint of the audit log ("id:hash" of its newest entry at publication): with
   * `npm run audit:verify -- --since` it shows that no entry before the report was later removed or changed.
   */
  auditCheckpoint?: string;
};

const KEY_BANDS: readonly BandName[] = ['moderate', 'high'];

function isKey(risk: ReportRisk): boolean {
  return KEY_BANDS.includes(risk.band);
}

/**
 * New since the last report: not in its snapshot. With no earlier report, risks whose latest review is
 * their first, dated one (an undated review is history brought in with the register, not a new risk).
 */
export function isNew(risk: Pick<ReportRisk, 'ref' | 'direction' | 'dateReviewed'>, previousRefs: string[] | null): boolean {
  return previousRefs ? !previousRefs.includes(risk.ref) : risk.direction === 'new' && risk.dateReviewed !== null;
}

/**
 * When and at what score a risk left the register: the score of the review that removed it; the score it
 * was last reported with only when that review is not known.
 */
function removal(r: RemovedRisk): string {
  const on = r.archivedOn ? `, removed on ${formatDay(r.archivedOn)}` : '';
  if (r.removedAtScore !== undefined && r.removedAtScore !== null) return `${on || ', removed'} at a score of ${r.removedAtScore}`;
  return `${r.lastScore !== null ? ` (last scored ${r.lastScore})` : ''}${on}`;
}

function sentence(text: string | null): string {
  const t = (text ?? '').trim();
  if (!t) return '';
  const s = capitalise(t);
  return /[.!?]$/.test(s) ? s : `${s}.`;
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

/** "moderate", "moderate or high": the band names of a set of risks, in band order. */
function bandsPhrase(bands: Iterable<BandName>): string {
  const present = BANDS.map((b) => b.name).filter((b) => [...bands].includes(b));
  return present.join(' or ');
}

/** What moved between two reviews, in the paper's words. */
export function movementText(current: ReportFactors, previous: ReportFactors | null, names: Record<FactorKey, string>, direction: Direction): string {
  if (direction === 'new' || !previous) {
    const { likelihood, control, impact, score } = current;
    const factors =
      likelihood !== null && control !== null && impact !== null
        ? `The ${names.likelihood.toLowerCase()} is scored at ${likelihood}, ${names.control.toLowerCase()} at ${control} and ${names.impact.toLowerCase()} at ${impact}. `
        : '';
    return `${factors}Overall the risk scoring is ${score} and considered ${bandOf(score)}.`;
  }
  const keys: FactorKey[] = ['likelihood', 'control', 'impact'];
  const changes = keys.flatMap((key) => {
    const was = previous[key];
    const now = current[key];
    if (was === null || now === null || was === now) return [];
    const noun = key === 'control' ? `the ${names.control.toLowerCase()} score` : `the ${names[key].toLowerCase()}`;
    return [`${noun} has ${now > was ? 'increased' : 'reduced'} from ${was} to ${now}`];
  });
  if (current.score === previous.score) {
    return changes.length ? `${capitalise(changes.join(' and '))}, leaving the overall score at ${current.score}.` : 'Scoring for this risk is maintained.';
  }
  const verb = current.score > previous.score ? 'increasing' : 'reducing';
  if (!changes.length) return `The overall score has ${current.score > previous.score ? 'increased' : 'reduced'} from ${previous.score} to ${current.score}.`;
  return `As a result, ${changes.join(' and ')}, ${verb} the overall score from ${previous.score} to ${current.score}.`;
}

/** The drafted paragraph for one key risk: the reason given at its latest review, then what moved. */
export function draftRiskParagraph(risk: ReportRisk, names: Record<FactorKey, string>, previousRefs: string[] | null = null): string {
  const why = reasonSentence(risk);
  const moved = movementText(risk.factors, risk.previous, names, risk.direction);
  const opening = isNew(risk, previousRefs)
    ? `This risk was identified on ${formatDay(risk.dateIdentified)}. `
    : risk.dateReviewed === null
      ? 'This risk’s latest score was recorded before the register’s dated reviews; the date of that review was not recorded. '
      : '';
  return `${opening}${why ? `${why} ` : ''}${moved}`;
}

/**
 * The reason given at the latest review, as a sentence. The Summary column's reasons are often fragments
 * ("due to impact of Op Fairline on resources"): one that does not start with a capital is introduced by
 * the review it came from, so the drafted paragraph starts with a sentence.
 */
function reasonSentence(risk: Pick<ReportRisk, 'reason' | 'dateReviewed'>): string {
  const reason = (risk.reason ?? '').trim();
  if (!reason) return '';
  if (/^[A-Z0-9£“"‘']/.test(reason)) return sentence(reason);
  const review = risk.dateReviewed ? `The review on ${formatDay(risk.dateReviewed)}` : 'The latest review';
  return sentence(`${review} recorded: ${reason}`);
}

/** The first draft of everything staff may edit, carrying the standing wording of the office's last report. */
export function draftNarrative(input: ReportInput, last?: Partial<Narrative> | null): Narrative {
  return {
    agendaItem: '',
    planAlignment: last?.planAlignment ?? '',
    monthlyReviewers: last?.monthlyReviewers ?? '',
    registerManager: last?.registerManager ?? '',
    purpose: `To update the ${FORUM_LABEL[input.forum].replace(/ \(.*\)$/, '')} on the PCC Risk Register.`,
    background: '',
    otherHeading: '',
    otherText: '',
    risks: Object.fromEntries(
      input.risks.filter((r) => isKey(r) || isNew(r, input.previousRefs)).map((r) => [r.ref, draftRiskParagraph(r, input.factorNames, input.previousRefs)]),
    ),
    futureReviews: 'Any amendments required following this meeting will be made at the monthly informal review by the Deputy Chief Executive.',
    signOffName: '',
    signOffRole: 'OPCC Deputy Chief Executive',
  };
}

/** "The register identifies ten inherent risks; seven are considered as either minor or acceptable and three are considered moderate." */
export function inherentCountsSentence(risks: readonly ReportRisk[]): string {
  const total = risks.length;
  const low = risks.filter((r) => !isKey(r)).length;
  const key = risks.filter(isKey);
  const head = `The register identifies ${inWords(total)} inherent ${plural(total, 'risk', 'risks')}`;
  if (!total) return `${head}.`;
  const parts: string[] = [];
  if (low) parts.push(`${inWords(low)} ${plural(low, 'is', 'are')} considered as either minor or acceptable`);
  for (const band of KEY_BANDS) {
    const n = key.filter((r) => r.band === band).length;
    if (n) parts.push(`${inWords(n)} ${plural(n, 'is', 'are')} considered ${band}`);
  }
  return `${head}; ${joinAnd(parts)}.`;
}

/** "Paragraphs 5.3 and 6.1": where the report details the risks a counts sentence names, from its own numbering. */
export function paragraphsReference(numbers: readonly string[]): string {
  if (!numbers.length) return '';
  return `${numbers.length === 1 ? 'Paragraph' : 'Paragraphs'} ${joinAnd([...numbers])}`;
}

/** "The register identifies six topical risks; two are considered moderate." */
export function topicalCountsSentence(risks: readonly ReportRisk[]): string {
  const total = risks.length;
  const key = risks.filter(isKey);
  const head = `The register identifies ${inWords(total)} topical ${plural(total, 'risk', 'risks')}`;
  if (!total) return `${head}.`;
  if (!key.length) return `${head}; none is considered moderate or high.`;
  const parts = KEY_BANDS.flatMap((band) => {
    const n = key.filter((r) => r.band === band).length;
    return n ? [`${inWords(n)} ${plural(n, 'is', 'are')} considered ${band}`] : [];
  });
  return `${head}; ${joinAnd(parts)}.`;
}

function joinAnd(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/**
 * The appetite, and the risks at or above it on the report's as-at day (judged by the appetite in force
 * that day, the snapshot's), which the paper's readers look for first.
 */
export function appetiteSentence(input: Pick<ReportInput, 'appetite' | 'previousAppetite' | 'risks'>): string {
  const head =
    input.previousAppetite === null || input.previousAppetite === input.appetite
      ? `The risk appetite remains at ${input.appetite}.`
      : `The risk appetite has changed from ${input.previousAppetite} to ${input.appetite}.`;
  const over = input.risks.filter((r) => r.factors.score >= input.appetite);
  if (!over.length) return `${head} No risk is at or above the appetite.`;
  const list = joinAnd(over.map((r) => `${r.ref} (${r.factors.score})`));
  return `${head} ${capitalise(inWords(over.length))} ${plural(over.length, 'risk is', 'risks are')} at or above it: ${list}.`;
}

function removalRuleText(input: ReportInput): string {
  return input.removalComparator === '<' ? `a score under ${input.removalThreshold}` : `a score of ${input.removalThreshold} or under`;
}

/** The report from its input and the (edited) narrative. */
export function buildCoveringReport(input: ReportInput, narrative: Narrative): CoveringReport {
  const inherent = input.risks.filter((r) => r.category === 'inherent');
  const topical = input.risks.filter((r) => r.category === 'topical');
  const keyInherent = inherent.filter(isKey);
  const newRisks = input.risks.filter((r) => isNew(r, input.previousRefs));
  const keyTopicalExisting = topical.filter((r) => isKey(r) && !isNew(r, input.previousRefs));
  const riskBlock = (r: ReportRisk): ReportBlock => ({
    kind: 'risk',
    ref: r.ref,
    event: r.event,
    band: r.band,
    text: narrative.risks[r.ref] ?? draftRiskParagraph(r, input.factorNames, input.previousRefs),
  });

  const sections: ReportSection[] = [];
  const add = (heading: string, paragraphs: Array<string | ReportBlock>) => {
    const number = sections.length + 1;
    let p = 0;
    const blocks = paragraphs.map((b): ReportBlock => (typeof b === 'string' ? { kind: 'paragraph', number: `${number}.${++p}`, text: b } : b));
    sections.push({ number, heading, blocks });
  };

  add('Purpose of Report', [narrative.purpose.trim() || draftNarrative(input).purpose]);
  const plan = narrative.planAlignment?.trim();
  const reviewers = narrative.monthlyReviewers?.trim() || 'office staff';
  const manager = narrative.registerManager?.trim();
  add('Background and Main Considerations for the Committee', [
    plan
      ? `The risk register is now aligned to the lifespan of the ${plan} and has been reviewed and updated as at ${formatDay(input.asAt)}.`
      : `The risk register has been reviewed and updated as at ${formatDay(input.asAt)}.`,
    `All risks are split into two categories – they are either inherent risks and will remain on the register regardless of score, or topical risks which will be removed when they have ${removalRuleText(input)}. This will assist in ensuring focus remains on current risks and what additional mitigations or plans are needed to reduce the score and thus be removed from the register.`,
    'The register is a dynamic document and is intended to capture live management of risk and mitigation, rather than being a record of all possible risks.',
    `The register is reviewed monthly on an informal basis by ${reviewers} and formally by the Commissioner's Monitoring Board on a quarterly basis, prior to meetings of the Joint Independent Audit Committee and the Police and Crime Panel.${manager ? ` ${sentence(`${manager} has responsibility for the day-to-day management of the register`)}` : ''}`,
    'Owners for each risk are identified and they are responsible for providing updates on mitigation and score.',
    appetiteSentence(input),
    ...paragraphs(narrative.background),
    'The PCC Risk Register is attached at Appendix A.',
    'Attached at Appendix B is a glossary setting out the meaning of the acronyms used and the scoring brackets for identifying risks as high, moderate, acceptable, or minor.',
  ]);
  if (narrative.otherHeading.trim() && narrative.otherText.trim()) add(narrative.otherHeading.trim(), paragraphs(narrative.otherText));

  add('Key Risks to Consider – Inherent', [
    inherentCountsSentence(inherent),
    ...(keyInherent.length
      ? [
          `Details on the ${inWords(keyInherent.length)} ${plural(keyInherent.length, 'risk', 'risks')} considered ${bandsPhrase(keyInherent.map((r) => r.band))} are:`,
          ...keyInherent.map(riskBlock),
        ]
      : []),
  ]);

  const topicalNumber = sections.length + 1;
  const newNumber = topicalNumber + 1;
  const newTopical = newRisks.filter((r) => r.category === 'topical');
  // The counts paragraph points to where its key risks are detailed, by the numbers this report gives them:
  // the existing ones' paragraph in this section (after the new-risks sentence, if any), the new ones' in the next.
  const keyNewTopical = newTopical.filter(isKey);
  const detailsNumber = `${topicalNumber}.${newTopical.length ? 3 : 2}`;
  const reference = paragraphsReference([...(keyTopicalExisting.length ? [detailsNumber] : []), ...(keyNewTopical.length ? [`${newNumber}.1`] : [])]);
  const topicalParas: Array<string | ReportBlock> = [
    `${topicalCountsSentence(topical)}${reference ? ` Details on ${keyTopicalExisting.length + keyNewTopical.length === 1 ? 'this risk is' : 'these risks are'} provided in ${reference} below.` : ''}`,
  ];
  if (newTopical.length) {
    const considered =
      newTopical.length === 1
        ? `is considered ${/^[aeiou]/.test(newTopical[0]!.band) ? 'an' : 'a'} ${newTopical[0]!.band} risk`
        : `are considered ${bandsPhrase(newTopical.map((r) => r.band))}`;
    topicalParas.push(
      `${capitalise(inWords(newTopical.length))} new topical ${plural(newTopical.length, 'risk has', 'risks have')} been identified and ${considered}. Further detail is given in Paragraph ${newNumber}.1.`,
    );
  }
  if (keyTopicalExisting.length) {
    topicalParas.push(
      `Details on the ${plural(keyTopicalExisting.length, 'one existing risk', `${inWords(keyTopicalExisting.length)} existing risks`)} considered ${bandsPhrase(keyTopicalExisting.map((r) => r.band))} are:`,
      ...keyTopicalExisting.map(riskBlock),
    );
  }
  add('Key Risks to Consider – Topical', topicalParas);

  add(
    'New Risks',
    newRisks.length
      ? [
          `${capitalise(inWords(newRisks.length))} new ${plural(newRisks.length, 'risk has', 'risks have')} been identified and further information is provided below:`,
          ...newRisks.map(riskBlock),
        ]
      : ['No new risks have been identified since the last report.'],
  );

  add(
    'Risks Removed Since the Last Report',
    input.removed.length
      ? [
          `${capitalise(inWords(input.removed.length))} topical ${plural(input.removed.length, 'risk has', 'risks have')} been removed from the register since the last report:`,
          {
            kind: 'list',
            items: input.removed.map((r) => `Risk ${r.ref}: ${r.event}${removal(r)}${r.reason ? ` – ${r.reason.trim()}` : ''}`),
          },
        ]
      : [
          input.previousRefs
            ? 'No risks have been removed from the register since the last report.'
            : 'This is the first report drawn from this register; no earlier report is held to compare against.',
        ],
  );

  const arising = input.mattersArising;
  if (arising && (arising.dueHere.length || arising.stillOpen.length))
    add('Matters Arising', [
      ...(arising.dueHere.length
        ? [
            `${capitalise(inWords(arising.dueHere.length))} ${plural(arising.dueHere.length, 'commitment made at an earlier meeting is', 'commitments made at earlier meetings are')} due at this meeting:`,
            { kind: 'list' as const, items: arising.dueHere },
          ]
        : ['No commitment made at an earlier meeting is due at this meeting.']),
      ...(arising.stillOpen.length
        ? [
            `${capitalise(inWords(arising.stillOpen.length))} ${plural(arising.stillOpen.length, 'commitment', 'commitments')} from earlier meetings ${plural(arising.stillOpen.length, 'remains', 'remain')} open:`,
            { kind: 'list' as const, items: arising.stillOpen },
          ]
        : []),
    ]);

  add('Future Reviews of Risk Register', [narrative.futureReviews.trim() || draftNarrative(input).futureReviews]);

  return {
    title: 'PCC Risk Register',
    ...(narrative.agendaItem?.trim() ? { agendaItem: narrative.agendaItem.trim() } : {}),
    forum: FORUM_LABEL[input.forum],
    meetingOn: input.meetingOn,
    asAt: input.asAt,
    sections,
    signOff: { name: narrative.signOffName.trim(), role: narrative.signOffRole.trim() },
    appendixA: {
      caption: `Appendix A: PCC Dynamic Risk Register as at ${formatDay(input.asAt)} (risk appetite ${input.appetite}; topical risks removed with a score ${describeRemovalRule({ comparator: input.removalComparator, threshold: input.removalThreshold })})`,
      rows: input.risks.map((r) => ({
        ref: r.ref,
        category: r.category,
        dateIdentified: r.dateIdentified,
        event: r.event,
        consequences: r.consequences ?? [],
        impactAreas: r.impactAreas ?? [],
        mitigations: r.mitigations ?? [],
        likelihood: r.factors.likelihood,
        control: r.factors.control,
        impact: r.factors.impact,
        score: r.factors.score,
        band: r.band,
        dateReviewed: r.dateReviewed,
        summary: r.summary,
      })),
    },
    appendixB: {
      glossary: GLOSSARY,
      key: [...BANDS].reverse().map((b) => ({ band: b.name, range: b.max === null ? `risk score ${b.min}+` : `risk score ${b.min}-${b.max}` })),
    },
  };
}

function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** The report as plain text, paragraph by paragraph: what a reader of the PDF or Word file sees, in order. */
export function reportText(report: CoveringReport): string {
  const out: string[] = [...(report.agendaItem ? [`Agenda item ${report.agendaItem}`] : []), report.title, `${report.forum}, ${formatDay(report.meetingOn)}`];
  for (const s of report.sections) {
    out.push(`${s.number}. ${s.heading}`);
    for (const b of s.blocks) {
      if (b.kind === 'paragraph') out.push(`${b.number} ${b.text}`);
      else if (b.kind === 'risk') out.push(`Risk ${b.ref}: ${b.event} (${b.band} risk)`, b.text);
      else out.push(...b.items.map((i) => `• ${i}`));
    }
  }
  if (report.signOff.name) out.push(report.signOff.name);
  if (report.signOff.role) out.push(report.signOff.role);
  return out.join('\n');
}
