import { describe, expect, it } from 'vitest';
import { appetiteCrossing, appetiteOn, atOrAboveSince, changesSince, countByCategoryAndBand, crossingText, heatMap, inWords, trendText } from './dashboard';
import { BAND_NAMES, bandLabel } from './scoring';
import { DEFAULT_SETTINGS, FACTOR_KEYS } from './settings';
import { describeDuration } from './durations';

const row = (ref: string, category: 'inherent' | 'topical', l: number, c: number, i: number, earlier: number[] = []) => ({
  ref,
  category,
  band: (l * c * i >= 30 ? 'high' : l * c * i >= 18 ? 'moderate' : l * c * i >= 8 ? 'acceptable' : 'minor') as 'high' | 'moderate' | 'acceptable' | 'minor',
  history: [
    ...earlier.map((score) => ({ score, reviewedOn: null, likelihood: null, control: null, impact: null })),
    { score: l * c * i, reviewedOn: '2018-05-04', likelihood: l, control: c, impact: i },
  ],
});

describe('dashboard figures', () => {
  const rows = [row('I1', 'inherent', 3, 2, 4, [16]), row('I3', 'inherent', 1, 2, 2), row('T7', 'topical', 3, 4, 2)];

  it('counts by category and band', () => {
    expect(countByCategoryAndBand(rows)).toEqual({
      inherent: { minor: 1, acceptable: 0, moderate: 1, high: 0, total: 2 },
      topical: { minor: 0, acceptable: 0, moderate: 1, high: 0, total: 1 },
    });
  });

  it('places each risk by likelihood and impact with its own control, score and band; a cell has no band of its own', () => {
    const map = heatMap([...rows, row('T9', 'topical', 3, 1, 2)]);
    expect(map.rows.map((r) => r.likelihood)).toEqual([4, 3, 2, 1]);
    expect(map.rows[1]!.cells[3]).toEqual({ impact: 4, risks: [{ ref: 'I1', control: 2, score: 24, band: 'moderate' }] });
    // One cell, two bands: L3 × I2 is Moderate at C4 and Minor at C1.
    expect(map.rows[1]!.cells[1]).toEqual({
      impact: 2,
      risks: [
        { ref: 'T7', control: 4, score: 24, band: 'moderate' },
        { ref: 'T9', control: 1, score: 6, band: 'minor' },
      ],
    });
    expect(map.rows[3]!.cells[1]!.risks).toEqual([{ ref: 'I3', control: 2, score: 4, band: 'minor' }]);
    expect(map.unplaced).toEqual([]);
  });

  it('lists a risk whose score was recorded without its factors under the grid, with why, instead of leaving it off', () => {
    const scoreOnly = { ...row('I9', 'inherent', 1, 1, 1), history: [{ score: 16, reviewedOn: null, likelihood: null, control: null, impact: null }] };
    const map = heatMap([...rows, scoreOnly]);
    expect(map.unplaced).toEqual([{ ref: 'I9', score: 16, band: 'acceptable', reason: 'its score was recorded without likelihood, control and impact' }]);
    expect(map.rows.flatMap((r) => r.cells.flatMap((c) => c.risks.map((x) => x.ref)))).not.toContain('I9');
  });

  it('writes trends and counts in words', () => {
    expect(trendText([{ score: 16 }, { score: 24 }])).toBe('16 → 24');
    expect([inWords(10), inWords(3), inWords(0)]).toEqual(['ten', 'three', 'no']);
  });

  it('says since when a risk has been at or above appetite', () => {
    const thirty = { initial: 30, decisions: [] };
    expect(
      atOrAboveSince(
        [
          { score: 24, reviewedOn: '2026-01-01' },
          { score: 32, reviewedOn: '2026-10-25' },
          { score: 32, reviewedOn: '2026-11-20' },
        ],
        thirty,
        '2026-11-24',
      ),
    ).toBe('2026-10-25');
    expect(
      atOrAboveSince(
        [
          { score: 32, reviewedOn: '2026-10-25' },
          { score: 24, reviewedOn: '2026-11-20' },
        ],
        thirty,
        '2026-11-24',
      ),
    ).toBeNull();
  });
});

describe('the appetite over time', () => {
  // The appetite was 30 until the board lowered it to 24 on 3 December 2026.
  const lowered = { initial: 30, decisions: [{ effectiveFrom: '2026-12-03', value: 24 }] };
  const i1 = [
    { score: 16, reviewedOn: '2017-11-01' },
    { score: 24, reviewedOn: '2018-05-04' },
  ];

  it('reads the appetite in force on each day', () => {
    expect([appetiteOn(lowered, '2018-05-04'), appetiteOn(lowered, '2026-12-02'), appetiteOn(lowered, '2026-12-03')]).toEqual([30, 30, 24]);
  });

  it('counts a run at or above the appetite from the day the appetite brought the risk there, not from its 2018 review', () => {
    expect(atOrAboveSince(i1, lowered, '2026-12-03')).toBe('2026-12-03');
    expect(atOrAboveSince(i1, lowered, '2027-02-10')).toBe('2026-12-03');
    expect(describeDuration('2026-12-03', '2027-02-10')).toBe('2 months');
    // Before the decision, I1 was within the appetite of 30.
    expect(atOrAboveSince(i1, lowered, '2026-12-02')).toBeNull();
  });

  it('ends a run when the appetite is raised above the score, and starts one again at a later review', () => {
    const raised = { initial: 30, decisions: [{ effectiveFrom: '2020-01-01', value: 36 }] };
    const history = [
      { score: 32, reviewedOn: '2018-05-04' },
      { score: 36, reviewedOn: '2021-03-01' },
    ];
    expect(atOrAboveSince(history.slice(0, 1), raised, '2019-12-31')).toBe('2018-05-04');
    expect(atOrAboveSince(history.slice(0, 1), raised, '2020-06-01')).toBeNull();
    expect(atOrAboveSince(history, raised, '2026-12-03')).toBe('2021-03-01');
    expect(describeDuration('2021-03-01', '2026-12-03')).toBe('5 years 9 months');
  });

  it('cannot date a run that began at a review recorded without a date, unless an appetite change began it', () => {
    expect(atOrAboveSince([{ score: 32, reviewedOn: null }], { initial: 30, decisions: [] }, '2026-12-03')).toBeNull();
    expect(atOrAboveSince([{ score: 27, reviewedOn: null }], lowered, '2026-12-03')).toBe('2026-12-03');
  });

  it('judges a past change by the appetite of its day', () => {
    // 16 → 24 in 2018 was within the appetite of 30 then, though 24 is at the appetite now.
    expect(appetiteCrossing({ score: 24, previousScore: 16, reviewedOn: '2018-05-04' }, lowered, '2026-12-03')).toBeNull();
    expect(appetiteCrossing({ score: 24, previousScore: 32, reviewedOn: '2018-05-04' }, lowered, '2026-12-03')).toEqual({ kind: 'back', appetite: 30 });
    expect(appetiteCrossing({ score: 24, previousScore: 16, reviewedOn: '2026-12-03' }, lowered, '2026-12-03')).toEqual({ kind: 'into', appetite: 24 });
  });
});

describe('changes since the last quarterly report', () => {
  const risk = (ref: string, score: number) => ({ ref, event: `${ref} event`, score });
  it('names new, removed, increased, reduced and appetite crossings, each side against its own appetite', () => {
    const changes = changesSince(
      { appetite: 30, risks: [risk('I1', 24), risk('I8', 32), risk('T3', 32), risk('T5', 12), risk('I2', 16)] },
      { appetite: 30, risks: [risk('I1', 32), risk('I8', 24), risk('T3', 16), risk('I2', 16), risk('T8', 36)] },
    );
    expect(changes.new.map((r) => r.ref)).toEqual(['T8']);
    expect(changes.removed.map((r) => r.ref)).toEqual(['T5']);
    expect(changes.increased).toEqual([{ ref: 'I1', event: 'I1 event', score: 32, previous: 24 }]);
    expect(changes.reduced.map((r) => `${r.ref} ${r.previous}→${r.score}`)).toEqual(['I8 32→24', 'T3 32→16']);
    expect(changes.intoAppetiteBreach.map((r) => r.ref)).toEqual(['I1', 'T8']);
    expect(changes.backWithinAppetite.map((r) => r.ref)).toEqual(['I8', 'T3']);
  });

  it('an appetite change alone moves a risk across it', () => {
    const changes = changesSince({ appetite: 30, risks: [risk('I1', 27)] }, { appetite: 24, risks: [risk('I1', 27)] });
    expect(changes).toMatchObject({ increased: [], reduced: [], intoAppetiteBreach: [{ ref: 'I1' }] });
  });
});

describe('words that do not collide', () => {
  it('a move across the appetite is said plainly, with the appetite of its day', () => {
    expect(crossingText({ kind: 'into', appetite: 30 })).toBe('rose to the risk appetite (30) or above');
    expect(crossingText({ kind: 'back', appetite: 30 })).toBe('fell back below the risk appetite (30)');
    expect(crossingText(null)).toBe('');
  });

  it('no factor level shares a word with a band', () => {
    const bands = BAND_NAMES.map((b) => bandLabel(b).toLowerCase());
    for (const key of FACTOR_KEYS)
      for (const label of Object.values(DEFAULT_SETTINGS.factors[key].values))
        for (const word of label.toLowerCase().split(/[^a-z]+/)) expect(bands, `${key}: ${label}`).not.toContain(word);
  });
});
