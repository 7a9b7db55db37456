'use client';

import { ActionForm, echoed } from '@/components/forms/action-form';
import { DateInput, Radios } from '@/components/govuk/form-fields';
import { Select } from '@/components/govuk/select';
import { FORUM_LABEL } from '@/lib/domain/forums';
import { freezeSnapshotAction } from './server-actions';

export function FreezeForm({ meetings }: { meetings: Array<{ value: string; text: string }> }) {
  return (
    <ActionForm action={freezeSnapshotAction} firstField="meetingId" submitText="Freeze the register">
      {(state) => (
        <>
          <Select
            id="meetingId"
            name="meetingId"
            label="Recorded meeting"
            options={[{ value: '', text: 'None: give the forum and date below' }, ...meetings]}
            defaultValue={echoed(state, 'meetingId')}
            error={state?.fieldErrors?.meetingId?.[0]}
          />
          <p className="govuk-body">Or, for a meeting not recorded under Meetings:</p>
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
