import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { getLiveRegister } from '@/db/queries/risks';
import { listSettingsHistory } from '@/db/queries/settings';
import { requirePermission } from '@/lib/auth/guard';
import { formatDay } from '@/lib/domain/dates';
import { describeRemovalRule } from '@/lib/domain/categories';
import { today } from '@/lib/today';
import { dateInputValues } from '@/lib/validation/date-input';
import { SettingsForm } from './settings-form';

export const metadata: Metadata = { title: 'Register settings' };

export default async function SettingsPage() {
  await requirePermission('settings:manage');
  const db = getDb();
  const day = today();
  const { settings, all } = getLiveRegister(db, day);
  const history = listSettingsHistory(db).reverse();
  const date = dateInputValues('d', day);
  return (
    <div className="govuk-width-container">
      <main className="govuk-main-wrapper" id="main-content">
        <h1 className="govuk-heading-l">Register settings</h1>
        <p className="govuk-body">
          In force today: risk appetite <strong>{settings.appetite}</strong>; topical risks leave the register with a score{' '}
          {describeRemovalRule({ comparator: settings.removalComparator, threshold: settings.removalThreshold })}. Each change is a board decision: it is
          recorded with the date it takes effect and who approved it, and earlier decisions are kept.
        </p>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <h2 className="govuk-heading-m">Record a decision</h2>
            <SettingsForm
              current={{
                appetite: settings.appetite,
                removalComparator: settings.removalComparator,
                removalThreshold: settings.removalThreshold,
                likelihoodName: settings.factors.likelihood.name,
                controlName: settings.factors.control.name,
                controlScale: settings.factors.control.scale,
                impactName: settings.factors.impact.name,
              }}
              risks={all.map((r) => ({ ref: r.ref, score: r.latest.score }))}
              today={{ day: date['d-day']!, month: date['d-month']!, year: date['d-year']! }}
            />
          </div>
        </div>
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">Decisions, newest first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                From
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Appetite
              </th>
              <th scope="col" className="govuk-table__header">
                Topical removal
              </th>
              <th scope="col" className="govuk-table__header">
                Factors
              </th>
              <th scope="col" className="govuk-table__header">
                Approved by
              </th>
              <th scope="col" className="govuk-table__header">
                Minute
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {history.map((row) => (
              <tr className="govuk-table__row" key={row.id}>
                <td className="govuk-table__cell app-nowrap">{formatDay(row.effectiveFrom)}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{row.appetite}</td>
                <td className="govuk-table__cell">score {describeRemovalRule({ comparator: row.removalComparator, threshold: row.removalThreshold })}</td>
                <td className="govuk-table__cell">
                  {row.likelihoodName} × {row.controlName} ({row.controlScale}) × {row.impactName}
                </td>
                <td className="govuk-table__cell">{row.approvedBy}</td>
                <td className="govuk-table__cell">{row.minuteRef ?? 'None'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </main>
    </div>
  );
}
