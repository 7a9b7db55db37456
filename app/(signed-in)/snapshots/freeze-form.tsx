'use client';

import { ActionForm, echoed } from '@/components/forms/action-form';
import { DateInput, Radios } from '@/components/govuk/form-fields';
import { FORUM_LABEL } from '@/lib/domain/forums';
import { freezeSnapshotAction } from './server-actions';

export function FreezeForm() {
  return (
    <ActionForm action={freezeSnapshotAction} firstField="forum" submitText="Freeze the register">
      {(state) => (
        <>
          <Radios
            name="forum"
            legend="Meeting"
            options={(['cmb', 'jiac', 'panel', 'monthly', 'other'] as const).map((f) => ({ value: f, text: FORUM_LABEL[f] }))}
            defaultValue={echoed(state, 'forum')}
            errors={state?.fieldErrors?.forum}
          />
          <DateInput
            name="meetingOn"
            legend="Meeting date"
            values={{ day: echoed(state, 'meetingOn-day'), month: echoed(state, 'meetingOn-month'), year: echoed(state, 'meetingOn-year') }}
            errors={state?.fieldErrors?.meetingOn}
          />
          <DateInput
            name="asAt"
            legend="Register as at"
            hint="Today or earlier"
            values={{ day: echoed(state, 'asAt-day'), month: echoed(state, 'asAt-month'), year: echoed(state, 'asAt-year') }}
            errors={state?.fieldErrors?.asAt}
          />
        </>
      )}
    </ActionForm>
  );
}
