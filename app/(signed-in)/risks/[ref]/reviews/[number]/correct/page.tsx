import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { SummaryList } from '@/components/govuk/summary-list';
import { getDb } from '@/db/client';
import { getRiskByRef } from '@/db/queries/risks';
import { requirePermission } from '@/lib/auth/guard';
import { parseRef } from '@/lib/domain/categories';
import { formatDay } from '@/lib/domain/dates';
import { FORUM_LABEL } from '@/lib/domain/forums';
import { today } from '@/lib/today';
import { dateInputValues } from '@/lib/validation/date-input';
import { CorrectionForm } from './correction-form';

type Props = { params: Promise<{ ref: string; number: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { ref, number } = await params;
  return { title: `Correct review ${number} of ${ref.toUpperCase()}` };
}

/** Correcting one recorded review: what it holds now, and the form for what it should have held. */
export default async function CorrectReviewPage({ params }: Props) {
  await requirePermission('review:log');
  const { ref, number } = await params;
  const risk = parseRef(ref) && /^[1-9]\d{0,5}$/.test(number) ? getRiskByRef(getDb(), ref, today()) : null;
  const review = risk?.history.find((h) => h.sequence === Number(number));
  if (!risk || !review) notFound();
  const date = review.reviewedOn ? dateInputValues('d', review.reviewedOn) : {};
  const factor = (n: number | null) => (n === null ? 'Not recorded' : String(n));
  return (
    <div className="govuk-width-container">
      <Link href={`/risks/${risk.ref}#review-${review.sequence}`} className="govuk-back-link">
        Back to {risk.ref}
      </Link>
      <main className="govuk-main-wrapper" id="main-content">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <span className="govuk-caption-l">Risk {risk.ref}</span>
            <h1 className="govuk-heading-l">Correct review {review.sequence}</h1>
            <p className="govuk-body">
              Use this when the review was recorded wrongly: the wrong date, forum, scores or reason. The review as recorded stays in the history, marked as
              corrected; the register, reports not yet published and exports use the correction from now on. Published reports and frozen snapshots keep what
              they showed. If the risk has changed since, record a new review instead.
            </p>
            <h2 className="govuk-heading-m">The review as it stands</h2>
            <SummaryList
              rows={[
                { key: 'Date of the review', value: formatDay(review.reviewedOn, review.reviewedOnNote ?? 'Not recorded') },
                { key: 'Who reviewed it', value: FORUM_LABEL[review.forum] },
                {
                  key: 'Score',
                  value: `L${factor(review.likelihood)} × C${factor(review.control)} × I${factor(review.impact)} = ${review.score}`,
                },
                { key: 'Reason', value: review.reason ?? 'None recorded' },
                ...(review.correction
                  ? [
                      {
                        key: 'Corrected before',
                        value: `${review.correction.count === 1 ? 'Once' : `${review.correction.count} times`}, last by ${review.correction.by}`,
                      },
                    ]
                  : []),
              ]}
            />
            <CorrectionForm
              factors={risk.settings.factors}
              review={{
                ref: risk.ref,
                id: review.id,
                correctionId: review.correction?.id ?? null,
                date: { day: date['d-day'] ?? '', month: date['d-month'] ?? '', year: date['d-year'] ?? '' },
                forum: review.forum,
                likelihood: review.likelihood,
                control: review.control,
                impact: review.impact,
                reason: review.reason ?? '',
              }}
            />
          </div>
        </div>
      </main>
    </div>
  );
}
