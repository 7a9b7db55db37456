'use client';

import Link from 'next/link';
import { ActionForm, echoed } from '@/components/forms/action-form';
import { FieldError } from '@/components/forms/field-error';
import { FileUpload, Radios, TextInput, Textarea } from '@/components/govuk/form-fields';
import { Select } from '@/components/govuk/select';
import { formatDay, DAY_TEXT_HINT } from '@/lib/domain/dates';
import { commitmentTitle, MEETING_FORUM_LABEL, MEETING_FORUMS } from '@/lib/domain/meetings';
import { MEETING_TEXT_MAX_CHARACTERS, MEETING_UPLOAD_MAX_BYTES } from '@/lib/upload-limits';
import type { FormState } from '@/lib/validation/form-state';
import { LIMITS } from '@/lib/validation/limits';
import type { MinutesPayload } from '@/lib/validation/meetings';
import {
  addAgendaItemAction,
  addMeetingAction,
  closeCommitmentAction,
  moveCommitmentAction,
  previewMinutesAction,
  previewPlanAction,
  saveMinutesAction,
  savePlanAction,
} from './server-actions';

type Option = { value: string; text: string };
const FORUM_OPTIONS = MEETING_FORUMS.map((f) => ({ value: f, text: MEETING_FORUM_LABEL[f] }));

export function NewMeetingForm() {
  return (
    <ActionForm action={addMeetingAction} firstField="forum" submitText="Add the meeting">
      {(state) => (
        <>
          <Radios name="forum" legend="Forum" options={FORUM_OPTIONS} defaultValue={echoed(state, 'forum')} errors={state?.fieldErrors?.forum} />
          <TextInput
            id="meetingOn"
            label="Date"
            hint={DAY_TEXT_HINT}
            width={10}
            defaultValue={echoed(state, 'meetingOn')}
            errors={state?.fieldErrors?.meetingOn}
          />
          <TextInput
            id="time"
            label="Time (optional)"
            hint="For example 10:30am-1pm"
            width={20}
            limit={LIMITS.meetingTime}
            defaultValue={echoed(state, 'time')}
            errors={state?.fieldErrors?.time}
          />
          <TextInput id="place" label="Place (optional)" limit={LIMITS.meetingPlace} defaultValue={echoed(state, 'place')} errors={state?.fieldErrors?.place} />
        </>
      )}
    </ActionForm>
  );
}

/** The paste box and file input a minutes or plan preview reads. */
function PaperFields({ state, what }: { state: FormState | undefined; what: string }) {
  return (
    <>
      <Radios name="forum" legend="Forum" inline options={FORUM_OPTIONS} defaultValue={echoed(state, 'forum', 'panel')} errors={state?.fieldErrors?.forum} />
      <Textarea
        id="text"
        label={`Paste the ${what}`}
        hint={`Up to ${MEETING_TEXT_MAX_CHARACTERS.toLocaleString('en-GB')} characters`}
        defaultValue={echoed(state, 'text')}
        errors={state?.fieldErrors?.text}
        rows={6}
        labelSize="m"
      />
      <FileUpload
        label="Or upload its PDF, Word or text file"
        hint=".pdf, .docx, .txt or .md, up to 10 MB"
        accept=".pdf,.docx,.txt,.md"
        maxBytes={MEETING_UPLOAD_MAX_BYTES}
        tooLarge="The file must be smaller than 10 MB"
        errors={state?.fieldErrors?.file}
      />
    </>
  );
}

type PlanPreview = Array<{ on: string; time: string | null; location: string | null; items: string[]; known: boolean }>;

/** Paste or upload a forward work plan; preview its meetings and items; keep or drop each meeting; confirm. */
export function ImportPlan() {
  return (
    <ActionForm
      action={previewPlanAction}
      firstField="text"
      submitText="Preview"
      secondary
      resetFields
      after={(state) => {
        const plan = state?.data?.plan as PlanPreview | undefined;
        return plan ? (
          <section aria-labelledby="plan-preview">
            <h2 className="govuk-heading-l" id="plan-preview">
              Preview: nothing is saved yet
            </h2>
            <ActionForm action={savePlanAction} firstField="include-0" submitText="Confirm and save">
              {(saved) => (
                <>
                  <input type="hidden" name="payload" value={JSON.stringify(plan.map(({ known: _known, ...m }) => m))} />
                  <input type="hidden" name="forum" value={String(state?.data?.forum ?? 'panel')} />
                  <input type="hidden" name="sourceName" value={String(state?.data?.sourceName ?? '')} />
                  <p className="govuk-body" data-testid="plan-count">
                    {plan.length} {plan.length === 1 ? 'meeting' : 'meetings'} found. Items a meeting already has are not added twice.
                  </p>
                  <FieldError id="include-0" errors={saved?.fieldErrors?.['include-0']} />
                  {plan.map((m, i) => (
                    <div className="govuk-inset-text" key={m.on} data-testid="plan-meeting">
                      <h3 className="govuk-heading-s">
                        {formatDay(m.on)}
                        {m.time ? `, ${m.time}` : ''}
                        {m.location ? `, ${m.location}` : ', place to be confirmed'}
                        {m.known ? ' (already recorded)' : ''}
                      </h3>
                      {m.items.length ? (
                        <ul className="govuk-list govuk-list--bullet">
                          {m.items.map((item) => (
                            <li key={item}>{item}</li>
                          ))}
                        </ul>
                      ) : (
                        <p className="govuk-body">No provisional items.</p>
                      )}
                      <div className="govuk-checkboxes govuk-checkboxes--small">
                        <div className="govuk-checkboxes__item">
                          <input className="govuk-checkboxes__input" id={`include-${i}`} name={`include-${i}`} type="checkbox" value="yes" defaultChecked />
                          <label className="govuk-label govuk-checkboxes__label" htmlFor={`include-${i}`}>
                            Save the meeting of {formatDay(m.on)}
                          </label>
                        </div>
                      </div>
                    </div>
                  ))}
                </>
              )}
            </ActionForm>
          </section>
        ) : null;
      }}
    >
      {(state) => <PaperFields state={state} what="forward work plan" />}
    </ActionForm>
  );
}

/** Paste or upload minutes; preview each proposed commitment with its words; confirm, edit or drop each. */
export function ImportMinutes({ owners, risks, meetings }: { owners: Option[]; risks: Option[]; meetings: Record<string, Option[]> }) {
  return (
    <ActionForm
      action={previewMinutesAction}
      firstField="text"
      submitText="Preview"
      secondary
      resetFields
      after={(state) => {
        const commitments = state?.data?.commitments as MinutesPayload | undefined;
        if (!commitments) return null;
        const forum = String(state?.data?.forum ?? 'panel');
        const already = (state?.data?.already as Array<number | null>) ?? [];
        return (
          <section aria-labelledby="minutes-preview">
            <h2 className="govuk-heading-l" id="minutes-preview">
              Preview: nothing is saved yet
            </h2>
            <ActionForm action={saveMinutesAction} firstField="include-0" submitText="Confirm and record">
              {(saved) => (
                <ConfirmCommitments
                  state={saved}
                  commitments={commitments}
                  already={already}
                  forum={forum}
                  sourceName={String(state?.data?.sourceName ?? '')}
                  owners={owners}
                  risks={risks}
                  meetings={meetings[forum] ?? []}
                />
              )}
            </ActionForm>
          </section>
        );
      }}
    >
      {(state) => <PaperFields state={state} what="minutes" />}
    </ActionForm>
  );
}

function ConfirmCommitments({
  state,
  commitments,
  already,
  forum,
  sourceName,
  owners,
  risks,
  meetings,
}: {
  state: FormState | undefined;
  commitments: MinutesPayload;
  already: Array<number | null>;
  forum: string;
  sourceName: string;
  owners: Option[];
  risks: Option[];
  meetings: Option[];
}) {
  const fe = state?.fieldErrors ?? {};
  const v = (k: string, fallback: string) => echoed(state, k, fallback);
  const included = (i: number) => (state?.values ? state.values[`include-${i}`] === 'yes' : !already[i]);
  return (
    <>
      <input type="hidden" name="payload" value={JSON.stringify(commitments)} />
      <input type="hidden" name="forum" value={forum} />
      <input type="hidden" name="sourceName" value={sourceName} />
      <p className="govuk-body" data-testid="proposal-count">
        {commitments.length} {commitments.length === 1 ? 'commitment' : 'commitments'} proposed. Each quotes the sentence of the minutes it came from. Untick
        any that is not a commitment; correct what it promises, who gave it and when it is due; choose its owner.
      </p>
      <FieldError id="include-0" errors={fe['include-0']} />
      {commitments.map((c, i) => {
        const n = i + 1;
        const dueMeetingOptions = [
          { value: '', text: 'Not due at a meeting' },
          ...[...new Set([...meetings.map((m) => m.value), ...(c.due.meetingOn ? [c.due.meetingOn] : [])])]
            .filter((on) => on > c.meetingOn)
            .sort()
            .map((on) => meetings.find((m) => m.value === on) ?? { value: on, text: `${formatDay(on)} (not yet recorded)` }),
        ];
        return (
          <div className="govuk-inset-text" key={`${c.meetingOn}-${c.minute}-${i}`} data-testid="proposal">
            <h3 className="govuk-heading-s">
              Commitment {n}: {formatDay(c.meetingOn)}, minute {c.minute}
              {c.minuteTitle ? ` (${c.minuteTitle})` : ''}
            </h3>
            <blockquote className="govuk-body">“{c.quote}”</blockquote>
            {already[i] ? (
              <p className="govuk-body" data-testid="already-recorded">
                Already recorded as{' '}
                <Link className="govuk-link" href={`/actions/${already[i]}`}>
                  action {already[i]}
                </Link>
                : it will not be recorded again.
              </p>
            ) : (
              <>
                <div className="govuk-checkboxes govuk-checkboxes--small govuk-!-margin-bottom-4">
                  <div className="govuk-checkboxes__item">
                    <input
                      className="govuk-checkboxes__input"
                      id={`include-${i}`}
                      name={`include-${i}`}
                      type="checkbox"
                      value="yes"
                      defaultChecked={included(i)}
                    />
                    <label className="govuk-label govuk-checkboxes__label" htmlFor={`include-${i}`}>
                      Record commitment {n}
                    </label>
                  </div>
                </div>
                <TextInput
                  id={`what-${i}`}
                  label={`What commitment ${n} promises`}
                  limit={LIMITS.actionTitle}
                  defaultValue={v(`what-${i}`, commitmentTitle(c.what))}
                  errors={fe[`what-${i}`]}
                />
                <TextInput
                  id={`givenBy-${i}`}
                  label={`Who gave commitment ${n}`}
                  limit={LIMITS.givenBy}
                  defaultValue={v(`givenBy-${i}`, c.by)}
                  errors={fe[`givenBy-${i}`]}
                />
                <Select
                  id={`ownerId-${i}`}
                  name={`ownerId-${i}`}
                  label={`Owner of commitment ${n}`}
                  options={[{ value: '', text: 'Select an owner' }, ...owners]}
                  defaultValue={v(`ownerId-${i}`, '')}
                  error={fe[`ownerId-${i}`]?.[0]}
                />
                <Select
                  id={`dueMeeting-${i}`}
                  name={`dueMeeting-${i}`}
                  label={`Meeting commitment ${n} is due at${c.due.text ? ` (the minutes say “${c.due.text}”)` : ''}`}
                  options={dueMeetingOptions}
                  defaultValue={v(`dueMeeting-${i}`, c.due.meetingOn ?? '')}
                  error={fe[`dueMeeting-${i}`]?.[0]}
                />
                <TextInput
                  id={`dueOn-${i}`}
                  label={`Due date of commitment ${n}`}
                  hint={`Leave blank to use the meeting’s date. ${DAY_TEXT_HINT}`}
                  width={10}
                  defaultValue={v(`dueOn-${i}`, c.due.day ? formatDay(c.due.day) : '')}
                  errors={fe[`dueOn-${i}`]}
                />
                <Select
                  id={`riskRef-${i}`}
                  name={`riskRef-${i}`}
                  label={`Risk commitment ${n} bears on (optional)`}
                  options={[{ value: '', text: 'None' }, ...risks]}
                  defaultValue={v(`riskRef-${i}`, '')}
                  error={fe[`riskRef-${i}`]?.[0]}
                />
              </>
            )}
          </div>
        );
      })}
    </>
  );
}

/** Puts an item on a meeting's plan; for a flagged commitment, the item that carries it. */
export function AddAgendaItemForm({ meetingId, commitmentId, title, label }: { meetingId: number; commitmentId?: number; title?: string; label: string }) {
  const field = commitmentId ? `title-${commitmentId}` : 'title';
  return (
    <ActionForm
      action={addAgendaItemAction}
      firstField={field}
      submitText={commitmentId ? 'Add it to the plan' : 'Add the item'}
      secondary={Boolean(commitmentId)}
    >
      {(state) => (
        <>
          <input type="hidden" name="meetingId" value={meetingId} />
          {commitmentId ? <input type="hidden" name="commitmentId" value={commitmentId} /> : null}
          <TextInput
            id={field}
            name="title"
            label={label}
            limit={LIMITS.agendaItemTitle}
            defaultValue={echoed(state, 'title', title ?? '')}
            errors={state?.fieldErrors?.title}
          />
        </>
      )}
    </ActionForm>
  );
}

/** Moves a commitment to another meeting, with a reason kept in its history. */
export function MoveCommitmentForm({ id, version, meetings }: { id: number; version: number; meetings: Option[] }) {
  return (
    <ActionForm action={moveCommitmentAction} firstField={`toMeetingId-${id}`} submitText="Move it" secondary>
      {(state) => (
        <>
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="version" value={version} />
          <Select
            id={`toMeetingId-${id}`}
            name="toMeetingId"
            label="Meeting it is now due at"
            options={[{ value: '', text: 'Select a meeting' }, ...meetings]}
            defaultValue={echoed(state, 'toMeetingId')}
            error={state?.fieldErrors?.toMeetingId?.[0]}
          />
          <Textarea
            id={`reason-${id}`}
            name="reason"
            label="Why it moves"
            rows={2}
            limit={LIMITS.moveReason}
            defaultValue={echoed(state, 'reason')}
            errors={state?.fieldErrors?.reason}
          />
        </>
      )}
    </ActionForm>
  );
}

/** Closes a commitment: done, or withdrawn, with what became of it. */
export function CloseCommitmentForm({ id, version }: { id: number; version: number }) {
  return (
    <ActionForm action={closeCommitmentAction} firstField={`status-${id}`} submitText="Close it" secondary>
      {(state) => (
        <>
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="version" value={version} />
          <Select
            id={`status-${id}`}
            name="status"
            label="What became of it"
            options={[
              { value: '', text: 'Select' },
              { value: 'completed', text: 'Done' },
              { value: 'cancelled', text: 'Withdrawn' },
            ]}
            defaultValue={echoed(state, 'status')}
            error={state?.fieldErrors?.status?.[0]}
          />
          <Textarea
            id={`note-${id}`}
            name="note"
            label="Note for its history"
            rows={2}
            limit={LIMITS.actionUpdate}
            defaultValue={echoed(state, 'note')}
            errors={state?.fieldErrors?.note}
          />
        </>
      )}
    </ActionForm>
  );
}
