import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePermission } from '@/lib/auth/guard';
import { ImportReport } from './import-report';

export const metadata: Metadata = { title: 'Import an inspection report' };

export default async function ImportReportPage() {
  await requirePermission('inspection:record');
  return (
    <div className="govuk-width-container">
      <Link href="/inspections" className="govuk-back-link">
        Back to inspections
      </Link>
      <main className="govuk-main-wrapper" id="main-content">
        <h1 className="govuk-heading-l">Import an inspection report</h1>
        <p className="govuk-body">
          The service reads the force, year and type, the graded judgments, and every area for improvement, cause of concern and recommendation with its
          component. Check the preview, correct anything, and confirm: nothing is saved before that.
        </p>
        <ImportReport />
      </main>
    </div>
  );
}
