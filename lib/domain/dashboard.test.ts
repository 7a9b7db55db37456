import { describe, expect, it } from 'vitest';
import { changesSince, countByCategoryAndBand, daysAtOrAbove, heatMap, inWords, trendText } from './dashboard';

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

  it('places risks on the heat map by likelihood and impact, with control', () => {
    const map = heatMap(rows);
    expect(map.map((r) => r.likelihood)).toEqual([4, 3, 2, 1]);
    expect(map[1]!.cells[3]).toEqual({ impact: 4, band: 'moderate', risks: [{ ref: 'I1', control: 2 }] });
    expect(map[1]!.cells[1]).toEqual({ impact: 2, band: 'moderate', risks: [{ ref: 'T7', control: 4 }] });
    expect(map[3]!.cells[1]!.risks).toEqual([{ ref: 'I3', control: 2 }]);
  });

  it('writes trends and counts in words', () => {
    expect(trendText([{ score: 16 }, { score: 24 }])).toBe('16 → 24');
    expect([inWords(10), inWords(3), inWords(0)]).toEqual(['ten', 'three', 'no']);
  });

  it('says how long a risk has been at or above appetite', () => {
    expect(
      daysAtOrAbove(
        [
          { score: 24, reviewedOn: '2026-01-01' },
          { score: 32, reviewedOn: '2026-10-25' },
          { score: 32, reviewedOn: '2026-11-20' },
        ],
        30,
        '2026-11-24',
      ),
    ).toBe(30);
    expect(
      daysAtOrAbove(
        [
          { score: 32, reviewedOn: '2026-10-25' },
          { score: 24, reviewedOn: '2026-11-20' },
        ],
        30,
        '2026-11-24',
      ),
    ).toBeNull();
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
