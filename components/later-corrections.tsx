import Link from 'next/link';
import type { LaterCorrection } from '@/db/queries/covering-reports';
import { formatTime } from '@/lib/domain/dates';

/**
 * Says that reviews behind a frozen record were corrected after it was fixed: the record keeps what it
 * showed, and each correction links to the risk's history, where the review and its correction both stand.
 */
export function LaterCorrections({ corrections, record }: { corrections: LaterCorrection[]; record: string }) {
  if (!corrections.length) return null;
  return (
    <div className="govuk-warning-text" data-testid="later-corrections">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <div className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        {corrections.length === 1 ? 'A review' : `${corrections.length} reviews`} behind this {record} {corrections.length === 1 ? 'was' : 'were'} corrected
        after it was fixed. The {record} keeps what it showed; the corrections are:
        <ul className="govuk-list govuk-list--bullet govuk-!-margin-top-2 govuk-!-margin-bottom-0">
          {corrections.map((c) => (
            <li key={`${c.ref}-${c.sequence}-${c.correctedAt}`}>
              <Link className="govuk-link" href={`/risks/${c.ref}#review-${c.sequence}`}>
                {c.ref}, review {c.sequence}
              </Link>
              , corrected {formatTime(c.correctedAt)} by {c.by}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
