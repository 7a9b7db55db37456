import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { getRiskByRef } from '@/db/queries/risks';
import { requirePermission } from '@/lib/auth/guard';
import { ownsRisk } from '@/lib/auth/ownership';
import { parseRef } from '@/lib/domain/categories';
import { today } from '@/lib/today';
import { ProposeForm } from './propose-form';

export const metadata: Metadata = { title: 'Propose an update' };

export default async function ProposePage({ params }: { params: Promise<{ ref: string }> }) {
  const user = await requirePermission('review:propose-own');
  // A ref is letters and digits: anything percent-encoded is not one (and is not decoded, so it cannot throw).
  const ref = (await params).ref;
  const risk = parseRef(ref) ? getRiskByRef(getDb(), ref, today()) : null;
  if (!risk) notFound();
  if (!ownsRisk(user, risk.owner?.id)) forbidden();
  return (
    <div className="govuk-width-container">
      <Link href={`/risks/${risk.ref}`} className="govuk-back-link">
        Back
      </Link>
      <main className="govuk-main-wrapper" id="main-content">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <span className="govuk-caption-l">Risk {risk.ref}</span>
            <h1 className="govuk-heading-l">Propose an update</h1>
            <p className="govuk-body">
              You own this risk. Propose its score and any mitigation updates; office staff confirm it by logging a review, or decline it with a note. Current
              score {risk.latest.score} ({risk.latest.summary}).
            </p>
            <ProposeForm
              refId={risk.ref}
              current={{ likelihood: risk.latest.likelihood, control: risk.latest.control, impact: risk.latest.impact }}
              factors={risk.settings.factors}
            />
          </div>
        </div>
      </main>
    </div>
  );
}
