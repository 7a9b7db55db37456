'use client';

import { ActionForm, echoed } from '@/components/forms/action-form';
import { DateInput, Radios, Textarea, TextInput } from '@/components/govuk/form-fields';
import { Select } from '@/components/govuk/select';
import { FINDING_STATUS_LABEL, FINDING_STATUSES, S55_STATUS_LABEL, S55_STATUSES } from '@/lib/domain/inspections';
import { addFindingNoteAction, linkFindingAction, updateFindingAction, updateS55Action } from './server-actions';
import { LIMITS } from '@/lib/validation/limits';

export function S55Form({
  id,
  version,
  status,
  link,
  publishedOn,
}: {
  id: number;
  version: number;
  status: string;
  link: string | null;
  /** The stored publication date's boxes, empty when none is recorded. */
  publishedOn: { day: string; month: string; year: string };
}) {
  return (
    <ActionForm action={updateS55Action} firstField="status" submitText="Save response status" secondary>
      {(state) => (
        <>
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="version" value={version} />
          <Radios
            name="status"
            legend="Status of the PCC’s response"
            options={S55_STATUSES.map((s) => ({ value: s, text: S55_STATUS_LABEL[s] }))}
            defaultValue={echoed(state, 'status', status)}
            errors={state?.fieldErrors?.status}
          />
          <DateInput
            name="s55PublishedOn"
            legend="Date published (when published)"
            values={{
              day: echoed(state, 's55PublishedOn-day', publishedOn.day),
              month: echoed(state, 's55PublishedOn-month', publishedOn.month),
              year: echoed(state, 's55PublishedOn-year', publishedOn.year),
            }}
            errors={state?.fieldErrors?.s55PublishedOn}
          />
          <TextInput
            id="link"
            limit={LIMITS.s55Link}
            label="Link to the published response (optional)"
            defaultValue={echoed(state, 'link', link ?? '')}
            errors={state?.fieldErrors?.link}
          />
        </>
      )}
    </ActionForm>
  );
}

type Option = { value: string; text: string };

export function FindingForm({
  id,
  version,
  status,
  opccOwnerId,
  forceLead,
  predecessorId,
  people,
  findings,
}: {
  id: number;
  version: number;
  status: string;
  opccOwnerId: number | null;
  forceLead: string | null;
  predecessorId: number | null;
  people: Option[];
  findings: Option[];
}) {
  return (
    <ActionForm action={updateFindingAction} firstField="status" submitText="Save finding" secondary>
      {(state) => (
        <>
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="version" value={version} />
          <Radios
            name="status"
            legend="Status"
            options={FINDING_STATUSES.map((s) => ({ value: s, text: FINDING_STATUS_LABEL[s] }))}
            defaultValue={echoed(state, 'status', status)}
            errors={state?.fieldErrors?.status}
          />
          <Select
            id="opccOwnerId"
            name="opccOwnerId"
            label="OPCC owner"
            options={[{ value: '', text: 'Unassigned' }, ...people]}
            defaultValue={echoed(state, 'opccOwnerId', opccOwnerId ? String(opccOwnerId) : '')}
          />
          <TextInput
            id="forceLead"
            limit={LIMITS.forceLead}
            label="Force lead"
            defaultValue={echoed(state, 'forceLead', forceLead ?? '')}
            errors={state?.fieldErrors?.forceLead}
          />
          <Select
            id="predecessorId"
            name="predecessorId"
            label="Re-issues an earlier finding (sustained)"
            options={[{ value: '', text: 'None' }, ...findings]}
            defaultValue={echoed(state, 'predecessorId', predecessorId ? String(predecessorId) : '')}
            error={state?.fieldErrors?.predecessorId?.[0]}
          />
        </>
      )}
    </ActionForm>
  );
}

export function FindingNoteForm({ id }: { id: number }) {
  return (
    <ActionForm action={addFindingNoteAction} firstField="note" submitText="Add note" secondary>
      {(state) => (
        <>
          <input type="hidden" name="id" value={id} />
          <Textarea
            id="note"
            limit={LIMITS.findingNote}
            label="Progress note"
            defaultValue={state?.ok ? '' : echoed(state, 'note')}
            errors={state?.fieldErrors?.note}
            rows={3}
          />
        </>
      )}
    </ActionForm>
  );
}

export function LinkRiskForm({ id, risks }: { id: number; risks: Option[] }) {
  return (
    <ActionForm action={linkFindingAction} firstField="riskRef" submitText="Link risk" secondary>
      {(state) => (
        <>
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="intent" value="link" />
          <Select
            id="riskRef"
            name="riskRef"
            label="Risk this finding bears on"
            options={[{ value: '', text: 'Choose a risk' }, ...risks]}
            defaultValue={echoed(state, 'riskRef')}
            error={state?.fieldErrors?.riskRef?.[0]}
          />
        </>
      )}
    </ActionForm>
  );
}

export function UnlinkRiskForm({ id, riskRef }: { id: number; riskRef: string }) {
  return (
    <ActionForm action={linkFindingAction} firstField={`unlink-${riskRef}`} submitText={`Unlink ${riskRef}`} secondary>
      {() => (
        <>
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="intent" value="unlink" />
          <input type="hidden" name="riskRef" value={riskRef} id={`unlink-${riskRef}`} />
        </>
      )}
    </ActionForm>
  );
}
