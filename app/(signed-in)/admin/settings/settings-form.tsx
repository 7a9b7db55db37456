'use client';

import { useState } from 'react';
import { ActionForm, echoed } from '@/components/forms/action-form';
import { DateInput, Radios, TextInput } from '@/components/govuk/form-fields';
import { isAtOrAboveAppetite } from '@/lib/domain/scoring';
import { recordSettingsAction } from './server-actions';
import { LIMITS } from '@/lib/validation/limits';

type Current = {
  appetite: number;
  removalComparator: '<' | '<=';
  removalThreshold: number;
  likelihoodName: string;
  controlName: string;
  controlScale: string;
  impactName: string;
};

/** Shows which live risks an appetite would move in or out of appetite. */
function AppetiteMoves({ risks, current, proposed }: { risks: Array<{ ref: string; score: number }>; current: number; proposed: number }) {
  if (!Number.isInteger(proposed) || proposed < 1 || proposed > 64 || proposed === current) return null;
  const out = risks.filter((r) => !isAtOrAboveAppetite(r.score, current) && isAtOrAboveAppetite(r.score, proposed));
  const back = risks.filter((r) => isAtOrAboveAppetite(r.score, current) && !isAtOrAboveAppetite(r.score, proposed));
  return (
    <div className="govuk-inset-text" data-testid="appetite-moves">
      <p className="govuk-body">
        With an appetite of {proposed} instead of {current}:
      </p>
      <ul className="govuk-list govuk-list--bullet">
        <li>{out.length ? `move outside appetite: ${out.map((r) => `${r.ref} (${r.score})`).join(', ')}` : 'no risk moves outside appetite'}</li>
        <li>{back.length ? `come back within appetite: ${back.map((r) => `${r.ref} (${r.score})`).join(', ')}` : 'no risk comes back within appetite'}</li>
      </ul>
    </div>
  );
}

export function SettingsForm({
  current,
  risks,
  today,
}: {
  current: Current;
  risks: Array<{ ref: string; score: number }>;
  today: { day: string; month: string; year: string };
}) {
  const [appetite, setAppetite] = useState(String(current.appetite));
  return (
    <ActionForm action={recordSettingsAction} firstField="appetite" submitText="Record decision">
      {(state) => {
        const fe = state?.fieldErrors ?? {};
        const shown = echoed(state, 'appetite', appetite);
        return (
          <>
            <div className={`govuk-form-group${fe.appetite ? ' govuk-form-group--error' : ''}`}>
              <label className="govuk-label govuk-label--s" htmlFor="appetite">
                Risk appetite
              </label>
              <div id="appetite-hint" className="govuk-hint">
                A score at or above this is outside appetite
              </div>
              {fe.appetite ? (
                <p id="appetite-error" className="govuk-error-message">
                  <span className="govuk-visually-hidden">Error:</span> {fe.appetite[0]}
                </p>
              ) : null}
              <input
                className={`govuk-input govuk-input--width-3${fe.appetite ? ' govuk-input--error' : ''}`}
                id="appetite"
                name="appetite"
                inputMode="numeric"
                defaultValue={shown}
                onChange={(e) => setAppetite(e.target.value)}
                aria-describedby={`appetite-hint${fe.appetite ? ' appetite-error' : ''}`}
              />
            </div>
            <AppetiteMoves risks={risks} current={current.appetite} proposed={Number(appetite)} />
            <Radios
              name="removalComparator"
              legend="Topical risks leave the register when their score is"
              inline
              options={[
                { value: '<', text: 'under the threshold' },
                { value: '<=', text: 'at or under the threshold' },
              ]}
              defaultValue={echoed(state, 'removalComparator', current.removalComparator)}
              errors={fe.removalComparator}
            />
            <TextInput
              id="removalThreshold"
              label="Removal threshold"
              defaultValue={echoed(state, 'removalThreshold', String(current.removalThreshold))}
              errors={fe.removalThreshold}
              width={10}
            />
            <TextInput
              id="likelihoodName"
              limit={LIMITS.factorName}
              label="Name of L"
              defaultValue={echoed(state, 'likelihoodName', current.likelihoodName)}
              errors={fe.likelihoodName}
              width={20}
            />
            <TextInput
              id="controlName"
              limit={LIMITS.factorName}
              label="Name of C"
              hint="An office that reads C as consequence can rename it; the rule L × C × I does not change"
              defaultValue={echoed(state, 'controlName', current.controlName)}
              errors={fe.controlName}
              width={20}
            />
            <TextInput
              id="controlScale"
              limit={LIMITS.controlScale}
              label="What the C scale means"
              defaultValue={echoed(state, 'controlScale', current.controlScale)}
              errors={fe.controlScale}
              width={30}
            />
            <TextInput
              id="impactName"
              limit={LIMITS.factorName}
              label="Name of I"
              defaultValue={echoed(state, 'impactName', current.impactName)}
              errors={fe.impactName}
              width={20}
            />
            <DateInput
              name="effectiveFrom"
              legend="Takes effect from"
              values={{
                day: echoed(state, 'effectiveFrom-day', today.day),
                month: echoed(state, 'effectiveFrom-month', today.month),
                year: echoed(state, 'effectiveFrom-year', today.year),
              }}
              errors={fe.effectiveFrom}
            />
            <TextInput
              id="approvedBy"
              limit={LIMITS.approvedBy}
              label="Approved by"
              hint="For example, Commissioner’s Monitoring Board"
              defaultValue={echoed(state, 'approvedBy')}
              errors={fe.approvedBy}
            />
            <TextInput
              id="minuteRef"
              limit={LIMITS.minuteRef}
              label="Minute reference (optional)"
              defaultValue={echoed(state, 'minuteRef')}
              errors={fe.minuteRef}
            />
          </>
        );
      }}
    </ActionForm>
  );
}
