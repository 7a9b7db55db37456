/** Owners may act only on what they own: a risk whose owner is the person their account belongs to. */
export function ownsRisk(user: { personId: number | null } | null | undefined, riskOwnerId: number | null | undefined): boolean {
  return !!user && user.personId !== null && riskOwnerId !== null && riskOwnerId !== undefined && user.personId === riskOwnerId;
}
