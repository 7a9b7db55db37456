import type { Db } from '../client';
import { writeTransaction } from '../transaction';
import { registerSettings } from '../schema';
import { writeAudit, type Actor } from './audit';

export type SettingsDecision = {
  effectiveFrom: string;
  appetite: number;
  removalComparator: '<' | '<=';
  removalThreshold: number;
  likelihoodName: string;
  controlName: string;
  controlScale: string;
  impactName: string;
  approvedBy: string;
  minuteRef: string | null;
};

/** Records a board decision on the register's settings; earlier decisions stay as they were. */
export function recordSettingsDecision(db: Db, actor: Actor, decision: SettingsDecision): number {
  return writeTransaction(db, (tx) => {
    const row = tx
      .insert(registerSettings)
      .values({ ...decision, createdByUserId: actor.userId })
      .returning({ id: registerSettings.id })
      .get();
    writeAudit(tx, actor, {
      action: 'settings.record',
      entityType: 'register_settings',
      entityId: row.id,
      summary: `Register settings from ${decision.effectiveFrom}: appetite ${decision.appetite}, topical removal when score ${decision.removalComparator} ${decision.removalThreshold}; approved by ${decision.approvedBy}${decision.minuteRef ? ` (${decision.minuteRef})` : ''}`,
      detail: decision,
    });
    return row.id;
  });
}
