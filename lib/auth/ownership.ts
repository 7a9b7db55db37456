/** Owners may act only on what they own: a risk whose owner is the person their account belongs to. */
export function ownsRisk(user: { personId: number | null } | null | undefined, riskOwnerId: number | null | undefined): boolean {
  return !!user && user.personId !== null && riskOwnerId !== null && riskOwnerId !== undefined && user.personId === riskOwnerId;
}

/** Whether a user owns an action or a finding (its owner is the person their account belongs to). */
export function ownsItem(user: { personId: number | null } | null | undefined, ownerId: number | null | undefined): boolean {
  return ownsRisk(user, ownerId);
}
