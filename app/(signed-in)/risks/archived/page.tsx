import type { Metadata } from 'next';
import Link from 'next/link';
import { BandTag } from '@/components/risk-tags';
import { getDb } from '@/db/client';
import { getArchivedRisks } from '@/db/queries/risks';
import { requirePermission } from '@/lib/auth/guard';
import { CATEGORY_LABEL } from '@/lib/domain/categories';
import { formatDay } from '@/lib/domain/dates';
import { today } from '@/lib/today';

export const metadata: Metadata = { title: 'Archived risks' };

/** Topical risks removed from the live register: still readable, with their whole history. */
export default async function ArchivedRisksPage() {
  await requirePermission('register:read');
  const rows = getArchivedRisks(getDb(), today());
  return (
    <div className="govuk-width-container">
      <main className="govuk-main-wrapper" id="main-content">
        <h1 className="govuk-heading-l">Archived risks</h1>
        <p className="govuk-body">
          Topical risks leave the live register when a review scores them below the removal threshold. They are kept here with their whole history, and return
          to the register if a later review scores them at or above the threshold.
        </p>
        {rows.length === 0 ? (
          <p className="govuk-body">No risks have been removed from the register.</p>
        ) : (
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">{rows.length} archived</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  ID
                </th>
                <th scope="col" className="govuk-table__header">
                  Event
                </th>
                <th scope="col" className="govuk-table__header">
                  Category
                </th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                  Last score
                </th>
                <th scope="col" className="govuk-table__header">
                  Band
                </th>
                <th scope="col" className="govuk-table__header">
                  Removed on
                </th>
                <th scope="col" className="govuk-table__header">
                  Why
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {rows.map((row) => (
                <tr className="govuk-table__row" key={row.ref} data-ref={row.ref}>
                  <th scope="row" className="govuk-table__header">
                    <Link className="govuk-link" href={`/risks/${row.ref}`}>
                      {row.ref}
                    </Link>
                  </th>
                  <td className="govuk-table__cell">{row.event}</td>
                  <td className="govuk-table__cell">{CATEGORY_LABEL[row.category]}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{row.latest.score}</td>
                  <td className="govuk-table__cell">
                    <BandTag band={row.band} />
                  </td>
                  <td className="govuk-table__cell">{formatDay(row.archivedOn)}</td>
                  <td className="govuk-table__cell">{row.archivedReason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </main>
    </div>
  );
}
