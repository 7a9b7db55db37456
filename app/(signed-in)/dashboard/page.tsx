import type { Metadata } from 'next';
import { listCommitments } from '@/db/queries/meetings';
import { offPlanMessage } from '@/lib/domain/meetings';
import Link from 'next/link';
import { BandTag } from '@/components/risk-tags';
import { getDb } from '@/db/client';
import { previousQuarterlySnapshot } from '@/db/queries/covering-reports';
import { listActions } from '@/db/queries/inspections';
import { getLiveRegister, getRegisterAsAt } from '@/db/queries/risks';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { appetiteCrossing, atOrAboveSince, changesSince, crossingText, countByCategoryAndBand, heatMap, inWords, trendText } from '@/lib/domain/dashboard';
import { describeDuration } from '@/lib/domain/durations';
import { DEFAULT_SETTINGS } from '@/lib/domain/settings';
import { listSettingsHistory } from '@/db/queries/settings';
import { FORUM_LABEL } from '@/lib/domain/forums';
import { formatDay } from '@/lib/domain/dates';
import { CATEGORIES, CATEGORY_LABEL } from '@/lib/domain/categories';
import { BAND_NAMES, bandLabel } from '@/lib/domain/scoring';
import { today } from '@/lib/today';
import { parseAsAt } from '@/lib/validation/register-filters';
import { Cell, Row, RowHeader, Table } from '@/components/govuk/table';

export const metadata: Metadata = { title: 'Dashboard' };

/**
 * A risk's scores as a line with a marker at each review, against a dashed line at the appetite. Drawn
 * from zero to the higher of the appetite and the highest score, so a move reads at its true proportion;
 * decorative, as the scores are written beside it in words.
 */
function Sparkline({ scores, appetite }: { scores: number[]; appetite: number }) {
  if (scores.length < 2) return null;
  const w = 160;
  const h = 48;
  const pad = 5;
  const top = Math.max(appetite, ...scores);
  const x = (i: number) => pad + (i / (scores.length - 1)) * (w - 2 * pad);
  const y = (score: number) => h - pad - (score / top) * (h - 2 * pad);
  return (
    <svg width={w} height={h} viewBox={`0 0 ${w} ${h}`} aria-hidden="true" focusable="false" className="app-sparkline">
      <line x1={0} x2={w} y1={y(appetite)} y2={y(appetite)} className="app-sparkline__appetite" strokeDasharray="6 4" strokeWidth="2" />
      <polyline points={scores.map((s, i) => `${x(i)},${y(s)}`).join(' ')} fill="none" stroke="currentColor" strokeWidth="3" strokeLinejoin="round" />
      {scores.map((s, i) => (
        <circle key={i} cx={x(i)} cy={y(s)} r="4" fill="currentColor" />
      ))}
    </svg>
  );
}

/** A review's move across the appetite, with the appetite of its day. */
function CrossingNote({ crossing }: { crossing: ReturnType<typeof appetiteCrossing> }) {
  if (!crossing) return null;
  return ` (${crossingText(crossing)})`;
}

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission('register:read');
  const query = await searchParams;
  const now = today();
  const { asAt } = parseAsAt(query.asAt, now);
  const day = asAt ?? now;
  const db = getDb();
  const { all, settings } = asAt ? getRegisterAsAt(db, asAt, {}, 'full') : getLiveRegister(db, day, {}, 'full');
  const map = heatMap(all);
  // Each day is judged against the appetite in force that day, not today's.
  const appetites = {
    initial: DEFAULT_SETTINGS.appetite,
    decisions: listSettingsHistory(db).map((d) => ({ effectiveFrom: d.effectiveFrom, value: d.appetite })),
  };
  const counts = countByCategoryAndBand(all);
  const outside = all.filter((r) => r.atOrAboveAppetite);
  const overdueReviews = all.filter((r) => r.due.status === 'overdue');
  const removable = all.filter((r) => r.removalEligible);
  const overdueActions = !asAt && can(user.role, 'action:read') ? listActions(db, day, { overdue: true }) : [];
  // For the office that keeps the plan: commitments the meeting they are due at does not carry.
  const offPlan = !asAt && can(user.role, 'meeting:record') ? listCommitments(db).filter((c) => offPlanMessage(c)) : [];
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
            <Table
              data-testid="counts"
              caption="Risks by category and band"
              captionSize="m"
              columns={[{ header: 'Category' }, ...BAND_NAMES.map((b) => ({ header: bandLabel(b), numeric: true })), { header: 'Total', numeric: true }]}
            >
              {CATEGORIES.map((c) => (
                <Row key={c} data-category={c}>
                  <RowHeader>{CATEGORY_LABEL[c]}</RowHeader>
                  {BAND_NAMES.map((b) => (
                    <Cell numeric key={b} data-band={b}>
                      {counts[c][b]}
                    </Cell>
                  ))}
                  <Cell numeric data-band="total">
                    {counts[c].total}
                  </Cell>
                </Row>
              ))}
            </Table>
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
                        const since = atOrAboveSince(r.history, appetites, day);
                        const lasted = since ? (describeDuration(since, day) ?? 'since today') : null;
                        return `${r.ref} (${r.latest.score}${lasted ? `, ${lasted === 'since today' ? lasted : `for ${lasted}`}` : ''})`;
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
              {offPlan.map((c) => (
                <li key={`plan-${c.id}`} data-testid="off-plan-flag">
                  <Link className="govuk-link" href={`/meetings/${c.due!.id}`}>
                    {offPlanMessage(c)}
                  </Link>
                  : {c.what}
                </li>
              ))}
            </ul>
          </div>
        </div>

        <Table
          className="app-heat-map"
          data-testid="heat-map"
          caption={
            <>
              Heat map: {settings.factors.likelihood.name} by {settings.factors.impact.name}
            </>
          }
          captionSize="m"
          columns={[{ header: null }, ...[1, 2, 3, 4].map((i) => ({ header: `${settings.factors.impact.name} ${i}` }))]}
        >
          {map.rows.map((row) => (
            <Row key={row.likelihood}>
              <RowHeader>
                {settings.factors.likelihood.name} {row.likelihood}
              </RowHeader>
              {row.cells.map((cell) => (
                <Cell className="app-heat-map__cell" key={cell.impact} data-cell={`${row.likelihood}-${cell.impact}`}>
                  {cell.risks.length ? (
                    <ul className="govuk-list govuk-!-margin-bottom-0">
                      {cell.risks.map((r) => (
                        <li key={r.ref} className={`app-heat-map__risk app-heat-map__cell--${r.band}`} data-ref={r.ref}>
                          <Link className="govuk-link" href={asAt ? `/risks/${r.ref}?asAt=${asAt}` : `/risks/${r.ref}`}>
                            {r.ref}
                          </Link>
                          : {r.score} {bandLabel(r.band)} (C{r.control})
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </Cell>
              ))}
            </Row>
          ))}
        </Table>
        <div className="govuk-body" data-testid="heat-map-key">
          <p className="govuk-body">
            Each risk sits at its {settings.factors.likelihood.name.toLowerCase()} and {settings.factors.impact.name.toLowerCase()}, shown with its score, band
            and {settings.factors.control.name.toLowerCase()} score (C1 to C4). The score also multiplies {settings.factors.control.name.toLowerCase()}, so
            risks in one cell can fall in different bands.
          </p>
          {map.unplaced.length ? (
            <>
              <p className="govuk-body">Not on the grid, but counted in the totals above:</p>
              <ul className="govuk-list govuk-list--bullet" data-testid="heat-map-unplaced">
                {map.unplaced.map((r) => (
                  <li key={r.ref}>
                    <Link className="govuk-link" href={asAt ? `/risks/${r.ref}?asAt=${asAt}` : `/risks/${r.ref}`}>
                      {r.ref}
                    </Link>
                    : {r.score} {bandLabel(r.band)}, because {r.reason}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>

        <Table
          data-testid="trends"
          caption="Score trends"
          captionSize="m"
          columns={[
            { header: 'Risk' },
            { header: 'Scores, oldest first' },
            { header: `Trend (dashed line: the appetite of ${settings.appetite})` },
            { header: 'Band now' },
          ]}
        >
          {all.map((r) => (
            <Row key={r.ref} data-ref={r.ref}>
              <RowHeader>{r.ref}</RowHeader>
              <Cell data-col="trend">{trendText(r.history)}</Cell>
              <Cell>
                <Sparkline scores={r.history.map((h) => h.score)} appetite={settings.appetite} />
              </Cell>
              <Cell>
                <BandTag band={r.band} />
              </Cell>
            </Row>
          ))}
        </Table>

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
                <CrossingNote crossing={appetiteCrossing(r.latest, appetites, day)} />
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
