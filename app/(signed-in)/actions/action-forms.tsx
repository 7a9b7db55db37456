'use client';

import { ActionForm, echoed } from '@/components/forms/action-form';
import { DateInput, Radios, Textarea, TextInput } from '@/components/govuk/form-fields';
import { Select } from '@/components/govuk/select';
import { ACTION_STATUS_LABEL, ACTION_STATUSES } from '@/lib/domain/inspections';
import { addActionUpdateAction, createActionAction, reviseActionDueAction } from './server-actions';
import { LIMITS } from '@/lib/validation/limits';

type Option = { value: string; text: string };
const blank = { day: '', month: '', year: '' };

export function NewActionForm({
  people,
  findings,
  risks,
  preset,
}: {
  people: Option[];
  findings: Option[];
  risks: Option[];
  preset: { sourceType: string; findingId: string; riskRef: string };
}) {
  return (
    <ActionForm action={createActionAction} firstField="title" submitText="Add action">
      {(state) => {
        const fe = state?.fieldErrors ?? {};
        return (
          <>
            <Textarea id="title" limit={LIMITS.actionTitle} label="What needs to be done" defaultValue={echoed(state, 'title')} errors={fe.title} rows={2} />
            <Radios
              name="sourceType"
              legend="What it answers"
              options={[
                { value: 'finding', text: 'An inspection finding' },
                { value: 'risk', text: 'A risk (its mitigation)' },
                { value: 'minute', text: 'A Panel or board minute' },
                { value: 'other', text: 'Something else' },
              ]}
              defaultValue={echoed(state, 'sourceType', preset.sourceType)}
              errors={fe.sourceType}
            />
            <Select
              id="findingId"
              name="findingId"
              label="Finding (if it answers one)"
              options={[{ value: '', text: 'None' }, ...findings]}
              defaultValue={echoed(state, 'findingId', preset.findingId)}
              error={fe.findingId?.[0]}
            />
            <Select
              id="riskRef"
              name="riskRef"
              label="Risk (if it mitigates one)"
              options={[{ value: '', text: 'None' }, ...risks]}
              defaultValue={echoed(state, 'riskRef', preset.riskRef)}
              error={fe.riskRef?.[0]}
            />
            <TextInput
              id="sourceRef"
              limit={LIMITS.sourceRef}
              label="Minute or source reference"
              hint="For example “Police and Crime Panel, 14 June 2018, item 5”"
              defaultValue={echoed(state, 'sourceRef')}
              errors={fe.sourceRef}
            />
            <Select
              id="ownerId"
              name="ownerId"
              label="Owner"
              options={[{ value: '', text: 'Choose an owner' }, ...people]}
              defaultValue={echoed(state, 'ownerId')}
              error={fe.ownerId?.[0]}
            />
            <DateInput
              name="dueOn"
              legend="Due date"
              values={{ day: echoed(state, 'dueOn-day'), month: echoed(state, 'dueOn-month'), year: echoed(state, 'dueOn-year') }}
              errors={fe.dueOn}
            />
          </>
        );
      }}
    </ActionForm>
  );
}

export function ActionUpdateForm({ id, version, status }: { id: number; version: number; status: string }) {
  return (
    <ActionForm action={addActionUpdateAction} firstField="note" submitText="Record update">
      {(state) => (
        <>
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="version" value={version} />
          <Textarea
            id="note"
            limit={LIMITS.actionUpdate}
            label="Progress update"
            defaultValue={state?.ok ? '' : echoed(state, 'note')}
            errors={state?.fieldErrors?.note}
            rows={3}
          />
          <Radios
            name="status"
            legend="Status after this update"
            options={ACTION_STATUSES.map((s) => ({ value: s, text: ACTION_STATUS_LABEL[s] }))}
            defaultValue={echoed(state, 'status', status)}
            errors={state?.fieldErrors?.status}
          />
        </>
      )}
    </ActionForm>
  );
}

export function ReviseDueForm({ id, version }: { id: number; version: number }) {
  return (
    <ActionForm action={reviseActionDueAction} firstField="newDueOn" submitText="Revise due date" secondary>
      {(state) => (
        <>
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="version" value={version} />
          <DateInput
            name="newDueOn"
            legend="New due date"
            values={state?.ok ? blank : { day: echoed(state, 'newDueOn-day'), month: echoed(state, 'newDueOn-month'), year: echoed(state, 'newDueOn-year') }}
            errors={state?.fieldErrors?.newDueOn}
          />
          <Textarea
            id="reason"
            limit={LIMITS.dueDateReason}
            label="Why the date is changing"
            defaultValue={state?.ok ? '' : echoed(state, 'reason')}
            errors={state?.fieldErrors?.reason}
            rows={2}
          />
        </>
      )}
    </ActionForm>
  );
}
