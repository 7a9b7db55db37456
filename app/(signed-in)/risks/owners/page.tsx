import type { Metadata } from 'next';
import Link from 'next/link';
import { SuccessBanner } from '@/components/govuk/success-banner';
import { getDb } from '@/db/client';
import { getLiveRegister } from '@/db/queries/risks';
import { listOwners } from '@/db/queries/users';
import { requirePermission } from '@/lib/auth/guard';
import { today } from '@/lib/today';
import { OwnersForm } from './owners-form';

export const metadata: Metadata = { title: 'Assign risk owners' };

/** Staff assign owners to many risks on one page; each change is audited as its own entry. */
export default async function OwnersPage({ searchParams }: { searchParams: Promise<{ assigned?: string | string[] }> }) {
  await requirePermission('risk:edit');
  const db = getDb();
  const { all } = getLiveRegister(db, today());
  const assigned = Number((await searchParams).assigned);
  const unassigned = all.filter((r) => !r.owner).length;
  return (
    <div className="govuk-width-container">
      <Link href="/register" className="govuk-back-link">
        Back to the register
      </Link>
      <main className="govuk-main-wrapper" id="main-content">
        {Number.isInteger(assigned) && assigned > 0 ? (
          <SuccessBanner id="owners-done-title">
            {assigned === 1 ? 'One risk’s owner was changed.' : `${assigned} risks’ owners were changed.`} Each change is in the audit log.
          </SuccessBanner>
        ) : null}
        <h1 className="govuk-heading-l">Assign risk owners</h1>
        <p className="govuk-body">
          Owners provide updates on mitigation and score, and can propose updates to the risks they own.{' '}
          {unassigned ? `${unassigned} of ${all.length} live risks have no owner.` : 'Every live risk has an owner.'} Only the owners you change are saved.
        </p>
        <OwnersForm risks={all.map((r) => ({ ref: r.ref, event: r.event, ownerId: r.owner?.id ?? null, version: r.version }))} people={listOwners(db)} />
      </main>
    </div>
  );
}
