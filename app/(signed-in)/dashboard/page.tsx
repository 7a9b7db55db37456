import type { Metadata } from 'next';
import Link from 'next/link';
import { BandTag } from '@/components/risk-tags';
import { getDb } from '@/db/client';
import { previousQuarterlySnapshot } from '@/db/queries/covering-reports';
import { listActions } from '@/db/queries/inspections';
import { getLiveRegister, getRegisterAsAt } from '@/db/queries/risks';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { changesSince, countByCategoryAndBand, daysAtOrAbove, heatMap, inWords, trendText } from '@/lib/domain/dashboard';
import { FORUM_LABEL } from '@/lib/domain/forums';
import { formatDay } from '@/lib/domain/dates';
import { CATEGORIES, CATEGORY_LABEL } from '@/lib/domain/categories';
import { BAND_NAMES, bandLabel } from '@/lib/domain/scoring';
import { today } from '@/lib/today';
import { parseAsAt } from '@/lib/validation/register-filters';

export const metadata: Metadata = { title: 'Dashboard' };

/** A small score trend line; decorative, as the trend is written beside it in words. */
function Sparkline({ scores }: { scores: number[] }) {
  if (scores.length < 2) return null;
  const w = 80;
  const h = 20;
  const points = scores.map((s, i) => `${(i / (scores.length - 1)) * w},${h - (s / 64) * h}`).join(' ');
  return (
    <svg width={w} height={h} viewBox={`0 0 ${w} ${h}`} aria-hidden="true" focusable="false" className="app-sparkline">
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission('register:read');
  const query = await searchParams;
  const now = today();
  const { asAt } = parseAsAt(query.asAt, now);
  const day = asAt ?? now;
  const db = getDb();
  const { all, settings } = asAt ? getRegisterAsAt(db, asAt, {}, 'full') : getLiveRegister(db, day, {}, 'full');
  const counts = countByCategoryAndBand(all);
  const outside = all.filter((r) => r.atOrAboveAppetite);
  const overdueReviews = all.filter((r) => r.due.status === 'overdue');
  const removable = all.filter((r) => r.removalEligible);
  const overdueActions = !asAt && can(user.role, 'action:read') ? listActions(db, day, { overdue: true }) : [];
  const moved = all.filter((r) => r.latest.direction !== 'maintained');
  const lastReport = previousQuarterlySnapshot(db, day, true);
  const since = lastReport
    ? changesSince(lastReport.data, { appetite: settings.appetite, risks: all.map((r) => ({ ref: r.ref, event: r.event, score: r.latest.score })) })
    : null;
  const sinceLines = since
    ? [
        ...since.new.map((r) => `${r.ref} is new (score ${r.score})`),
        ...since.removed.map((r) => `${r.ref} has left the register (last scored ${r.score})`),
        ...since.increased.map((r) => `${r.ref} increased from ${r.previous} to ${r.score}`),
        ...since.reduced.map((r) => `${r.ref} reduced from ${r.previous} to ${r.score}`),
        ...since.intoAppetiteBreach.map((r) => `${r.ref} is now at or above the appetite`),
        ...since.backWithinAppetite.map((r) => `${r.ref} is back within the appetite`),
      ]
    : [];
  return (
    <div className="govuk-width-container app-width-container--wide">
      <main className="govuk-main-wrapper" id="main-content">
        <h1 className="govuk-heading-l">Dashboard{asAt ? ` as at ${formatDay(asAt)}` : ''}</h1>
        <p className="govuk-body">
          {CATEGORIES.map((c) => {
            const n = counts[c];
            const lower = n.minor + n.acceptable;
            return `The register identifies ${inWords(n.total)} ${c} risks; ${inWords(lower)} ${lower === 1 ? 'is' : 'are'} considered as either minor or acceptable and ${inWords(n.moderate + n.high)} ${n.moderate + n.high === 1 ? 'is' : 'are'} considered moderate or high. `;
          })}
          Risk appetite: {settings.appetite}.
        </p>

        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <table className="govuk-table" data-testid="counts">
              <caption className="govuk-table__caption govuk-table__caption--m">Risks by category and band</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    Category
                  </th>
                  {BAND_NAMES.map((b) => (
                    <th scope="col" className="govuk-table__header govuk-table__header--numeric" key={b}>
                      {bandLabel(b)}
                    </th>
                  ))}
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    Total
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {CATEGORIES.map((c) => (
                  <tr className="govuk-table__row" key={c} data-category={c}>
                    <th scope="row" className="govuk-table__header">
                      {CATEGORY_LABEL[c]}
                    </th>
                    {BAND_NAMES.map((b) => (
                      <td className="govuk-table__cell govuk-table__cell--numeric" key={b} data-band={b}>
                        {counts[c][b]}
                      </td>
                    ))}
                    <td className="govuk-table__cell govuk-table__cell--numeric" data-band="total">
                      {counts[c].total}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="govuk-grid-column-one-half">
            <h2 className="govuk-heading-m">Needs attention</h2>
            <ul className="govuk-list govuk-list--bullet" data-testid="attention">
              <li>
                {outside.length ? (
                  <>
                    At or above the appetite of {settings.appetite}:{' '}
                    {outside
                      .map((r) => {
                        const days = daysAtOrAbove(r.history, settings.appetite, day);
                        return `${r.ref} (${r.latest.score}${days !== null ? `, for ${days} days` : ''})`;
                      })
                      .join(', ')}
                  </>
                ) : (
                  `No risk is at or above the appetite of ${settings.appetite}`
                )}
              </li>
              <li>
                {overdueReviews.length} {overdueReviews.length === 1 ? 'review is' : 'reviews are'} overdue
              </li>
              <li>
                {removable.length ? `Topical risks eligible for removal: ${removable.map((r) => r.ref).join(', ')}` : 'No topical risk is eligible for removal'}
              </li>
              {!asAt && can(user.role, 'action:read') ? (
                <li>
                  {overdueActions.length} {overdueActions.length === 1 ? 'action is' : 'actions are'} overdue{' '}
                  <Link className="govuk-link" href="/actions?overdue=yes">
                    (see them)
                  </Link>
                </li>
              ) : null}
            </ul>
          </div>
        </div>

        <table className="govuk-table app-heat-map" data-testid="heat-map">
          <caption className="govuk-table__caption govuk-table__caption--m">
            Heat map: {settings.factors.likelihood.name} by {settings.factors.impact.name} (each risk with its {settings.factors.control.name.toLowerCase()}{' '}
            score, C)
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <td className="govuk-table__header" />
              {[1, 2, 3, 4].map((i) => (
                <th scope="col" className="govuk-table__header" key={i}>
                  {settings.factors.impact.name} {i}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {heatMap(all).map((row) => (
              <tr className="govuk-table__row" key={row.likelihood}>
                <th scope="row" className="govuk-table__header">
                  {settings.factors.likelihood.name} {row.likelihood}
                </th>
                {row.cells.map((cell) => (
                  <td
                    className={`govuk-table__cell app-heat-map__cell app-heat-map__cell--${cell.band}`}
                    key={cell.impact}
                    data-cell={`${row.likelihood}-${cell.impact}`}
                  >
                    <span className="govuk-body-s">{bandLabel(cell.band)}</span>
                    {cell.risks.length ? (
                      <ul className="govuk-list govuk-!-margin-bottom-0">
                        {cell.risks.map((r) => (
                          <li key={r.ref}>
                            <Link className="govuk-link" href={asAt ? `/risks/${r.ref}?asAt=${asAt}` : `/risks/${r.ref}`}>
                              {r.ref}
                            </Link>{' '}
                            (C{r.control})
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>

        <table className="govuk-table" data-testid="trends">
          <caption className="govuk-table__caption govuk-table__caption--m">Score trends</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Risk
              </th>
              <th scope="col" className="govuk-table__header">
                Scores, oldest first
              </th>
              <th scope="col" className="govuk-table__header">
                Trend
              </th>
              <th scope="col" className="govuk-table__header">
                Band now
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {all.map((r) => (
              <tr className="govuk-table__row" key={r.ref} data-ref={r.ref}>
                <th scope="row" className="govuk-table__header">
                  {r.ref}
                </th>
                <td className="govuk-table__cell" data-col="trend">
                  {trendText(r.history)}
                </td>
                <td className="govuk-table__cell">
                  <Sparkline scores={r.history.map((h) => h.score)} />
                </td>
                <td className="govuk-table__cell">
                  <BandTag band={r.band} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>

        <h2 className="govuk-heading-m">Changes since the last quarterly report</h2>
        {lastReport ? (
          <>
            <p className="govuk-body" data-testid="since-report">
              Compared with the register as at {formatDay(lastReport.asAt)}, frozen for the {FORUM_LABEL[lastReport.forum]} on {formatDay(lastReport.meetingOn)}{' '}
              (
              <Link className="govuk-link" href={`/snapshots/${lastReport.id}`}>
                open that snapshot
              </Link>
              ).
            </p>
            {sinceLines.length ? (
              <ul className="govuk-list govuk-list--bullet" data-testid="since-report-changes">
                {sinceLines.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            ) : (
              <p className="govuk-body">Nothing has changed since then.</p>
            )}
          </>
        ) : (
          <p className="govuk-body">
            No register has been frozen for a CMB, audit committee or Panel meeting {asAt ? 'by this date' : 'yet'}, so there is no quarterly report to compare
            with.
          </p>
        )}

        <h2 className="govuk-heading-m">What changed at the latest reviews</h2>
        {moved.length ? (
          <ul className="govuk-list govuk-list--bullet" data-testid="moved">
            {moved.map((r) => (
              <li key={r.ref}>
                {r.ref}: {r.latest.summary}
                {r.latest.previousScore !== null && r.latest.previousScore >= settings.appetite !== r.atOrAboveAppetite
                  ? r.atOrAboveAppetite
                    ? ' (now at or above appetite)'
                    : ' (now back within appetite)'
                  : ''}
              </li>
            ))}
          </ul>
        ) : (
          <p className="govuk-body">No score changed at the latest reviews.</p>
        )}
      </main>
    </div>
  );
}
