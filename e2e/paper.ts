import paper from '../db/seed/register-2018-05.json';

/**
 * The register of 4 May 2018 as checked by hand from the Police and Crime Panel agenda pack of 14 June
 * 2018 (db/seed/register-2018-05.json): what the pages must show.
 */
export const PAPER_RISKS = paper.risks.map((risk) => ({
  ref: risk.id,
  category: risk.category as 'inherent' | 'topical',
  likelihood: risk.likelihood,
  control: risk.control,
  impact: risk.impact,
  score: risk.score,
  band: risk.band,
  dateReviewed: risk.dateReviewed,
  summary: risk.summary,
}));

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2018-05-04" → "4 May 2018", written out independently of the app's own formatter. */
export function longDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${d} ${MONTHS[m! - 1]} ${y}`;
}
