import { describe, expect, it } from 'vitest';
import { countByCategoryAndBand, daysAtOrAbove, heatMap, inWords, trendText } from './dashboard';

const row = (ref: string, category: 'inherent' | 'topical', l: number, c: number, i: number, earlier: number[] = []) => ({
  ref,
  category,
  band: (l * c * i >= 30 ? 'high' : l * c * i >= 18 ? 'moderate' : l * c * i >= 8 ? 'acceptable' : 'minor') as 'high' | 'moderate' | 'acceptable' | 'minor',
  history: [...earlier.map((score) => ({ score, reviewedOn: null, likelihood: null, control: null, impact: null })), { score: l * c * i, reviewedOn: '2018-05-04', likelihood: l, control: c, impact: i }],
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
    expect(daysAtOrAbove([{ score: 24, reviewedOn: '2026-01-01' }, { score: 32, reviewedOn: '2026-10-25' }, { score: 32, reviewedOn: '2026-11-20' }], 30, '2026-11-24')).toBe(30);
    expect(daysAtOrAbove([{ score: 32, reviewedOn: '2026-10-25' }, { score: 24, reviewedOn: '2026-11-20' }], 30, '2026-11-24')).toBeNull();
  });
});
