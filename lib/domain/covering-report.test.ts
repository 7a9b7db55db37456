import { describe, expect, it } from 'vitest';
import { appetiteSentence, inherentCountsSentence, movementText, topicalCountsSentence, type ReportRisk } from './covering-report';

const names = { likelihood: 'Likelihood', control: 'Control', impact: 'Impact' };
const f = (likelihood: number, control: number, impact: number) => ({ likelihood, control, impact, score: likelihood * control * impact });

describe('what moved between two reviews, in the paper’s words', () => {
  it.each([
    [f(3, 2, 4), f(2, 2, 4), 'increased', 'As a result, the likelihood has increased from 2 to 3, increasing the overall score from 16 to 24.'],
    [f(3, 2, 4), f(4, 2, 4), 'reduced', 'As a result, the likelihood has reduced from 4 to 3, reducing the overall score from 32 to 24.'],
    [f(2, 4, 3), f(2, 2, 3), 'increased', 'As a result, the control score has increased from 2 to 4, increasing the overall score from 12 to 24.'],
    [f(2, 2, 3), f(3, 2, 2), 'maintained', 'The likelihood has reduced from 3 to 2 and the impact has increased from 2 to 3, leaving the overall score at 12.'],
    [f(3, 3, 3), f(3, 3, 3), 'maintained', 'Scoring for this risk is maintained.'],
    [f(3, 4, 2), null, 'new', 'The likelihood is scored at 3, control at 4 and impact at 2. Overall the risk scoring is 24 and considered moderate.'],
  ] as const)('%o after %o (%s)', (current, previous, direction, text) => {
    expect(movementText(current, previous, names, direction)).toBe(text);
  });

  it('uses the office’s own factor names', () => {
    expect(movementText(f(2, 3, 2), f(2, 2, 2), { ...names, control: 'Consequence' }, 'increased')).toBe(
      'As a result, the consequence score has increased from 2 to 3, increasing the overall score from 8 to 12.',
    );
  });
});

const risk = (band: ReportRisk['band']): ReportRisk => ({
  ref: 'X',
  category: 'inherent',
  event: '',
  dateIdentified: '2018-01-01',
  band,
  factors: f(1, 1, 1),
  dateReviewed: null,
  summary: '',
  reason: null,
  direction: 'maintained',
  previous: null,
});

describe('counts in words', () => {
  it.each([
    [
      ['minor', 'acceptable', 'acceptable', 'acceptable', 'acceptable', 'acceptable', 'acceptable', 'moderate', 'moderate', 'moderate'],
      'The register identifies ten inherent risks; seven are considered as either minor or acceptable and three are considered moderate.',
    ],
    [['acceptable', 'high'], 'The register identifies two inherent risks; one is considered as either minor or acceptable and one is considered high.'],
    [['moderate', 'moderate', 'high'], 'The register identifies three inherent risks; two are considered moderate and one is considered high.'],
    [[], 'The register identifies no inherent risks.'],
  ] as const)('inherent %o', (bands, text) => {
    expect(inherentCountsSentence(bands.map(risk))).toBe(text);
  });

  it.each([
    [
      ['acceptable', 'acceptable', 'moderate', 'acceptable', 'moderate', 'acceptable'],
      'The register identifies six topical risks; two are considered moderate.',
    ],
    [['acceptable'], 'The register identifies one topical risk; none is considered moderate or high.'],
  ] as const)('topical %o', (bands, text) => {
    expect(topicalCountsSentence(bands.map(risk))).toBe(text);
  });
});

describe('the appetite statement', () => {
  const scored = (ref: string, score: number): ReportRisk => ({ ...risk('moderate'), ref, factors: { likelihood: null, control: null, impact: null, score } });
  // The register of 4 May 2018: the highest scores were 27 and 24.
  const risks = [scored('I1', 24), scored('I8', 24), scored('I9', 27), scored('T4', 18), scored('T7', 24)];

  it('says no risk is at or above an unchanged appetite of 30', () => {
    expect(appetiteSentence({ appetite: 30, previousAppetite: 30, risks })).toBe('The risk appetite remains at 30. No risk is at or above the appetite.');
  });

  it('names the risks at or above the appetite in force on the report’s day, after it was lowered', () => {
    expect(appetiteSentence({ appetite: 24, previousAppetite: 30, risks })).toBe(
      'The risk appetite has changed from 30 to 24. Four risks are at or above it: I1 (24), I8 (24), I9 (27) and T7 (24).',
    );
    expect(appetiteSentence({ appetite: 27, previousAppetite: null, risks })).toBe('The risk appetite remains at 27. One risk is at or above it: I9 (27).');
  });
});
