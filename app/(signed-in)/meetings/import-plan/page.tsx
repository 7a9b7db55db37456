import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePermission } from '@/lib/auth/guard';
import { ImportPlan } from '../meeting-forms';

export const metadata: Metadata = { title: 'Import a forward work plan' };

export default async function ImportPlanPage() {
  await requirePermission('meeting:record');
  return (
    <div className="govuk-width-container">
      <Link href="/meetings" className="govuk-back-link">
        Back to meetings
      </Link>
      <main className="govuk-main-wrapper" id="main-content">
        <h1 className="govuk-heading-l">Import a forward work plan</h1>
        <p className="govuk-body">
          The service reads each meeting’s date, time, place and provisional agenda items from the plan as the agenda pack prints it. Check the preview and
          confirm: nothing is saved before that, and an item a meeting already has is not added twice.
        </p>
        <ImportPlan />
      </main>
    </div>
  );
}
