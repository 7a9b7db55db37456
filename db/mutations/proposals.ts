/** Owners' proposed updates, and staff's decisions on them; each with its audit row. */
import { eq } from 'drizzle-orm';
import { scoreOf } from '@/lib/domain/scoring';
import type { Db } from '../client';
import { reviewProposals, risks } from '../schema';
import { ProposalDecidedError } from '../errors';
import { writeTransaction } from '../transaction';
import { writeAudit, type Actor } from './audit';

/** Records an owner's proposal for a risk. */
export function createProposal(
  db: Db,
  actor: Actor & { userId: number },
  input: { riskId: number; likelihood: number; control: number; impact: number; reason: string; mitigationUpdate: string | null },
): number {
  return writeTransaction(db, (tx) => {
    const risk = tx.select({ ref: risks.ref }).from(risks).where(eq(risks.id, input.riskId)).get();
    if (!risk) throw new Error('No such risk');
    const score = scoreOf(input);
    const row = tx
      .insert(reviewProposals)
      .values({
        riskId: input.riskId,
        proposedByUserId: actor.userId,
        likelihood: input.likelihood,
        control: input.control,
        impact: input.impact,
        score,
        reason: input.reason,
        mitigationUpdate: input.mitigationUpdate,
      })
      .returning({ id: reviewProposals.id })
      .get();
    writeAudit(tx, actor, {
      action: 'proposal.create',
      entityType: 'risk',
      entityId: risk.ref,
      summary: `${actor.label} proposed ${risk.ref} at L${input.likelihood} C${input.control} I${input.impact} = ${score}: ${input.reason}`,
    });
    return row.id;
  });
}

/** Declines a pending proposal with a note to the owner. */
export function declineProposal(db: Db, actor: Actor, proposalId: number, note: string): void {
  writeTransaction(db, (tx) => {
    const proposal = tx.select().from(reviewProposals).where(eq(reviewProposals.id, proposalId)).get();
    if (!proposal || proposal.status !== 'pending') throw new ProposalDecidedError();
    tx.update(reviewProposals)
      .set({ status: 'declined', decidedByUserId: actor.userId, decidedAt: new Date().toISOString(), decisionNote: note })
      .where(eq(reviewProposals.id, proposalId))
      .run();
    const risk = tx.select({ ref: risks.ref }).from(risks).where(eq(risks.id, proposal.riskId)).get();
    writeAudit(tx, actor, {
      action: 'proposal.decline',
      entityType: 'risk',
      entityId: risk?.ref ?? null,
      summary: `Declined proposal ${proposalId} for ${risk?.ref}: ${note}`,
    });
  });
}
