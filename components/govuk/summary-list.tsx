import type { ReactNode } from 'react';

export type SummaryRow = { key: string; value: ReactNode };

/** GOV.UK summary list for a record's fields. */
export function SummaryList({ rows, className }: { rows: SummaryRow[]; className?: string }) {
  return (
    <dl className={['govuk-summary-list', className ?? ''].filter(Boolean).join(' ')}>
      {rows.map((row) => (
        <div className="govuk-summary-list__row" key={row.key}>
          <dt className="govuk-summary-list__key">{row.key}</dt>
          <dd className="govuk-summary-list__value">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
