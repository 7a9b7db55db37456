'use client';

import { ActionForm } from '@/components/forms/action-form';
import { Checkboxes, Radios } from '@/components/govuk/form-fields';
import { REMINDER_KIND_LABEL, type ReminderKind } from '@/lib/domain/reminders';
import { createCalendarFeedAction, revokeCalendarFeedAction, saveReminderPreferencesAction } from './server-actions';

/** Which reminders to get, and how often. */
export function ReminderPreferencesForm({ kinds, receiving, frequency }: { kinds: ReminderKind[]; receiving: ReminderKind[]; frequency: 'daily' | 'weekly' }) {
  return (
    <ActionForm action={saveReminderPreferencesAction} firstField="kinds" submitText="Save reminder choices">
      {(state) => {
        const echoedKinds = state?.values?.kinds;
        const chosen = echoedKinds === undefined ? receiving : Array.isArray(echoedKinds) ? echoedKinds : [echoedKinds];
        const chosenFrequency = typeof state?.values?.frequency === 'string' ? state.values.frequency : frequency;
        return (
          <>
            <Checkboxes
              name="kinds"
              legend="Email me about"
              hint="Untick what you do not want to hear about. With nothing ticked you get no reminder emails."
              options={kinds.map((k) => ({ value: k, text: REMINDER_KIND_LABEL[k] }))}
              defaultValues={chosen}
              errors={state?.fieldErrors?.kinds}
            />
            <Radios
              name="frequency"
              legend="How often"
              options={[
                { value: 'daily', text: 'Each day something is due', hint: 'At most one email a day, listing everything due' },
                { value: 'weekly', text: 'Once a week, on Monday' },
              ]}
              defaultValue={chosenFrequency}
              errors={state?.fieldErrors?.frequency}
            />
          </>
        );
      }}
    </ActionForm>
  );
}

/** Turns a calendar feed on (showing its secret address once) or off. */
export function CalendarFeedForms({ on }: { on: boolean }) {
  return (
    <>
      <ActionForm
        action={createCalendarFeedAction}
        firstField="calendar-on"
        submitText={on ? 'Replace the calendar feed with a new address' : 'Turn on a calendar feed'}
        secondary
      >
        {(state) =>
          typeof state?.data?.feedUrl === 'string' ? (
            <div className="govuk-form-group">
              <label className="govuk-label govuk-label--s" htmlFor="calendar-on">
                Your calendar feed’s address
              </label>
              <div className="govuk-hint" id="calendar-on-hint">
                In Outlook, choose Add calendar, then Subscribe from web, and paste this address. Keep it private: anyone with it can read these dates.
              </div>
              <input className="govuk-input app-break-anywhere" id="calendar-on" readOnly value={state.data.feedUrl} aria-describedby="calendar-on-hint" />
            </div>
          ) : (
            <span id="calendar-on" />
          )
        }
      </ActionForm>
      {on ? (
        <ActionForm action={revokeCalendarFeedAction} firstField="calendar-off" submitText="Turn off the calendar feed" secondary>
          {() => <span id="calendar-off" />}
        </ActionForm>
      ) : null}
    </>
  );
}
