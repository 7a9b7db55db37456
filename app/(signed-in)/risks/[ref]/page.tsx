import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { SummaryList } from '@/components/govuk/summary-list';
import { Tag } from '@/components/govuk/tag';
import { reviewHistoryRows } from '@/components/review-history-rows';
import { ReviewHistoryTable } from '@/components/review-history-table';
import { AppetiteFlag, BandTag, ReviewStatusTag } from '@/components/risk-tags';
import { getDb } from '@/db/client';
import { getRiskByRef, listPendingProposals } from '@/db/queries/risks';
import { CATEGORY_LABEL, describeRemovalRule, parseRef } from '@/lib/domain/categories';
import { formatDay } from '@/lib/domain/dates';
import { bandLabel, type Factor } from '@/lib/domain/scoring';
import { FACTOR_KEYS } from '@/lib/domain/settings';
import { requirePermission } from '@/lib/auth/guard';
import { ownsRisk } from '@/lib/auth/ownership';
import { userCan } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';
import { ActionsTable } from '@/components/actions-table';
import { getRiskInspectionLinks } from '@/db/queries/inspections';
import { FINDING_STATUS_LABEL } from '@/lib/domain/inspections';
import { DeclineProposalForm } from './propose/propose-form';
import { today } from '@/lib/today';
import { parseAsAt } from '@/lib/validation/register-filters';
import { SuccessBanner } from '@/components/govuk/success-banner';
import { Cell, Row, RowHeader, Table } from '@/components/govuk/table';

type Params = Promise<{ ref: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The risk, read once per request: the page and its title both ask for it. */
const loadRisk = cache((ref: string, asAt?: string) => {
  // A ref is letters and digits: anything percent-encoded is not one (and is not decoded, so it cannot throw).
  if (!parseRef(ref)) return null;
  return getRiskByRef(getDb(), ref, today(), asAt);
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  await requirePermission('register:read');
  const risk = loadRisk((await params).ref);
  return { title: risk ? `Risk ${risk.ref}` : 'Risk not found' };
}

export default async function RiskPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const user = await requirePermission('register:read');
  const query = await searchParams;
  const { asAt } = parseAsAt(query.asAt, today());
  const risk = loadRisk((await params).ref, asAt);
  if (!risk) notFound();
  const { settings, latest } = risk;
  const proposals = listPendingProposals(getDb(), risk.id);
  const links = getRiskInspectionLinks(getDb(), risk.id, today());
  const rule = { comparator: settings.removalComparator, threshold: settings.removalThreshold };

  return (
    <div className="govuk-width-container">
      <div className="govuk-breadcrumbs">
        <ol className="govuk-breadcrumbs__list">
          <li className="govuk-breadcrumbs__list-item">
            <Link className="govuk-breadcrumbs__link" href="/register">
              Risk register
            </Link>
          </li>
          <li className="govuk-breadcrumbs__list-item">Risk {risk.ref}</li>
        </ol>
      </div>
      <main className="govuk-main-wrapper govuk-!-padding-top-4" id="main-content">
        <span className="govuk-caption-l">
          {CATEGORY_LABEL[risk.category]} risk {risk.ref}
        </span>
        <h1 className="govuk-heading-l">{risk.event}</h1>
        {asAt ? (
          <div className="govuk-inset-text" data-testid="as-at">
            {risk.ref} as it stood on {formatDay(asAt)}, rebuilt from its history.{' '}
            <Link className="govuk-link" href={`/risks/${risk.ref}`}>
              See it today
            </Link>
            .
          </div>
        ) : null}

        {query.reviewed ? <SuccessBanner id="reviewed-title">Review saved: {latest.summary}.</SuccessBanner> : null}
        {typeof query.corrected === 'string' && /^\d{1,6}$/.test(query.corrected) ? (
          <SuccessBanner id="corrected-title">
            Correction of review {query.corrected} saved. The review as first recorded stays in the history below.
          </SuccessBanner>
        ) : null}
        {query.proposed ? <SuccessBanner id="proposed-title">Your proposal has been sent to office staff.</SuccessBanner> : null}
        {userCan(user, 'review:log') ? (
          <Link href={`/risks/${risk.ref}/review`} className="govuk-button" role="button" draggable={false}>
            Review this risk
          </Link>
        ) : null}
        {userCan(user, 'review:propose-own') && ownsRisk(user, risk.owner?.id) ? (
          <Link href={`/risks/${risk.ref}/propose`} className="govuk-button" role="button" draggable={false}>
            Propose an update
          </Link>
        ) : null}
        {proposals.length && userCan(user, 'review:log') ? (
          <section aria-labelledby="proposals-title" className="govuk-inset-text">
            <h2 className="govuk-heading-m" id="proposals-title">
              Proposals from the owner
            </h2>
            {proposals.map((p) => (
              <div key={p.id} data-testid="proposal">
                <p className="govuk-body">
                  {p.proposedBy} proposes L{p.likelihood} C{p.control} I{p.impact} = <strong>{p.score}</strong>: {p.reason}
                  {p.mitigationUpdate ? ` Mitigation updates: ${p.mitigationUpdate.split('\n').join('; ')}.` : ''}
                </p>
                <Link href={`/risks/${risk.ref}/review?proposal=${p.id}`} className="govuk-button" role="button" draggable={false}>
                  Review using this proposal
                </Link>
                <DeclineProposalForm refId={risk.ref} proposalId={p.id} />
              </div>
            ))}
          </section>
        ) : null}

        {risk.status === 'archived' ? (
          <div className="govuk-warning-text">
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong className="govuk-warning-text__text">
              <span className="govuk-visually-hidden">Warning</span>
              This risk was removed from the live register on {formatDay(risk.archivedOn)}
              {risk.archivedReason ? `: ${risk.archivedReason}` : '.'}
            </strong>
          </div>
        ) : null}

        <SummaryList
          rows={[
            { key: 'ID', value: risk.ref },
            {
              key: 'Category',
              value: `${CATEGORY_LABEL[risk.category]}${risk.category === 'inherent' ? ': always remains on the register' : `: removed when the score is ${describeRemovalRule(rule)}`}`,
            },
            { key: 'Status', value: risk.status === 'live' ? <Tag colour="turquoise">Live</Tag> : <Tag colour="grey">Archived</Tag> },
            { key: 'Date identified', value: formatDay(risk.dateIdentified) },
            { key: 'Owner', value: risk.owner ? risk.owner.name : <span className="app-unassigned">Unassigned: every risk needs an owner</span> },
            {
              key: 'Main impact areas',
              value: (
                <ul className="govuk-list app-list--compact">
                  {risk.impactAreas.map((area) => (
                    <li key={area}>{area}</li>
                  ))}
                </ul>
              ),
            },
            {
              key: 'Residual risk score',
              value: (
                <>
                  <span className="app-score">{latest.score}</span> <BandTag band={risk.band} /> <AppetiteFlag outside={risk.atOrAboveAppetite} />{' '}
                  <span className="govuk-body-s">(appetite {settings.appetite})</span>
                </>
              ),
            },
            { key: 'Summary', value: latest.summary },
            { key: 'Date reviewed', value: formatDay(latest.reviewedOn, latest.reviewedOnNote ?? 'Not recorded') },
            { key: 'Next review', value: <ReviewStatusTag due={risk.due} /> },
          ]}
        />

        <h2 className="govuk-heading-m">How the score is made</h2>
        <Table
          className="app-factor-table"
          caption={
            <>
              Score = {settings.factors.likelihood.name} × {settings.factors.control.name} × {settings.factors.impact.name}
              {latest.likelihood !== null ? ` = ${latest.likelihood} × ${latest.control} × ${latest.impact} = ${latest.score}` : ` = ${latest.score}`} (
              {bandLabel(risk.band)})
            </>
          }
          captionSize="s"
          columns={[{ header: 'Factor' }, { header: 'Value', numeric: true }, { header: 'What the value means' }]}
        >
          {FACTOR_KEYS.map((key) => {
            const factor = settings.factors[key];
            const value = latest[key];
            return (
              <Row key={key}>
                <RowHeader>
                  {factor.name} ({factor.abbreviation})<br />
                  <span className="govuk-body-s">{factor.scale}</span>
                </RowHeader>
                <Cell numeric>{value ?? 'Not recorded'}</Cell>
                <Cell>{value ? factor.values[value as Factor] : 'Not recorded'}</Cell>
              </Row>
            );
          })}
        </Table>

        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <h2 className="govuk-heading-m">Consequences</h2>
            {risk.consequences.length ? (
              <ul className="govuk-list govuk-list--bullet">
                {risk.consequences.map((c) => (
                  <li key={c.id}>{c.text}</li>
                ))}
              </ul>
            ) : (
              <p className="govuk-body">None recorded.</p>
            )}
          </div>
          <div className="govuk-grid-column-one-half">
            <h2 className="govuk-heading-m">Mitigation and controls</h2>
            {risk.mitigations.length ? (
              <ul className="govuk-list govuk-list--bullet">
                {risk.mitigations.map((m) => (
                  <li key={m.id}>
                    {m.text}
                    {m.owner ? <span className="govuk-body-s"> (owner: {m.owner})</span> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="govuk-body">None recorded.</p>
            )}
          </div>
        </div>

        <h2 className="govuk-heading-m">Inspection findings it bears on</h2>
        {links.findings.length ? (
          <ul className="govuk-list" data-testid="risk-findings">
            {links.findings.map((f) => (
              <li key={f.id}>
                {can(user.role, 'inspection:read') ? (
                  <Link className="govuk-link" href={`/inspections/findings/${f.id}`}>
                    {f.reference}
                  </Link>
                ) : (
                  f.reference
                )}{' '}
                ({f.title}; {f.component ?? 'no component'}
                {f.grade ? `, ${f.grade}` : ''}): {FINDING_STATUS_LABEL[f.status]}
              </li>
            ))}
          </ul>
        ) : (
          <p className="govuk-body">No findings linked.</p>
        )}
        {links.actions.length ? <ActionsTable rows={links.actions} caption="Open actions" /> : <p className="govuk-body">No open actions.</p>}
        {can(user.role, 'action:record') ? (
          <Link href={`/actions/new?risk=${risk.ref}`} className="govuk-button govuk-button--secondary" role="button" draggable={false}>
            Add an action
          </Link>
        ) : null}

        <h2 className="govuk-heading-m" id="history">
          Review history
        </h2>
        <ReviewHistoryTable
          history={reviewHistoryRows([...risk.history].reverse())}
          correctHref={userCan(user, 'review:log') && !asAt ? `/risks/${risk.ref}/reviews` : undefined}
        />
      </main>
    </div>
  );
}
