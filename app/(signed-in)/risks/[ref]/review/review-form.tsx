'use client';

import { useState } from 'react';
import { FactorRadios } from '@/components/factor-radios';
import { ActionForm, echoed } from '@/components/forms/action-form';
import { Checkboxes, DateInput, Radios, Textarea } from '@/components/govuk/form-fields';
import { Select } from '@/components/govuk/select';
import type { FormState } from '@/lib/validation/form-state';
import { FORUM_LABEL, FORUMS } from '@/lib/domain/forums';
import { IMPACT_AREAS } from '@/lib/domain/impact-areas';
import { assessReview } from '@/lib/domain/review';
import { bandLabel, isFactor } from '@/lib/domain/scoring';
import type { FactorKey, FactorLabels } from '@/lib/domain/settings';
import type { RemovalRule } from '@/lib/domain/categories';
import { reviewRiskAction } from './server-actions';
import { LIMITS } from '@/lib/validation/limits';

export type ReviewFormRisk = {
  ref: string;
  category: 'inherent' | 'topical';
  status: 'live' | 'archived';
  version: number;
  previousScore: number;
  likelihood: number | null;
  control: number | null;
  impact: number | null;
  event: string;
  consequences: string[];
  impactAreas: string[];
  ownerId: number | null;
  mitigations: Array<{ id: number; text: string; ownerId: number | null }>;
};

type Props = {
  risk: ReviewFormRisk;
  people: Array<{ id: number; name: string }>;
  factors: Record<FactorKey, FactorLabels>;
  appetite: number;
  removalRule: RemovalRule;
  today: { day: string; month: string; year: string };
  returnTo: 'risk' | 'monthly';
  proposal?: { id: number; likelihood: number; control: number; impact: number; reason: string; mitigationUpdate: string | null; proposedBy: string } | null;
};

const FACTOR_KEYS: FactorKey[] = ['likelihood', 'control', 'impact'];

/** The review form: pre-filled with the risk as it stands, live score as you choose, works without JavaScript. */
export function ReviewForm(props: Props) {
  return (
    <ActionForm
      action={reviewRiskAction}
      firstField="likelihood"
      resetFields
      buttons={(pending) => (
        <div className="govuk-button-group">
          <button type="submit" name="intent" value="save" className="govuk-button" disabled={pending} aria-disabled={pending}>
            Save review
          </button>
        </div>
      )}
    >
      {(state) => <ReviewFields state={state} {...props} />}
    </ActionForm>
  );
}

/** The form's fields, made afresh from each answer's echoed values; the scores chosen drive the live result. */
function ReviewFields({ state, risk, people, factors, appetite, removalRule, today, returnTo, proposal }: Props & { state: FormState | undefined }) {
  const v = (key: string, fallback = '') => echoed(state, key, fallback);
  const list = (key: string, fallback: string[]) => {
    const value = state?.values?.[key];
    return value === undefined ? fallback : Array.isArray(value) ? value : [value];
  };
  const initial = proposal
    ? { likelihood: proposal.likelihood, control: proposal.control, impact: proposal.impact }
    : { likelihood: risk.likelihood, control: risk.control, impact: risk.impact };
  const [chosen, setChosen] = useState<Record<FactorKey, string>>({
    likelihood: v('likelihood', initial.likelihood ? String(initial.likelihood) : ''),
    control: v('control', initial.control ? String(initial.control) : ''),
    impact: v('impact', initial.impact ? String(initial.impact) : ''),
  });

  const numbers = FACTOR_KEYS.map((k) => Number(chosen[k]));
  const live = numbers.every(isFactor)
    ? assessReview({
        category: risk.category,
        status: risk.status,
        previousScore: risk.previousScore,
        factors: { likelihood: numbers[0], control: numbers[1], impact: numbers[2] },
        appetite,
        removalRule,
      })
    : null;
  const fe = state?.fieldErrors ?? {};
  const peopleOptions = [{ value: '', text: 'Unassigned' }, ...people.map((p) => ({ value: String(p.id), text: p.name }))];
  // A section behind details opens when it holds an error, or what the reviewer changed or the owner proposed.
  const changed = (key: string, original: string) => v(key, original) !== original;
  const mitigationsOpen =
    Object.keys(fe).some((k) => k.startsWith('mitigation-') || k.startsWith('newMitigations')) ||
    v('newMitigations', proposal?.mitigationUpdate ?? '') !== '' ||
    risk.mitigations.some(
      (m) =>
        changed(`mitigation-${m.id}-text`, m.text) ||
        changed(`mitigation-${m.id}-owner`, m.ownerId ? String(m.ownerId) : '') ||
        v(`mitigation-${m.id}-retire`) === 'yes',
    );
  const detailsOpen =
    ['event', 'consequences', 'impactAreas', 'ownerId'].some((k) => fe[k]?.length) ||
    changed('event', risk.event) ||
    changed('consequences', risk.consequences.join('\n')) ||
    changed('ownerId', risk.ownerId ? String(risk.ownerId) : '') ||
    list('impactAreas', risk.impactAreas).join() !== risk.impactAreas.join();

  return (
    <>
      <input type="hidden" name="ref" value={risk.ref} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <input type="hidden" name="version" value={v('version', String(risk.version))} />
      {proposal ? (
        <>
          <input type="hidden" name="proposalId" value={proposal.id} />
          <div className="govuk-inset-text">Pre-filled from {proposal.proposedBy}’s proposal. Saving this review confirms it.</div>
        </>
      ) : null}

      <DateInput
        name="reviewedOn"
        legend="Date of review"
        hint="Today or earlier, for example 4 5 2018"
        values={{ day: v('reviewedOn-day', today.day), month: v('reviewedOn-month', today.month), year: v('reviewedOn-year', today.year) }}
        errors={fe.reviewedOn}
      />
      <Radios
        name="forum"
        legend="Who reviewed it"
        options={FORUMS.filter((f) => f !== 'import').map((f) => ({ value: f, text: FORUM_LABEL[f] }))}
        defaultValue={v('forum', 'monthly')}
        errors={fe.forum}
      />

      <FactorRadios factors={factors} values={chosen} errors={fe} onChange={(key, value) => setChosen((c) => ({ ...c, [key]: value }))} />
      <div className="govuk-inset-text" aria-live="polite" data-testid="score-preview">
        {live ? (
          <>
            <p className="govuk-body govuk-!-margin-bottom-1">
              Score <strong>{live.score}</strong>: <strong>{bandLabel(live.band)}</strong>.{' '}
              {live.atOrAboveAppetite ? (
                <strong className="app-appetite-flag">At or above the risk appetite of {appetite}</strong>
              ) : (
                `Within the risk appetite of ${appetite}.`
              )}
            </p>
            <p className="govuk-body govuk-!-margin-bottom-0">
              {live.direction === 'maintained'
                ? `Unchanged from ${risk.previousScore}.`
                : live.direction === 'new'
                  ? 'New risk.'
                  : `${live.direction === 'increased' ? 'Increased' : 'Reduced'} from ${risk.previousScore}.`}
            </p>
          </>
        ) : (
          <p className="govuk-body govuk-!-margin-bottom-0">Choose all three scores to see the result.</p>
        )}
      </div>
      <button type="submit" name="intent" value="check" className="govuk-button govuk-button--secondary">
        Check score
      </button>

      <Textarea
        id="reason"
        limit={LIMITS.reason}
        label="Reason"
        hint="Required when the score changes. It becomes the Summary text, for example “due to impact of Op Fairline on resources”."
        defaultValue={v('reason', proposal?.reason ?? '')}
        errors={fe.reason}
        rows={3}
      />

      {live?.offerRemoval || fe.remove || fe.removalReason ? (
        <div className="govuk-form-group" data-testid="removal-question">
          <Radios
            name="remove"
            legendSize="m"
            legend={`${risk.ref} now scores below the removal threshold. Remove it from the live register?`}
            options={[
              { value: 'yes', text: 'Yes, remove it', hint: 'It is archived: still readable with its history, and can return through a later review' },
              { value: 'no', text: 'No, keep it on the register' },
            ]}
            defaultValue={v('remove', '')}
            errors={fe.remove}
          />
          <Textarea
            id="removalReason"
            limit={LIMITS.removalReason}
            label="Why is it being removed?"
            defaultValue={v('removalReason', 'Score below the removal threshold')}
            errors={fe.removalReason}
            rows={2}
          />
        </div>
      ) : null}
      {live?.reinstates ? (
        <div className="govuk-inset-text">This score is at or above the removal threshold: saving returns {risk.ref} to the live register.</div>
      ) : null}

      {/* Behind GOV.UK details, so a review that changes only the score reaches Save in a few key presses;
          each opens by itself when it holds an error, or text already changed or proposed. */}
      <details className="govuk-details" data-testid="mitigations-details" open={mitigationsOpen}>
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Change the mitigation and controls ({risk.mitigations.length})</span>
        </summary>
        <div className="govuk-details__text">
          {risk.mitigations.map((m, i) => (
            <div className="govuk-form-group app-mitigation" key={m.id}>
              <Textarea
                id={`mitigation-${m.id}-text`}
                limit={LIMITS.mitigation}
                label={`Mitigation ${i + 1}`}
                defaultValue={v(`mitigation-${m.id}-text`, m.text)}
                errors={fe[`mitigation-${m.id}-text`]}
                rows={2}
              />
              <Select
                id={`mitigation-${m.id}-owner`}
                name={`mitigation-${m.id}-owner`}
                label={`Owner of mitigation ${i + 1}`}
                options={peopleOptions}
                defaultValue={v(`mitigation-${m.id}-owner`, m.ownerId ? String(m.ownerId) : '')}
              />
              <div className="govuk-checkboxes govuk-checkboxes--small">
                <div className="govuk-checkboxes__item">
                  <input
                    className="govuk-checkboxes__input"
                    id={`mitigation-${m.id}-retire`}
                    name={`mitigation-${m.id}-retire`}
                    type="checkbox"
                    value="yes"
                    defaultChecked={v(`mitigation-${m.id}-retire`) === 'yes'}
                  />
                  <label className="govuk-label govuk-checkboxes__label" htmlFor={`mitigation-${m.id}-retire`}>
                    Retire mitigation {i + 1}
                  </label>
                </div>
              </div>
            </div>
          ))}
          <Textarea
            id="newMitigations"
            limit={LIMITS.mitigation}
            perLine
            label="Add mitigations"
            hint="One per line"
            defaultValue={v('newMitigations', proposal?.mitigationUpdate ?? '')}
            errors={fe.newMitigations}
            rows={3}
          />
          <Select
            id="newMitigationsOwnerId"
            name="newMitigationsOwnerId"
            label="Owner of the added mitigations"
            options={peopleOptions}
            defaultValue={v('newMitigationsOwnerId')}
          />
        </div>
      </details>
      <details className="govuk-details" data-testid="risk-details" open={detailsOpen}>
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Change the risk’s details: event, consequences, impact areas, owner</span>
        </summary>
        <div className="govuk-details__text">
          <p className="govuk-body">Change these only if the review changed them.</p>
          <Textarea id="event" limit={LIMITS.event} label="Event" defaultValue={v('event', risk.event)} errors={fe.event} rows={3} />
          <Textarea
            id="consequences"
            limit={LIMITS.consequence}
            perLine
            label="Consequences"
            hint="One per line"
            defaultValue={v('consequences', risk.consequences.join('\n'))}
            errors={fe.consequences}
            rows={Math.max(4, risk.consequences.length + 1)}
          />
          <Checkboxes
            name="impactAreas"
            legend="Main impact areas"
            options={IMPACT_AREAS.map((a) => ({ value: a, text: a }))}
            defaultValues={list('impactAreas', risk.impactAreas)}
            errors={fe.impactAreas}
          />
          <Select
            id="ownerId"
            name="ownerId"
            label="Risk owner"
            options={peopleOptions}
            defaultValue={v('ownerId', risk.ownerId ? String(risk.ownerId) : '')}
            error={fe.ownerId?.[0]}
          />
        </div>
      </details>
    </>
  );
}
