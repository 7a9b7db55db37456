/** Figures for the board's dashboard, from register rows: counts, the heat map and score trends. */
import type { Category } from './categories';
import { BAND_NAMES, bandOf, type BandName } from './scoring';
import { settingInForce, type DatedSetting } from './settings';

type Row = {
  ref: string;
  category: Category;
  band: BandName;
  history: Array<{ score: number; reviewedOn: string | null; likelihood: number | null; control: number | null; impact: number | null }>;
};

/** Counts by category and band, every band present (zero when none). */
export function countByCategoryAndBand(rows: readonly Row[]): Record<Category, Record<BandName, number> & { total: number }> {
  const empty = () => ({ ...(Object.fromEntries(BAND_NAMES.map((b) => [b, 0])) as Record<BandName, number>), total: 0 });
  const result = { inherent: empty(), topical: empty() };
  for (const row of rows) {
    result[row.category][row.band]++;
    result[row.category].total++;
  }
  return result;
}

/** The paper's sentence: "The register identifies ten inherent risks; seven are considered as either minor or acceptable and three are considered moderate." */
const WORDS = [
  'no',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
];
export function inWords(n: number): string {
  return WORDS[n] ?? String(n);
}

export type HeatMapRisk = { ref: string; control: number; score: number; band: BandName };
export type HeatMap = {
  rows: Array<{ likelihood: number; cells: Array<{ impact: number; risks: HeatMapRisk[] }> }>;
  /** Risks the grid cannot place, with why: counted in every total, and listed under the grid. */
  unplaced: Array<{ ref: string; score: number; band: BandName; reason: string }>;
};

/**
 * Likelihood by impact, each risk in its cell with its own control score, score and band. A cell has no band
 * of its own: the score also multiplies control, so one cell can hold risks of different bands (L3 × I2 is
 * Minor at C1 and Moderate at C4). A risk whose latest score was recorded without its factors cannot be placed.
 */
export function heatMap(rows: readonly Row[]): HeatMap {
  const placed: Array<HeatMapRisk & { likelihood: number; impact: number }> = [];
  const unplaced: HeatMap['unplaced'] = [];
  for (const r of rows) {
    const latest = r.history.at(-1)!;
    if (latest.likelihood === null || latest.control === null || latest.impact === null)
      unplaced.push({ ref: r.ref, score: latest.score, band: bandOf(latest.score), reason: 'its score was recorded without likelihood, control and impact' });
    else
      placed.push({
        ref: r.ref,
        likelihood: latest.likelihood,
        impact: latest.impact,
        control: latest.control,
        score: latest.score,
        band: bandOf(latest.score),
      });
  }
  return {
    rows: [4, 3, 2, 1].map((likelihood) => ({
      likelihood,
      cells: [1, 2, 3, 4].map((impact) => ({
        impact,
        risks: placed.filter((p) => p.likelihood === likelihood && p.impact === impact).map(({ ref, control, score, band }) => ({ ref, control, score, band })),
      })),
    })),
    unplaced,
  };
}

/** A risk's score trend in words: "16 → 24". */
export function trendText(history: ReadonlyArray<{ score: number }>): string {
  return history.map((h) => h.score).join(' → ');
}

/** The appetite over time: the default before any recorded decision, then each decision from its day. */
export type AppetiteHistory = { initial: number; decisions: ReadonlyArray<DatedSetting<number>> };

/** The appetite in force on a day. */
export function appetiteOn(appetites: AppetiteHistory, day: string): number {
  return settingInForce(appetites.decisions, day) ?? appetites.initial;
}

/**
 * The day a risk's current run at or above the appetite began, judged on each day against the appetite
 * in force that day: a change of appetite can start or end a run as a review can. Null when the risk is
 * within the appetite today, or when the run goes back to a review recorded without a date.
 */
export function atOrAboveSince(history: ReadonlyArray<{ score: number; reviewedOn: string | null }>, appetites: AppetiteHistory, today: string): string | null {
  const dated = history.filter((h): h is { score: number; reviewedOn: string } => h.reviewedOn !== null && h.reviewedOn <= today);
  // Reviews without a date come before every dated one (the register's order): the score held before the first date.
  const undatedScore = history.filter((h) => h.reviewedOn === null).at(-1)?.score ?? null;
  const changeDays = [...new Set([...dated.map((h) => h.reviewedOn), ...appetites.decisions.map((d) => d.effectiveFrom).filter((d) => d <= today)])].sort();
  // '' stands for a run that began before any recorded date: it is at or above, since a day nobody knows.
  const before = changeDays[0] ?? today;
  const appetiteBefore =
    settingInForce(
      appetites.decisions.filter((d) => d.effectiveFrom < before),
      before,
    ) ?? appetites.initial;
  let since: string | null = undatedScore !== null && undatedScore >= appetiteBefore ? '' : null;
  for (const day of changeDays) {
    const score = dated.filter((h) => h.reviewedOn <= day).at(-1)?.score ?? undatedScore;
    if (score === null || score < appetiteOn(appetites, day)) since = null;
    else since ??= day;
  }
  return since || null;
}

/**
 * A review's move across the appetite, judged by the appetite in force on the day of that review (not
 * today's): 'into' when it took the risk to at or above it, 'back' when it brought the risk back within it.
 */
export function appetiteCrossing(
  latest: { score: number; previousScore: number | null; reviewedOn: string | null },
  appetites: AppetiteHistory,
  today: string,
): { kind: 'into' | 'back'; appetite: number } | null {
  if (latest.previousScore === null) return null;
  const appetite = appetiteOn(appetites, latest.reviewedOn ?? today);
  const was = latest.previousScore >= appetite;
  const is = latest.score >= appetite;
  if (was === is) return null;
  return { kind: is ? 'into' : 'back', appetite };
}

/** A review's move across the appetite in words: "rose to the risk appetite (30) or above". */
export function crossingText(crossing: ReturnType<typeof appetiteCrossing>): string {
  if (!crossing) return '';
  return crossing.kind === 'into' ? `rose to the risk appetite (${crossing.appetite}) or above` : `fell back below the risk appetite (${crossing.appetite})`;
}

type Compared = { ref: string; event: string; score: number };
export type ChangesSince = {
  new: Compared[];
  removed: Compared[];
  increased: Array<Compared & { previous: number }>;
  reduced: Array<Compared & { previous: number }>;
  /** Crossed to at or above the appetite in force now, from below the appetite then. */
  intoAppetiteBreach: Compared[];
  /** Back below the appetite now, from at or above it then. */
  backWithinAppetite: Compared[];
};

/**
 * What changed between the register in a quarterly report's snapshot and the register now (or as at a
 * later day): risks new to it, removed from it, scores up or down, and appetite crossings (each side
 * judged against the appetite in force on its own day).
 */
export function changesSince(
  before: { appetite: number; risks: ReadonlyArray<Compared> },
  now: { appetite: number; risks: ReadonlyArray<Compared> },
): ChangesSince {
  const then = new Map(before.risks.map((r) => [r.ref, r]));
  const current = new Set(now.risks.map((r) => r.ref));
  const result: ChangesSince = { new: [], removed: [], increased: [], reduced: [], intoAppetiteBreach: [], backWithinAppetite: [] };
  for (const r of now.risks) {
    const was = then.get(r.ref);
    const item = { ref: r.ref, event: r.event, score: r.score };
    if (!was) {
      result.new.push(item);
      if (r.score >= now.appetite) result.intoAppetiteBreach.push(item);
      continue;
    }
    if (r.score > was.score) result.increased.push({ ...item, previous: was.score });
    if (r.score < was.score) result.reduced.push({ ...item, previous: was.score });
    const wasOut = was.score >= before.appetite;
    const isOut = r.score >= now.appetite;
    if (!wasOut && isOut) result.intoAppetiteBreach.push(item);
    if (wasOut && !isOut) result.backWithinAppetite.push(item);
  }
  for (const r of before.risks) if (!current.has(r.ref)) result.removed.push({ ref: r.ref, event: r.event, score: r.score });
  return result;
}
