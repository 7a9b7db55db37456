import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { listFindingChoices } from '@/db/queries/inspections';
import { getLiveRegister } from '@/db/queries/risks';
import { listOwners } from '@/db/queries/users';
import { requirePermission } from '@/lib/auth/guard';
import { today } from '@/lib/today';
import { NewActionForm } from '../action-forms';

export const metadata: Metadata = { title: 'Add an action' };

export default async function NewActionPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission('action:record');
  const query = await searchParams;
  const db = getDb();
  const finding = typeof query.finding === 'string' && /^\d+$/.test(query.finding) ? query.finding : '';
  const risk = typeof query.risk === 'string' && /^[IT]\d+$/.test(query.risk) ? query.risk : '';
  return (
    <div className="govuk-width-container">
      <Link href="/actions" className="govuk-back-link">
        Back to actions
      </Link>
      <main className="govuk-main-wrapper" id="main-content">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <h1 className="govuk-heading-l">Add an action</h1>
            <NewActionForm
              people={listOwners(db).map((p) => ({ value: String(p.id), text: p.name }))}
              findings={listFindingChoices(db).map((f) => ({ value: String(f.id), text: `${f.reference}: ${f.text.slice(0, 60)}…` }))}
              risks={getLiveRegister(db, today()).all.map((r) => ({ value: r.ref, text: `${r.ref}: ${r.event.slice(0, 70)}` }))}
              preset={{ sourceType: finding ? 'finding' : risk ? 'risk' : '', findingId: finding, riskRef: risk }}
            />
          </div>
        </div>
      </main>
    </div>
  );
}
