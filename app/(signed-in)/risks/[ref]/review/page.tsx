import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { getPendingProposal, getRiskByRef } from '@/db/queries/risks';
import { listOwners } from '@/db/queries/users';
import { requirePermission } from '@/lib/auth/guard';
import { CATEGORY_LABEL, parseRef } from '@/lib/domain/categories';
import { today } from '@/lib/today';
import { dateInputValues } from '@/lib/validation/date-input';
import { ReviewForm } from './review-form';

type Props = { params: Promise<{ ref: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Review risk ${(await params).ref.toUpperCase()}` };
}

export default async function ReviewPage({ params, searchParams }: Props) {
  await requirePermission('review:log');
  // A ref is letters and digits: anything percent-encoded is not one (and is not decoded, so it cannot throw).
  const ref = (await params).ref;
  const query = await searchParams;
  const returnTo = query.from === 'monthly' ? 'monthly' : 'risk';
  const day = today();
  const risk = parseRef(ref) ? getRiskByRef(getDb(), ref, day) : null;
  if (!risk) notFound();
  const date = dateInputValues('d', day);
  const proposalId = typeof query.proposal === 'string' && /^\d+$/.test(query.proposal) ? Number(query.proposal) : null;
  const proposal = proposalId ? getPendingProposal(getDb(), risk.id, proposalId) : null;
  return (
    <div className="govuk-width-container">
      <Link href={returnTo === 'monthly' ? '/reviews/monthly' : `/risks/${risk.ref}`} className="govuk-back-link">
        Back
      </Link>
      <main className="govuk-main-wrapper" id="main-content">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <span className="govuk-caption-l">
              {CATEGORY_LABEL[risk.category]} risk {risk.ref}
              {risk.status === 'archived' ? ' (archived)' : ''}
            </span>
            <h1 className="govuk-heading-l">Review {risk.ref}</h1>
            <p className="govuk-body">{risk.event}</p>
            <p className="govuk-body">
              Current score <strong>{risk.latest.score}</strong> ({risk.latest.summary}).
            </p>
            <ReviewForm
              risk={{
                ref: risk.ref,
                category: risk.category,
                status: risk.status,
                version: risk.version,
                previousScore: risk.latest.score,
                likelihood: risk.latest.likelihood,
                control: risk.latest.control,
                impact: risk.latest.impact,
                event: risk.event,
                consequences: risk.consequences.map((c) => c.text),
                impactAreas: risk.impactAreas,
                ownerId: risk.owner?.id ?? null,
                mitigations: risk.mitigations.map((m) => ({ id: m.id, text: m.text, ownerId: m.ownerId })),
              }}
              people={listOwners(getDb())}
              factors={risk.settings.factors}
              appetite={risk.settings.appetite}
              removalRule={{ comparator: risk.settings.removalComparator, threshold: risk.settings.removalThreshold }}
              today={{ day: date['d-day']!, month: date['d-month']!, year: date['d-year']! }}
              returnTo={returnTo}
              proposal={
                proposal
                  ? {
                      id: proposal.id,
                      likelihood: proposal.likelihood,
                      control: proposal.control,
                      impact: proposal.impact,
                      reason: proposal.reason,
                      mitigationUpdate: proposal.mitigationUpdate,
                      proposedBy: proposal.proposedBy,
                    }
                  : null
              }
            />
          </div>
        </div>
      </main>
    </div>
  );
}
