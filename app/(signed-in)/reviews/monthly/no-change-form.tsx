'use client';

import { ActionForm, echoed } from '@/components/forms/action-form';
import { Textarea } from '@/components/govuk/form-fields';
import { noChangeAction } from './server-actions';
import { LIMITS } from '@/lib/validation/limits';

export function NoChangeForm({ refId, version }: { refId: string; version: number }) {
  return (
    <ActionForm action={noChangeAction} firstField="reason" submitText="No change">
      {(state) => (
        <>
          <input type="hidden" name="ref" value={refId} />
          <input type="hidden" name="version" value={version} />
          <Textarea
            id="reason"
            limit={LIMITS.reason}
            label={`Reason for no change to ${refId}`}
            defaultValue={echoed(state, 'reason', 'business as usual')}
            errors={state?.fieldErrors?.reason}
            rows={2}
          />
        </>
      )}
    </ActionForm>
  );
}
