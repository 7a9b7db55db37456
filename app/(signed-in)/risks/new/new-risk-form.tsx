'use client';

import { useState } from 'react';
import { FactorRadios } from '@/components/factor-radios';
import { ActionForm, echoed } from '@/components/forms/action-form';
import { Checkboxes, DateInput, Radios, Textarea } from '@/components/govuk/form-fields';
import { Select } from '@/components/govuk/select';
import { FORUM_LABEL, FORUMS } from '@/lib/domain/forums';
import { IMPACT_AREAS } from '@/lib/domain/impact-areas';
import { bandLabel, bandOf, isFactor, scoreOf } from '@/lib/domain/scoring';
import type { FactorKey, FactorLabels } from '@/lib/domain/settings';
import type { FormState } from '@/lib/validation/form-state';
import { createRiskAction } from './server-actions';
import { LIMITS } from '@/lib/validation/limits';

type Props = {
  people: Array<{ id: number; name: string }>;
  factors: Record<FactorKey, FactorLabels>;
  appetite: number;
  nextRefs: { inherent: string; topical: string };
  today: { day: string; month: string; year: string };
};

/** The first score's factors, with the score, band and appetite position shown as they are chosen. */
function FirstScore({ factors, appetite, state }: { factors: Record<FactorKey, FactorLabels>; appetite: number; state: FormState | undefined }) {
  const [chosen, setChosen] = useState<Record<FactorKey, string>>({
    likelihood: echoed(state, 'likelihood'),
    control: echoed(state, 'control'),
    impact: echoed(state, 'impact'),
  });
  const factorValues = [chosen.likelihood, chosen.control, chosen.impact].map(Number);
  const score = factorValues.every(isFactor) ? scoreOf({ likelihood: factorValues[0], control: factorValues[1], impact: factorValues[2] }) : null;
  return (
    <>
      <FactorRadios factors={factors} values={chosen} errors={state?.fieldErrors ?? {}} onChange={(key, value) => setChosen((c) => ({ ...c, [key]: value }))} />
      <div className="govuk-inset-text" aria-live="polite" data-testid="score-preview">
        {score === null ? (
          <p className="govuk-body govuk-!-margin-bottom-0">Choose all three scores to see the result.</p>
        ) : (
          <p className="govuk-body govuk-!-margin-bottom-0">
            Score <strong>{score}</strong>: <strong>{bandLabel(bandOf(score))}</strong>.{' '}
            {score >= appetite ? (
              <strong className="app-appetite-flag">At or above the risk appetite of {appetite}</strong>
            ) : (
              `Within the risk appetite of ${appetite}.`
            )}
          </p>
        )}
      </div>
    </>
  );
}

export function NewRiskForm({ people, factors, appetite, nextRefs, today }: Props) {
  const peopleOptions = [{ value: '', text: 'Unassigned' }, ...people.map((p) => ({ value: String(p.id), text: p.name }))];
  return (
    <ActionForm action={createRiskAction} firstField="category" submitText="Add risk">
      {(state) => {
        const fe = state?.fieldErrors ?? {};
        const list = (key: string) => {
          const value = state?.values?.[key];
          return value === undefined ? [] : Array.isArray(value) ? value : [value];
        };
        return (
          <>
            <Radios
              name="category"
              legend="Category"
              options={[
                { value: 'inherent', text: `Inherent (will be ${nextRefs.inherent})`, hint: 'Always remains on the register, whatever its score' },
                {
                  value: 'topical',
                  text: `Topical (will be ${nextRefs.topical})`,
                  hint: 'Leaves the register when a review scores it below the removal threshold',
                },
              ]}
              defaultValue={echoed(state, 'category')}
              errors={fe.category}
            />
            <DateInput
              name="dateIdentified"
              legend="Date identified"
              hint="Today or earlier. The first review is recorded on this date."
              values={{
                day: echoed(state, 'dateIdentified-day', today.day),
                month: echoed(state, 'dateIdentified-month', today.month),
                year: echoed(state, 'dateIdentified-year', today.year),
              }}
              errors={fe.dateIdentified}
            />
            <Textarea id="event" limit={LIMITS.event} label="Event" defaultValue={echoed(state, 'event')} errors={fe.event} rows={3} />
            <Textarea
              id="consequences"
              limit={LIMITS.consequence}
              perLine
              label="Consequences"
              hint="One per line"
              defaultValue={echoed(state, 'consequences')}
              errors={fe.consequences}
              rows={4}
            />
            <Checkboxes
              name="impactAreas"
              legend="Main impact areas"
              options={IMPACT_AREAS.map((a) => ({ value: a, text: a }))}
              defaultValues={list('impactAreas')}
              errors={fe.impactAreas}
            />
            <Textarea
              id="mitigations"
              limit={LIMITS.mitigation}
              perLine
              label="Mitigation and controls"
              hint="One per line"
              defaultValue={echoed(state, 'mitigations')}
              errors={fe.mitigations}
              rows={4}
            />
            <Select id="ownerId" name="ownerId" label="Risk owner" options={peopleOptions} defaultValue={echoed(state, 'ownerId')} error={fe.ownerId?.[0]} />
            <FirstScore factors={factors} appetite={appetite} state={state} />
            <Radios
              name="forum"
              legend="Who agreed it"
              options={FORUMS.filter((f) => f !== 'import').map((f) => ({ value: f, text: FORUM_LABEL[f] }))}
              defaultValue={echoed(state, 'forum', 'monthly')}
              errors={fe.forum}
            />
            <Textarea
              id="reason"
              limit={LIMITS.reason}
              label="Note (optional)"
              hint="Shown after NEW in the Summary column"
              defaultValue={echoed(state, 'reason')}
              errors={fe.reason}
              rows={2}
            />
          </>
        );
      }}
    </ActionForm>
  );
}
