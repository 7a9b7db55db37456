import { formatDay } from '@/lib/domain/dates';

/**
 * Says when the register rebuilt now for a frozen record's day differs from what the record holds, in which
 * risks, and why that can happen; the record itself is never changed.
 */
export function RebuildDiffers({
  comparison,
  asAt,
  record,
}: {
  comparison: { differs: boolean; refs: string[]; settings: boolean };
  asAt: string;
  record: string;
}) {
  if (!comparison.differs) return null;
  const what = [comparison.refs.length ? `${comparison.refs.join(', ')}` : null, comparison.settings ? 'the appetite or removal rule' : null]
    .filter(Boolean)
    .join(' and ');
  return (
    <div className="govuk-inset-text" data-testid="rebuild-differs">
      The register rebuilt now as at {formatDay(asAt)} differs from this {record} in {what}. The {record} keeps what it showed when it was fixed. A difference
      comes from a review corrected since (listed above, if any) or from a change dated on or before {formatDay(asAt)} that was recorded after the {record} was
      fixed, such as a late review of another risk or a settings decision.
    </div>
  );
}
