import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { getSnapshot } from '@/db/mutations/snapshots';
import { getCoveringReport } from '@/db/queries/covering-reports';
import { requirePermission } from '@/lib/auth/guard';
import { formatDay } from '@/lib/domain/dates';
import { FORUM_LABEL } from '@/lib/domain/forums';
import { NarrativeForm, type KeyRisk } from '../report-forms';

export const metadata: Metadata = { title: 'Edit the covering report' };

export default async function EditCoveringReportPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission('report:write');
  const id = Number((await params).id);
  const db = getDb();
  const snapshot = Number.isInteger(id) && id > 0 ? getSnapshot(db, id) : null;
  if (!snapshot) notFound();
  const report = getCoveringReport(db, id);
  if (!report || report.status === 'published') redirect(`/snapshots/${id}/report`);
  const keyRisks: KeyRisk[] = report.report.sections.flatMap((s) =>
    s.blocks.flatMap((b) => (b.kind === 'risk' ? [{ ref: b.ref, event: b.event, band: b.band }] : [])),
  );
  return (
    <div className="govuk-width-container">
      <Link href={`/snapshots/${id}/report`} className="govuk-back-link">
        Back to the report
      </Link>
      <main className="govuk-main-wrapper" id="main-content">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <span className="govuk-caption-l">
              {FORUM_LABEL[snapshot.forum]}, {formatDay(snapshot.meetingOn)}
            </span>
            <h1 className="govuk-heading-l">Edit the covering report</h1>
            <NarrativeForm snapshotId={id} version={report.version} narrative={report.narrative} keyRisks={keyRisks} />
          </div>
        </div>
      </main>
    </div>
  );
}
