import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { listIssuedRefs } from '@/db/queries/risks';
import { getSettingsInForce } from '@/db/queries/settings';
import { listOwners } from '@/db/queries/users';
import { requirePermission } from '@/lib/auth/guard';
import { nextRef } from '@/lib/domain/categories';
import { today } from '@/lib/today';
import { dateInputValues } from '@/lib/validation/date-input';
import { NewRiskForm } from './new-risk-form';

export const metadata: Metadata = { title: 'Add a risk' };

export default async function NewRiskPage() {
  await requirePermission('risk:create');
  const db = getDb();
  const day = today();
  const refs = listIssuedRefs(db);
  const date = dateInputValues('d', day);
  const settings = getSettingsInForce(db, day);
  return (
    <div className="govuk-width-container">
      <Link href="/register" className="govuk-back-link">
        Back to the register
      </Link>
      <main className="govuk-main-wrapper" id="main-content">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <h1 className="govuk-heading-l">Add a risk</h1>
            <NewRiskForm
              people={listOwners(db)}
              factors={settings.factors}
              appetite={settings.appetite}
              nextRefs={{ inherent: nextRef('inherent', refs), topical: nextRef('topical', refs) }}
              today={{ day: date['d-day']!, month: date['d-month']!, year: date['d-year']! }}
            />
          </div>
        </div>
      </main>
    </div>
  );
}
