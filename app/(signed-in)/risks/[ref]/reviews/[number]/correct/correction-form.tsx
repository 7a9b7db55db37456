'use client';

import { FactorRadios } from '@/components/factor-radios';
import { ActionForm, echoed } from '@/components/forms/action-form';
import { DateInput, Radios, Textarea } from '@/components/govuk/form-fields';
import { FORUM_LABEL, FORUMS, type Forum } from '@/lib/domain/forums';
import type { FactorKey, FactorLabels } from '@/lib/domain/settings';
import { correctReviewAction } from './server-actions';
import { LIMITS } from '@/lib/validation/limits';

export type CorrectionFormReview = {
  ref: string;
  id: number;
  correctionId: number | null;
  date: { day: string; month: string; year: string };
  forum: Forum;
  likelihood: number | null;
  control: number | null;
  impact: number | null;
  reason: string;
};

/** The correction form, pre-filled with the review as it stands; works without JavaScript. */
export function CorrectionForm({ review, factors }: { review: CorrectionFormReview; factors: Record<FactorKey, FactorLabels> }) {
  // Imported history's forum stays on offer for the reviews that carry it; new records never take it.
  const forums = FORUMS.filter((f) => f !== 'import' || review.forum === 'import');
  return (
    <ActionForm action={correctReviewAction} firstField="why" submitText="Save correction" resetFields>
      {(state) => {
        const v = (key: string, fallback: string) => echoed(state, key, fallback);
        const fe = state?.fieldErrors ?? {};
        return (
          <>
            <input type="hidden" name="ref" value={review.ref} />
            <input type="hidden" name="reviewId" value={review.id} />
            <input type="hidden" name="expectedCorrectionId" value={review.correctionId ?? ''} />
            <DateInput
              name="reviewedOn"
              legend="Date of the review"
              hint="For example 4 5 2018"
              values={{
                day: v('reviewedOn-day', review.date.day),
                month: v('reviewedOn-month', review.date.month),
                year: v('reviewedOn-year', review.date.year),
              }}
              errors={fe.reviewedOn}
            />
            <Radios
              name="forum"
              legend="Who reviewed it"
              options={forums.map((f) => ({ value: f, text: FORUM_LABEL[f] }))}
              defaultValue={v('forum', review.forum)}
              errors={fe.forum}
            />
            <FactorRadios
              factors={factors}
              values={{
                likelihood: v('likelihood', review.likelihood ? String(review.likelihood) : ''),
                control: v('control', review.control ? String(review.control) : ''),
                impact: v('impact', review.impact ? String(review.impact) : ''),
              }}
              errors={fe}
            />
            <Textarea
              id="reason"
              limit={LIMITS.reason}
              label="Reason for the score (as the review should have recorded it)"
              defaultValue={v('reason', review.reason)}
              errors={fe.reason}
            />
            <Textarea
              id="why"
              limit={LIMITS.correctionWhy}
              label="Why the review as recorded was wrong"
              labelSize="m"
              hint="This is kept with the correction and shown beside the review in its history and in the audit log."
              defaultValue={v('why', '')}
              errors={fe.why}
            />
          </>
        );
      }}
    </ActionForm>
  );
}
