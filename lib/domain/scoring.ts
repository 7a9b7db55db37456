/**
 * Scoring rules of the dynamic risk register (Wiltshire PCP agenda pack, 14 June 2018, risk key and
 * covering report): score = likelihood × control × impact, each an integer 1-4; four named bands;
 * a risk appetite above which a risk must stand out.
 */

export const FACTOR_MIN = 1;
export const FACTOR_MAX = 4;
export const FACTOR_VALUES = [1, 2, 3, 4] as const;
export type Factor = (typeof FACTOR_VALUES)[number];

export type Factors = { likelihood: Factor; control: Factor; impact: Factor };

export const BAND_NAMES = ['minor', 'acceptable', 'moderate', 'high'] as const;
export type BandName = (typeof BAND_NAMES)[number];

/** The risk key's brackets, lowest first: minor 1-7, acceptable 8-17, moderate 18-29, high 30+. */
export const BANDS: ReadonlyArray<{ name: BandName; min: number; max: number | null }> = [
  { name: 'minor', min: 1, max: 7 },
  { name: 'acceptable', min: 8, max: 17 },
  { name: 'moderate', min: 18, max: 29 },
  { name: 'high', min: 30, max: null },
];

export class InvalidFactorError extends Error {
  constructor(
    readonly factor: string,
    readonly value: unknown,
  ) {
    super(`${factor} must be a whole number from ${FACTOR_MIN} to ${FACTOR_MAX}`);
    this.name = 'InvalidFactorError';
  }
}

/** A factor is valid only as an integer from 1 to 4: no 0, no 5, no 2.5, no text. */
export function isFactor(value: unknown): value is Factor {
  return typeof value === 'number' && Number.isInteger(value) && value >= FACTOR_MIN && value <= FACTOR_MAX;
}

/** The residual score is likelihood × control × impact; anything but three factors 1-4 is refused. */
export function scoreOf(factors: { likelihood: unknown; control: unknown; impact: unknown }): number {
  for (const name of ['likelihood', 'control', 'impact'] as const) {
    if (!isFactor(factors[name])) throw new InvalidFactorError(name, factors[name]);
  }
  return (factors.likelihood as number) * (factors.control as number) * (factors.impact as number);
}

/** Every score that three factors 1-4 can make: 1 2 3 4 6 8 9 12 16 18 24 27 32 36 48 64. */
export const ATTAINABLE_SCORES: readonly number[] = [
  ...new Set(FACTOR_VALUES.flatMap((l) => FACTOR_VALUES.flatMap((c) => FACTOR_VALUES.map((i) => l * c * i)))),
].sort((a, b) => a - b);

/** A score is valid when it is a whole number from 1 to 64. */
export function isScore(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= FACTOR_MAX ** 3;
}

/** The band a score falls in: minor 1-7, acceptable 8-17, moderate 18-29, high 30+. */
export function bandOf(score: number): BandName {
  if (!isScore(score)) throw new RangeError(`A score must be a whole number from 1 to ${FACTOR_MAX ** 3}`);
  for (let i = BANDS.length - 1; i >= 0; i--) {
    const band = BANDS[i]!;
    if (score >= band.min) return band.name;
  }
  return 'minor';
}

/** A score at or above the risk appetite is outside the appetite and must stand out. */
export function isAtOrAboveAppetite(score: number, appetite: number): boolean {
  return score >= appetite;
}

/** Human label of a band, e.g. "Moderate". */
export function bandLabel(band: BandName): string {
  return band.charAt(0).toUpperCase() + band.slice(1);
}
