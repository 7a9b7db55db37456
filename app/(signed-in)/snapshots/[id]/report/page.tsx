import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CoveringReportView } from '@/components/covering-report';
import { SuccessBanner } from '@/components/govuk/success-banner';
import { getDb } from '@/db/client';
import { compareWithRebuild, getSnapshot } from '@/db/mutations/snapshots';
import { RebuildDiffers } from '@/components/rebuild-differs';
import { correctionsSince, getCoveringReport } from '@/db/queries/covering-reports';
import { LaterCorrections } from '@/components/later-corrections';
import { requirePermission } from '@/lib/auth/guard';
import { userCan } from '@/lib/auth/session';
import { formatDay } from '@/lib/domain/dates';
import { FORUM_LABEL } from '@/lib/domain/forums';
import { PublishReportForm, StartReportForm } from './report-forms';

export const metadata: Metadata = { title: 'Covering report' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CoveringReportPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const user = await requirePermission('report:read');
  const id = Number((await params).id);
  const query = await searchParams;
  const db = getDb();
  const snapshot = Number.isInteger(id) && id > 0 ? getSnapshot(db, id) : null;
  if (!snapshot) notFound();
  const canWrite = userCan(user, 'report:write');
  const canSeeDrafts = canWrite || userCan(user, 'audit:read');
  const found = getCoveringReport(db, id);
  const report = found && (found.status === 'published' || canSeeDrafts) ? found : null;
  const meeting = `${FORUM_LABEL[snapshot.forum]}, ${formatDay(snapshot.meetingOn)}`;

  return (
    <div className="govuk-width-container app-width-container--wide">
      <Link href={`/snapshots/${id}`} className="govuk-back-link app-no-print">
        Back to the snapshot
      </Link>
      <main className="govuk-main-wrapper" id="main-content">
        {query.saved === '1' && report?.status === 'draft' ? <SuccessBanner id="saved-title">Draft saved.</SuccessBanner> : null}
        {query.published === '1' && report?.status === 'published' ? <SuccessBanner id="published-title">Covering report published.</SuccessBanner> : null}
        <div className="app-no-print">
          <span className="govuk-caption-l">{meeting}</span>
          <h1 className="govuk-heading-l">Covering report on the register as at {formatDay(snapshot.asAt)}</h1>
        </div>
        {!report ? (
          <>
            <p className="govuk-body">
              {found ? 'The covering report for this meeting has not been published yet.' : 'No covering report has been drafted for this meeting yet.'}
            </p>
            {!found && canWrite ? (
              <>
                <p className="govuk-body">
                  The draft follows the structure of the quarterly report: purpose, background, key risks (inherent, topical, new), risks removed since the last
                  report, and the register and glossary as appendices. You can edit the narrative before publishing.
                </p>
                <StartReportForm snapshotId={id} />
              </>
            ) : null}
          </>
        ) : (
          <>
            <div className="app-no-print">
              {report.status === 'published' ? (
                <p className="govuk-body" data-testid="report-status">
                  <strong className="govuk-tag govuk-tag--green">Published</strong> by {report.publishedByName} on {formatDay(report.publishedAt!.slice(0, 10))}
                  . SHA-256 of its content: <code>{report.sha256}</code>{' '}
                  {report.intact ? '(verified: the content matches)' : '(WARNING: the content no longer matches this hash)'}
                </p>
              ) : (
                <p className="govuk-body" data-testid="report-status">
                  <strong className="govuk-tag govuk-tag--yellow">Draft</strong> last saved by {report.updatedByName}. Board members see it once it is
                  published.
                </p>
              )}
              {report.status === 'published' ? (
                <>
                  <LaterCorrections corrections={correctionsSince(db, report.publishedAt!, snapshot.asAt)} record="published report" />
                  <RebuildDiffers comparison={compareWithRebuild(db, snapshot)} asAt={snapshot.asAt} record="published report" />
                </>
              ) : null}
              <ul className="govuk-list">
                <li>
                  <a className="govuk-link" href={`/api/snapshots/${id}/report/pdf`}>
                    Download as PDF{report.status === 'draft' ? ' (draft)' : ''}
                  </a>
                </li>
                <li>
                  <a className="govuk-link" href={`/api/snapshots/${id}/report/docx`}>
                    Download as Word (.docx){report.status === 'draft' ? ' (draft)' : ''}
                  </a>
                </li>
                {canWrite && report.status === 'draft' ? (
                  <li>
                    <Link className="govuk-link" href={`/snapshots/${id}/report/edit`}>
                      Edit the narrative
                    </Link>
                  </li>
                ) : null}
              </ul>
              <p className="govuk-body-s">To print, use your browser’s print command: the service’s header, navigation and these controls are left out.</p>
            </div>
            <CoveringReportView report={report.report} draft={report.status === 'draft'} />
            {canWrite && report.status === 'draft' ? (
              <div className="app-no-print">
                <h2 className="govuk-heading-m">Publish</h2>
                <PublishReportForm snapshotId={id} version={report.version} />
              </div>
            ) : null}
          </>
        )}
      </main>
    </div>
  );
}
