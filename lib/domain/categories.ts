/**
 * Risk categories and refs. Inherent risks "will always remain on the register regardless of score";
 * topical risks leave it when they score under the removal threshold. Refs are numbered per category
 * (I1…In, T1…Tn) and never reused.
 */

export const CATEGORIES = ['inherent', 'topical'] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_PREFIX: Record<Category, 'I' | 'T'> = { inherent: 'I', topical: 'T' };

export const CATEGORY_LABEL: Record<Category, string> = { inherent: 'Inherent', topical: 'Topical' };

export type RemovalComparator = '<' | '<=';

export type RemovalRule = { comparator: RemovalComparator; threshold: number };

/** The register's printed rule: topical risks with a score under 10 are removed. */
export const DEFAULT_REMOVAL_RULE: RemovalRule = { comparator: '<', threshold: 10 };

/** Topical risks scoring below the removal threshold leave the live register; inherent never do. */
export function isEligibleForRemoval(category: Category, score: number, rule: RemovalRule = DEFAULT_REMOVAL_RULE): boolean {
  if (category !== 'topical') return false;
  return rule.comparator === '<' ? score < rule.threshold : score <= rule.threshold;
}

/** Text of a removal rule as the register banner prints it, e.g. "under 10". */
export function describeRemovalRule(rule: RemovalRule): string {
  return rule.comparator === '<' ? `under ${rule.threshold}` : `${rule.threshold} or under`;
}

const REF_PATTERN = /^([IT])([1-9][0-9]*)$/;

/** Reads a ref such as "T7" into its category and number; null when it is not a ref. */
export function parseRef(ref: string): { category: Category; number: number } | null {
  const match = REF_PATTERN.exec(ref.trim().toUpperCase());
  if (!match) return null;
  return { category: match[1] === 'I' ? 'inherent' : 'topical', number: Number(match[2]) };
}

/** Formats a ref from its category and number, e.g. ("topical", 8) → "T8". */
export function formatRef(category: Category, number: number): string {
  return `${CATEGORY_PREFIX[category]}${number}`;
}

/**
 * The next ref in a category is one past the highest ever issued, so numbers are never reused:
 * after T7 comes T8 even though T2 has gone. `issuedRefs` must include archived risks.
 */
export function nextRef(category: Category, issuedRefs: Iterable<string>): string {
  let highest = 0;
  for (const ref of issuedRefs) {
    const parsed = parseRef(ref);
    if (parsed && parsed.category === category && parsed.number > highest) highest = parsed.number;
  }
  return formatRef(category, highest + 1);
}

/** Orders refs as the paper does: inherent before topical, then by number (I2 before I10). */
export function compareRefs(a: string, b: string): number {
  const pa = parseRef(a);
  const pb = parseRef(b);
  if (!pa || !pb) return a.localeCompare(b);
  if (pa.category !== pb.category) return CATEGORIES.indexOf(pa.category) - CATEGORIES.indexOf(pb.category);
  return pa.number - pb.number;
}
