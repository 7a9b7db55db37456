/** The register's fixed vocabulary of main impact areas, and the paper's variants normalised onto it. */

export const IMPACT_AREAS = ['Financial', 'Legal', 'Operational Delivery', 'Performance', 'Reputational'] as const;
export type ImpactArea = (typeof IMPACT_AREAS)[number];

const VARIANTS: Record<string, ImpactArea> = {
  financial: 'Financial',
  finance: 'Financial',
  legal: 'Legal',
  'operational delivery': 'Operational Delivery',
  operational: 'Operational Delivery',
  performance: 'Performance',
  reputational: 'Reputational',
  reputation: 'Reputational',
};

/** Maps a printed impact area ("Operational delivery", "Reputation") to the vocabulary, or null. */
export function normaliseImpactArea(text: string): ImpactArea | null {
  return VARIANTS[text.trim().replace(/\s+/g, ' ').toLowerCase()] ?? null;
}

/** Sorts impact areas into the vocabulary's order and drops duplicates. */
export function sortImpactAreas(areas: Iterable<ImpactArea>): ImpactArea[] {
  const set = new Set(areas);
  return IMPACT_AREAS.filter((area) => set.has(area));
}
