'use client';

import { ActionForm, echoed } from '@/components/forms/action-form';
import { Checkboxes, Textarea, TextInput } from '@/components/govuk/form-fields';
import type { Narrative } from '@/lib/domain/covering-report';
import type { BandName } from '@/lib/domain/scoring';
import { publishCoveringReportAction, saveNarrativeAction, startCoveringReportAction } from './server-actions';
import { LIMITS } from '@/lib/validation/limits';

export function StartReportForm({ snapshotId }: { snapshotId: number }) {
  return (
    <ActionForm action={startCoveringReportAction} firstField="snapshotId" submitText="Draft the covering report">
      {() => <input type="hidden" name="snapshotId" value={snapshotId} />}
    </ActionForm>
  );
}

export function PublishReportForm({ snapshotId, version }: { snapshotId: number; version: number }) {
  return (
    <ActionForm action={publishCoveringReportAction} firstField="confirm" submitText="Publish the covering report">
      {(state) => (
        <>
          <input type="hidden" name="snapshotId" value={snapshotId} />
          <input type="hidden" name="version" value={version} />
          <Checkboxes
            name="confirm"
            legend="Publish"
            hint="Once published, the report cannot be changed. Board members can then open it, and download it as PDF or Word."
            options={[{ value: 'yes', text: 'I have read the draft and it is ready to publish' }]}
            defaultValues={echoed(state, 'confirm') === 'yes' ? ['yes'] : []}
            errors={state?.fieldErrors?.confirm}
          />
        </>
      )}
    </ActionForm>
  );
}

export type KeyRisk = { ref: string; event: string; band: BandName };

export function NarrativeForm({
  snapshotId,
  version,
  narrative,
  keyRisks,
}: {
  snapshotId: number;
  version: number;
  narrative: Narrative;
  keyRisks: KeyRisk[];
}) {
  return (
    <ActionForm action={saveNarrativeAction} firstField="purpose" submitText="Save the draft">
      {(state) => {
        const value = (field: keyof Narrative & string) => echoed(state, field, String(narrative[field] ?? ''));
        const errors = (field: string) => state?.fieldErrors?.[field];
        return (
          <>
            <input type="hidden" name="snapshotId" value={snapshotId} />
            <input type="hidden" name="version" value={echoed(state, 'version', String(version))} />
            <TextInput
              id="agendaItem"
              limit={LIMITS.agendaItem}
              label="Agenda item (optional)"
              hint="The item this report is on the meeting’s agenda, for example 8. Printed above the title."
              width={5}
              defaultValue={value('agendaItem')}
              errors={errors('agendaItem')}
            />
            <Textarea
              id="purpose"
              limit={LIMITS.reportSection}
              label="1. Purpose of Report"
              rows={2}
              defaultValue={value('purpose')}
              errors={errors('purpose')}
            />
            <h2 className="govuk-heading-m">The office’s standing wording</h2>
            <p className="govuk-body">Set once: each next report’s draft starts with what this one says.</p>
            <TextInput
              id="planAlignment"
              limit={LIMITS.reportShort}
              label="The Plan the register is aligned to (optional)"
              hint="For example, Police and Crime Plan (2017-2021). Paragraph 2.1 then reads “The risk register is now aligned to the lifespan of the …”."
              defaultValue={value('planAlignment')}
              errors={errors('planAlignment')}
            />
            <TextInput
              id="monthlyReviewers"
              limit={LIMITS.reportShort}
              label="Who reviews the register monthly (optional)"
              hint="For example, the Deputy Chief Executive. Printed in paragraph 2.4; “office staff” when left empty."
              defaultValue={value('monthlyReviewers')}
              errors={errors('monthlyReviewers')}
            />
            <TextInput
              id="registerManager"
              limit={LIMITS.reportShort}
              label="Who manages the register day to day (optional)"
              hint="For example, The Commissioning and Policy Officer. Paragraph 2.4 then ends “… has responsibility for the day-to-day management of the register.”"
              defaultValue={value('registerManager')}
              errors={errors('registerManager')}
            />
            <Textarea
              id="background"
              limit={LIMITS.reportSection}
              label="Further background (optional)"
              hint="Printed in section 2 after the standard paragraphs on review cadence, categories, owners and the appetite. Leave a blank line between paragraphs."
              rows={4}
              defaultValue={value('background')}
              errors={errors('background')}
            />
            <TextInput
              id="otherHeading"
              limit={LIMITS.reportHeading}
              label="Extra section heading (optional)"
              hint="For example, an operation affecting several risks. Printed before the key risks."
              defaultValue={value('otherHeading')}
              errors={errors('otherHeading')}
            />
            <Textarea
              id="otherText"
              limit={LIMITS.reportSection}
              label="Extra section text (optional)"
              rows={4}
              defaultValue={value('otherText')}
              errors={errors('otherText')}
            />
            <h2 className="govuk-heading-m">Key and new risks</h2>
            <p className="govuk-body">
              Each paragraph was drafted from the risk’s reviews: what moved and why. Headings, counts and the appendices come from the snapshot and cannot be
              edited.
            </p>
            {keyRisks.map((r) => (
              <Textarea
                key={r.ref}
                id={`risk-${r.ref}`}
                limit={LIMITS.reportSection}
                label={`Risk ${r.ref}: ${r.event} (${r.band} risk)`}
                rows={4}
                defaultValue={echoed(state, `risk-${r.ref}`, narrative.risks[r.ref] ?? '')}
                errors={errors(`risk-${r.ref}`)}
              />
            ))}
            <Textarea
              id="futureReviews"
              limit={LIMITS.reportSection}
              label="Future reviews of the risk register"
              rows={2}
              defaultValue={value('futureReviews')}
              errors={errors('futureReviews')}
            />
            <TextInput
              id="signOffName"
              limit={LIMITS.reportShort}
              label="Signed off by (optional)"
              defaultValue={value('signOffName')}
              errors={errors('signOffName')}
            />
            <TextInput
              id="signOffRole"
              limit={LIMITS.reportShort}
              label="Their role (optional)"
              defaultValue={value('signOffRole')}
              errors={errors('signOffRole')}
            />
          </>
        );
      }}
    </ActionForm>
  );
}
