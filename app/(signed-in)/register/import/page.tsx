import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePermission } from '@/lib/auth/guard';
import { ImportForms } from './import-forms';

export const metadata: Metadata = { title: 'Import a register' };

export default async function ImportPage() {
  await requirePermission('register:import');
  return (
    <div className="govuk-width-container">
      <Link href="/register" className="govuk-back-link">
        Back to the register
      </Link>
      <main className="govuk-main-wrapper" id="main-content">
        <h1 className="govuk-heading-l">Import a register</h1>
        <p className="govuk-body">
          Bring in an existing register. You see a preview first, with a warning or error against each row; nothing is saved until you apply it. Importing the
          same file again changes nothing; a later version adds a review only to the risks that changed.
        </p>
        <ImportForms />
      </main>
    </div>
  );
}
