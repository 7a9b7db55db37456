/**
 * Register settings: the risk appetite, the topical removal rule and the names of the three factors.
 * They are board decisions that change over time, so each has a history and the value in force on a
 * date is the latest one effective on or before it. The rule score = L × C × I itself never changes.
 */
import { DEFAULT_REMOVAL_RULE, type RemovalComparator } from './categories';
import type { Factor } from './scoring';

export type FactorKey = 'likelihood' | 'control' | 'impact';

export type FactorLabels = {
  name: string;
  abbreviation: string;
  /** What the scale means, e.g. "1 = strong, 4 = limited". */
  scale: string;
  /** A short descriptor for each value 1-4. */
  values: Record<Factor, string>;
};

export type RegisterSettings = {
  appetite: number;
  removalComparator: RemovalComparator;
  removalThreshold: number;
  factors: Record<FactorKey, FactorLabels>;
};

/**
 * Defaults from the register of 4 May 2018: appetite 30, topical risks under 10 removed, and C read as
 * control, inverted ("limited control … which is why control is scored at 4", 002:2162).
 */
export const DEFAULT_SETTINGS: RegisterSettings = {
  appetite: 30,
  removalComparator: DEFAULT_REMOVAL_RULE.comparator,
  removalThreshold: DEFAULT_REMOVAL_RULE.threshold,
  factors: {
    likelihood: {
      name: 'Likelihood',
      abbreviation: 'L',
      scale: '1 = unlikely, 4 = almost certain',
      values: { 1: 'Unlikely', 2: 'Possible', 3: 'Likely', 4: 'Almost certain' },
    },
    control: {
      name: 'Control',
      abbreviation: 'C',
      scale: '1 = strong, 4 = limited',
      values: {
        1: 'Strong: the OPCC controls this risk',
        2: 'Good: mostly within OPCC control',
        3: 'Partial: shared with partners',
        4: 'Limited: largely in partner agencies’ hands',
      },
    },
    impact: {
      name: 'Impact',
      abbreviation: 'I',
      scale: '1 = minimal, 4 = major',
      // No level shares a word with a band (minor, acceptable, moderate, high).
      values: { 1: 'Minimal', 2: 'Noticeable', 3: 'Significant', 4: 'Major' },
    },
  },
};

export const FACTOR_KEYS: readonly FactorKey[] = ['likelihood', 'control', 'impact'];

export type DatedSetting<T> = { effectiveFrom: string; value: T };

/** The setting in force on a day: the latest effective on or before it (days compare as YYYY-MM-DD text). */
export function settingInForce<T>(history: readonly DatedSetting<T>[], onDay: string): T | null {
  let best: DatedSetting<T> | null = null;
  for (const entry of history) {
    if (entry.effectiveFrom <= onDay && (!best || entry.effectiveFrom >= best.effectiveFrom)) best = entry;
  }
  return best ? best.value : null;
}
