'use client';

import { ActionForm, echoed } from '@/components/forms/action-form';
import { Radios, Textarea } from '@/components/govuk/form-fields';
import type { FactorKey, FactorLabels } from '@/lib/domain/settings';
import { declineProposalAction, proposeReviewAction } from './server-actions';
import { LIMITS } from '@/lib/validation/limits';

export function ProposeForm({
  refId,
  current,
  factors,
}: {
  refId: string;
  current: Record<FactorKey, number | null>;
  factors: Record<FactorKey, FactorLabels>;
}) {
  return (
    <ActionForm action={proposeReviewAction} firstField="likelihood" submitText="Send proposal">
      {(state) => (
        <>
          <input type="hidden" name="ref" value={refId} />
          {(['likelihood', 'control', 'impact'] as FactorKey[]).map((key) => (
            <Radios
              key={key}
              name={key}
              legend={`${factors[key].name} (${factors[key].abbreviation}): ${factors[key].scale}`}
              options={([1, 2, 3, 4] as const).map((n) => ({ value: String(n), text: String(n), hint: factors[key].values[n] }))}
              defaultValue={echoed(state, key, current[key] ? String(current[key]) : '')}
              errors={state?.fieldErrors?.[key]}
            />
          ))}
          <Textarea id="reason" limit={LIMITS.reason} label="Why" defaultValue={echoed(state, 'reason')} errors={state?.fieldErrors?.reason} rows={3} />
          <Textarea
            id="mitigationUpdate"
            limit={LIMITS.mitigationUpdate}
            label="Mitigation updates (optional)"
            hint="New or changed mitigations, one per line"
            defaultValue={echoed(state, 'mitigationUpdate')}
            errors={state?.fieldErrors?.mitigationUpdate}
            rows={4}
          />
        </>
      )}
    </ActionForm>
  );
}

export function DeclineProposalForm({ refId, proposalId }: { refId: string; proposalId: number }) {
  return (
    <ActionForm action={declineProposalAction} firstField={`note-${proposalId}`} submitText="Decline proposal" secondary>
      {(state) => (
        <>
          <input type="hidden" name="ref" value={refId} />
          <input type="hidden" name="proposalId" value={proposalId} />
          <Textarea
            id={`note-${proposalId}`}
            limit={LIMITS.declineNote}
            name="note"
            label="Note to the owner"
            defaultValue={echoed(state, 'note')}
            errors={state?.fieldErrors?.note}
            rows={2}
          />
        </>
      )}
    </ActionForm>
  );
}
