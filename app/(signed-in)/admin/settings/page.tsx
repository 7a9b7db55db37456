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
import { Cell, Row, Table } from '@/components/govuk/table';

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
        <Table
          caption="Decisions, newest first"
          captionSize="m"
          columns={[
            { header: 'From' },
            { header: 'Appetite', numeric: true },
            { header: 'Topical removal' },
            { header: 'Factors' },
            { header: 'Approved by' },
            { header: 'Minute' },
          ]}
        >
          {history.map((row) => (
            <Row key={row.id}>
              <Cell className="app-nowrap">{formatDay(row.effectiveFrom)}</Cell>
              <Cell numeric>{row.appetite}</Cell>
              <Cell>score {describeRemovalRule({ comparator: row.removalComparator, threshold: row.removalThreshold })}</Cell>
              <Cell>
                {row.likelihoodName} × {row.controlName} ({row.controlScale}) × {row.impactName}
              </Cell>
              <Cell>{row.approvedBy}</Cell>
              <Cell>{row.minuteRef ?? 'None'}</Cell>
            </Row>
          ))}
        </Table>
      </main>
    </div>
  );
}
