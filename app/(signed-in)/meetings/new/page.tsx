import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePermission } from '@/lib/auth/guard';
import { NewMeetingForm } from '../meeting-forms';

export const metadata: Metadata = { title: 'Add a meeting' };

export default async function NewMeetingPage() {
  await requirePermission('meeting:record');
  return (
    <div className="govuk-width-container">
      <Link href="/meetings" className="govuk-back-link">
        Back to meetings
      </Link>
      <main className="govuk-main-wrapper" id="main-content">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <h1 className="govuk-heading-l">Add a meeting</h1>
            <NewMeetingForm />
          </div>
        </div>
      </main>
    </div>
  );
}
